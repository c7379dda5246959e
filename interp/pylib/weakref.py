# The weakref module for minipy, written for it over Go's weak pointers
# (_weak_handle and _weak_get, weakref.go): ref, WeakMethod,
# WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize.
#
# minipy's objects are freed by Go's garbage collector, not by reference
# counts: an object with no references left stays alive, and its weak
# references keep answering, until a collection finds it unreachable.
# gc.collect() runs one, then the callbacks of the references whose
# objects it found gone. A reference's callback and a finalizer otherwise
# run when this module is next used after a collection that freed the
# object, on the thread that uses it; finalizers whose objects are alive
# at exit run then, newest first, as CPython's do. A temporary of a
# running frame can keep an object alive after its last name is gone
# (module-level code's last call result, say): the objects a function
# made are the ones sure to go once it has returned.

import sys as _sys

__all__ = ["ref", "ReferenceType", "WeakMethod", "WeakValueDictionary", "WeakKeyDictionary", "WeakSet",
           "finalize", "getweakrefcount", "getweakrefs", "proxy"]

# The references with callbacks that have not run yet.
_watched = []


def _reap():
    # Run the callbacks of references whose objects are gone.
    if not _watched:
        return
    gone = []
    keep = []
    for r in _watched:
        if _weak_get(r._h) is None:
            gone.append(r)
        else:
            keep.append(r)
    _watched[:] = keep
    for r in gone:
        cb = r.__callback__
        r.__callback__ = None
        if cb is not None:
            try:
                cb(r)
            except Exception as e:
                _unraisable(e, cb)


def _unraisable(e, where):
    _sys.stderr.write("Exception ignored while calling weakref callback %r:\n" % (where,))
    import traceback
    _sys.stderr.write("".join(traceback.format_exception(e)))


class ref:
    def __init__(self, ob, callback=None):
        _reap()
        self._h = _weak_handle(ob)
        self._hash = None
        self.__callback__ = callback
        if callback is not None:
            _watched.append(self)

    def __call__(self):
        return _weak_get(self._h)

    def __hash__(self):
        if self._hash is None:
            o = _weak_get(self._h)
            if o is None:
                raise TypeError("weak object has gone away")
            self._hash = hash(o)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ref):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        eq = self.__eq__(other)
        if eq is NotImplemented:
            return eq
        return not eq

    def __repr__(self):
        o = self()
        if o is None:
            return "<weakref at %#x; dead>" % id(self)
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), type(o).__qualname__, id(o))


ReferenceType = ref
# CPython's type is named ReferenceType (type(r).__name__, repr(ref)).
ref.__name__ = ref.__qualname__ = "ReferenceType"


class WeakMethod(ref):
    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None
        ref.__init__(self, obj, callback)
        self._func_ref = ref(func)

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        # minipy's functions have no __get__: the object's attribute of
        # that name is the bound method, when it is still this function.
        bound = getattr(obj, func.__name__, None)
        if getattr(bound, "__func__", None) is func:
            return bound
        return None

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if self() is None or other() is None:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __hash__(self):
        return ref.__hash__(self)


def proxy(object, callback=None):
    raise TypeError("weakref.proxy is not supported by minipy")


def getweakrefcount(object):
    return 0


def getweakrefs(object):
    return []


class WeakValueDictionary:
    def __init__(self, other=(), /, **kw):
        self.data = {}
        if other or kw:
            self.update(other, **kw)

    def _ref(self, key, value):
        data = self.data

        def gone(r, key=key):
            if data.get(key) is r:
                del data[key]
        r = ref(value, gone)
        r.key = key
        return r

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = self._ref(key, value)

    def __delitem__(self, key):
        _reap()
        del self.data[key]

    def __contains__(self, key):
        r = self.data.get(key)
        return r is not None and r() is not None

    def __len__(self):
        _reap()
        return sum(1 for r in self.data.values() if r() is not None)

    def __iter__(self):
        for k, r in list(self.data.items()):
            if r() is not None:
                yield k

    def keys(self):
        return iter(self)

    def items(self):
        for k, r in list(self.data.items()):
            o = r()
            if o is not None:
                yield k, o

    def values(self):
        for r in list(self.data.values()):
            o = r()
            if o is not None:
                yield o

    def itervaluerefs(self):
        return iter(list(self.data.values()))

    def valuerefs(self):
        return list(self.data.values())

    def get(self, key, default=None):
        r = self.data.get(key)
        if r is None:
            return default
        o = r()
        return default if o is None else o

    def pop(self, key, *args):
        r = self.data.pop(key, None)
        o = r() if r is not None else None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def popitem(self):
        while True:
            key, r = self.data.popitem()
            o = r()
            if o is not None:
                return key, o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if hasattr(other, "items"):
                other = other.items()
            for k, v in other:
                self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def copy(self):
        new = WeakValueDictionary()
        for k, v in self.items():
            new[k] = v
        return new

    __copy__ = copy

    def clear(self):
        self.data.clear()

    def __or__(self, other):
        new = self.copy()
        new.update(other)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))


