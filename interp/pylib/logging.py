# logging for minipy, written for this project from the module's documented
# behaviour: a tree of named loggers under the root, numeric levels with
# names, filters, handlers (streams, files, the null handler and the
# last-resort handler that prints bare messages on stderr when nothing is
# configured), formatters in the three template styles, LoggerAdapter and
# basicConfig. There are no threads to lock against, so the lock methods
# do nothing.
#
# Library frames are not on minipy's stack: sys._getframe(0) called from
# here is already the program's frame that called into the module, which
# is what records name as their caller.

import sys as _sys
import time as _time

__all__ = ["BASIC_FORMAT", "BufferingFormatter", "CRITICAL", "DEBUG", "ERROR", "FATAL", "FileHandler", "Filter",
           "Formatter", "Handler", "INFO", "LogRecord", "Logger", "LoggerAdapter", "NOTSET", "NullHandler",
           "StreamHandler", "WARN", "WARNING", "addLevelName", "basicConfig", "captureWarnings", "critical",
           "debug", "disable", "error", "exception", "fatal", "getLevelName", "getLogger", "getLoggerClass",
           "info", "log", "makeLogRecord", "setLoggerClass", "shutdown", "warn", "warning", "getLogRecordFactory",
           "setLogRecordFactory", "lastResort", "raiseExceptions", "getLevelNamesMapping", "getHandlerByName",
           "getHandlerNames"]

CRITICAL = FATAL = 50
ERROR = 40
WARNING = WARN = 30
INFO = 20
DEBUG = 10
NOTSET = 0

BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"
raiseExceptions = True
logThreads = logProcesses = logMultiprocessing = logAsyncioTasks = True

# The two directions of the level table; "WARN" and "FATAL" only read.
_name_of = {}
_level_of = {"WARN": WARNING, "FATAL": CRITICAL}
for _lv, _nm in ((CRITICAL, "CRITICAL"), (ERROR, "ERROR"), (WARNING, "WARNING"), (INFO, "INFO"),
                 (DEBUG, "DEBUG"), (NOTSET, "NOTSET")):
    _name_of[_lv] = _nm
    _level_of[_nm] = _lv
del _lv, _nm

_load_time = _time.time()


def addLevelName(level, levelName):
    _name_of[level] = levelName
    _level_of[levelName] = level


def getLevelName(level):
    if level in _name_of:
        return _name_of[level]
    if level in _level_of:
        return _level_of[level]
    return "Level %s" % (level,)


def getLevelNamesMapping():
    return dict(_level_of)


def _as_level(level):
    """The numeric level of an int or a registered level name."""
    if isinstance(level, int):
        return level
    if isinstance(level, str):
        if level in _level_of:
            return _level_of[level]
        raise ValueError("Unknown level: %r" % level)
    raise TypeError("Level not an integer or a valid string: %r" % (level,))


# ---------------------------------------------------------------- records

class LogRecord:
    """One logging event: who logged what, at which level, from where."""

    def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None, sinfo=None, **kwargs):
        now = _time.time()
        # log("%(a)s", {"a": 1}) formats from the mapping itself.
        if args and len(args) == 1 and isinstance(args[0], dict) and args[0]:
            args = args[0]
        self.name = name
        self.msg = msg
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        base = pathname
        try:
            base = pathname.rpartition("/")[2]
            stem = base.rpartition(".")[0] or base
        except (TypeError, AttributeError):
            stem = "Unknown module"
        self.filename = base
        self.module = stem
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.lineno = lineno
        self.funcName = func
        self.created = now
        self.msecs = float(int(now * 1000) % 1000)
        self.relativeCreated = (now - _load_time) * 1000
        self.thread = None
        self.threadName = "MainThread"
        self.processName = "MainProcess"
        self.process = None
        self.taskName = None

    def getMessage(self):
        text = str(self.msg)
        return text % self.args if self.args else text

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (self.name, self.levelno, self.pathname, self.lineno, self.msg)


_record_factory = [LogRecord]


def getLogRecordFactory():
    return _record_factory[0]


def setLogRecordFactory(factory):
    _record_factory[0] = factory


