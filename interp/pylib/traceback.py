# The traceback module for minipy, written for it: the exception-printing
# half (format_exc, print_exc, format_exception, print_exception,
# format_exception_only) in the words of the interpreter's own tracebacks,
# and the stack's half (extract_stack, format_stack, print_stack,
# walk_stack, FrameSummary, StackSummary, format_list) from sys._getframe.
# minipy has no traceback objects: the tb arguments are accepted but not
# used.

import sys as _sys

__all__ = ["format_exc", "print_exc", "format_exception", "print_exception", "format_exception_only",
           "print_last", "format_tb", "print_tb", "extract_stack", "format_stack", "print_stack", "walk_stack",
           "format_list", "print_list", "FrameSummary", "StackSummary"]


def _lines(text):
    return text.splitlines(True)


def _exc_of(exc, value):
    if value is not _sentinel:
        return value
    if isinstance(exc, type):
        return None
    return exc


_sentinel = object()


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    e = _exc_of(exc, value)
    if e is None:
        return ["NoneType: None\n"]
    return _lines(_format(e))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = _sys.stderr
    for line in format_exception(exc, value, tb, limit, chain):
        file.write(line)


def format_exception_only(exc, /, value=_sentinel, *, show_group=False):
    e = _exc_of(exc, value)
    if e is None:
        return ["NoneType: None\n"]
    name = type(e).__qualname__
    mod = type(e).__module__
    if mod not in ("builtins", "__main__", None):
        name = mod + "." + name
    s = str(e)
    return [("%s: %s\n" % (name, s)) if s else ("%s\n" % name)]


def format_exc(limit=None, chain=True):
    return "".join(format_exception(_caught(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(_caught(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    e = getattr(_sys, "last_exc", None)
    if e is None:
        raise ValueError("no last exception")
    print_exception(e, limit=limit, file=file, chain=chain)


def format_tb(tb, limit=None):
    return []


def print_tb(tb, limit=None, file=None):
    pass


class FrameSummary:
    __slots__ = ("filename", "lineno", "name", "_line", "locals", "end_lineno", "colno", "end_colno")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = locals
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        if lookup_line:
            self.line

    @property
    def line(self):
        if self._line is None:
            import linecache
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)


# Library frames are not on minipy's stack: _getframe() is the caller's.
def walk_stack(f):
    if f is None:
        f = _sys._getframe()  # now, as 3.13+ does, not when first iterated
    return _walk(f)


def _walk(f):
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


class StackSummary(list):
    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        out = klass()
        for f, lineno in frame_gen:
            out.append(FrameSummary(f.f_code.co_filename, lineno, f.f_code.co_name, lookup_line=lookup_lines))
            if limit is not None and len(out) >= limit:
                break
        return out

    @classmethod
    def from_list(klass, a_list):
        out = klass()
        for f in a_list:
            if isinstance(f, FrameSummary):
                out.append(f)
            else:
                filename, lineno, name, line = f
                out.append(FrameSummary(filename, lineno, name, line=line))
        return out

    def format(self):
        out = []
        for f in self:
            row = '  File "%s", line %d, in %s\n' % (f.filename, f.lineno, f.name)
            if f.line:
                row += "    %s\n" % f.line
            out.append(row)
        return out


def extract_stack(f=None, limit=None):
    if f is None:
        f = _sys._getframe()
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = _sys.stderr
    for item in format_list(extracted_list):
        file.write(item)


def format_stack(f=None, limit=None):
    if f is None:
        f = _sys._getframe()
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = _sys._getframe()
    print_list(extract_stack(f, limit=limit), file=file)
