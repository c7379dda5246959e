# The inspect module for minipy, written for it: the is* predicates,
# getmembers, getdoc/cleandoc, signature() of Python functions, methods
# and classes (Signature, Parameter, BoundArguments, printed as CPython
# prints them), getfullargspec, currentframe and stack. minipy keeps no
# source text for functions and no text signatures for built-ins:
# getsource raises OSError and signature() of a built-in ValueError.

import sys as _sys
import types as _types
import functools as _functools
from enum import IntEnum as _IntEnum
from collections import namedtuple as _namedtuple

__all__ = ["ismodule", "isclass", "ismethod", "isfunction", "isgeneratorfunction", "isgenerator",
           "iscoroutinefunction", "iscoroutine", "isawaitable", "isasyncgenfunction", "isbuiltin",
           "isroutine", "isabstract", "ismethoddescriptor", "isdatadescriptor", "iscode", "isframe",
           "istraceback", "getmembers", "getmembers_static", "getdoc", "cleandoc", "getmodule",
           "getsource", "getsourcelines", "getfile", "signature", "Signature", "Parameter",
           "BoundArguments", "getfullargspec", "FullArgSpec", "currentframe", "stack",
           "formatannotation", "getmro", "unwrap", "isasyncgen", "get_annotations", "getattr_static",
           "markcoroutinefunction"]

_CO_VARARGS = 0x04
_CO_VARKEYWORDS = 0x08
_CO_GENERATOR = 0x20


def ismodule(object):
    return isinstance(object, type(_sys))


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, _types.MethodType)


def isfunction(object):
    return isinstance(object, _types.FunctionType)


def isgeneratorfunction(object):
    while ismethod(object):
        object = object.__func__
    return isfunction(object) and bool(object.__code__.co_flags & _CO_GENERATOR)


def isgenerator(object):
    return isinstance(object, _types.GeneratorType)


def _has_flag(object, flag):
    while ismethod(object):
        object = object.__func__
    while isinstance(object, _functools.partial):
        object = object.func
    return isfunction(object) and bool(object.__code__.co_flags & flag)


def iscoroutinefunction(object):
    return _has_flag(object, 0x80) or _marked_coroutine(object)


# markcoroutinefunction's stamp: a plain function that returns awaitables
# counts as a coroutine function.
_COROUTINE_STAMP = object()


def markcoroutinefunction(func):
    target = func.__func__ if ismethod(func) else func
    target._minipy_coroutine_stamp = _COROUTINE_STAMP
    return func


def _marked_coroutine(object):
    while ismethod(object) or isinstance(object, _functools.partial):
        object = object.__func__ if ismethod(object) else object.func
    return getattr(object, "_minipy_coroutine_stamp", None) is _COROUTINE_STAMP


def iscoroutine(object):
    return isinstance(object, _types.CoroutineType)


def isawaitable(object):
    if isinstance(object, _types.GeneratorType):
        # types.coroutine's generators (CO_ITERABLE_COROUTINE) can be awaited.
        return bool(object.gi_code.co_flags & 0x100)
    return isinstance(object, _types.CoroutineType) or hasattr(type(object), "__await__")


def isasyncgenfunction(object):
    return _has_flag(object, 0x200)


def isasyncgen(object):
    return isinstance(object, _types.AsyncGeneratorType)


def isbuiltin(object):
    return isinstance(object, _types.BuiltinFunctionType)


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object) or ismethoddescriptor(object)


# (gets, sets) of the built-in descriptor types, whose slots minipy does
# not show as attributes of the type.
_BUILTIN_DESCRIPTORS = {property: (True, True), classmethod: (True, False), staticmethod: (True, False),
                        type(str.upper): (True, False), type(int.real): (True, True)}


