# logging.handlers for minipy, written for this project from the module's
# documented behaviour: handlers that rotate their file by size or by
# time, one that reopens its file when it was moved away, and handlers
# that buffer records or pass them through a queue. The network handlers
# (socket, datagram, syslog, SMTP, HTTP) are not here.

import copy
import logging
import os
import queue
import re
import threading
import time

DEFAULT_TCP_LOGGING_PORT = 9020
DEFAULT_UDP_LOGGING_PORT = 9021
DEFAULT_HTTP_LOGGING_PORT = 9022
DEFAULT_SOAP_LOGGING_PORT = 9023
SYSLOG_UDP_PORT = 514
SYSLOG_TCP_PORT = 514

_DAY = 24 * 60 * 60


def _text_encoding(mode, encoding):
    # A text file given no encoding uses the locale's, which CPython
    # records on the handler as "locale" (io.text_encoding).
    if encoding is None and "b" not in mode:
        return "locale"
    return encoding


def _not_regular(path):
    # Only regular files are rolled over: never a device or a pipe.
    return os.path.exists(path) and not os.path.isfile(path)


class BaseRotatingHandler(logging.FileHandler):
    """A file handler that moves its file aside at some point; subclasses
    say when (shouldRollover) and how (doRollover)."""

    # Hooks a program may set on a handler: namer(default) -> rotated
    # file name, rotator(source, dest) moves the file.
    namer = rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding, delay=delay, errors=errors)
        self.mode, self.encoding, self.errors = mode, encoding, errors

    def emit(self, record):
        try:
            due = self.shouldRollover(record)
            if due:
                self.doRollover()
            super().emit(record)
        except Exception:
            self.handleError(record)

    def rotation_filename(self, default_name):
        namer = self.namer
        return namer(default_name) if callable(namer) else default_name

    def rotate(self, source, dest):
        rotator = self.rotator
        if callable(rotator):
            rotator(source, dest)
        elif os.path.exists(source):
            os.rename(source, dest)

    def _close_stream(self):
        stream, self.stream = self.stream, None
        if stream:
            stream.close()


class RotatingFileHandler(BaseRotatingHandler):
    """Writes to filename until the next record would take it to maxBytes,
    then shifts filename.1 .. filename.(backupCount-1) up by one and
    moves filename to filename.1."""

    def __init__(self, filename, mode="a", maxBytes=0, backupCount=0, encoding=None, delay=False, errors=None):
        if maxBytes > 0:
            mode = "a"  # truncating on open would lose what was rotated for
        BaseRotatingHandler.__init__(self, filename, mode, encoding=_text_encoding(mode, encoding),
                                     delay=delay, errors=errors)
        self.maxBytes, self.backupCount = maxBytes, backupCount

    def _backup_name(self, n):
        return self.rotation_filename("%s.%d" % (self.baseFilename, n))

    def doRollover(self):
        self._close_stream()
        if self.backupCount > 0:
            for n in range(self.backupCount - 1, 0, -1):
                older, newer = self._backup_name(n), self._backup_name(n + 1)
                if not os.path.exists(older):
                    continue
                if os.path.exists(newer):
                    os.remove(newer)
                os.rename(older, newer)
            first = self._backup_name(1)
            if os.path.exists(first):
                os.remove(first)
            self.rotate(self.baseFilename, first)
        self.stream = None if self.delay else self._open()

    def shouldRollover(self, record):
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes <= 0:
            return False
        size = self.stream.tell()
        if not size:
            return False  # an empty file is never rotated, however long the record
        if size + len(self.format(record) + "\n") < self.maxBytes:
            return False
        return not _not_regular(self.baseFilename)


class WatchedFileHandler(logging.FileHandler):
    """A file handler that reopens its file before a record when the file
    at its name is no longer the one it has open (rotated by another
    program, or deleted): its device and inode changed."""

    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=_text_encoding(mode, encoding),
                                     delay=delay, errors=errors)
        self.dev = self.ino = -1
        self._statstream()

    def _statstream(self):
        # minipy has no os.fstat: the file just opened is the one at the name.
        if self.stream is None:
            return
        st = os.stat(self.baseFilename)
        self.dev, self.ino = st.st_dev, st.st_ino

    def emit(self, record):
        self.reopenIfNeeded()
        super().emit(record)

    def reopenIfNeeded(self):
        if self.stream is None:
            return
        try:
            st = os.stat(self.baseFilename)
            if (st.st_dev, st.st_ino) == (self.dev, self.ino):
                return
        except FileNotFoundError:
            pass
        self.stream.flush()
        self.stream.close()
        self.stream = None  # stays None if the reopen fails
        self.stream = self._open()
        # (the new file's identity, read as after any open)
        self._statstream()


