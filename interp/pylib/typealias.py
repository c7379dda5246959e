# types.GenericAlias (list[int]) and types.UnionType (int | str; 3.14 names
# it typing.Union) for
# minipy, written for it: what subscripting a built-in container type and
# `|` between classes make, so annotations and type aliases such as
# `Vector = list[float]` evaluate at run time. An alias calls its origin;
# a union answers isinstance and issubclass for any of its classes.

_NoneType = type(None)


def _type_repr(t):
    if t is None or t is _NoneType:
        return "None"
    if t is ...:
        return "..."
    if isinstance(t, type):
        mod = getattr(t, "__module__", "builtins")
        if mod == "builtins":
            return t.__qualname__
        return "%s.%s" % (mod, t.__qualname__)
    return repr(t)


class GenericAlias:
    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = ()

    def __repr__(self):
        if not self.__args__:
            inner = "()"
        else:
            inner = ", ".join(_type_repr(a) for a in self.__args__)
        return "%s[%s]" % (_type_repr(self.__origin__), inner)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        # typing.List[int] is not list[int].
        if not isinstance(other, GenericAlias) or isinstance(self, TypingAlias) != isinstance(other, TypingAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return make_union(self, other)

    def __ror__(self, other):
        return make_union(other, self)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError("'types.GenericAlias' object has no attribute %r" % name)
        return getattr(self.__origin__, name)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")


class Union:
    def __init__(self, args):
        self.__args__ = args

    def __class_getitem__(cls, params):
        # typing.Union[int, str]: 3.14's typing.Union is this class.
        return typing_getitem('Union', params)

    def __repr__(self):
        return " | ".join(_type_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, Union):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return make_union(self, other)

    def __ror__(self, other):
        return make_union(other, self)

    def __instancecheck__(self, obj):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError("isinstance() argument 2 cannot be a parameterized generic")
        return isinstance(obj, tuple(self.__args__))

    def __subclasscheck__(self, cls):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError("issubclass() argument 2 cannot be a parameterized generic")
        return issubclass(cls, tuple(self.__args__))


def make_union(a, b):
    args = []
    for t in (a, b):
        if t is None:
            t = _NoneType
        if not (isinstance(t, (type, GenericAlias, Union))):
            return NotImplemented
        for x in (t.__args__ if isinstance(t, Union) else (t,)):
            if x not in args:
                args.append(x)
    if len(args) == 1:
        return args[0]
    return Union(tuple(args))


def make_alias(origin, args):
    return GenericAlias(origin, args)


UnionType = Union


# typing's generic aliases (typing.List[int], typing.Callable[[int], str])
# and Union/Optional, which 3.14 makes the same unions as `|`.

_ABC_NAMES = ('Callable', 'Iterable', 'Iterator', 'Generator', 'Sequence', 'MutableSequence',
              'Mapping', 'MutableMapping', 'MutableSet', 'Collection', 'Container', 'Hashable',
              'Sized', 'Reversible', 'KeysView', 'ValuesView', 'ItemsView', 'Awaitable',
              'Coroutine', 'AsyncIterator', 'AsyncIterable')


def _typing_origin(name):
    builtin = {'List': list, 'Dict': dict, 'Set': set, 'FrozenSet': frozenset,
               'Tuple': tuple, 'Type': type}
    if name in builtin:
        return builtin[name]
    if name in ('Deque', 'DefaultDict', 'OrderedDict', 'Counter', 'ChainMap'):
        import collections
        attr = {'Deque': 'deque', 'DefaultDict': 'defaultdict'}.get(name, name)
        return getattr(collections, attr)
    if name in _ABC_NAMES or name == 'AbstractSet':
        import collections.abc
        return getattr(collections.abc, 'Set' if name == 'AbstractSet' else name, None)
    if name in ('Pattern', 'Match'):
        import re
        return getattr(re, name)
    return None


class TypingAlias(GenericAlias):
    def __init__(self, name, origin, args):
        GenericAlias.__init__(self, origin, args)
        self._name = name

    def __repr__(self):
        args = self.__args__
        if self._name == 'Callable' and len(args) >= 1:
            if args[0] is ...:
                return 'typing.Callable[..., %s]' % _type_repr(args[-1])
            return 'typing.Callable[[%s], %s]' % (', '.join(_type_repr(a) for a in args[:-1]),
                                                 _type_repr(args[-1]))
        if not args:
            return 'typing.%s[()]' % self._name
        return 'typing.%s[%s]' % (self._name, ', '.join(_type_repr(a) for a in args))

    def __eq__(self, other):
        if not isinstance(other, TypingAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __call__(self, *args, **kwargs):
        if self._name in ('List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Type'):
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, self.__origin__.__name__))
        return self.__origin__(*args, **kwargs)