# Classes, functions and methods are never counted as descriptors; for
# anything else the answer is which of __get__/__set__/__delete__ its type
# defines.
def _descriptor_hooks(object):
    if isinstance(object, (type, _types.FunctionType, _types.MethodType)):
        return None
    kind = type(object)
    if kind in _BUILTIN_DESCRIPTORS:
        return _BUILTIN_DESCRIPTORS[kind]
    return hasattr(kind, "__get__"), hasattr(kind, "__set__") or hasattr(kind, "__delete__")


def ismethoddescriptor(object):
    hooks = _descriptor_hooks(object)
    return hooks is not None and hooks[0] and not hooks[1]


def isdatadescriptor(object):
    hooks = _descriptor_hooks(object)
    return hooks is not None and hooks[1]


def isabstract(object):
    return bool(isinstance(object, type) and getattr(object, "__abstractmethods__", None))


def iscode(object):
    return type(object).__name__ == "code"


def isframe(object):
    return type(object).__name__ == "frame"


def istraceback(object):
    return False


def getmro(cls):
    return cls.__mro__


def unwrap(func, *, stop=None):
    f = func
    seen = {id(f)}
    while hasattr(f, "__wrapped__") and not (stop is not None and stop(f)):
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError("wrapper loop when unwrapping {!r}".format(func))
        seen.add(id(f))
    return f


def _members(object, predicate, fetch):
    out = []
    for key in dir(object):
        try:
            value = fetch(object, key)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            out.append((key, value))
    out.sort(key=lambda kv: kv[0])
    return out


def getmembers(object, predicate=None):
    return _members(object, predicate, getattr)


def getmembers_static(object, predicate=None):
    # Values as getattr_static finds them: descriptors themselves.
    return _members(object, predicate, getattr_static)


_missing = object()


def _class_dict_lookup(classes, attr):
    # The first of classes whose own namespace holds attr: (True, value),
    # else (False, None). No descriptor is run.
    for klass in classes:
        space = getattr(klass, "__dict__", None)
        if space is not None and attr in space:
            return True, space[attr]
    return False, None


def _mro_of(klass):
    # minipy's type(C) of a plain class may not carry __mro__.
    return getattr(klass, "__mro__", None) or (klass,)


def getattr_static(obj, attr, default=_missing):
    # Namespaces are read directly: no __get__, __getattr__ or
    # __getattribute__ runs. For an instance a data descriptor on its class
    # wins over the instance's own dict, which wins over other class
    # attributes; for a class, its MRO comes before its metaclass's.
    if isinstance(obj, type):
        found, value = _class_dict_lookup(obj.__mro__, attr)
        if not found:
            found, value = _class_dict_lookup(_mro_of(type(obj)), attr)
    else:
        found, value = _class_dict_lookup(_mro_of(type(obj)), attr)
        if not (found and isdatadescriptor(value)):
            try:
                own = vars(obj)
            except TypeError:
                own = {}
            if attr in own:
                found, value = True, own[attr]
    if found:
        return value
    if default is not _missing:
        return default
    raise AttributeError(attr)


def cleandoc(doc):
    rows = doc.expandtabs().split("\n")
    # The run of spaces all non-blank rows after the first share goes
    # (only spaces count: tabs are expanded by now, other whitespace stays).
    margin = min((len(r) - len(r.lstrip(" ")) for r in rows[1:] if r.lstrip(" ")), default=0)
    rows = [rows[0].lstrip(" ")] + [r[margin:] for r in rows[1:]]
    # Rows left empty at either end are dropped.
    start, stop = 0, len(rows)
    while start < stop and rows[start] == "":
        start += 1
    while stop > start and rows[stop - 1] == "":
        stop -= 1
    return "\n".join(rows[start:stop])


def getdoc(object):
    doc = getattr(object, "__doc__", None)
    if doc is None:
        # A method without a docstring takes its base class's.
        if isclass(object):
            for base in object.__mro__[1:]:
                if base is object:
                    continue
                d = getattr(base, "__doc__", None)
                if d is not None and base is not type(None):
                    doc = d
                    break
        elif isfunction(object) or ismethod(object):
            name = object.__name__
            owner = getattr(object, "__self__", None)
            cls = owner if isclass(owner) else type(owner) if owner is not None else None
            if cls is not None:
                for base in cls.__mro__[1:]:
                    m = base.__dict__.get(name) if hasattr(base, "__dict__") else None
                    if m is not None and getattr(m, "__doc__", None) is not None:
                        doc = m.__doc__
                        break
    return cleandoc(doc) if isinstance(doc, str) else None


