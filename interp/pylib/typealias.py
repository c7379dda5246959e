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
        if not isinstance(other, GenericAlias):
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
