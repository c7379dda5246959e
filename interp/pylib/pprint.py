# The pprint module for minipy, written for it: containers too wide for
# the line are broken one item a line, indented under their opening
# bracket, dicts sorted by key, long strs split at word ends into
# adjacent literals (CPython's layout rules, so the output is the same).

import re as _re
import sys as _sys

__all__ = ["pprint", "pformat", "pp", "isreadable", "isrecursive", "saferepr", "PrettyPrinter"]


def _sort_key(x):
    return _Key(x)


class _Key:
    # Orders values that compare, and those that do not by type name.
    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return (str(type(self.obj)), id(self.obj)) < (str(type(other.obj)), id(other.obj))


def _sorted_items(d):
    items = list(d.items())
    try:
        return sorted(items, key=lambda kv: _Key(kv[0]))
    except TypeError:
        return items


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        stream = self._stream if self._stream is not None else _sys.stdout
        stream.write(self.pformat(object) + "\n")

    def pformat(self, object):
        out = []
        self._format(object, out, 0, 0, set(), 0)
        return "".join(out)

    def isrecursive(self, object):
        return self._safe(object, set(), 0)[2]

    def isreadable(self, object):
        r = self._safe(object, set(), 0)
        return r[1] and not r[2]

    def format(self, object, context, maxlevels, level):
        return self._safe(object, context, level)

    def _repr(self, object, context, level):
        return self._safe(object, set(context), level)[0]

    # _safe is (repr, readable, recursive), dicts sorted, depth-limited.
    def _safe(self, object, context, level):
        t = type(object)
        if t in (int, float, str, bool, type(None), bytes, complex):
            if t is int and self._underscore_numbers:
                return "{:_d}".format(object), True, False
            return repr(object), True, False
        if t is dict or t is list or t is tuple:
            if not object:
                return repr(object), True, False
            oid = id(object)
            if self._depth is not None and level >= self._depth:
                return {dict: "{...}", list: "[...]", tuple: "(...)"}[t], False, oid in context
            if oid in context:
                return _recursion(object), False, True
            context.add(oid)
            readable, recursive = True, False
            parts = []
            if t is dict:
                items = _sorted_items(object) if self._sort_dicts else object.items()
                for k, v in items:
                    kr, kread, krec = self._safe(k, context, level + 1)
                    vr, vread, vrec = self._safe(v, context, level + 1)
                    parts.append("%s: %s" % (kr, vr))
                    readable = readable and kread and vread
                    recursive = recursive or krec or vrec
                context.discard(oid)
                return "{%s}" % ", ".join(parts), readable, recursive
            for x in object:
                xr, xread, xrec = self._safe(x, context, level + 1)
                parts.append(xr)
                readable = readable and xread
                recursive = recursive or xrec
            context.discard(oid)
            if t is list:
                return "[%s]" % ", ".join(parts), readable, recursive
            if len(parts) == 1:
                return "(%s,)" % parts[0], readable, recursive
            return "(%s)" % ", ".join(parts), readable, recursive
        rep = repr(object)
        return rep, bool(rep) and not rep.startswith("<"), False

    def _format(self, object, out, indent, allowance, context, level):
        oid = id(object)
        if oid in context:
            out.append(_recursion(object))
            return
        rep = self._repr(object, context, level)
        if len(rep) > self._width - indent - allowance:
            t = type(object)
            p = None
            if t is dict:
                p = self._pprint_dict
            elif t is list:
                p = self._pprint_list
            elif t is tuple:
                p = self._pprint_tuple
            elif t is set or t is frozenset:
                p = self._pprint_set
            elif t is str:
                p = self._pprint_str
            if p is not None:
                context.add(oid)
                p(object, out, indent, allowance, context, level + 1)
                context.discard(oid)
                return
        out.append(rep)

    def _pprint_dict(self, object, out, indent, allowance, context, level):
        out.append("{")
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * " ")
        if object:
            items = _sorted_items(object) if self._sort_dicts else list(object.items())
            indent += self._indent_per_level
            delimnl = ",\n" + " " * indent
            last = len(items) - 1
            for i, (k, v) in enumerate(items):
                rep = self._repr(k, context, level)
                out.append(rep)
                out.append(": ")
                self._format(v, out, indent + len(rep) + 2, allowance + 1 if i == last else 1, context, level)
                if i != last:
                    out.append(delimnl)
        out.append("}")

    def _pprint_list(self, object, out, indent, allowance, context, level):
        out.append("[")
        self._format_items(object, out, indent, allowance + 1, context, level)
        out.append("]")

    def _pprint_tuple(self, object, out, indent, allowance, context, level):
        out.append("(")
        end = ",)" if len(object) == 1 else ")"
        self._format_items(object, out, indent, allowance + len(end), context, level)
        out.append(end)

    def _pprint_set(self, object, out, indent, allowance, context, level):
        if not object:
            out.append(repr(object))
            return
        if type(object) is set:
            out.append("{")
            end = "}"
        else:
            out.append("frozenset({")
            end = "})"
            indent += len("frozenset") + 1
        items = sorted(object, key=_sort_key)
        self._format_items(items, out, indent, allowance + len(end), context, level)
        out.append(end)

    def _pprint_str(self, object, out, indent, allowance, context, level):
        if not object:
            out.append(repr(object))
            return
        chunks = []
        lines = object.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        width1 = width = self._width - indent
        rep = ""
        for i, line in enumerate(lines):
            rep = repr(line)
            if i == len(lines) - 1:
                width1 -= allowance
            if len(rep) <= width1:
                chunks.append(rep)
                continue
            parts = _re.findall(r"\S*\s*", line)
            parts.pop()
            width2 = width
            cur = ""
            for j, part in enumerate(parts):
                cand = cur + part
                if j == len(parts) - 1 and i == len(lines) - 1:
                    width2 -= allowance
                if len(repr(cand)) > width2:
                    if cur:
                        chunks.append(repr(cur))
                    cur = part
                else:
                    cur = cand
            if cur:
                chunks.append(repr(cur))
        if len(chunks) == 1:
            out.append(rep)
            return
        if level == 1:
            out.append("(")
        for i, c in enumerate(chunks):
            if i:
                out.append("\n" + " " * indent)
            out.append(c)
        if level == 1:
            out.append(")")

    def _format_items(self, items, out, indent, allowance, context, level):
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * " ")
        delimnl = ",\n" + " " * indent
        delim = ""
        width = maxw = self._width - indent + 1
        items = list(items)
        for i, ent in enumerate(items):
            last = i == len(items) - 1
            if last:
                maxw -= allowance
                width -= allowance
            if self._compact:
                rep = self._repr(ent, context, level)
                w = len(rep) + 2
                if width < w:
                    width = maxw
                    if delim:
                        delim = delimnl
                if width >= w:
                    width -= w
                    out.append(delim)
                    delim = ", "
                    out.append(rep)
                    continue
            out.append(delim)
            delim = delimnl
            self._format(ent, out, indent, allowance if last else 1, context, level)


def _recursion(object):
    return "<Recursion on %s with id=%s>" % (type(object).__name__, id(object))


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact,
                  sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pprint(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pformat(object)


def saferepr(object):
    return PrettyPrinter()._safe(object, set(), 0)[0]


def isreadable(object):
    return PrettyPrinter().isreadable(object)


def isrecursive(object):
    return PrettyPrinter().isrecursive(object)
