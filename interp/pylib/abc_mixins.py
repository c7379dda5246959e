# Mixin methods of collections.abc, written in Python. mod_abc.go copies
# each class's methods onto the ABC of the same name (most specific
# first: a name the ABC already has is kept), so a subclass that defines
# the abstract methods gets the rest, as the library reference's table of
# mixin methods promises. Sequence's and Mapping's lookups are in Go.

_NO_DEFAULT = object()


class MutableMapping:
    def pop(self, key, default=_NO_DEFAULT):
        try:
            found = self[key]
        except KeyError:
            if default is _NO_DEFAULT:
                raise
            return default
        del self[key]
        return found

    def popitem(self):
        for key in self:
            break
        else:
            raise KeyError from None
        found = self[key]
        del self[key]
        return key, found

    def clear(self):
        while True:
            try:
                self.popitem()
            except KeyError:
                return

    def update(self, other=(), /, **kwds):
        pairs = other
        if hasattr(other, 'keys'):
            pairs = ((k, other[k]) for k in other.keys())
        for k, v in pairs:
            self[k] = v
        for k in kwds:
            self[k] = kwds[k]

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            pass
        self[key] = default
        return default


class Mapping:
    __hash__ = None

    def __eq__(self, other):
        if not (hasattr(other, 'keys') and hasattr(other, '__getitem__')):
            return NotImplemented
        mine = dict(self.items())
        return mine == dict(other.items())


class MappingView:
    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self._mapping)


class KeysView:
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView:
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            present = self._mapping[key]
        except KeyError:
            return False
        return present is value or present == value

    def __iter__(self):
        m = self._mapping
        for key in m:
            yield key, m[key]


class ValuesView:
    def __contains__(self, value):
        m = self._mapping
        for key in m:
            present = m[key]
            if present is value or present == value:
                return True
        return False

    def __iter__(self):
        m = self._mapping
        for key in m:
            yield m[key]


class MutableSequence:
    def append(self, value):
        self.insert(len(self), value)

    def extend(self, values):
        # Appending to itself would never end: take a snapshot first.
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
        while True:
            try:
                self.pop()
            except IndexError:
                return

    def __iadd__(self, values):
        self.extend(values)
        return self


class Set:
    # Its comparisons take only Sets: _is_abc_set comes from Go.
    __hash__ = None

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def _subset_of(self, other):
        return all(x in other for x in self)

    def __le__(self, other):
        if not _is_abc_set(other):
            return NotImplemented
        return len(self) <= len(other) and Set._subset_of(self, other)

    def __lt__(self, other):
        if not _is_abc_set(other):
            return NotImplemented
        return len(self) < len(other) and Set._subset_of(self, other)

    def __ge__(self, other):
        if not _is_abc_set(other):
            return NotImplemented
        return len(self) >= len(other) and Set._subset_of(other, self)

    def __gt__(self, other):
        if not _is_abc_set(other):
            return NotImplemented
        return len(self) > len(other) and Set._subset_of(other, self)

    def __eq__(self, other):
        if not _is_abc_set(other):
            return NotImplemented
        return len(self) == len(other) and Set._subset_of(self, other)

    def isdisjoint(self, other):
        return not any(x in self for x in other)

    def __and__(self, other):
        if not hasattr(other, '__iter__'):
            return NotImplemented
        return self._from_iterable([x for x in other if x in self])

    def __rand__(self, other):
        return Set.__and__(self, other)

    def __or__(self, other):
        if not hasattr(other, '__iter__'):
            return NotImplemented
        return self._from_iterable([*self, *other])

    def __ror__(self, other):
        return Set.__or__(self, other)

    def _lookup_set(self, other):
        # Membership tests need __contains__; a bare iterable becomes
        # one of our own kind first.
        if hasattr(other, '__contains__'):
            return other
        return self._from_iterable(other)

    def __sub__(self, other):
        if not hasattr(other, '__iter__'):
            return NotImplemented
        other = Set._lookup_set(self, other)
        return self._from_iterable([x for x in self if x not in other])

    def __rsub__(self, other):
        if not hasattr(other, '__iter__'):
            return NotImplemented
        other = Set._lookup_set(self, other)
        return self._from_iterable([x for x in other if x not in self])

    def __xor__(self, other):
        if not hasattr(other, '__iter__'):
            return NotImplemented
        other = Set._lookup_set(self, other)
        only_mine = [x for x in self if x not in other]
        only_theirs = [x for x in other if x not in self]
        return self._from_iterable(only_mine + only_theirs)

    def __rxor__(self, other):
        return Set.__xor__(self, other)


class MutableSet:
    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        for value in self:
            break
        else:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        while True:
            try:
                self.pop()
            except KeyError:
                return

    def __ior__(self, it):
        for x in it:
            self.add(x)
        return self

    def __iand__(self, it):
        it = Set._lookup_set(self, it)
        for x in [x for x in self if x not in it]:
            self.discard(x)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
            return self
        for x in Set._lookup_set(self, it):
            if x in self:
                self.discard(x)
            else:
                self.add(x)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
            return self
        for x in it:
            self.discard(x)
        return self


_exported = ('_NO_DEFAULT',)
