"""annotationlib (3.14, PEP 649/749): reading annotations in the VALUE,
FORWARDREF and STRING formats.

minipy's compiler-made __annotate__ functions carry their annotations'
source text (_texts, annotate.go). FORWARDREF asks them for the
annotations that evaluate (the private format -1) and makes a ForwardRef
of the text of each of the others; STRING is that text. CPython instead
runs the function over fake globals that record every operation, so an
annotation that fails only in part (list[Undefined]) is a container of
ForwardRefs there and one ForwardRef of the whole text here.
"""

import enum
import sys

__all__ = [
    "Format",
    "ForwardRef",
    "call_annotate_function",
    "call_evaluate_function",
    "get_annotate_from_class_namespace",
    "get_annotations",
    "annotations_to_string",
    "type_repr",
]


class Format(enum.IntEnum):
    VALUE = 1
    VALUE_WITH_FAKE_GLOBALS = 2
    FORWARDREF = 3
    STRING = 4


def _module_dict(name):
    mod = sys.modules.get(name) if name else None
    return getattr(mod, "__dict__", None) if mod is not None else None


class ForwardRef:
    """An annotation that could not be evaluated, kept as its source text."""

    def __init__(self, arg, *, module=None, owner=None, is_argument=True, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_module__ = module
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__owner__ = owner

    def __init_subclass__(cls, /, *args, **kwds):
        raise TypeError("Cannot subclass ForwardRef")

    @property
    def __forward_code__(self):
        try:
            return compile(self.__forward_arg__, "<string>", "eval")
        except SyntaxError:
            raise SyntaxError(
                f"Forward reference must be an expression -- got {self.__forward_arg__!r}") from None

    def evaluate(self, *, globals=None, locals=None, type_params=None, owner=None, format=Format.VALUE):
        """The value of the text, or (format FORWARDREF) self when a name is missing."""
        if format == Format.STRING:
            return self.__forward_arg__
        if format not in (Format.VALUE, Format.FORWARDREF):
            raise NotImplementedError(format)
        if owner is None:
            owner = self.__owner__
        if globals is None and self.__forward_module__ is not None:
            globals = _module_dict(self.__forward_module__)
        if globals is None:
            if isinstance(owner, type):
                globals = _module_dict(getattr(owner, "__module__", None))
            elif isinstance(owner, type(sys)):
                globals = owner.__dict__
            elif callable(owner):
                globals = getattr(owner, "__globals__", None)
        if globals is None:
            globals = {}
        if locals is None:
            locals = dict(vars(owner)) if isinstance(owner, type) else {}
        else:
            locals = dict(locals)
        if type_params is None and owner is not None:
            type_params = getattr(owner, "__type_params__", None)
        for param in type_params or ():
            locals.setdefault(param.__name__, param)
        try:
            return eval(self.__forward_code__, globals, locals)
        except NameError:
            if format == Format.FORWARDREF:
                return self
            raise

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__ == other.__forward_arg__
                and self.__forward_module__ == other.__forward_module__
                and self.__forward_is_class__ == other.__forward_is_class__
                and self.__owner__ == other.__owner__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__, self.__forward_is_class__))

    def __repr__(self):
        extra = ""
        if self.__forward_module__ is not None:
            extra += f", module={self.__forward_module__!r}"
        if self.__forward_is_class__:
            extra += ", is_class=True"
        if self.__owner__ is not None:
            extra += f", owner={self.__owner__!r}"
        return f"ForwardRef({self.__forward_arg__!r}{extra})"


def _string_text(text):
    # A string literal's value, as CPython's STRING format keeps a str
    # annotation; any other expression its source text.
    t = text.strip()
    if t[:1] in ("'", '"'):
        try:
            v = eval(t, {})
        except Exception:
            return text
        if isinstance(v, str):
            return v
    return text


def call_annotate_function(annotate, format, *, owner=None):
    """Call an __annotate__ function for format, as get_annotations does."""
    if format == Format.VALUE_WITH_FAKE_GLOBALS:
        raise ValueError("The VALUE_WITH_FAKE_GLOBALS format is for internal use only")
    if format == Format.VALUE:
        return annotate(Format.VALUE)
    if format not in (Format.FORWARDREF, Format.STRING):
        raise ValueError(f"Invalid format: {format!r}")
    try:
        return annotate(format)
    except NotImplementedError:
        pass
    texts = _texts(annotate)
    if format == Format.STRING:
        if texts is None:
            return annotations_to_string(annotate(Format.VALUE))
        return {name: _string_text(text) for name, text in texts}
    try:
        return annotate(Format.VALUE)
    except Exception:
        if texts is None:
            raise
    got = annotate(-1)
    is_class = isinstance(owner, type)
    return {name: got[name] if name in got else ForwardRef(text, owner=owner, is_class=is_class)
            for name, text in texts}


