# pprint for minipy, written for this project from the module's documented
# behaviour and CPython's observed layout: a value whose repr fits in what
# is left of the line prints as that repr; a dict, list, tuple, set,
# frozenset or str that does not is broken one item a line under its
# opening bracket (compact mode packs the items), dicts sorted by key, and
# a long str becomes adjacent literals split at word ends.

import sys as _sys

__all__ = ["pprint", "pformat", "pp", "isreadable", "isrecursive", "saferepr", "PrettyPrinter"]

# Types whose repr is taken as it is (int has its own case: underscores).
_PLAIN = (str, bytes, bytearray, float, complex, bool, type(None))

# The containers laid out by their own rules, and what they shrink to
# below the depth limit.
_LAID_OUT = (dict, list, tuple, set, frozenset, str)
_ELIDED = {dict: "{...}", list: "[...]", tuple: "(...)"}


def _layout_class(obj):
    """The container in _LAID_OUT whose layout obj takes: its class or a
    base it inherits __repr__ from; None for anything else."""
    cls = type(obj)
    if cls in _LAID_OUT:
        return cls
    for kind in _LAID_OUT:
        if isinstance(obj, kind):
            return kind if _inherits_repr(cls) else None
    return None


def _inherits_repr(cls):
    # No class of the program's between cls and the built-in base
    # defines __repr__. (minipy's __mro__ names built-ins by stand-ins,
    # so the walk stops at the first class from builtins.)
    for c in getattr(cls, "__mro__", (cls,)):
        if getattr(c, "__module__", None) == "builtins":
            return True
        if "__repr__" in vars(c):
            return False
    return True


def _recursion(obj):
    return "<Recursion on %s with id=%s>" % (type(obj).__name__, id(obj))


