# copyreg: the table of reduction functions pickle and copy look up by
# type, the extension-code registry (pickle's EXT1/EXT2/EXT4 opcodes), and
# the callables the default object reduction puts into a pickle.

_exported = ("__newobj__", "__newobj_ex__", "_reconstructor", "_reduce_ex",
             "_slotnames", "_extension_registry", "_inverted_registry",
             "_extension_cache", "__all__")

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

# type -> function(obj) returning a reduction tuple.
dispatch_table = {}

# (module, qualname) <-> code, both directions kept in step, plus the
# unpickler's memo of objects already loaded by code.
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def _require_callable(f, what):
    if not callable(f):
        raise TypeError(what + " must be callable")


def constructor(object):
    # Only a check: nothing needs constructors registered any more.
    _require_callable(object, "constructors")


def pickle(ob_type, pickle_function, constructor_ob=None):
    _require_callable(pickle_function, "reduction functions")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is None:
        return
    _require_callable(constructor_ob, "constructors")


# --- what a protocol 2+ pickle calls to make an instance -----------------

def __newobj__(cls, *args):
    make = cls.__new__
    return make(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    make = cls.__new__
    return make(cls, *args, **kwargs)


# --- protocols 0 and 1 ----------------------------------------------------

def _reconstructor(cls, base, state):
    # Build a cls whose built-in part is base made from state; the rest of
    # the instance comes from the pickle's state dict afterwards.
    if base is object:
        return object.__new__(cls)
    made = base.__new__(cls, state)
    if base is list:
        made.extend(state)
    elif base is dict or base is set:
        made.update(state)
    elif base.__init__ != object.__init__:
        base.__init__(made, state)
    return made


def _native_base(cls):
    # The first class on the MRO that Python code did not define: the part
    # of the object a protocol 0/1 pickle can write as a plain value.
    import builtins
    for klass in cls.__mro__:
        if klass.__module__ == "builtins":
            # Some classes reached through an MRO are not the very object
            # the builtins module names; pickle must write the latter.
            return getattr(builtins, klass.__name__, klass)
    return object


def _instance_state(obj):
    own = getattr(type(obj), "__getstate__", None)
    default = getattr(object, "__getstate__", None)
    if own is not None and own is not default:
        return obj.__getstate__()
    if getattr(obj, "__slots__", None):
        raise TypeError("a class that defines __slots__ without "
                        "defining __getstate__ cannot be pickled")
    try:
        return obj.__dict__
    except AttributeError:
        return None


def _reduce_ex(self, proto):
    cls = self.__class__
    base = _native_base(cls)
    if base is cls:
        raise TypeError(f"cannot pickle {cls.__name__!r} object")
    value = None if base is object else base(self)
    rebuild = (cls, base, value)
    state = _instance_state(self)
    return (_reconstructor, rebuild, state) if state else (_reconstructor, rebuild)


# --- slot names ----------------------------------------------------------

def _mangled(owner, name):
    # A private slot is stored under its mangled name (__x in class C is
    # _C__x), unless the class's name is nothing but underscores.
    if not name.startswith("__") or name.endswith("__"):
        return name
    prefix = owner.__name__.lstrip("_")
    return f"_{prefix}{name}" if prefix else name


def _declared_slots(klass):
    own = getattr(klass, "__dict__", {})
    if "__slots__" not in own:
        return []
    declared = own["__slots__"]
    if isinstance(declared, str):
        declared = [declared]
    return [_mangled(klass, n) for n in declared
            if n != "__dict__" and n != "__weakref__"]


def _slotnames(cls):
    cached = getattr(cls, "__dict__", {}).get("__slotnames__")
    if cached is not None:
        return cached
    found = []
    for klass in cls.__mro__:
        found.extend(_declared_slots(klass))
    try:
        cls.__slotnames__ = found
    except (TypeError, AttributeError):
        pass  # a built-in type: nothing to remember it on
    return found


# --- extension codes -------------------------------------------------------

def add_extension(module, name, code):
    code = int(code)
    if code < 1 or code > 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    held = _extension_registry.get(key)
    owner = _inverted_registry.get(code)
    if held == code and owner == key:
        return  # registering the same pair again is harmless
    if held is not None:
        raise ValueError(f"key {key} is already registered with code {held}")
    if owner is not None:
        raise ValueError(f"code {code} is already in use for key {owner}")
    _extension_registry[key], _inverted_registry[code] = code, key


def remove_extension(module, name, code):
    key = (module, name)
    if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
        raise ValueError(f"key {key} is not registered with code {code}")
    _extension_registry.pop(key)
    _inverted_registry.pop(code)
    _extension_cache.pop(code, None)


def clear_extension_cache():
    _extension_cache.clear()