def getmodule(object, _filename=None):
    if ismodule(object):
        return object
    name = getattr(object, "__module__", None)
    if name is None:
        return None
    return _sys.modules.get(name)


def getfile(object):
    if ismodule(object):
        f = getattr(object, "__file__", None)
        if f:
            return f
        raise TypeError("{!r} is a built-in module".format(object))
    if isclass(object):
        # A class's file is its module's.
        owner = _sys.modules.get(getattr(object, "__module__", None))
        if getattr(owner, "__file__", None):
            return owner.__file__
        if getattr(object, "__module__", None) == "__main__":
            raise OSError("source code not available")
        raise TypeError("{!r} is a built-in class".format(object))
    code = object.__func__ if ismethod(object) else object
    code = getattr(code, "__code__", None) if isfunction(code) else code
    if isframe(code):
        code = code.f_code
    if iscode(code):
        return code.co_filename
    raise TypeError("module, class, method, function, traceback, frame, or code object was expected, "
                    "got {}".format(type(object).__name__))


def getsourcelines(object):
    raise OSError("could not get source code")


def getsource(object):
    raise OSError("could not get source code")


# This module's frames are not on minipy's stack: _getframe() is the
# caller's.
def currentframe():
    return _sys._getframe()


def stack(context=1):
    out = []
    f = _sys._getframe()
    while f is not None:
        out.append(FrameInfo(f, f.f_code.co_filename, f.f_lineno, f.f_code.co_name, None, None))
        f = f.f_back
    return out


FrameInfo = _namedtuple("FrameInfo", "frame filename lineno function code_context index")


def get_annotations(obj, *, globals=None, locals=None, eval_str=False, format=1):
    # 3.14's inspect.get_annotations is annotationlib's.
    import annotationlib
    return annotationlib.get_annotations(obj, globals=globals, locals=locals, eval_str=eval_str, format=format)


def formatannotation(annotation, base_module=None, *, quote_annotation_strings=True):
    if not quote_annotation_strings and isinstance(annotation, str):
        return annotation
    r = repr(annotation)
    if getattr(annotation, "__module__", None) == "typing" or r.startswith("typing."):
        return r.replace("typing.", "")
    if isinstance(annotation, _types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ("builtins", base_module):
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


class _empty:
    pass


# A read-only attribute backed by the named slot.
def _read_only(slot):
    return property(lambda self: getattr(self, slot))


class _void:
    pass


class _ParameterKind(_IntEnum):
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    def __str__(self):
        return self.name

    @property
    def description(self):
        return _kind_descriptions[self]


_kind_descriptions = {0: "positional-only", 1: "positional or keyword", 2: "variadic positional",
                      3: "keyword-only", 4: "variadic keyword"}

_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD


class Parameter:
    __slots__ = ("_name", "_kind", "_default", "_annotation")

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD
    empty = _empty

    name = _read_only("_name")
    kind = _read_only("_kind")
    default = _read_only("_default")
    annotation = _read_only("_annotation")

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError("value {!r} is not a valid Parameter.kind".format(kind)) from None
        if default is not _empty and kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError("{} parameters cannot have default values".format(kind.description))
        if not isinstance(name, str):
            raise TypeError("name must be a str, not a {}".format(type(name).__name__))
        if not name.isidentifier():
            raise ValueError("{!r} is not a valid parameter name".format(name))
        self._name, self._kind = name, kind
        self._default, self._annotation = default, annotation

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        return type(self)(self._name if name is _void else name, self._kind if kind is _void else kind,
                          default=self._default if default is _void else default,
                          annotation=self._annotation if annotation is _void else annotation)

    def __str__(self):
        return self._format()

    def _format(self, *, quote_annotation_strings=True):
        s = self._name
        if self._annotation is not _empty:
            s = "{}: {}".format(s, formatannotation(self._annotation,
                                                    quote_annotation_strings=quote_annotation_strings))
        if self._default is not _empty:
            if self._annotation is not _empty:
                s = "{} = {}".format(s, repr(self._default))
            else:
                s = "{}={}".format(s, repr(self._default))
        if self._kind == _VAR_POSITIONAL:
            s = "*" + s
        elif self._kind == _VAR_KEYWORD:
            s = "**" + s
        return s

    def __repr__(self):
        return '<{} "{}">'.format(type(self).__name__, self)

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        # Field by field with ==: a NaN default makes two parameters unequal.
        return self is other or (self._name == other._name and self._kind == other._kind
                                 and self._default == other._default and self._annotation == other._annotation)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))


