# reprlib: repr() with limits on sizes and depth (Repr, repr), and the
# recursive_repr decorator, with CPython's layout of what it cuts.

import builtins as _builtins
from itertools import islice as _islice
from threading import get_ident as _get_ident

__all__ = ['Repr', 'repr', 'recursive_repr']


def recursive_repr(fillvalue='...'):
    'Decorator to make a repr function return fillvalue for a recursive call'

    def decorate(fn):
        running = set()

        def wrapper(self):
            # Per object and thread: another thread's repr of the same
            # object is not a recursion.
            key = (id(self), _get_ident())
            if key in running:
                return fillvalue
            running.add(key)
            try:
                return fn(self)
            finally:
                running.discard(key)

        for name in ('__module__', '__doc__', '__name__', '__qualname__'):
            setattr(wrapper, name, getattr(fn, name))
        wrapper.__annotations__ = getattr(fn, '__annotations__', {})
        wrapper.__type_params__ = getattr(fn, '__type_params__', ())
        wrapper.__wrapped__ = fn
        return wrapper

    return decorate


def _ordered(items):
    # Sorted when the items compare, else in iteration order.
    seq = list(items)
    try:
        seq = sorted(seq)
    except Exception:
        pass
    return seq


class Repr:

    def __init__(self, *, maxlevel=6, maxtuple=6, maxlist=6, maxarray=5,
                 maxdict=4, maxset=6, maxfrozenset=6, maxdeque=6,
                 maxstring=30, maxlong=40, maxother=30, fillvalue='...',
                 indent=None):
        self.maxlevel = maxlevel
        self.maxtuple = maxtuple
        self.maxlist = maxlist
        self.maxarray = maxarray
        self.maxdict = maxdict
        self.maxset = maxset
        self.maxfrozenset = maxfrozenset
        self.maxdeque = maxdeque
        self.maxstring = maxstring
        self.maxlong = maxlong
        self.maxother = maxother
        self.fillvalue = fillvalue
        self.indent = indent

    def repr1(self, x, level):
        # repr_<type name>, spaces in the name as underscores; anything
        # else is repr_instance.
        name = '_'.join(type(x).__name__.split())
        method = getattr(self, 'repr_' + name, None)
        if method is None:
            return self.repr_instance(x, level)
        return method(x, level)

    def repr(self, x):
        return self.repr1(x, self.maxlevel)

    def _cut(self, s, limit):
        # s with its middle replaced by the fill value when longer than
        # limit: the head gets the smaller half of what remains.
        if len(s) <= limit:
            return s
        head = max(0, (limit - 3) // 2)
        tail = max(0, limit - 3 - head)
        return s[:head] + self.fillvalue + s[len(s) - tail:]

    def _join(self, pieces, level):
        indent = self.indent
        if indent is None:
            return ', '.join(pieces)
        if not pieces:
            return ''
        if isinstance(indent, int):
            if indent < 0:
                raise ValueError(
                    f'Repr.indent cannot be negative int (was {indent!r})')
            indent = ' ' * indent
        try:
            sep = ',\n' + (self.maxlevel - level + 1) * indent
        except TypeError as e:
            raise TypeError(
                f'Repr.indent must be a str, int or None, not {type(indent)}') from e
        # Each piece on its own line one level in; the closing bracket
        # back at the enclosing level.
        out = (''.join(sep + p for p in pieces) + sep)[1:]
        return out[:-len(indent)] if indent else out

    def _items(self, x, level, left, right, limit, one_trail='', empty=None):
        n = len(x)
        if not n and empty is not None:
            return empty
        if level <= 0 and n:
            body = self.fillvalue
        else:
            pieces = [self.repr1(item, level - 1) for item in _islice(x, limit)]
            if n > limit:
                pieces.append(self.fillvalue)
            body = self._join(pieces, level)
            if n == 1 and one_trail and self.indent is None:
                right = one_trail + right
        return left + body + right

    def repr_tuple(self, x, level):
        return self._items(x, level, '(', ')', self.maxtuple, ',')

    def repr_list(self, x, level):
        return self._items(x, level, '[', ']', self.maxlist)

    def repr_array(self, x, level):
        code = x.typecode
        return self._items(x, level, f"array('{code}', [", '])', self.maxarray,
                           empty=f"array('{code}')")

    def repr_set(self, x, level):
        return self._items(_ordered(x), level, '{', '}', self.maxset,
                           empty='set()')

    def repr_frozenset(self, x, level):
        return self._items(_ordered(x), level, 'frozenset({', '})',
                           self.maxfrozenset, empty='frozenset()')

    def repr_deque(self, x, level):
        return self._items(x, level, 'deque([', '])', self.maxdeque)

    def repr_dict(self, x, level):
        # An empty dict joins no pieces: '{}' at any depth.
        if x and level <= 0:
            return '{' + self.fillvalue + '}'
        pieces = []
        for k in _islice(_ordered(x), self.maxdict):
            pieces.append(self.repr1(k, level - 1) + ': ' + self.repr1(x[k], level - 1))
        if len(x) > self.maxdict:
            pieces.append(self.fillvalue)
        return '{' + self._join(pieces, level) + '}'

    def repr_str(self, x, level):
        limit = self.maxstring
        s = _builtins.repr(x[:limit])
        if len(s) <= limit:
            return s
        # Cut the text, not its repr, so no escape is split; then cut
        # the repr of what is left to the same places.
        head = max(0, (limit - 3) // 2)
        tail = max(0, limit - 3 - head)
        s = _builtins.repr(x[:head] + x[len(x) - tail:])
        return s[:head] + self.fillvalue + s[len(s) - tail:]

    def repr_int(self, x, level):
        return self._cut(_builtins.repr(x), self.maxlong)

    def repr_instance(self, x, level):
        try:
            s = _builtins.repr(x)
        except Exception:
            # A failing __repr__ still gets a name.
            return '<%s instance at %#x>' % (x.__class__.__name__, id(x))
        return self._cut(s, self.maxother)


aRepr = Repr()
repr = aRepr.repr
