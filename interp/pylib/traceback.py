# traceback for minipy. Two halves:
#   - exceptions: format_exc/print_exc and friends produce exactly the text
#     minipy prints for an uncaught exception (the native _format, which
#     also follows __cause__ and __context__); the currently handled
#     exception comes from the native _caught;
#   - the stack: extract_stack, format_stack, walk_stack, FrameSummary and
#     StackSummary read the live frames through sys._getframe.
#   - tracebacks: extract_tb, format_tb, walk_tb read an exception's
#     __traceback__ (the native _tb_entries gives each entry's file, line,
#     name, source and the caret line a printed traceback shows).

import sys as _sys

__all__ = ["extract_stack", "extract_tb", "format_exception",
           "format_exception_only", "format_list", "format_stack",
           "format_tb", "print_exc", "format_exc", "print_exception",
           "print_last", "print_stack", "print_tb", "clear_frames",
           "FrameSummary", "StackSummary", "TracebackException",
           "walk_stack", "walk_tb"]

_MISSING = object()  # tells print_exception(exc) from print_exception(t, v, tb)
_NO_EXCEPTION = "NoneType: None\n"


def _pick(exc, value):
    # The exception meant by the old (type, value, tb) or the new (exc)
    # calling convention; None when there is none.
    if value is not _MISSING:
        return value
    return None if isinstance(exc, type) else exc


def _out(file):
    return _sys.stderr if file is None else file


# -- exceptions ------------------------------------------------------------

def format_exception(exc, /, value=_MISSING, tb=_MISSING, limit=None, chain=True):
    """The report an uncaught exc would print, as a list of strings each
    ending in a newline."""
    if (value is _MISSING) != (tb is _MISSING):
        raise ValueError("Both or neither of value and tb must be given")
    e = _pick(exc, value)
    if e is None:
        return [_NO_EXCEPTION]
    limit = _limit_now(limit)
    if limit is not None:
        limit >= 0  # a limit that is no number fails as CPython's does
    if tb is _MISSING or tb is e.__traceback__:
        text = _format(e, limit, chain)
    else:
        text = _format(e, limit, chain, tb)
    return _pieces(text, _chain(e) if chain else [e])


_SEPARATORS = ("The above exception was the direct cause of the following exception:\n",
               "During handling of the above exception, another exception occurred:\n")


def _chain(e):
    # The exceptions the text shows, in its order: the first cause or
    # context first, e last.
    seen = []
    while e is not None and not any(e is x for x in seen):
        seen.append(e)
        e = e.__cause__ if e.__cause__ is not None else (
            None if e.__suppress_context__ else e.__context__)
    seen.reverse()
    return seen


def _pieces(text, chain):
    # CPython's list holds one string per part of the report rather than per
    # line: a whole frame entry (location, source, carets), a whole chaining
    # sentence with its blank lines, a whole multi-line message.
    rows = text.splitlines(keepends=True)
    heads = []
    for e in chain:
        only = format_exception_only(e)
        heads.append(only[0] if only else None)
    out = []
    i = 0
    while i < len(rows):
        row = rows[i]
        # Inside an exception group every row carries a margin such as '  | '.
        margin = row[:row.index("|") + 2] if row.lstrip(" ").startswith("|") else ""
        body = row[len(margin):]
        if body.startswith('  File "'):
            j = i + 1
            while j < len(rows) and rows[j].startswith(margin + "    ") \
                    and not rows[j][len(margin):].startswith('  File "'):
                j += 1
            out.append("".join(rows[i:j]))
            i = j
            continue
        if (row == "\n" and i + 2 < len(rows) and rows[i + 1] in _SEPARATORS
                and rows[i + 2] == "\n"):
            out.append("".join(rows[i:i + 3]))
            i += 3
            continue
        if not margin and heads and heads[0] is not None and row == heads[0].splitlines(True)[0]:
            size = len(heads[0].splitlines())
            if "".join(rows[i:i + size]) == heads[0]:
                out.append(heads.pop(0))
                i += size
                continue
        out.append(row)
        i += 1
    return out


def print_exception(exc, /, value=_MISSING, tb=_MISSING, limit=None, file=None, chain=True):
    """Write format_exception's lines to file (sys.stderr by default)."""
    dest = _out(file)
    for text in format_exception(exc, value, tb, limit, chain):
        dest.write(text)


