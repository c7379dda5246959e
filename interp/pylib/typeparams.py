# Type parameters at run time for minipy (module _typing, as CPython's C
# module of the same name): TypeVar, TypeVarTuple, ParamSpec,
# TypeAliasType, NoDefault and Generic, written for it from the typing
# documentation and PEP 695/696. The compiler turns `class Box[T]:`,
# `def f[T](x: T):` and `type X = ...` into calls of the functions at
# the end (typevar, generic_base, set_type_params, type_alias).

from _typealias import GenericAlias, Union, _type_repr


def _variance_repr(param):
    """~T, +T or -T as the parameter's variance says; T when inferred."""
    if param.__infer_variance__:
        return param.__name__
    if param.__covariant__:
        return '+' + param.__name__
    if param.__contravariant__:
        return '-' + param.__name__
    return '~' + param.__name__


class _NoDefaultType:
    __slots__ = ()

    def __repr__(self):
        return 'typing.NoDefault'

    def __reduce__(self):
        return 'NoDefault'


NoDefault = _NoDefaultType()
_UNSET = object()


def _lazy(self, attr):
    # A PEP 695 parameter's bound, constraints and default are evaluated
    # the first time they are read.
    v = self._values.get(attr, _UNSET)
    if v is _UNSET:
        v = self._thunks[attr]()
        self._values[attr] = v
    return v


def _union(a, b):
    # a | b where either is a type parameter or alias.
    args = []
    for t in (a, b):
        if t is None:
            t = type(None)
        for x in (t.__args__ if isinstance(t, Union) else (t,)):
            if x not in args:
                args.append(x)
    return Union(tuple(args))


class _Param:
    # What TypeVar, TypeVarTuple and ParamSpec share: a name, lazily
    # evaluated attributes and identity comparison.
    def __init__(self, name):
        self.__name__ = name
        self._values = {}
        self._thunks = {}

    @property
    def __default__(self):
        return _lazy(self, 'default')

    def has_default(self):
        return self.__default__ is not NoDefault

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __reduce__(self):
        return self.__name__


class TypeVar(_Param):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=NoDefault):
        if not isinstance(name, str):
            raise TypeError("TypeVar() argument 'name' must be str, not %s" % type(name).__name__)
        _Param.__init__(self, name)
        if covariant and contravariant:
            raise ValueError('Bivariant type variables are not supported.')
        if infer_variance and (covariant or contravariant):
            raise ValueError('Variance cannot be specified with infer_variance.')
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        self._values['bound'] = bound
        self._values['constraints'] = tuple(constraints)
        self._values['default'] = default
        self.__module__ = '__main__'

    @property
    def __bound__(self):
        return _lazy(self, 'bound')

    @property
    def __constraints__(self):
        return _lazy(self, 'constraints')

    __repr__ = _variance_repr

    def __typing_subst__(self, arg):
        return arg


class TypeVarTuple(_Param):
    def __init__(self, name, *, default=NoDefault):
        if not isinstance(name, str):
            raise TypeError("TypeVarTuple() argument 'name' must be str, not %s" % type(name).__name__)
        _Param.__init__(self, name)
        self._values['default'] = default
        self.__module__ = '__main__'

    def __repr__(self):
        return self.__name__

    def __iter__(self):
        yield _Unpacked(self)


class _Unpacked:
    # *Ts: what iterating a TypeVarTuple gives (tuple[*Ts]).
    def __init__(self, tvt):
        self.__origin__ = tvt

    def __repr__(self):
        return '*' + repr(self.__origin__)


class _ParamSpecPart:
    # P.args and P.kwargs: which half of a ParamSpec, named by the
    # subclass's _part; equal when the same half of the same ParamSpec.
    _part = ''

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return self.__origin__.__name__ + '.' + self._part

    def __eq__(self, other):
        if not isinstance(other, _ParamSpecPart) or other._part != self._part:
            return NotImplemented
        return self.__origin__ is other.__origin__

    def __hash__(self):
        return hash((self._part, id(self.__origin__)))


class ParamSpecArgs(_ParamSpecPart):
    _part = 'args'


class ParamSpecKwargs(_ParamSpecPart):
    _part = 'kwargs'


class ParamSpec(_Param):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=NoDefault):
        if not isinstance(name, str):
            raise TypeError("ParamSpec() argument 'name' must be str, not %s" % type(name).__name__)
        _Param.__init__(self, name)
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        self._values['bound'] = bound
        self._values['default'] = default
        self.__module__ = '__main__'

    @property
    def __bound__(self):
        return _lazy(self, 'bound')

    # *args: P.args, **kwargs: P.kwargs (a fresh, equal object each read).
    args = property(lambda self: ParamSpecArgs(self))
    kwargs = property(lambda self: ParamSpecKwargs(self))

    __repr__ = _variance_repr


def _is_param(x):
    return isinstance(x, (TypeVar, TypeVarTuple, ParamSpec))


