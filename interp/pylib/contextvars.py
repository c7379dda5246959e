# contextvars: context-local state (PEP 567). Each thread has a current
# Context; Context.run enters one for a call. A Context's mapping is never
# changed in place: ContextVar.set gives the current context a new dict, so
# a copy shares the old one and costs nothing (CPython shares a HAMT).

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

# _get_context and _set_context (Go) read and set the thread's current
# context, None until the thread first needs one.
_NO_DEFAULT = object()


def _current():
    ctx = _get_context()
    if ctx is None:
        # A thread starts in an empty context of its own.
        ctx = Context()
        _set_context(ctx)
    return ctx


def _final(cls):
    def __init_subclass__(*args, **kwargs):
        raise TypeError("type '_contextvars.%s' is not an acceptable base type" % cls.__name__)
    cls.__init_subclass__ = classmethod(__init_subclass__)
    return cls


def _check_var(key):
    if not isinstance(key, ContextVar):
        raise TypeError('a ContextVar key was expected, got %r' % (key,))


@_final
class Context:
    __module__ = '_contextvars'
    __slots__ = ('_data', '_prev', '_entered')

    def __init__(self):
        self._data = {}
        self._prev = None
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError('cannot enter context: %s is already entered'
                               % object.__repr__(self))
        # No base context yet (None) is put back as it was: it is made
        # empty when first asked for.
        self._prev = _get_context()
        self._entered = True
        _set_context(self)
        try:
            if kwargs:
                return callable(*args, **kwargs)
            return callable(*args)
        finally:
            _set_context(self._prev)
            self._prev = None
            self._entered = False

    def copy(self):
        ctx = Context()
        ctx._data = self._data
        return ctx

    def __getitem__(self, var):
        _check_var(var)
        return self._data[var]

    def __contains__(self, var):
        _check_var(var)
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def get(self, var, default=None):
        _check_var(var)
        return self._data.get(var, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    def __hash__(self):
        # CPython names its C type in full here.
        raise TypeError("unhashable type: '_contextvars.Context'")


@_final
class ContextVar:
    __module__ = '_contextvars'
    __slots__ = ('_name', '_default')

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError('context variable name must be a str')
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError('get expected at most 1 argument, got %d' % len(args))
        data = _current()._data
        if self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current()
        old = ctx._data.get(self, Token.MISSING)
        data = dict(ctx._data)
        data[self] = value
        ctx._data = data
        return Token(ctx, self, old, _key=_token_key)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError('expected an instance of Token, got %r' % (token,))
        if token._used:
            raise RuntimeError('%r has already been used once' % (token,))
        if token._var is not self:
            raise ValueError('%r was created by a different ContextVar' % (token,))
        ctx = _current()
        if token._ctx is not ctx:
            raise ValueError('%r was created in a different Context' % (token,))
        token._used = True
        data = dict(ctx._data)
        if token._old is Token.MISSING:
            data.pop(self, None)
        else:
            data[self] = token._old
        ctx._data = data

    def __repr__(self):
        default = ''
        if self._default is not _NO_DEFAULT:
            default = ' default=%r' % (self._default,)
        return '<ContextVar name=%r%s at 0x%x>' % (self._name, default, id(self))

    def __hash__(self):
        return object.__hash__(self)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


_token_key = object()


class _Missing:
    __slots__ = ()

    def __repr__(self):
        return '<Token.MISSING>'


@_final
class Token:
    __module__ = '_contextvars'
    __slots__ = ('_ctx', '_var', '_old', '_used')

    MISSING = _Missing()

    def __init__(self, ctx=None, var=None, old=None, *, _key=None):
        if _key is not _token_key:
            raise RuntimeError('Tokens can only be created by ContextVars')
        self._ctx = ctx
        self._var = var
        self._old = old
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._var.reset(self)

    def __repr__(self):
        used = ' used' if self._used else ''
        return '<Token%s var=%r at 0x%x>' % (used, self._var, id(self))

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def copy_context():
    # asyncio copies the context at every call_soon: kept short.
    ctx = _new(Context)
    cur = _get_context()
    ctx._data = {} if cur is None else cur._data
    ctx._prev = None
    ctx._entered = False
    return ctx


_new = object.__new__