def _union_of(params):
    args = []
    for t in params:
        if t is None:
            t = _NoneType
        for x in (t.__args__ if isinstance(t, Union) else (t,)):
            if x not in args:
                args.append(x)
    if len(args) == 1:
        return args[0]
    return Union(tuple(args))


def typing_getitem(name, params):
    """typing.<name>[params]."""
    if not isinstance(params, tuple):
        params = (params,)
    if name == 'Union':
        if not params:
            raise TypeError('Cannot take a Union of no types.')
        return _union_of(params)
    if name == 'Optional':
        if len(params) != 1:
            raise TypeError('typing.Optional requires a single type. Got %s.' % repr(params)[:100])
        return _union_of((params[0], None))
    origin = _typing_origin(name)
    if name == 'Callable':
        if len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        a, ret = params
        if a is ...:
            params = (..., ret)
        elif isinstance(a, list):
            params = tuple(a) + (ret,)
        else:
            raise TypeError('Callable[args, result]: args must be a list. Got %s' % _type_repr(a))
    return TypingAlias(name, origin, params)


def get_origin(tp):
    if isinstance(tp, GenericAlias):
        return tp.__origin__
    if isinstance(tp, Union):
        return Union
    if type(tp).__name__ == '_SpecialForm' and hasattr(tp, '_form'):
        return tp._form
    if type(tp).__name__ == '_SpecialForm':
        r = repr(tp)
        if r.startswith('typing.') and '[' not in r:
            name = r[7:]
            if name == 'Union':
                return None
            if name == 'Generic':
                return None
            return _typing_origin(name)
    return None


def get_args(tp):
    if isinstance(tp, TypingAlias) and tp._name == 'Callable' and tp.__args__ and tp.__args__[0] is not ...:
        return (list(tp.__args__[:-1]), tp.__args__[-1])
    if isinstance(tp, (GenericAlias, Union)):
        return tp.__args__
    if type(tp).__name__ == '_SpecialForm' and hasattr(tp, '_form'):
        # Literal['a'], ClassVar[int]; Annotated[T, x] gives (T, x).
        return tp.__args__ + getattr(tp, '__metadata__', ())
    return ()


def literal_args_equal(a, b):
    # Literal's arguments compare as a set of (value, type) pairs: an
    # unhashable value raises TypeError.
    for v in a + b:
        hash(v)
    return {(v, type(v)) for v in a} == {(v, type(v)) for v in b}


def literal_dedup(params):
    # Literal[1, 1, True] is Literal[1, True]: repeated (value, type)
    # pairs dropped, first kept; unhashable values keep them all.
    try:
        seen = set()
        out = []
        for v in params:
            k = (v, type(v))
            if k not in seen:
                seen.add(k)
                out.append(v)
        return tuple(out)
    except TypeError:
        return params


def _hint(value, globalns, localns):
    # A string annotation (or a ForwardRef's text) is evaluated here, as
    # CPython evaluates a ForwardRef.
    if value is None:
        return type(None)
    if type(value).__name__ == 'ForwardRef' and hasattr(value, '__forward_arg__'):
        value = value.__forward_arg__
    while isinstance(value, str):
        # A quoted annotation under `from __future__ import annotations`
        # evaluates to a str, itself evaluated, as CPython does.
        value = eval(value, globalns, localns)
        if value is None:
            return type(None)
    return value


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    import sys
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__')
            if ann is None and ('__annotate_func__' in base.__dict__ or '__annotate__' in base.__dict__):
                # Lazy annotations (PEP 649); if some fail, those are
                # ForwardRefs, evaluated below with the class's names.
                try:
                    ann = base.__annotations__
                except Exception:
                    import annotationlib
                    ann = annotationlib.get_annotations(base, format=annotationlib.Format.FORWARDREF)
            if not ann:
                continue
            g = globalns
            if g is None:
                mod = sys.modules.get(base.__module__)
                g = dict(vars(mod)) if mod is not None else {}
            l = dict(vars(base)) if localns is None else localns
            if globalns is None and localns is None:
                # CPython looks in the module before the class body.
                g, l = l, g
            for name, value in ann.items():
                hints[name] = _hint(value, g, l)
        return hints
    ann = getattr(obj, '__annotations__', None)
    if ann is None:
        if isinstance(obj, type(sys)) or callable(obj):
            return {}
        raise TypeError('%r is not a module, class, method, or function.' % (obj,))
    g = globalns
    if g is None:
        g = getattr(obj, '__globals__', None)
        if g is None and isinstance(obj, type(sys)):
            g = vars(obj)
        if g is None:
            g = {}
    l = g if localns is None else localns
    for name, value in ann.items():
        hints[name] = _hint(value, g, l)
    return hints


_exported = ("_type_repr",)  # typeparams.py (module _typing) shows types the same way