# when -> (seconds in one unit, strftime suffix of the rotated file,
# pattern of that suffix in a file name).
_date = r"\d{4}-\d{2}-\d{2}"
_units = {
    "S": (1, "%Y-%m-%d_%H-%M-%S", _date + r"_\d{2}-\d{2}-\d{2}"),
    "M": (60, "%Y-%m-%d_%H-%M", _date + r"_\d{2}-\d{2}"),
    "H": (60 * 60, "%Y-%m-%d_%H", _date + r"_\d{2}"),
    "D": (_DAY, "%Y-%m-%d", _date),
    "MIDNIGHT": (_DAY, "%Y-%m-%d", _date),
}


class TimedRotatingFileHandler(BaseRotatingHandler):
    """Moves its file to filename.<start of the interval> every interval
    (seconds, minutes, hours or days), at midnight or on a weekday, keeping
    the newest backupCount of them."""

    def __init__(self, filename, when="h", interval=1, backupCount=0, encoding=None, delay=False, utc=False,
                 atTime=None, errors=None):
        BaseRotatingHandler.__init__(self, filename, "a", encoding=_text_encoding("a", encoding), delay=delay,
                                     errors=errors)
        self.when = when = when.upper()
        self.utc, self.atTime, self.backupCount = utc, atTime, backupCount
        if when.startswith("W"):
            if len(when) != 2:
                raise ValueError("You must specify a day for weekly rollover from 0 to 6 (0 is Monday): %s" % when)
            if not "0" <= when[1] <= "6":
                raise ValueError("Invalid day specified for weekly rollover: %s" % when)
            self.dayOfWeek = int(when[1])
            unit = (7 * _DAY,) + _units["D"][1:]
        elif when in _units:
            unit = _units[when]
        else:
            raise ValueError("Invalid rollover interval specified: %s" % when)
        seconds, self.suffix, pattern = unit
        # Whole stamps only: no digit may run on either side.
        self.extMatch = re.compile(r"(?<!\d)" + pattern + r"(?!\d)", re.ASCII)
        self.interval = seconds * interval
        if os.path.exists(self.baseFilename):
            start = int(os.stat(self.baseFilename).st_mtime)
        else:
            start = int(time.time())
        self.rolloverAt = self.computeRollover(start)

    def _fields(self, t):
        return time.gmtime(t) if self.utc else time.localtime(t)

    def computeRollover(self, currentTime):
        if self.when != "MIDNIGHT" and not self.when.startswith("W"):
            return currentTime + self.interval
        now = self._fields(currentTime)
        at = self.atTime
        target = _DAY if at is None else (at.hour * 60 + at.minute) * 60 + at.second
        wait = target - ((now[3] * 60 + now[4]) * 60 + now[5])
        weekday = now[6]
        if wait <= 0:  # today's time has passed: tomorrow's
            wait += _DAY
            weekday = (weekday + 1) % 7
        result = currentTime + wait
        if self.when.startswith("W"):
            result += (self.dayOfWeek - weekday) % 7 * _DAY
            result += self.interval - 7 * _DAY
        else:
            result += self.interval - _DAY
        if not self.utc:
            # Across a change of daylight saving time the wall clock moved:
            # keep the rollover at the same local time.
            dst_now = now[-1]
            if dst_now != time.localtime(result)[-1]:
                if dst_now:
                    result += 3600
                elif time.localtime(result - 3600)[-1]:
                    result -= 3600
        return result

    def shouldRollover(self, record):
        now = int(time.time())
        if now < self.rolloverAt:
            return False
        if _not_regular(self.baseFilename):
            self.rolloverAt = self.computeRollover(now)
            return False
        return True

    def getFilesToDelete(self):
        folder, base = os.path.split(self.baseFilename)
        backups = []
        for name in os.listdir(folder):
            if self._is_backup(base, name):
                backups.append(os.path.join(folder, name))
        if len(backups) < self.backupCount:
            return []
        backups.sort()
        return backups[:len(backups) - self.backupCount]

    def _is_backup(self, base, name):
        if self.namer is None:
            prefix = base + "."
            return name.startswith(prefix) and self.extMatch.fullmatch(name[len(prefix):]) is not None
        # A named backup is one the namer makes of some stamp in its name.
        m = self.extMatch.search(name)
        while m:
            if os.path.basename(self.namer(self.baseFilename + "." + m[0])) == name:
                return True
            m = self.extMatch.search(name, m.start() + 1)
        return False

    def doRollover(self):
        now = int(time.time())
        start = self.rolloverAt - self.interval
        fields = self._fields(start)
        if not self.utc:
            dst_now = time.localtime(now)[-1]
            if dst_now != fields[-1]:
                fields = time.localtime(start + (3600 if dst_now else -3600))
        dest = self.rotation_filename(self.baseFilename + "." + time.strftime(self.suffix, fields))
        if os.path.exists(dest):
            return  # this interval was already rotated
        self._close_stream()
        self.rotate(self.baseFilename, dest)
        if self.backupCount > 0:
            for old in self.getFilesToDelete():
                os.remove(old)
        if not self.delay:
            self.stream = self._open()
        self.rolloverAt = self.computeRollover(now)