def makeLogRecord(dict):
    made = _record_factory[0](None, None, "", 0, "", (), None, None)
    made.__dict__.update(dict)
    return made


# ---------------------------------------------------------------- styles

def _brace_fields(fmt):
    """Field names of a str.format template, checking conversions and specs
    the way Formatter's validation reports them."""
    import string
    names = []
    for _text, field, spec, conv in string.Formatter().parse(fmt):
        if field is None:
            continue
        if conv is not None and conv not in "rsa":
            raise ValueError("invalid conversion: %r" % conv)
        if spec:
            try:
                _check_spec(spec)
            except ValueError:
                raise ValueError("bad specifier: %r" % spec)
        names.append(field)
    return names


def _check_spec(spec):
    # [[fill]align][sign][z][#][0][width][grouping][.precision][type]
    i = 0
    n = len(spec)
    if n >= 2 and spec[1] in "<>=^":
        i = 2
    elif n >= 1 and spec[0] in "<>=^":
        i = 1
    if i < n and spec[i] in "+- ":
        i += 1
    for flag in "z#0":
        if i < n and spec[i] == flag:
            i += 1
    while i < n and spec[i].isdigit():
        i += 1
    if i < n and spec[i] in ",_":
        i += 1
    if i < n and spec[i] == ".":
        i += 1
        start = i
        while i < n and spec[i].isdigit():
            i += 1
        if i == start:
            raise ValueError(spec)
    if i < n and spec[i] in "bcdeEfFgGnosxX%":
        i += 1
    if i != n:
        raise ValueError(spec)


def _percent_has_field(fmt):
    """Whether fmt holds at least one complete %(name)X conversion."""
    at = fmt.find("%(")
    while at >= 0:
        close = fmt.find(")", at + 2)
        if close < 0:
            return False
        name = fmt[at + 2:close]
        if name and all(c.isalnum() or c == "_" for c in name):
            i = close + 1
            while i < len(fmt) and fmt[i] in "#0+- ":
                i += 1
            for part in (0, 1):
                if part and i < len(fmt) and fmt[i] == ".":
                    i += 1
                if i < len(fmt) and fmt[i] == "*":
                    i += 1
                else:
                    while i < len(fmt) and fmt[i].isdigit():
                        i += 1
                if not (i < len(fmt) and fmt[i] == "."):
                    break
            if i < len(fmt) and fmt[i] in "diouxefgcrsa%":
                return True
        at = fmt.find("%(", at + 2)
    return False


class PercentStyle:
    default_format = "%(message)s"
    asctime_format = "%(asctime)s"
    asctime_search = "%(asctime)"
    validation_pattern = None

    def __init__(self, fmt, *, defaults=None):
        self._fmt = fmt or self.default_format
        self._defaults = defaults

    def usesTime(self):
        return self.asctime_search in self._fmt

    def validate(self):
        if not _percent_has_field(self._fmt):
            raise ValueError("Invalid format '%s' for '%s' style" % (self._fmt, self.default_format[0]))

    def _fields_of(self, record):
        if self._defaults:
            merged = dict(self._defaults)
            merged.update(record.__dict__)
            return merged
        return record.__dict__

    def _render(self, fields):
        return self._fmt % fields

    def format(self, record):
        try:
            return self._render(self._fields_of(record))
        except KeyError as missing:
            raise ValueError("Formatting field not found in record: %s" % missing)


class StrFormatStyle(PercentStyle):
    default_format = "{message}"
    asctime_format = "{asctime}"
    asctime_search = "{asctime"

    def validate(self):
        try:
            fields = _brace_fields(self._fmt)
        except ValueError as why:
            raise ValueError("invalid format: %s" % why)
        if not fields:
            raise ValueError("invalid format: no fields")

    def _render(self, fields):
        return self._fmt.format(**fields)


