# functools.singledispatch and singledispatchmethod for minipy, written
# for it: a generic function picks its implementation by the class of its
# first argument, walking that class's MRO, then the registered abstract
# classes (collections.abc, numbers) it is a subclass of. register() takes
# the class given (@f.register(int), f.register(int, func)) or, on a plain
# @f.register, the annotation of the function's first annotated parameter
# (a union registers each of its classes). partialmethod is here too: the
# parts of functools written in Python.

__all__ = ["singledispatch", "singledispatchmethod", "partialmethod"]


def _mro(cls):
    m = getattr(cls, "__mro__", None)
    if m:
        return m
    if cls is bool:
        return (bool, int, object)
    return (cls, object)


def _union_args(t):
    # The classes of a union (int | str, typing.Union[int, str]), or None.
    if isinstance(t, type):
        return None
    args = getattr(t, "__args__", None)
    origin = getattr(t, "__origin__", None)
    if args is not None and (origin is None or "Union" in repr(origin)) and "|" in repr(t) or (
            args is not None and "Union" in repr(origin)):
        return tuple(args)
    return None


def singledispatch(func):
    registry = {}
    cache = {}

    def dispatch(cls, obj=None, has_obj=False):
        impl = cache.get(cls)
        if impl is not None:
            return impl
        impl = None
        for k in _mro(cls):
            if k in registry:
                impl = registry[k]
                break
        if impl is None or impl is registry[object]:
            for k, f in registry.items():
                if k is not object and k not in _mro(cls):
                    try:
                        # minipy's built-in types answer isinstance for
                        # the abstract classes more often than issubclass.
                        if issubclass(cls, k) or has_obj and isinstance(obj, k):
                            impl = f
                            break
                    except TypeError:
                        pass
        if impl is None:
            impl = registry[object]
        cache[cls] = impl
        return impl

    def register(cls, func=None):
        if isinstance(cls, type) or _union_args(cls) is not None:
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError("Invalid first argument to `register()`. %r is not a class or union type." % (cls,))
            ann = getattr(cls, "__annotations__", None)
            if not ann:
                raise TypeError("Invalid first argument to `register()`: %r. Use either `@register(some_class)` "
                                "or plain `@register` on an annotated function." % (cls,))
            func = cls
            argname, cls = next(iter(ann.items()))
            if not isinstance(cls, type):
                args = _union_args(cls)
                if args is None:
                    raise TypeError("Invalid annotation for %r. %r is not a class." % (argname, cls))
                if not all(isinstance(a, type) for a in args):
                    raise TypeError("Invalid annotation for %r. %r not all arguments are classes." % (argname, cls))
        args = _union_args(cls)
        for k in (args if args is not None else (cls,)):
            registry[k] = func
        cache.clear()
        return func

    name = getattr(func, "__name__", "singledispatch function")

    def wrapper(*args, **kw):
        if not args:
            raise TypeError("%s requires at least 1 positional argument" % name)
        return dispatch(args[0].__class__, args[0], True)(*args, **kw)

    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = cache.clear
    wrapper.__name__ = name
    wrapper.__qualname__ = getattr(func, "__qualname__", name)
    wrapper.__doc__ = getattr(func, "__doc__", None)
    wrapper.__wrapped__ = func
    return wrapper


class singledispatchmethod:
    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("%r is not callable or a descriptor" % (func,))
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatcher = self.dispatcher
        func = self.func

        def _method(*args, **kwargs):
            if not args:
                raise TypeError("%s requires at least 1 positional argument" % getattr(func, "__name__", "method"))
            impl = dispatcher.dispatch(args[0].__class__, args[0], True)
            if obj is None:
                return impl(*args, **kwargs)
            return impl(obj, *args, **kwargs)

        _method.register = self.register
        _method.__name__ = getattr(func, "__name__", "method")
        return _method


class partialmethod:
    # partial for methods: a descriptor that binds like the callable it
    # wraps, then fixes some arguments after self (or cls).
    def __init__(self, func, /, *args, **keywords):
        if isinstance(func, partialmethod):
            # Flattened, as partial(partial(f, 1), 2) is.
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        elif not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.func = func
        self.args = args
        self.keywords = keywords

    def __repr__(self):
        shown = [repr(self.func)]
        shown.extend(repr(a) for a in self.args)
        shown.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        return f"{type(self).__module__}.{type(self).__qualname__}({', '.join(shown)})"

    def __get__(self, obj, cls=None):
        from functools import partial
        func = self.func
        binder = getattr(type(func), "__get__", None) if not isinstance(func, partial) else None
        if binder is not None:
            bound = func.__get__(obj, cls)
            if bound is not func:
                # A bound method, a classmethod's or a staticmethod's
                # function: the fixed arguments follow what it binds.
                return partial(bound, *self.args, **self.keywords)
        # Read through the class, or a callable that does not bind:
        # a function taking self first.
        outer = self

        def _method(cls_or_self, /, *args, **keywords):
            return outer.func(cls_or_self, *outer.args, *args, **{**outer.keywords, **keywords})

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        if obj is None:
            return _method
        return _method.__get__(obj, cls)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)