class BoundArguments:
    signature = _read_only("_signature")

    def __init__(self, signature, arguments):
        self._signature = signature
        self.arguments = arguments

    @property
    def args(self):
        out = []
        for name, p in self._signature.parameters.items():
            if p.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            if name not in self.arguments:
                break
            if p.kind == _VAR_POSITIONAL:
                out.extend(self.arguments[name])
            else:
                out.append(self.arguments[name])
        return tuple(out)

    @property
    def kwargs(self):
        out = {}
        started = False
        for name, p in self._signature.parameters.items():
            if not started:
                if p.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    started = True
                elif name not in self.arguments:
                    started = True
                    continue
            if not started or name not in self.arguments:
                continue
            if p.kind == _VAR_KEYWORD:
                out.update(self.arguments[name])
            elif p.kind != _VAR_POSITIONAL:
                out[name] = self.arguments[name]
        return out

    def apply_defaults(self):
        args = self.arguments
        new = {}
        for name, p in self._signature.parameters.items():
            if name in args:
                new[name] = args[name]
            elif p.default is not _empty:
                new[name] = p.default
            elif p.kind == _VAR_POSITIONAL:
                new[name] = ()
            elif p.kind == _VAR_KEYWORD:
                new[name] = {}
        self.arguments = new

    def __eq__(self, other):
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self is other or (self._signature == other._signature and self.arguments == other.arguments)

    def __repr__(self):
        args = ["{}={!r}".format(k, v) for k, v in self.arguments.items()]
        return "<{} ({})>".format(type(self).__name__, ", ".join(args))