class StringTemplateStyle(PercentStyle):
    default_format = "${message}"
    asctime_format = "${asctime}"
    asctime_search = "${asctime}"

    def usesTime(self):
        return "$asctime" in self._fmt or self.asctime_search in self._fmt

    def validate(self):
        found = False
        text = self._fmt
        i = text.find("$")
        while i >= 0:
            nxt = text[i + 1:i + 2]
            if nxt == "$":
                i = text.find("$", i + 2)
                continue
            if nxt == "{" and "}" in text[i + 2:]:
                found = True
            elif nxt.isalpha() or nxt == "_":
                found = True
            else:
                raise ValueError("invalid format: bare '$' not allowed")
            i = text.find("$", i + 1)
        if not found:
            raise ValueError("invalid format: no fields")

    def _render(self, fields):
        from string import Template
        return Template(self._fmt).substitute(**fields)


# Each style with basicConfig's format for it.
_STYLES = {
    "%": (PercentStyle, BASIC_FORMAT),
    "{": (StrFormatStyle, "{levelname}:{name}:{message}"),
    "$": (StringTemplateStyle, "${levelname}:${name}:${message}"),
}


def _style_class(style):
    if style not in _STYLES:
        raise ValueError("Style must be one of: %s" % ",".join(_STYLES))
    return _STYLES[style][0]


# ---------------------------------------------------------------- formatters

class Formatter:
    converter = _time.localtime
    default_time_format = "%Y-%m-%d %H:%M:%S"
    default_msec_format = "%s,%03d"

    def __init__(self, fmt=None, datefmt=None, style="%", validate=True, *, defaults=None):
        self._style = _style_class(style)(fmt, defaults=defaults)
        if validate:
            self._style.validate()
        self._fmt = self._style._fmt
        self.datefmt = datefmt

    def formatTime(self, record, datefmt=None):
        when = self.converter(record.created)
        if datefmt:
            return _time.strftime(datefmt, when)
        text = _time.strftime(self.default_time_format, when)
        if self.default_msec_format:
            text = self.default_msec_format % (text, record.msecs)
        return text

    def formatException(self, ei):
        import traceback
        text = "".join(traceback.format_exception(ei[0], ei[1], ei[2]))
        return text[:-1] if text.endswith("\n") else text

    def formatStack(self, stack_info):
        return stack_info

    def usesTime(self):
        return self._style.usesTime()

    def formatMessage(self, record):
        return self._style.format(record)

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        parts = [self.formatMessage(record)]
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        for extra in (record.exc_text, record.stack_info and self.formatStack(record.stack_info)):
            if extra:
                if not parts[-1].endswith("\n"):
                    parts.append("\n")
                parts.append(extra)
        return "".join(parts)


_plain_formatter = Formatter()


class BufferingFormatter:
    """Formats a batch of records, each with one line formatter."""

    def __init__(self, linefmt=None):
        self.linefmt = linefmt or _plain_formatter

    def formatHeader(self, records):
        return ""

    def formatFooter(self, records):
        return ""

    def format(self, records):
        if not records:
            return ""
        body = "".join(self.linefmt.format(r) for r in records)
        return self.formatHeader(records) + body + self.formatFooter(records)


# ---------------------------------------------------------------- filters

class Filter:
    """Passes records from the logger named name and those below it."""

    def __init__(self, name=""):
        self.name = name
        self.nlen = len(name)

    def filter(self, record):
        if not self.name:
            return True
        logged = record.name
        return logged == self.name or logged.startswith(self.name + ".")


class Filterer:
    """The filter list shared by loggers and handlers. A filter is an object
    with a filter method or a plain callable; it may hand back a record to
    use in place of the one it was given."""

    def __init__(self):
        self.filters = []

    def addFilter(self, filter):
        if filter not in self.filters:
            self.filters.append(filter)

    def removeFilter(self, filter):
        if filter in self.filters:
            self.filters.remove(filter)

    def filter(self, record):
        for f in self.filters:
            check = getattr(f, "filter", None)
            verdict = check(record) if check is not None else f(record)
            if not verdict:
                return False
            if isinstance(verdict, LogRecord):
                record = verdict
        return record


# ---------------------------------------------------------------- handlers

_handlers_by_name = {}
# Every handler made, for shutdown to flush and close.
_every_handler = []


def getHandlerByName(name):
    return _handlers_by_name.get(name)


def getHandlerNames():
    return frozenset(_handlers_by_name)


