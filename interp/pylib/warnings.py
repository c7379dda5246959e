# The warnings module for minipy, written for it: warn() prints
# "<file>:<line>: Category: message" to stderr once per message and
# category (the default filter's "default" action), filters
# (simplefilter, filterwarnings, resetwarnings) with the actions error,
# ignore, always, default, once and module, and catch_warnings (with
# record=True). warn() names the file and line stacklevel frames up, and
# "<sys>:0" when the stack is not that deep, as CPython 3.12+ does.

import sys as _sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings", "WarningMessage", "filters"]

# CPython's default filters: deprecations shown only when __main__'s
# code causes them.
filters = [("default", None, DeprecationWarning, "__main__", 0), ("ignore", None, DeprecationWarning, None, 0),
           ("ignore", None, PendingDeprecationWarning, None, 0), ("ignore", None, ImportWarning, None, 0),
           ("ignore", None, ResourceWarning, None, 0)]
_defaultaction = "default"
_seen = set()


class WarningMessage:
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        values = (message, category, filename, lineno, file, line, source)
        for name, value in zip(self._WARNING_DETAILS, values):
            setattr(self, name, value)
        self._category_name = None if category is None else category.__name__

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, line : %r}"
                % (self.message, self._category_name, self.filename, self.lineno, self.line))


def formatwarning(message, category, filename, lineno, line=None):
    head = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line is None:
        import linecache
        source = linecache.getline(filename, lineno).strip()
    else:
        source = line.strip()
    return head + "  %s\n" % source if source else head


def _print(msg):
    f = msg.file if msg.file is not None else _sys.stderr
    s = formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    # With a source object CPython adds its hint for when tracemalloc is off,
    # as it always is in minipy.
    hint = "" if msg.source is None else (
        "%s: Enable tracemalloc to get the object allocation traceback\n" % msg.category.__name__)
    f.write(s + hint)


# Where warnings go (catch_warnings(record=True) swaps in a list's append).
# A list, as a global statement in a library module does not reach its
# namespace.
_sink = [_print]


def _showwarnmsg(msg):
    if _sink[0] is _print:
        # A program may replace warnings.showwarning (not while recording).
        if showwarning is not _showwarning_orig:
            showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
            return
    _sink[0](msg)


def showwarning(message, category, filename, lineno, file=None, line=None):
    _showwarnmsg(WarningMessage(message, category, filename, lineno, file, line))


_showwarning_orig = showwarning  # to tell a program's replacement


def _action_for(text, category, module, lineno):
    for action, msg, cat, mod, ln in filters:
        if ((msg is None or msg.match(text)) and issubclass(category, cat)
                and (mod is None or (mod == module if isinstance(mod, str) else mod.match(module)))
                and (ln == 0 or ln == lineno)):
            return action
    return _defaultaction


def warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
    # A Warning instance brings its own category; else UserWarning by default.
    if isinstance(message, Warning):
        category = type(message)
    elif category is None:
        category = UserWarning
    if not isinstance(category, type) or not issubclass(category, Warning):
        raise TypeError("category must be a Warning subclass, not '%s'" % type(category).__name__)
    if not isinstance(skip_file_prefixes, tuple):
        raise TypeError("warn() argument 'skip_file_prefixes' must be tuple, not %s"
                        % type(skip_file_prefixes).__name__)
    if skip_file_prefixes and stacklevel < 2:
        stacklevel = 2
    # _caller (Go) counts library modules' frames as CPython does; past
    # the stack, CPython names sys's globals.
    where = _caller(stacklevel, skip_file_prefixes)
    filename, lineno, module = ("<sys>", 0, "sys") if where is None else where
    warn_explicit(message, category, filename, lineno, module, source=source)


def _module_of(filename):
    """The module name warn_explicit assumes: the file name less a .py
    (lower case only, as CPython's C implementation checks it)."""
    if not filename:
        return "<unknown>"
    return filename[:-3] if filename.endswith(".py") else filename


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None, source=None):
    if not isinstance(message, Warning):
        text, message = message, category(message)
    else:
        text, category = str(message), type(message)
    if module is None:
        module = _module_of(filename)
    action = _action_for(text, category, module, lineno)
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action in ("default", "module", "once"):
        # Once per place, per file, or at all.
        key = {"default": (text, category, filename, lineno), "module": (text, category, filename),
               "once": (text, category, "once")}[action]
        if key in _seen:
            return
        _seen.add(key)
    _showwarnmsg(WarningMessage(message, category, filename, lineno, None, None, source))


def _compile(s):
    if not s:
        return None
    import re
    return re.compile(s, re.I)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    if action not in ("error", "ignore", "always", "all", "default", "module", "once"):
        raise ValueError("invalid action: %r" % (action,))
    mod = None
    if module:
        import re
        mod = re.compile(module)
    item = (action, _compile(message), category, mod, lineno)
    if item in filters:
        filters.remove(item)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)
    _seen.clear()


def simplefilter(action, category=Warning, lineno=0, append=False):
    filterwarnings(action, "", category, "", lineno, append)


def resetwarnings():
    filters[:] = []
    _seen.clear()


class catch_warnings:
    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._action = action
        self._category = category
        self._lineno = lineno
        self._append = append
        self._entered = False

    def __enter__(self):
        twice, self._entered = self._entered, True
        if twice:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._filters = filters[:]
        self._seen = set(_seen)
        self._showwarning = _sink[0]
        if self._action:
            simplefilter(self._action, self._category, self._lineno, self._append)
        if self._record:
            log = []
            _sink[0] = log.append
            _seen.clear()
            return log
        return None

    def __repr__(self):
        # minipy has one warnings module, so module= never shows.
        return "%s(%s)" % (type(self).__name__, "record=True" if self._record else "")

    def __exit__(self, *exc_info):
        if self._entered:
            # Back to the filters, the once-registry and the sink saved.
            filters[:] = self._filters
            _seen.clear()
            _seen.update(self._seen)
            _sink[0] = self._showwarning
            return False
        raise RuntimeError("Cannot exit %r without entering first" % self)