def _collect_params(args):
    # The type parameters args mention, in order, each once: a
    # subscription's __parameters__.
    out = []
    for a in args:
        if isinstance(a, _Unpacked):
            a = a.__origin__
        if _is_param(a):
            if a not in out:
                out.append(a)
        elif isinstance(a, (list, tuple)):
            for p in _collect_params(a):
                if p not in out:
                    out.append(p)
        else:
            for p in getattr(a, '__parameters__', ()) if not isinstance(a, type) else ():
                if p not in out:
                    out.append(p)
    return tuple(out)


def _note_alias(instance, alias):
    # Box[int]() records the alias it came from as __orig_class__, when
    # the instance takes attributes (slots or a read-only type may not).
    try:
        instance.__orig_class__ = alias
    except Exception:
        pass
    return instance


class _GenericAlias(GenericAlias):
    # Box[int] for a generic class Box, and Generic[T] itself.
    def __init__(self, origin, args):
        GenericAlias.__init__(self, origin, args)
        self.__parameters__ = _collect_params(self.__args__)

    def __repr__(self):
        return '%s[%s]' % (_type_repr(self.__origin__),
                           ', '.join(_type_repr(a) for a in self.__args__) if self.__args__ else '()')

    def __eq__(self, other):
        if isinstance(other, _GenericAlias):
            return (self.__origin__, self.__args__) == (other.__origin__, other.__args__)
        return NotImplemented

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is Generic:
            raise TypeError('Type Generic cannot be instantiated; it can be used only as a base class')
        return _note_alias(self.__origin__(*args, **kwargs), self)

    def __mro_entries__(self, bases):
        if self.__origin__ is Generic:
            # Generic once, after any other base that brings it.
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _GenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                    return ()
        return (self.__origin__,)

    def __getitem__(self, args):
        if not isinstance(args, tuple):
            args = (args,)
        params = self.__parameters__
        if len(args) != len(params):
            raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                            % ('many' if len(args) > len(params) else 'few', self, len(args), len(params)))
        subst = dict(zip(params, args))
        return _GenericAlias(self.__origin__, tuple(subst.get(a, a) if _is_param(a) else a
                                                    for a in self.__args__))


class Generic:
    def __class_getitem__(cls, params):
        params = params if isinstance(params, tuple) else (params,)
        if cls is Generic:
            if not params:
                raise TypeError('Parameter list to Generic[...] cannot be empty')
            for p in params:
                if not _is_param(p) and not isinstance(p, _Unpacked):
                    raise TypeError('Parameters to Generic[...] must all be type variables or parameter specification variables.')
            if len(set(params)) != len(params):
                raise TypeError('Parameters to Generic[...] must all be unique')
            return _GenericAlias(Generic, params)
        expected = cls.__dict__.get('__parameters__', ())
        if not expected:
            raise TypeError('%s is not a generic class' % _type_repr(cls))
        if len(params) != len(expected) and not any(isinstance(p, TypeVarTuple) for p in expected):
            raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                            % ('many' if len(params) > len(expected) else 'few', _type_repr(cls),
                               len(params), len(expected)))
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        orig = cls.__dict__.get('__orig_bases__', ())
        params = None
        for b in orig:
            if isinstance(b, _GenericAlias) and b.__origin__ is Generic:
                params = b.__parameters__
        if params is None:
            params = _collect_params(orig)
        cls.__parameters__ = params


class TypeAliasType:
    def __init__(self, name, value, *, type_params=()):
        if not isinstance(name, str):
            raise TypeError("TypeAliasType() argument 'name' must be str, not %s" % type(name).__name__)
        if not isinstance(type_params, tuple):
            raise TypeError("type_params must be a tuple")
        self.__name__ = name
        self.__type_params__ = type_params
        self.__parameters__ = type_params
        self.__module__ = '__main__'
        self._values = {'value': value}
        self._thunks = {}

    @property
    def __value__(self):
        return _lazy(self, 'value')

    def __repr__(self):
        return self.__name__

    def __getitem__(self, args):
        if not self.__type_params__:
            raise TypeError('Only generic type aliases are subscriptable')
        return _GenericAlias(self, args)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __call__(self, *args, **kwargs):
        raise TypeError("'typing.TypeAliasType' object is not callable")

    def __reduce__(self):
        return self.__name__


# What the compiler's desugaring of PEP 695 syntax calls.

def typevar(name, kind, bound, constraints, default, module):
    """A parameter of a type parameter list: kind 0 is T, 1 *Ts, 2 **P;
    bound, constraints and default are functions (or None) evaluated the
    first time the attribute is read."""
    if kind == 1:
        p = TypeVarTuple(name)
    elif kind == 2:
        p = ParamSpec(name, infer_variance=True)
    else:
        p = TypeVar(name, infer_variance=True)
    p.__module__ = module
    for attr, fn in (('bound', bound), ('constraints', constraints), ('default', default)):
        if fn is not None:
            del p._values[attr]
            p._thunks[attr] = fn
    return p


def generic_base(params):
    """The base `class C[T](bases)` ends with: Generic[T]."""
    return Generic[params]


def set_type_params(obj, params):
    obj.__type_params__ = params
    return obj


def type_alias(name, value, params, module):
    a = TypeAliasType(name, None, type_params=params)
    a.__module__ = module
    del a._values['value']
    a._thunks['value'] = value
    return a