class Handler(Filterer):
    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self._name = None
        self.level = _as_level(level)
        self.formatter = None
        self._closed = False
        self.lock = None
        _every_handler.append(self)

    def get_name(self):
        return self._name

    def set_name(self, name):
        if self._name in _handlers_by_name:
            del _handlers_by_name[self._name]
        self._name = name
        if name:
            _handlers_by_name[name] = self

    name = property(get_name, set_name)

    def createLock(self):
        self.lock = None

    def acquire(self):
        pass

    def release(self):
        pass

    def setLevel(self, level):
        self.level = _as_level(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        return (self.formatter if self.formatter is not None else _plain_formatter).format(record)

    def emit(self, record):
        raise NotImplementedError("emit must be implemented by Handler subclasses")

    def handle(self, record):
        passed = self.filter(record)
        if passed:
            self.emit(passed if isinstance(passed, LogRecord) else record)
        return passed

    def flush(self):
        pass

    def close(self):
        self._closed = True
        if self._name in _handlers_by_name:
            del _handlers_by_name[self._name]

    def handleError(self, record):
        """Reports a failure inside emit on stderr and carries on."""
        err = _sys.stderr
        if not raiseExceptions or err is None:
            return
        import traceback
        try:
            err.write("--- Logging error ---\n")
            err.write("".join(traceback.format_exception(*_sys.exc_info())))
            err.write("Call stack:\n")
            err.write("".join(traceback.format_stack(_sys._getframe(0))))
            err.write("Message: %r\nArguments: %s\n" % (record.msg, record.args))
        except Exception:
            pass

    def __repr__(self):
        return "<%s (%s)>" % (type(self).__name__, getLevelName(self.level))


class StreamHandler(Handler):
    terminator = "\n"

    def __init__(self, stream=None):
        Handler.__init__(self)
        self.stream = _sys.stderr if stream is None else stream

    def flush(self):
        target = self.stream
        if target is not None and hasattr(target, "flush"):
            target.flush()

    def emit(self, record):
        try:
            self.stream.write(self.format(record) + self.terminator)
            self.flush()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

    def setStream(self, stream):
        if stream is self.stream:
            return None
        previous = self.stream
        self.flush()
        self.stream = stream
        return previous

    def __repr__(self):
        label = str(getattr(self.stream, "name", ""))
        return "<%s %s(%s)>" % (type(self).__name__, label + " " if label else "", getLevelName(self.level))


class FileHandler(StreamHandler):
    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        import os
        self.baseFilename = os.path.abspath(os.fspath(filename))
        self.mode = mode
        # No encoding for a text file means the locale's: "locale", as
        # io.text_encoding names it for CPython's handler.
        self.encoding = "locale" if encoding is None and "b" not in mode else encoding
        self.errors = errors
        self.delay = delay
        # Opened before the handler is registered: one whose file cannot
        # be opened is not shut down at exit.
        stream = None if delay else self._open()
        Handler.__init__(self)
        self.stream = stream

    def _open(self):
        return open(self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors)

    def emit(self, record):
        if self.stream is None:
            # A closed handler reopens only when that cannot truncate.
            if self._closed and self.mode == "w":
                return
            self.stream = self._open()
        super().emit(record)

    def close(self):
        out = self.stream
        self.stream = None
        if out is not None:
            try:
                out.flush()
            finally:
                if hasattr(out, "close"):
                    out.close()
        Handler.close(self)

    def __repr__(self):
        return "<%s %s (%s)>" % (type(self).__name__, self.baseFilename, getLevelName(self.level))


class NullHandler(Handler):
    def handle(self, record):
        pass

    def emit(self, record):
        pass

    def createLock(self):
        self.lock = None


class _LastResort(StreamHandler):
    """Writes to whatever sys.stderr is at the time of each message."""

    def __init__(self, level):
        Handler.__init__(self)
        self.level = level

    @property
    def stream(self):
        return _sys.stderr


lastResort = _LastResort(WARNING)


# ---------------------------------------------------------------- loggers

class PlaceHolder:
    """Stands in the logger table for a dotted prefix no one asked for yet."""

    def __init__(self, alogger):
        self.loggerMap = {alogger: None}

    def append(self, alogger):
        self.loggerMap[alogger] = None


class Manager:
    """The logger table: every name asked for, with its place in the tree."""

    def __init__(self, rootnode):
        self.root = rootnode
        self.disable = 0
        self.loggerDict = {}
        self.loggerClass = None

    def getLogger(self, name):
        if not isinstance(name, str):
            raise TypeError("A logger name must be a string")
        known = self.loggerDict.get(name)
        if isinstance(known, Logger):
            return known
        made = (self.loggerClass or _logger_class[0])(name)
        made.manager = self
        self.loggerDict[name] = made
        self._attach(made)
        return made

    def _attach(self, node):
        name = node.name
        # Parent: the longest dotted prefix that is a real logger; the
        # prefixes on the way that are not get place holders.
        node.parent = self.root
        cut = name.rfind(".")
        while cut > 0:
            prefix = name[:cut]
            held = self.loggerDict.get(prefix)
            if held is None:
                self.loggerDict[prefix] = PlaceHolder(node)
            elif isinstance(held, PlaceHolder):
                held.append(node)
            else:
                node.parent = held
                break
            cut = name.rfind(".", 0, cut)
        # Loggers below the new one that hung from something above it now
        # hang from it.
        below = name + "."
        for other in self.loggerDict.values():
            if isinstance(other, Logger) and other.name.startswith(below):
                up = other.parent
                if up is self.root or len(up.name) < len(name):
                    other.parent = node

    def setLoggerClass(self, klass):
        self.loggerClass = klass

    def _clear_cache(self):
        pass


def _at_level(level, name, exc_default=None):
    """Logger's method for one fixed level: debug, info, ... exception
    attaches the exception being handled unless told otherwise."""
    def method(self, msg, *args, **kwargs):
        if exc_default is not None:
            kwargs.setdefault("exc_info", exc_default)
        self._gate(level, msg, args, kwargs)
    method.__name__ = name
    return method


def _exc_triple(given):
    """exc_info= as (type, value, traceback): an exception instance, a
    ready tuple, or any other true value for the exception being handled."""
    if isinstance(given, tuple):
        return given
    if isinstance(given, BaseException):
        return type(given), given, getattr(given, "__traceback__", None)
    return _sys.exc_info()


class Logger(Filterer):
    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name = name
        self.level = _as_level(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False

    def setLevel(self, level):
        self.level = _as_level(level)

    def getEffectiveLevel(self):
        node = self
        while node is not None:
            if node.level:
                return node.level
            node = node.parent
        return NOTSET

    def isEnabledFor(self, level):
        if self.disabled or self.manager.disable >= level:
            return False
        return level >= self.getEffectiveLevel()

    def addHandler(self, hdlr):
        if hdlr not in self.handlers:
            self.handlers.append(hdlr)

    def removeHandler(self, hdlr):
        if hdlr in self.handlers:
            self.handlers.remove(hdlr)

    def hasHandlers(self):
        for _ in self._reachable_handlers():
            return True
        return False

    def getChild(self, suffix):
        full = suffix if self is self.root else "%s.%s" % (self.name, suffix)
        return self.manager.getLogger(full)

    def getChildren(self):
        # Only loggers one dot below: "a.b.c" hanging from "a" (no "a.b"
        # logger yet) is not a child of "a".
        depth = 0 if self is self.root else self.name.count(".") + 1
        return {lg for lg in self.manager.loggerDict.values()
                if isinstance(lg, Logger) and lg.parent is self and lg.name.count(".") == depth}

    def findCaller(self, stack_info=False, stacklevel=1):
        try:
            frame = _sys._getframe(max(stacklevel - 1, 0))
        except ValueError:
            return "(unknown file)", 0, "(unknown function)", None
        code = frame.f_code
        sinfo = None
        if stack_info:
            import traceback
            sinfo = "Stack (most recent call last):\n" + "".join(traceback.format_stack(frame))
            sinfo = sinfo.rstrip("\n")
        return code.co_filename, frame.f_lineno, code.co_name, sinfo

    def makeRecord(self, name, level, fn, lno, msg, args, exc_info, func=None, extra=None, sinfo=None):
        record = _record_factory[0](name, level, fn, lno, msg, args, exc_info, func, sinfo)
        if extra is not None:
            for key in extra:
                if key in ("message", "asctime") or key in record.__dict__:
                    raise KeyError("Attempt to overwrite %r in LogRecord" % key)
                record.__dict__[key] = extra[key]
        return record

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
        path, line, func, stack = self.findCaller(stack_info, stacklevel)
        exc = _exc_triple(exc_info) if exc_info else exc_info
        self.handle(self.makeRecord(self.name, level, path, line, msg, args, exc, func, extra, stack))

    def handle(self, record):
        if self.disabled:
            return
        passed = self.filter(record)
        if not passed:
            return
        self.callHandlers(passed if isinstance(passed, LogRecord) else record)

    def _reachable_handlers(self):
        """The handlers a record logged here goes to: this logger's, then
        its ancestors' up to the first that does not propagate."""
        node = self
        while node is not None:
            yield from node.handlers
            node = node.parent if node.propagate else None

    def callHandlers(self, record):
        targets = list(self._reachable_handlers())
        if not targets and lastResort is not None:
            targets.append(lastResort)
        for hdlr in targets:
            if hdlr.level <= record.levelno:
                hdlr.handle(record)

    debug = _at_level(DEBUG, "debug")
    info = _at_level(INFO, "info")
    warning = warn = _at_level(WARNING, "warning")
    error = _at_level(ERROR, "error")
    critical = fatal = _at_level(CRITICAL, "critical")

    exception = _at_level(ERROR, "exception", True)

    def log(self, level, msg, *args, **kwargs):
        if isinstance(level, int):
            self._gate(level, msg, args, kwargs)
        elif raiseExceptions:
            raise TypeError("level must be an integer")

    def _gate(self, level, msg, args, kwargs):
        # Every logging call passes here: nothing is built for a level
        # that is off.
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)

    def __repr__(self):
        return "<%s %s (%s)>" % (type(self).__name__, self.name, getLevelName(self.getEffectiveLevel()))


class RootLogger(Logger):
    def __init__(self, level):
        Logger.__init__(self, "root", level)


_logger_class = [Logger]


def setLoggerClass(klass):
    if klass is not Logger and not issubclass(klass, Logger):
        raise TypeError("logger not derived from logging.Logger: " + klass.__name__)
    _logger_class[0] = klass


def getLoggerClass():
    return _logger_class[0]


root = RootLogger(WARNING)
_manager = Manager(root)
Logger.root = root
Logger.manager = _manager


def getLogger(name=None):
    if not name or (isinstance(name, str) and name == root.name):
        return root
    return _manager.getLogger(name)


def _through_log(level, name, exc_default=None):
    """LoggerAdapter's method for one fixed level, going through its log."""
    def method(self, msg, *args, **kwargs):
        if exc_default is not None:
            kwargs.setdefault("exc_info", exc_default)
        self.log(level, msg, *args, **kwargs)
    method.__name__ = name
    return method


def _forward(name):
    """LoggerAdapter's method that is the wrapped logger's own."""
    def method(self, *args):
        return getattr(self.logger, name)(*args)
    method.__name__ = name
    return method


class LoggerAdapter:
    """A logger that adds context (extra) to every call through process()."""

    def __init__(self, logger, extra=None, merge_extra=False):
        self.logger = logger
        self.extra = extra
        self.merge_extra = merge_extra

    def process(self, msg, kwargs):
        given = kwargs.get("extra")
        if self.merge_extra and given is not None:
            combined = dict(self.extra)
            combined.update(given)
            kwargs["extra"] = combined
        else:
            kwargs["extra"] = self.extra
        return msg, kwargs

    def log(self, level, msg, *args, **kwargs):
        if not self.logger.isEnabledFor(level):
            return
        text, options = self.process(msg, kwargs)
        self.logger.log(level, text, *args, **options)

    debug = _through_log(DEBUG, "debug")
    info = _through_log(INFO, "info")
    warning = warn = _through_log(WARNING, "warning")
    error = _through_log(ERROR, "error")
    critical = _through_log(CRITICAL, "critical")

    exception = _through_log(ERROR, "exception", True)

    isEnabledFor = _forward("isEnabledFor")
    setLevel = _forward("setLevel")
    getEffectiveLevel = _forward("getEffectiveLevel")
    hasHandlers = _forward("hasHandlers")

    manager = property(lambda self: self.logger.manager)

    @property
    def name(self):
        return self.logger.name

    def __repr__(self):
        return "<%s %s (%s)>" % (type(self).__name__, self.logger.name, getLevelName(self.getEffectiveLevel()))


# ---------------------------------------------------------------- module level

def basicConfig(**kwargs):
    if kwargs.pop("force", False):
        for old in list(root.handlers):
            root.removeHandler(old)
            old.close()
    if root.handlers:
        return
    handlers = kwargs.pop("handlers", None)
    has_stream = "stream" in kwargs
    has_file = "filename" in kwargs
    if handlers is not None and (has_stream or has_file):
        raise ValueError("'stream' or 'filename' should not be specified together with 'handlers'")
    if has_stream and has_file:
        raise ValueError("'stream' and 'filename' should not be specified together")
    stream = kwargs.pop("stream", None)
    filename = kwargs.pop("filename", None)
    filemode = kwargs.pop("filemode", "a")
    encoding = kwargs.pop("encoding", None)
    errors = kwargs.pop("errors", "backslashreplace")
    if handlers is None:
        if filename:
            if "b" in filemode:
                errors = None
            handlers = [FileHandler(filename, filemode, encoding=encoding, errors=errors)]
        else:
            handlers = [StreamHandler(stream)]
    datefmt = kwargs.pop("datefmt", None)
    style = kwargs.pop("style", "%")
    _style_class(style)
    shared = Formatter(kwargs.pop("format", _STYLES[style][1]), datefmt, style)
    for h in handlers:
        if h.formatter is None:
            h.setFormatter(shared)
        root.addHandler(h)
    if "level" in kwargs:
        level = kwargs.pop("level")
        if level is not None:
            root.setLevel(level)
    if kwargs:
        raise ValueError("Unrecognised argument(s): %s" % ", ".join(kwargs))


def _via_root(method):
    """A module-level function that configures the root logger on first
    use, then logs through it."""
    def call(*args, **kwargs):
        if not root.handlers:
            basicConfig()
        getattr(root, method)(*args, **kwargs)
    call.__name__ = method
    return call


critical = fatal = _via_root("critical")
error = _via_root("error")
exception = _via_root("exception")
warning = warn = _via_root("warning")
info = _via_root("info")
debug = _via_root("debug")


log = _via_root("log")


def disable(level=CRITICAL):
    _manager.disable = _as_level(level)


def shutdown(handlerList=None):
    for h in reversed(_every_handler if handlerList is None else handlerList):
        try:
            # A MemoryHandler may be told not to pass its records on at close.
            if getattr(h, "flushOnClose", True):
                h.flush()
            h.close()
        except (OSError, ValueError):
            pass


# As CPython's: the handlers are flushed and closed when the program ends.
import atexit as _atexit
_atexit.register(shutdown)


_saved_showwarning = [None]


def captureWarnings(capture):
    """Sends warnings to the "py.warnings" logger while capture is true."""
    import warnings
    if capture:
        if _saved_showwarning[0] is None:
            _saved_showwarning[0] = warnings.showwarning

            def showwarning(message, category, filename, lineno, file=None, line=None):
                if file is not None:
                    _saved_showwarning[0](message, category, filename, lineno, file, line)
                    return
                text = warnings.formatwarning(message, category, filename, lineno, line)
                sink = getLogger("py.warnings")
                if not sink.handlers:
                    sink.addHandler(NullHandler())
                sink.warning("%s", text)
            warnings.showwarning = showwarning
    elif _saved_showwarning[0] is not None:
        warnings.showwarning = _saved_showwarning[0]
        _saved_showwarning[0] = None

# Read by logging.config (pylib/logging_config.py).
_exported = ("_handlers_by_name", "_every_handler", "_as_level")