class _Ordered:
    """Sort key that orders values of different types too: those that
    refuse < by their type's name, then identity."""

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        try:
            return self.value < other.value
        except TypeError:
            mine = (str(type(self.value)), id(self.value))
            theirs = (str(type(other.value)), id(other.value))
            return mine < theirs


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True,
                 underscore_numbers=False):
        indent, width = int(indent), int(width)
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        self._indent_per_level = indent
        self._width = width
        self._depth = depth
        self._stream = stream
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    # ------------------------------------------------------------ public

    def pprint(self, object):
        out = _sys.stdout if self._stream is None else self._stream
        out.write(self.pformat(object) + "\n")

    def pformat(self, object):
        pieces = []
        self._emit(object, pieces, 0, 0, set(), 0)
        return "".join(pieces)

    def format(self, object, context, maxlevels, level):
        """(repr, readable, recursive) of object on one line."""
        return self._flat(object, set(context), level)

    def isreadable(self, object):
        _, readable, recursive = self._flat(object, set(), 0)
        return readable and not recursive

    def isrecursive(self, object):
        return self._flat(object, set(), 0)[2]

    # ------------------------------------------------------------ one line

    def _dict_pairs(self, mapping):
        pairs = list(mapping.items())
        if self._sort_dicts:
            pairs.sort(key=lambda pair: _Ordered(pair[0]))
        return pairs

    def _flat(self, obj, active, level):
        """obj's repr on one line, with dicts sorted and the depth limit,
        whether eval could read it back, and whether it contains itself.
        active holds the ids of the containers being written around it."""
        cls = type(obj)
        if cls in _PLAIN:
            return repr(obj), True, False
        if cls is int:
            return ("{:_d}".format(obj) if self._underscore_numbers else repr(obj)), True, False
        kind = _layout_class(obj)
        if kind not in _ELIDED:
            text = repr(obj)
            return text, bool(text) and not text.startswith("<"), False
        if not obj:
            return repr(obj), True, False
        ident = id(obj)
        if self._depth and level >= self._depth:
            return _ELIDED[kind], False, ident in active
        if ident in active:
            return _recursion(obj), False, True
        active.add(ident)
        readable, recursive = True, False
        texts = []
        if kind is dict:
            entries = self._dict_pairs(obj)
        else:
            entries = [(None, v) for v in obj]
        for key, value in entries:
            parts = []
            for part in ((key,) if kind is dict else ()) + (value,):
                text, ok, loops = self._flat(part, active, level + 1)
                parts.append(text)
                readable = readable and ok
                recursive = recursive or loops
            texts.append(": ".join(parts))
        active.discard(ident)
        body = ", ".join(texts)
        if kind is dict:
            return "{" + body + "}", readable, recursive
        if kind is list:
            return "[" + body + "]", readable, recursive
        return "(" + body + ("," if len(texts) == 1 else "") + ")", readable, recursive

    # ------------------------------------------------------------ layout

    def _emit(self, obj, out, indent, allowance, active, level):
        """Writes obj starting at column indent, allowance characters of the
        line kept free after it for what closes its enclosing brackets."""
        if id(obj) in active:
            out.append(_recursion(obj))
            return
        text = self._flat(obj, set(active), level)[0]
        kind = None
        if len(text) > self._width - indent - allowance:
            kind = _layout_class(obj)
        if kind is None:
            out.append(text)
            return
        active.add(id(obj))
        _SPLIT[kind](self, obj, out, indent, allowance, active, level + 1)
        active.discard(id(obj))

    def _split_dict(self, obj, out, indent, allowance, active, level):
        out.append("{")
        step = self._indent_per_level
        if step > 1:
            out.append(" " * (step - 1))
        pairs = self._dict_pairs(obj)
        indent += step
        newline = ",\n" + " " * indent
        for n, (key, value) in enumerate(pairs):
            if n:
                out.append(newline)
            key_text = self._flat(key, set(active), level)[0]
            out.append(key_text + ": ")
            # The closing brace follows the last value.
            tail = allowance + 1 if n == len(pairs) - 1 else 1
            self._emit(value, out, indent + len(key_text) + 2, tail, active, level)
        out.append("}")

    def _split_list(self, obj, out, indent, allowance, active, level):
        out.append("[")
        self._emit_items(list(obj), out, indent, allowance + 1, active, level)
        out.append("]")

    def _split_tuple(self, obj, out, indent, allowance, active, level):
        close = ",)" if len(obj) == 1 else ")"
        out.append("(")
        self._emit_items(list(obj), out, indent, allowance + len(close), active, level)
        out.append(close)

    def _split_set(self, obj, out, indent, allowance, active, level):
        if not obj:
            out.append(repr(obj))
            return
        if type(obj) is set:
            opening, close = "{", "}"
        else:
            opening, close = type(obj).__name__ + "({", "})"
            indent += len(opening) - 1
        out.append(opening)
        members = sorted(obj, key=_Ordered)
        self._emit_items(members, out, indent, allowance + len(close), active, level)
        out.append(close)

    def _split_str(self, obj, out, indent, allowance, active, level):
        if not obj:
            out.append(repr(obj))
            return
        # At the top a str split in pieces is wrapped in parentheses.
        wrap = level == 1
        if wrap:
            indent += 1
            allowance += 1
        room = self._width - indent
        pieces = []
        lines = obj.splitlines(True)
        for n, line in enumerate(lines):
            final_line = n == len(lines) - 1
            if len(repr(line)) <= room - (allowance if final_line else 0):
                pieces.append(line)
                continue
            words = _words(line)
            current = ""
            for m, word in enumerate(words):
                limit = room - (allowance if final_line and m == len(words) - 1 else 0)
                if len(repr(current + word)) <= limit:
                    current += word
                    continue
                if current:
                    pieces.append(current)
                current = word
            if current:
                pieces.append(current)
        if len(pieces) == 1:
            out.append(repr(pieces[0]))
            return
        out.append("(" if wrap else "")
        out.append(("\n" + " " * indent).join(repr(p) for p in pieces))
        out.append(")" if wrap else "")

    def _emit_items(self, items, out, indent, allowance, active, level):
        """The items of a list, tuple or set, one a line or, compact, as
        many a line as fit."""
        step = self._indent_per_level
        indent += step
        if step > 1:
            out.append(" " * (step - 1))
        newline = ",\n" + " " * indent
        line_room = self._width - indent + 1
        left = line_room
        sep = ""
        for n, item in enumerate(items):
            last = n == len(items) - 1
            if last:
                line_room -= allowance
                left -= allowance
            if self._compact:
                text = self._flat(item, set(active), level)[0]
                need = len(text) + 2
                if left < need:
                    # Start a new line unless this is the first item.
                    left = line_room
                    if sep:
                        sep = newline
                if left >= need:
                    left -= need
                    out.append(sep + text)
                    sep = ", "
                    continue
            out.append(sep)
            sep = newline
            self._emit(item, out, indent, allowance if last else 1, active, level)


def _words(line):
    """line cut after each run of whitespace: each word with the spaces
    that follow it."""
    words = []
    start = 0
    n = len(line)
    while start < n:
        end = start
        while end < n and not line[end].isspace():
            end += 1
        while end < n and line[end].isspace():
            end += 1
        words.append(line[start:end])
        start = end
    return words


_SPLIT = {
    dict: PrettyPrinter._split_dict,
    list: PrettyPrinter._split_list,
    tuple: PrettyPrinter._split_tuple,
    set: PrettyPrinter._split_set,
    frozenset: PrettyPrinter._split_set,
    str: PrettyPrinter._split_str,
}


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
           underscore_numbers=False):
    printer = PrettyPrinter(indent=indent, width=width, depth=depth, stream=stream, compact=compact,
                            sort_dicts=sort_dicts, underscore_numbers=underscore_numbers)
    printer.pprint(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    printer = PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact, sort_dicts=sort_dicts,
                            underscore_numbers=underscore_numbers)
    return printer.pformat(object)


def saferepr(object):
    return PrettyPrinter()._flat(object, set(), 0)[0]


def isreadable(object):
    return PrettyPrinter().isreadable(object)


def isrecursive(object):
    return PrettyPrinter().isrecursive(object)
