# The mixin methods of collections.abc, written for minipy from the
# library reference's table of ABCs and their mixin methods. mod_abc.go
# copies each class's attributes onto the ABC of the same name (a name the
# ABC already has is kept), so a subclass that defines the abstract
# methods gets the rest. Sequence's and Mapping's lookups are in Go, as
# are _is_abc_set and _is_abc_mapping (isinstance against Set, Mapping).

_ABSENT = object()


def _iterable(obj):
    # What collections.abc.Iterable accepts: a type with a real __iter__.
    return getattr(type(obj), "__iter__", None) is not None


def _all_in(items, container):
    for item in items:
        if item not in container:
            return False
    return True


def _drain(take, done):
    # Calls take until it raises done: the mixins' clear methods.
    while True:
        try:
            take()
        except done:
            return


def _plain_set(cls, it):
    return set(it)


def _construct(cls, it):
    return cls(it)


def _first_of(iterable, empty_error):
    # The first item, or empty_error raised (without a chained context).
    for item in iterable:
        return item
    raise empty_error from None


class Iterator:
    def __iter__(self):
        return self


class MutableMapping:
    def pop(self, key, default=_ABSENT):
        try:
            found = self[key]
        except KeyError:
            if default is _ABSENT:
                raise
            return default
        del self[key]
        return found

    def popitem(self):
        key = _first_of(self, KeyError)
        found = self[key]
        del self[key]
        return key, found

    def clear(self):
        _drain(self.popitem, KeyError)

    def update(self, other=(), /, **kwds):
        if _is_abc_mapping(other):
            keys = iter(other)
        elif hasattr(other, "keys"):
            keys = other.keys()
        else:
            keys = None
            for k, v in other:
                self[k] = v
        if keys is not None:
            for k in keys:
                self[k] = other[k]
        for k, v in kwds.items():
            self[k] = v

    def setdefault(self, key, default=None):
        try:
            found = self[key]
        except KeyError:
            self[key] = found = default
        return found


class Mapping:
    __hash__ = None
    __reversed__ = None

    def __eq__(self, other):
        if _is_abc_mapping(other):
            return dict(self.items()) == dict(other.items())
        return NotImplemented


class MappingView:
    def __init__(self, mapping):
        self._mapping = mapping

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._mapping)

    def __len__(self):
        mapping = self._mapping
        return len(mapping)


class KeysView:
    # Set operations on a keys or items view give a plain set.
    _from_iterable = classmethod(_plain_set)

    def __contains__(self, key):
        mapping = self._mapping
        return key in mapping

    def __iter__(self):
        for key in self._mapping:
            yield key


class ItemsView:
    _from_iterable = classmethod(_plain_set)

    def __contains__(self, item):
        key, wanted = item
        mapping = self._mapping
        try:
            present = mapping[key]
        except KeyError:
            return False
        return present is wanted or present == wanted

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield key, mapping[key]


class ValuesView:
    def __contains__(self, value):
        mapping = self._mapping
        return any(v is value or v == value for v in (mapping[k] for k in mapping))

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield mapping[key]


class MutableSequence:
    def append(self, value):
        self.insert(len(self), value)

    def extend(self, values):
        # Extending by itself would never end: take a snapshot first.
        for v in (list(values) if values is self else values):
            self.append(v)

    def pop(self, index=-1):
        found = self[index]
        del self[index]
        return found

    def remove(self, value):
        del self[self.index(value)]

    def reverse(self):
        lo, hi = 0, len(self) - 1
        while lo < hi:
            self[lo], self[hi] = self[hi], self[lo]
            lo, hi = lo + 1, hi - 1

    def clear(self):
        _drain(self.pop, IndexError)

    def __iadd__(self, values):
        extend = self.extend
        extend(values)
        return self


class Set:
    # Comparisons take only Sets (_is_abc_set); the operators any iterable,
    # turning one that is not a Set into this class by _from_iterable.
    __hash__ = None

    _from_iterable = classmethod(_construct)

    def _as_set(self, other):
        return other if _is_abc_set(other) else self._from_iterable(other)

    def __le__(self, other):
        if not _is_abc_set(other):
            return NotImplemented
        return len(self) <= len(other) and _all_in(self, other)

    def __ge__(self, other):
        if not _is_abc_set(other):
            return NotImplemented
        return len(self) >= len(other) and _all_in(other, self)

    def __lt__(self, other):
        if not _is_abc_set(other):
            return NotImplemented
        if len(self) >= len(other):
            return False
        return self.__le__(other)

    def __gt__(self, other):
        if not _is_abc_set(other):
            return NotImplemented
        if len(self) <= len(other):
            return False
        return self.__ge__(other)

    def __eq__(self, other):
        if not _is_abc_set(other):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    def isdisjoint(self, other):
        return not any(x in self for x in other)

    def __and__(self, other):
        if not _iterable(other):
            return NotImplemented
        return self._from_iterable(x for x in other if x in self)

    __rand__ = __and__

    def __or__(self, other):
        if not _iterable(other):
            return NotImplemented
        return self._from_iterable(x for part in (self, other) for x in part)

    __ror__ = __or__

    def __sub__(self, other):
        if not _iterable(other):
            return NotImplemented
        other = self._as_set(other)
        return self._from_iterable(x for x in self if x not in other)

    def __rsub__(self, other):
        if not _iterable(other):
            return NotImplemented
        other = self._as_set(other)
        return self._from_iterable(x for x in other if x not in self)

    def __xor__(self, other):
        if not _iterable(other):
            return NotImplemented
        other = self._as_set(other)
        return (self - other) | (other - self)

    __rxor__ = __xor__


class MutableSet:
    def pop(self):
        value = _first_of(self, KeyError)
        self.discard(value)
        return value

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def clear(self):
        _drain(self.pop, KeyError)

    def __ior__(self, it):
        for x in it:
            self.add(x)
        return self

    def __iand__(self, it):
        for x in self - it:
            self.discard(x)
        return self

    def __ixor__(self, it):
        # x ^= x empties x (iterating x while changing it would not).
        if it is not self:
            for x in self._as_set(it):
                (self.discard if x in self else self.add)(x)
        else:
            self.clear()
        return self

    def __isub__(self, it):
        if it is not self:
            for x in it:
                self.discard(x)
        else:
            self.clear()
        return self