def call_evaluate_function(evaluate, format, *, owner=None):
    """Call an evaluate function (a type alias's value, a bound) for format."""
    if format == Format.STRING:
        try:
            return evaluate(format)
        except NotImplementedError:
            return type_repr(evaluate(Format.VALUE))
    if format == Format.FORWARDREF:
        try:
            return evaluate(format)
        except NotImplementedError:
            return evaluate(Format.VALUE)
    return evaluate(format)


def get_annotate_from_class_namespace(obj):
    """The annotate function in a class namespace mapping, or None."""
    try:
        return obj["__annotate__"]
    except KeyError:
        return obj.get("__annotate_func__", None)


def _dunder_annotations(obj):
    if isinstance(obj, type):
        try:
            ann = obj.__annotations__
        except AttributeError:
            return None
    else:
        ann = getattr(obj, "__annotations__", None)
    if ann is None:
        return None
    if not isinstance(ann, dict):
        raise ValueError(f"{obj!r}.__annotations__ is neither a dict nor None")
    return ann


def _call_annotate(obj, format):
    annotate = getattr(obj, "__annotate__", None)
    if annotate is None:
        return None
    ann = call_annotate_function(annotate, format, owner=obj)
    if not isinstance(ann, dict):
        raise ValueError(f"{obj!r}.__annotate__ returned a non-dict")
    return ann


def get_annotations(obj, *, globals=None, locals=None, eval_str=False, format=Format.VALUE):
    """The annotations of a function, class or module, as a new dict."""
    if eval_str and format != Format.VALUE:
        raise ValueError("eval_str=True is only supported with format=Format.VALUE")
    if format == Format.VALUE:
        ann = _dunder_annotations(obj)
        if ann is None:
            ann = _call_annotate(obj, format)
    elif format == Format.FORWARDREF:
        try:
            ann = _dunder_annotations(obj)
        except Exception:
            ann = None
        if ann is not None:
            return dict(ann)
        ann = _call_annotate(obj, format)
        if ann is None:
            ann = _dunder_annotations(obj)
    elif format == Format.STRING:
        ann = _call_annotate(obj, format)
        if ann is not None:
            return dict(ann)
        ann = _dunder_annotations(obj)
        if ann is not None:
            return annotations_to_string(ann)
    elif format == Format.VALUE_WITH_FAKE_GLOBALS:
        raise ValueError("The VALUE_WITH_FAKE_GLOBALS format is for internal use only")
    else:
        raise ValueError(f"Unsupported format {format!r}")
    if ann is None:
        if isinstance(obj, (type, type(sys))) or callable(obj):
            return {}
        raise TypeError(f"{obj!r} does not have annotations")
    if not ann:
        return {}
    if not eval_str:
        return dict(ann)
    if globals is None or locals is None:
        obj_globals = obj_locals = None
        if isinstance(obj, type):
            obj_globals = _module_dict(getattr(obj, "__module__", None))
            obj_locals = dict(vars(obj))
        elif isinstance(obj, type(sys)):
            obj_globals = obj.__dict__
        elif callable(obj):
            unwrap = obj
            seen = {id(unwrap)}
            while hasattr(unwrap, "__wrapped__") and id(unwrap.__wrapped__) not in seen:
                unwrap = unwrap.__wrapped__
                seen.add(id(unwrap))
            obj_globals = getattr(unwrap, "__globals__", None)
        if globals is None:
            globals = obj_globals
        if locals is None:
            locals = obj_locals
    type_params = getattr(obj, "__type_params__", ())
    if type_params:
        locals = {p.__name__: p for p in type_params} | (locals or {})
    return {key: eval(value, globals, locals) if isinstance(value, str) else value
            for key, value in ann.items()}


def type_repr(value):
    """value as the STRING format shows it: a class or function by its
    qualified name, ... as '...', anything else by repr()."""
    if isinstance(value, type) or type(value).__name__ in ("function", "builtin_function_or_method"):
        if value.__module__ == "builtins":
            return value.__qualname__
        return f"{value.__module__}.{value.__qualname__}"
    if value is ...:
        return "..."
    return repr(value)


def annotations_to_string(annotations):
    """A new dict of annotations, each value not a str made type_repr's."""
    return {n: t if isinstance(t, str) else type_repr(t) for n, t in annotations.items()}
