# The traceback module for minipy, written for it: the exception-printing
# half (format_exc, print_exc, format_exception, print_exception,
# format_exception_only) in the words of the interpreter's own tracebacks.
# minipy has no frame or traceback objects: the stack-walking half
# (extract_stack, walk_tb, StackSummary) is not here, and the tb and limit
# arguments are accepted but not used.

import sys as _sys

__all__ = ["format_exc", "print_exc", "format_exception", "print_exception", "format_exception_only",
           "print_last", "format_tb", "print_tb"]


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