def _type_name(kind):
    # Classes of builtins and of the main program go unqualified.
    where = kind.__module__
    if where in ("builtins", "__main__") or where is None:
        return kind.__qualname__
    return "%s.%s" % (where, kind.__qualname__)


def format_exception_only(exc, /, value=_MISSING, *, show_group=False):
    """The last line of exc's traceback ('Type: message'), then its notes."""
    e = _pick(exc, value)
    if e is None:
        return [_NO_EXCEPTION]
    head = _type_name(type(e))
    message = str(e)
    out = [head + ": " + message + "\n" if message else head + "\n"]
    notes = getattr(e, "__notes__", None)
    if notes is not None:
        if isinstance(notes, (list, tuple)):
            out.extend(str(n) + "\n" for n in notes)
        else:
            out.append(repr(notes) + "\n")
    return out


def format_exc(limit=None, chain=True):
    """format_exception of the exception being handled, as one string."""
    return "".join(format_exception(_caught(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """print_exception of the exception being handled."""
    print_exception(_caught(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """print_exception of sys.last_exc, the interactive session's last one."""
    last = getattr(_sys, "last_exc", None)
    if last is None:
        raise ValueError("no last exception")
    print_exception(last, limit=limit, file=file, chain=chain)


def walk_tb(tb):
    """(frame, line number) for tb and each tb_next after it."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _limit_now(limit):
    # No limit given means sys.tracebacklimit's, where a negative one is 0.
    if limit is None:
        limit = getattr(_sys, "tracebacklimit", None)
        if limit is not None and limit < 0:
            limit = 0
    return limit


def _limited(items, limit):
    # A positive limit keeps the first entries, a negative one the last.
    limit = _limit_now(limit)
    if limit is None:
        return items
    return items[:limit] if limit >= 0 else items[limit:]


def extract_tb(tb, limit=None):
    """The entries of traceback tb as a StackSummary, outermost first."""
    summary = StackSummary()
    for filename, lineno, name, line, carets, colno, end_colno in _limited(_tb_entries(tb), limit):
        fs = FrameSummary(filename, lineno, name, lookup_line=False, line=line or None,
                          colno=colno, end_colno=end_colno)
        fs._carets = carets
        summary.append(fs)
    return summary


def format_tb(tb, limit=None):
    """The '  File ...' entries of tb, each with its source and carets."""
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def clear_frames(tb):
    pass


class TracebackException:
    """An exception captured for formatting later."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10):
        self._exc = exc_value
        self._limit = limit
        self.exc_type = exc_type
        self.exc_type_str = _type_name(exc_type) if exc_type is not None else "NoneType"
        self.stack = extract_tb(exc_traceback, limit=limit)
        self.__notes__ = getattr(exc_value, "__notes__", None)
        self.__suppress_context__ = bool(getattr(exc_value, "__suppress_context__", False))
        self.__cause__ = self.__context__ = None
        if exc_value is not None:
            if exc_value.__cause__ is not None:
                self.__cause__ = TracebackException.from_exception(exc_value.__cause__, limit=limit)
            # A context hidden by 'raise ... from' is not kept.
            if exc_value.__context__ is not None and not self.__suppress_context__:
                self.__context__ = TracebackException.from_exception(exc_value.__context__, limit=limit)
        self.exceptions = None
        if isinstance(exc_value, BaseExceptionGroup):
            self.exceptions = [TracebackException.from_exception(x)
                               for x in exc_value.exceptions]
        if isinstance(exc_value, SyntaxError):
            # The error's position as CPython keeps it: line numbers as text.
            for attr in ("filename", "text", "offset", "end_offset", "msg"):
                setattr(self, attr, getattr(exc_value, attr))
            for attr in ("lineno", "end_lineno"):
                number = getattr(exc_value, attr)
                setattr(self, attr, None if number is None else str(number))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(exc.__class__, exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, TracebackException):
            return NotImplemented
        return vars(self) == vars(other)

    def __str__(self):
        return str(self._exc)

    def format_exception_only(self, *, show_group=False):
        return iter(format_exception_only(self._exc))

    def format(self, *, chain=True):
        return iter(format_exception(self._exc, limit=self._limit, chain=chain))

    def print(self, *, file=None, chain=True):
        dest = _out(file)
        for text in self.format(chain=chain):
            dest.write(text)


# -- the stack -------------------------------------------------------------

class FrameSummary:
    """One frame of a stack: where it was and, looked up lazily, its line."""

    __slots__ = ("filename", "lineno", "name", "locals", "end_lineno",
                 "colno", "end_colno", "_source", "_carets")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None,
                 line=None, end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self._source = line
        self.end_colno = end_colno
        self._carets = ""  # the caret line, for an entry of a traceback
        # Locals are kept as their reprs, so the summary holds no objects.
        self.locals = None if not locals else {k: repr(v) for k, v in locals.items()}
        if lookup_line:
            self.line  # read the source line now, while the file is as it is

    @property
    def line(self):
        if self._source is None:
            if self.lineno is None:
                return None
            import linecache
            self._source = linecache.getline(self.filename, self.lineno)
        return self._source.strip()

    def _as_tuple(self):
        return (self.filename, self.lineno, self.name, self.line)

    def __eq__(self, other):
        # Against another summary the locals count and the line does not;
        # against a tuple, it is (filename, lineno, name, line).
        if isinstance(other, FrameSummary):
            keys = ("filename", "lineno", "name", "locals")
            return all(getattr(self, k) == getattr(other, k) for k in keys)
        if not isinstance(other, tuple):
            return NotImplemented
        return self._as_tuple() == other

    def __getitem__(self, index):
        return self._as_tuple()[index]

    def __iter__(self):
        return iter(self._as_tuple())

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file %s, line %s in %s>" % (self.filename, self.lineno, self.name)


def walk_stack(f):
    """(frame, line number) from f outwards; f defaults to the caller's."""
    # The starting frame is taken now, as 3.13+ does, not when first iterated.
    # Library frames are not on minipy's stack, so _getframe() is the caller.
    start = _sys._getframe() if f is None else f

    def frames(frame):
        while frame is not None:
            yield frame, frame.f_lineno
            frame = frame.f_back
    return frames(start)


class StackSummary(list):
    """A list of FrameSummary, outermost first, that can format itself."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        # frame_gen runs innermost first: a positive limit keeps that many
        # of the innermost frames, a negative one that many of the outermost.
        pairs = list(frame_gen)
        if limit is not None:
            pairs = pairs[:limit] if limit >= 0 else pairs[limit:]
        summary = klass()
        for frame, lineno in pairs:
            code = frame.f_code
            summary.append(FrameSummary(
                code.co_filename, lineno, code.co_name, lookup_line=lookup_lines,
                locals=frame.f_locals if capture_locals else None))
        return summary

    @classmethod
    def from_list(klass, a_list):
        summary = klass()
        for entry in a_list:
            if not isinstance(entry, FrameSummary):
                filename, lineno, name, text = entry
                entry = FrameSummary(filename, lineno, name, line=text)
            summary.append(entry)
        return summary

    def format_frame_summary(self, frame_summary):
        text = '  File "%s", line %s, in %s\n' % (
            frame_summary.filename, frame_summary.lineno, frame_summary.name)
        if frame_summary.line:
            text += "    " + frame_summary.line + "\n"
            carets = getattr(frame_summary, "_carets", "")
            if carets:
                text += "    " + carets + "\n"
        if frame_summary.locals:
            for key in sorted(frame_summary.locals):
                text += "    %s = %s\n" % (key, frame_summary.locals[key])
        return text

    def format(self):
        # A run of more than three entries of the same place (recursion)
        # shows three and a count of the rest.
        out = []
        last = None
        count = 0
        for fs in self:
            place = (fs.filename, fs.lineno, fs.name)
            if place == last:
                count += 1
            else:
                if count > 3:
                    out.append(_repeated(count - 3))
                last, count = place, 1
            if count <= 3:
                out.append(self.format_frame_summary(fs))
        if count > 3:
            out.append(_repeated(count - 3))
        return out


def _repeated(n):
    return "  [Previous line repeated %d more time%s]\n" % (n, "s" if n > 1 else "")


def extract_stack(f=None, limit=None):
    """The stack from the outermost frame to f (by default the caller's)."""
    summary = StackSummary.extract(walk_stack(_sys._getframe() if f is None else f), limit=limit)
    summary.reverse()
    return summary


def format_list(extracted_list):
    """The lines of print_list: '  File ..., line N, in name' and the source."""
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    dest = _out(file)
    for text in format_list(extracted_list):
        dest.write(text)


def format_stack(f=None, limit=None):
    return format_list(extract_stack(_sys._getframe() if f is None else f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    print_list(extract_stack(_sys._getframe() if f is None else f, limit=limit), file=file)