class Signature:
    __slots__ = ("_parameters", "_return_annotation")

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        params = {}
        if parameters is not None:
            top = _POSITIONAL_ONLY
            seen_default = False
            for p in parameters:
                kind = p.kind
                if kind < top:
                    raise ValueError("wrong parameter order: {} parameter before {} parameter".format(
                        top.description, kind.description))
                if kind > top:
                    top = kind
                if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                    if p.default is _empty:
                        if seen_default:
                            raise ValueError("non-default argument follows default argument")
                    else:
                        seen_default = True
                if p.name in params:
                    raise ValueError("duplicate parameter name: {!r}".format(p.name))
                params[p.name] = p
        self._parameters = params
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
        return _signature_of(obj, follow_wrapped)

    @property
    def parameters(self):
        return _types.MappingProxyType(self._parameters)

    return_annotation = _read_only("_return_annotation")

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self._parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def __hash__(self):
        return hash((tuple(self._parameters.values()), self._return_annotation))

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return self is other or (self._return_annotation == other._return_annotation
                                 and list(self._parameters.values()) == list(other._parameters.values()))

    def bind(self, /, *args, **kwargs):
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)

    def _bind(self, args, kwargs, partial=False):
        kwargs = dict(kwargs)
        arguments = {}
        params = list(self._parameters.values())
        posonly_given = []
        i = n = 0
        # Positional arguments fill the parameters in order; where they
        # run out, the next parameter must be given some other way.
        while True:
            if n >= len(args):
                if i >= len(params):
                    break
                p = params[i]
                if p.kind == _VAR_POSITIONAL:
                    break
                if p.name in kwargs:
                    if p.kind == _POSITIONAL_ONLY:
                        posonly_given.append(p.name)
                        i += 1
                        continue
                    break
                if p.kind == _VAR_KEYWORD or p.default is not _empty or partial:
                    break
                what = " keyword-only" if p.kind == _KEYWORD_ONLY else ""
                raise TypeError("missing a required{} argument: {!r}".format(what, p.name))
            if i >= len(params) or params[i].kind in (_KEYWORD_ONLY, _VAR_KEYWORD):
                raise TypeError("too many positional arguments")
            p = params[i]
            if p.kind == _VAR_POSITIONAL:
                arguments[p.name] = tuple(args[n:])
                i += 1
                break
            if p.name in kwargs and p.kind != _POSITIONAL_ONLY:
                raise TypeError("multiple values for argument {!r}".format(p.name))
            arguments[p.name] = args[n]
            n += 1
            i += 1
        # The rest come from keywords, or have defaults.
        varkw = None
        for p in params[i:]:
            if p.kind == _VAR_KEYWORD:
                varkw = p
            elif p.kind == _VAR_POSITIONAL:
                pass
            elif p.name in kwargs:
                arguments[p.name] = kwargs.pop(p.name)
            elif not partial and p.default is _empty:
                raise TypeError("missing a required argument: {!r}".format(p.name))
        if kwargs:
            if varkw is not None:
                arguments[varkw.name] = kwargs
            elif posonly_given:
                raise TypeError("got some positional-only arguments passed as keyword arguments: {!r}".format(
                    ", ".join(posonly_given)))
            else:
                raise TypeError("got an unexpected keyword argument {!r}".format(next(iter(kwargs))))
        return BoundArguments(self, arguments)

    def __repr__(self):
        return "<{} {}>".format(type(self).__name__, self)

    def __str__(self):
        return self.format()

    def format(self, *, max_width=None, quote_annotation_strings=True):
        parts = []
        slash = False
        star = True
        for p in self._parameters.values():
            kind = p.kind
            if kind == _POSITIONAL_ONLY:
                slash = True
            elif slash:
                parts.append("/")
                slash = False
            if kind == _VAR_POSITIONAL:
                star = False
            elif kind == _KEYWORD_ONLY and star:
                parts.append("*")
                star = False
            parts.append(p._format(quote_annotation_strings=quote_annotation_strings))
        if slash:
            parts.append("/")
        text = "({})".format(", ".join(parts))
        if max_width is not None and len(text) > max_width:
            text = "(\n    {}\n)".format(",\n    ".join(parts))
        if self._return_annotation is not _empty:
            text += " -> {}".format(formatannotation(self._return_annotation,
                                                     quote_annotation_strings=quote_annotation_strings))
        return text


def _function_signature(func):
    co = func.__code__
    names = co.co_varnames
    npos = co.co_argcount
    nposonly = co.co_posonlyargcount
    nkw = co.co_kwonlyargcount
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    ann = func.__annotations__
    params = []
    first_default = npos - len(defaults)
    for i in range(npos):
        name = names[i]
        kind = _POSITIONAL_ONLY if i < nposonly else _POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default, annotation=ann.get(name, _empty)))
    k = npos + nkw
    if co.co_flags & _CO_VARARGS:
        name = names[k]
        params.append(Parameter(name, _VAR_POSITIONAL, annotation=ann.get(name, _empty)))
        k += 1
    for i in range(npos, npos + nkw):
        name = names[i]
        params.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=ann.get(name, _empty)))
    if co.co_flags & _CO_VARKEYWORDS:
        name = names[k]
        params.append(Parameter(name, _VAR_KEYWORD, annotation=ann.get(name, _empty)))
    return Signature(params, return_annotation=ann.get("return", _empty))


