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

    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding, delay=delay, errors=errors)
        self.mode = mode
        self.encoding = encoding
        self.errors = errors

    def emit(self, record):
        try:
            if self.shouldRollover(record):
                self.doRollover()
            logging.FileHandler.emit(self, record)
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
        if self.stream:
            self.stream.close()
            self.stream = None


class RotatingFileHandler(BaseRotatingHandler):
    """Writes to filename until the next record would take it to maxBytes,
    then shifts filename.1 .. filename.(backupCount-1) up by one and
    moves filename to filename.1."""

    def __init__(self, filename, mode="a", maxBytes=0, backupCount=0, encoding=None, delay=False, errors=None):
        if maxBytes > 0:
            mode = "a"  # truncating on open would lose what was rotated for
        BaseRotatingHandler.__init__(self, filename, mode, encoding=_text_encoding(mode, encoding),
                                     delay=delay, errors=errors)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

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
        if not self.delay:
            self.stream = self._open()

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
        self.dev, self.ino = -1, -1
        self._statstream()

    def _statstream(self):
        # minipy has no os.fstat: the file just opened is the one at the name.
        if self.stream is None:
            return
        st = os.stat(self.baseFilename)
        self.dev, self.ino = st.st_dev, st.st_ino

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
        self._statstream()

    def emit(self, record):
        self.reopenIfNeeded()
        logging.FileHandler.emit(self, record)