class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def _ref(self, key):
        data = self.data

        def gone(r):
            try:
                del data[r]
            except (KeyError, TypeError):
                # Its hash was never taken while the key lived: look for it.
                for k in list(data):
                    if k is r:
                        del data[k]
        return ref(key, gone)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        r = ref(key)
        if r in self.data:
            self.data[r] = value
        else:
            self.data[self._ref(key)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            r = ref(key)
        except TypeError:
            return False
        return r in self.data

    def __len__(self):
        _reap()
        return sum(1 for r in self.data if r() is not None)

    def __iter__(self):
        for r in list(self.data):
            o = r()
            if o is not None:
                yield o

    def keys(self):
        return iter(self)

    def items(self):
        for r, v in list(self.data.items()):
            o = r()
            if o is not None:
                yield o, v

    def values(self):
        for r, v in list(self.data.items()):
            if r() is not None:
                yield v

    def keyrefs(self):
        return list(self.data)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def popitem(self):
        while True:
            r, v = self.data.popitem()
            o = r()
            if o is not None:
                return o, v

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if hasattr(dict, "items"):
                dict = dict.items()
            for k, v in dict:
                self[k] = v
        if kwargs:
            self.update(kwargs)

    def copy(self):
        new = WeakKeyDictionary()
        for k, v in self.items():
            new[k] = v
        return new

    __copy__ = copy

    def clear(self):
        self.data.clear()

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))


class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        if data is not None:
            self.update(data)

    def _ref(self, item):
        data = self.data

        def gone(r):
            data.discard(r)
        return ref(item, gone)

    def add(self, item):
        if ref(item) not in self.data:
            self.data.add(self._ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def pop(self):
        while True:
            r = self.data.pop()
            o = r()
            if o is not None:
                return o

    def clear(self):
        self.data.clear()

    def update(self, other):
        for item in other:
            self.add(item)

    def copy(self):
        return WeakSet(self)

    __copy__ = copy

    def __contains__(self, item):
        try:
            r = ref(item)
        except TypeError:
            return False
        return r in self.data

    def __iter__(self):
        for r in list(self.data):
            o = r()
            if o is not None:
                yield o

    def __len__(self):
        _reap()
        return sum(1 for r in self.data if r() is not None)

    def __repr__(self):
        return repr(self.data)


class finalize:
    _registry = {}
    _count = 0
    _exit_registered = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._exit_registered:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._exit_registered = True
        self._index = finalize._count
        finalize._count += 1
        self._info = (func, args, kwargs or None)
        self._atexit = True
        self._ref = ref(obj, self)
        finalize._registry[self._index] = self

    def __call__(self, _=None):
        info = finalize._registry.pop(self._index, None)
        if info is not None and self._info is not None:
            func, args, kwargs = self._info
            self._info = None
            return func(*args, **(kwargs or {}))

    def detach(self):
        obj = self._ref()
        if obj is not None and finalize._registry.pop(self._index, None) is not None:
            func, args, kwargs = self._info
            self._info = None
            return (obj, func, args, kwargs or {})

    def peek(self):
        obj = self._ref()
        if obj is not None and self._index in finalize._registry:
            func, args, kwargs = self._info
            return (obj, func, args, kwargs or {})

    @property
    def alive(self):
        return self._index in finalize._registry

    @property
    def atexit(self):
        return self._atexit

    @atexit.setter
    def atexit(self, value):
        self._atexit = bool(value)

    def __repr__(self):
        obj = self._ref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _exitfunc(cls):
        _reap()
        pending = [f for i, f in sorted(cls._registry.items()) if f._atexit]
        while pending:
            f = pending.pop()
            try:
                f()
            except Exception as e:
                _unraisable(e, f)


_set_reaper(_reap)