def _drop_first(sig):
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError("invalid method signature")
    if params[0].kind == _VAR_POSITIONAL:
        return sig
    return sig.replace(parameters=params[1:])


def _signature_of(obj, follow_wrapped=True):
    if not callable(obj):
        raise TypeError("{!r} is not a callable object".format(obj))
    if ismethod(obj):
        return _drop_first(_signature_of(obj.__func__, follow_wrapped))
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
    sig = getattr(obj, "__signature__", None)
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError("unexpected object {!r} in __signature__ attribute".format(sig))
        return sig
    if isfunction(obj):
        return _function_signature(obj)
    partial = _partial_type()
    if partial is not None and isinstance(obj, partial):
        return _partial_signature(_signature_of(obj.func, follow_wrapped), obj.args, obj.keywords)
    if isclass(obj):
        for base in obj.__mro__:
            if base is object:
                break
            init = base.__dict__.get("__init__") if hasattr(base, "__dict__") else None
            if init is not None and isfunction(init):
                return _drop_first(_function_signature(init))
            new = base.__dict__.get("__new__") if hasattr(base, "__dict__") else None
            if new is not None:
                new = getattr(new, "__func__", new)
                if isfunction(new):
                    return _drop_first(_function_signature(new))
        if obj.__init__ is object.__init__ and obj.__new__ is object.__new__:
            return Signature()
        raise ValueError("no signature found for builtin type {!r}".format(obj))
    if isbuiltin(obj):
        raise ValueError("no signature found for builtin {!r}".format(obj))
    call = getattr(type(obj), "__call__", None)
    if call is not None and isfunction(call):
        return _drop_first(_function_signature(call))
    raise ValueError("callable {!r} is not supported by signature".format(obj))


def _partial_type():
    try:
        import functools
        return functools.partial
    except ImportError:
        return None


def _partial_signature(sig, args, keywords):
    bound = sig.bind_partial(*args, **keywords)
    params = []
    transform_to_kwonly = False
    for name, p in sig.parameters.items():
        kind = p.kind
        if kind == _POSITIONAL_ONLY or (kind == _POSITIONAL_OR_KEYWORD and name in bound.arguments
                                        and name not in keywords):
            if name in bound.arguments:
                continue
        if name in keywords and kind != _VAR_KEYWORD:
            if kind == _POSITIONAL_ONLY:
                continue
            p = p.replace(default=keywords[name], kind=_KEYWORD_ONLY)
            transform_to_kwonly = True
        elif transform_to_kwonly and kind == _POSITIONAL_OR_KEYWORD:
            p = p.replace(kind=_KEYWORD_ONLY)
        elif kind == _VAR_POSITIONAL and name in bound.arguments:
            pass
        params.append(p)
    return sig.replace(parameters=params)


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False, annotation_format=None):
    return _signature_of(obj, follow_wrapped)


FullArgSpec = _namedtuple("FullArgSpec", "args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations")


def getfullargspec(func):
    # A bound method keeps its first parameter here, as CPython's does.
    if ismethod(func):
        func = func.__func__
    try:
        sig = _signature_of(func, False)
    except Exception:
        raise TypeError("unsupported callable")
    args = []
    varargs = varkw = None
    kwonly = []
    defaults = []
    kwdefaults = {}
    ann = {}
    if sig.return_annotation is not _empty:
        ann["return"] = sig.return_annotation
    for p in sig.parameters.values():
        if p.annotation is not _empty:
            ann[p.name] = p.annotation
        if p.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            args.append(p.name)
            if p.default is not _empty:
                defaults.append(p.default)
        elif p.kind == _VAR_POSITIONAL:
            varargs = p.name
        elif p.kind == _KEYWORD_ONLY:
            kwonly.append(p.name)
            if p.default is not _empty:
                kwdefaults[p.name] = p.default
        else:
            varkw = p.name
    return FullArgSpec(args, varargs, varkw, tuple(defaults) or None, kwonly, kwdefaults or None, ann)
