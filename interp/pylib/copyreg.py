# copyreg: the registry pickle and copy consult, and the helpers the
# default reduction names in a pickle (__newobj__, _reconstructor).

_exported = ("__newobj__", "__newobj_ex__", "_reconstructor", "_reduce_ex",
             "_slotnames", "_extension_registry", "_inverted_registry",
             "_extension_cache", "__all__")

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base is list:
            obj.extend(state)
        elif base is dict or base is set:
            obj.update(state)
        elif base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def _slotnames(cls):
    names = cls.__dict__.get("__slotnames__") if "__dict__" in dir(cls) else None
    if names is not None:
        return names
    names = []
    for c in getattr(cls, "__mro__", ()):
        if "__slots__" in getattr(c, "__dict__", ()):
            slots = c.__dict__["__slots__"]
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                if name.startswith("__") and not name.endswith("__"):
                    stripped = c.__name__.lstrip("_")
                    if stripped:
                        name = "_%s%s" % (stripped, name)
                names.append(name)
    return names


def _reduce_ex(self, proto):
    # Protocols 0 and 1: the object's nearest built-in base rebuilds it.
    import builtins
    cls = self.__class__
    for base in cls.__mro__:
        if base.__module__ == "builtins" and base is not cls:
            break
    else:
        raise TypeError("cannot pickle %r object" % cls.__name__)
    base = getattr(builtins, base.__name__, base)
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError("cannot pickle %r object" % cls.__name__)
        state = base(self)
    args = (cls, base, state)
    getstate = getattr(type(self), "__getstate__", None)
    if getstate is not None and getstate is not getattr(object, "__getstate__", None):
        dict = self.__getstate__()
    else:
        dict = getattr(self, "__dict__", None) or None
    if dict:
        return _reconstructor, args, dict
    return _reconstructor, args


_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if (_extension_registry.get(key) == code and
            _inverted_registry.get(code) == key):
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s" %
                         (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s" %
                         (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    key = (module, name)
    if (_extension_registry.get(key) != code or
            _inverted_registry.get(code) != key):
        raise ValueError("key %s is not registered with code %s" %
                         (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