class BufferingHandler(logging.Handler):
    """Keeps records in self.buffer; when shouldFlush says so (by default
    at capacity records) flush() runs, which here just empties it."""

    def __init__(self, capacity):
        logging.Handler.__init__(self)
        self.createLock()
        self.capacity = capacity
        self.buffer = []

    # The buffer is shared by whichever threads log: it has a real lock
    # (which subclasses may also take with `with self.lock:`).
    def createLock(self):
        self.lock = threading.RLock()

    def acquire(self):
        if self.lock is None:
            self.createLock()
        self.lock.acquire()

    def release(self):
        self.lock.release()

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        self.buffer.append(record)
        full = self.shouldFlush(record)
        if full:
            self.flush()

    def flush(self):
        with self.lock:
            del self.buffer[:]

    def close(self):
        # The handler closes even when the last flush fails.
        try:
            self.flush()
        finally:
            super().close()


class MemoryHandler(BufferingHandler):
    """Buffers records and hands them to target when the buffer is full or
    a record of flushLevel or above arrives (and on close, unless
    flushOnClose is false). Without a target the buffer is kept."""

    def __init__(self, capacity, flushLevel=logging.ERROR, target=None, flushOnClose=True):
        BufferingHandler.__init__(self, capacity)
        self.target, self.flushLevel, self.flushOnClose = target, flushLevel, flushOnClose

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity or record.levelno >= self.flushLevel

    def setTarget(self, target):
        with self.lock:
            self.target = target

    def flush(self):
        # Without a target the records wait for one.
        with self.lock:
            target = self.target
            if not target:
                return
            for record in self.buffer:
                target.handle(record)
            del self.buffer[:]

    def close(self):
        flush_first = self.flushOnClose
        try:
            if flush_first:
                self.flush()
        finally:
            with self.lock:
                self.target = None
                BufferingHandler.close(self)


class QueueHandler(logging.Handler):
    """Puts each record, formatted into its message and stripped of what
    need not travel (args, exception, stack), on a queue."""

    def __init__(self, queue):
        logging.Handler.__init__(self)
        self.queue = queue
        self.listener = None

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        message = self.format(record)
        # A copy: the handlers after this one still see the record as it was.
        record = copy.copy(record)
        record.message = record.msg = message
        record.args = record.exc_info = record.exc_text = record.stack_info = None
        return record

    def emit(self, record):
        try:
            prepared = self.prepare(record)
            self.enqueue(prepared)
        except Exception:
            self.handleError(record)


class QueueListener:
    """Takes records off a queue on a thread of its own and passes each to
    its handlers (only those whose level it meets, if
    respect_handler_level), until stop() puts the sentinel on the queue."""

    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue, self.handlers = queue, handlers
        self.respect_handler_level = respect_handler_level
        self._thread = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def dequeue(self, block):
        return self.queue.get(block)

    def start(self):
        if self._thread is not None:
            raise RuntimeError("Listener already started")
        self._thread = threading.Thread(target=self._monitor)
        self._thread.daemon = True
        self._thread.start()

    def prepare(self, record):
        return record

    def handle(self, record):
        record = self.prepare(record)
        for handler in self.handlers:
            if not self.respect_handler_level or record.levelno >= handler.level:
                handler.handle(record)

    def _monitor(self):
        q = self.queue
        task_done = getattr(q, "task_done", None)
        while True:
            try:
                record = self.dequeue(block=True)
            except queue.Empty:
                return
            if record is not self._sentinel:
                self.handle(record)
            if task_done is not None:
                task_done()
            if record is self._sentinel:
                return

    def enqueue_sentinel(self):
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        # A second stop does nothing.
        thread, self._thread = self._thread, None
        if thread:
            self.enqueue_sentinel()
            thread.join()
