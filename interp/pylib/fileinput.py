# fileinput: one loop over the lines of several files (or stdin), with
# the file name and line numbers at hand, and in-place rewriting (print
# goes to the file being read, the original kept as a backup).

import os
import sys
from types import GenericAlias as _GenericAlias

__all__ = ['input', 'close', 'nextfile', 'filename', 'lineno', 'filelineno',
           'fileno', 'isfirstline', 'isstdin', 'FileInput', 'hook_compressed',
           'hook_encoded']

_state = None


def input(files=None, inplace=False, backup='', *, mode='r', openhook=None,
          encoding=None, errors=None):
    """Return an instance of the FileInput class, which can be iterated."""
    global _state
    if _state and _state._file:
        raise RuntimeError('input() already active')
    _state = FileInput(files, inplace, backup, mode=mode, openhook=openhook,
                       encoding=encoding, errors=errors)
    return _state


def close():
    """Close the sequence."""
    global _state
    state, _state = _state, None
    if state:
        state.close()


def _of_active(name):
    # The module-level function asking the input() in progress.
    def ask():
        if not _state:
            raise RuntimeError('no active input()')
        return getattr(_state, name)()
    ask.__name__ = ask.__qualname__ = name
    return ask


nextfile = _of_active('nextfile')
filename = _of_active('filename')
lineno = _of_active('lineno')
filelineno = _of_active('filelineno')
fileno = _of_active('fileno')
isfirstline = _of_active('isfirstline')
isstdin = _of_active('isstdin')


class FileInput:
    """FileInput([files[, inplace[, backup]]], *, mode=None, openhook=None)

    A line-by-line reader of the files named (sys.argv[1:] by default,
    '-' for standard input), one after the other."""

    def __init__(self, files=None, inplace=False, backup='', *, mode='r',
                 openhook=None, encoding=None, errors=None):
        if isinstance(files, str):
            files = (files,)
        elif isinstance(files, os.PathLike):
            files = (os.fspath(files),)
        else:
            if files is None:
                files = sys.argv[1:]
            files = tuple(files) if files else ('-',)
        if mode not in ('r', 'rb'):
            raise ValueError("FileInput opening mode must be 'r' or 'rb'")
        if openhook:
            if inplace:
                raise ValueError('FileInput cannot use an opening hook in inplace mode')
            if not callable(openhook):
                raise ValueError('FileInput openhook must be callable')
        self._files = files
        self._inplace = inplace
        self._backup = backup
        self._mode = mode
        self._openhook = openhook
        self._encoding = encoding
        self._errors = errors
        self._filename = None
        self._startlineno = 0
        self._filelineno = 0
        self._file = None
        self._isstdin = False
        self._output = None
        self._savestdout = None
        self._backupfilename = None

    def close(self):
        try:
            self.nextfile()
        finally:
            self._files = ()

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readline(self):
        while True:
            line = self._file.readline() if self._file else self._open_next()
            if line:
                self._filelineno += 1
                return line
            if not self._file:
                return line
            self.nextfile()

    def _open_next(self):
        # The first line of the next file, or an empty line when none is left.
        if not self._files:
            return b'' if 'b' in self._mode else ''
        name, self._files = self._files[0], self._files[1:]
        self._filename = name
        self._startlineno = self.lineno()
        self._filelineno = 0
        self._isstdin = False
        self._backupfilename = 0
        encoding = None if 'b' in self._mode else (self._encoding or 'locale')
        if name == '-':
            self._filename = '<stdin>'
            self._file = getattr(sys.stdin, 'buffer', sys.stdin) if 'b' in self._mode else sys.stdin
            self._isstdin = True
        elif self._inplace:
            self._backupfilename = os.fspath(name) + (self._backup or '.bak')
            try:
                os.unlink(self._backupfilename)
            except OSError:
                pass
            os.rename(name, self._backupfilename)
            self._file = open(self._backupfilename, self._mode,
                              encoding=encoding, errors=self._errors)
            perm = os.stat(self._backupfilename).st_mode
            self._output = open(name, self._mode.replace('r', 'w'),
                                encoding=encoding, errors=self._errors)
            try:
                os.chmod(name, perm)
            except OSError:
                pass
            self._savestdout = sys.stdout
            sys.stdout = self._output
        elif self._openhook:
            # Hooks written before 3.10 take no encoding.
            if self._encoding is None:
                self._file = self._openhook(name, self._mode)
            else:
                self._file = self._openhook(name, self._mode, encoding=self._encoding,
                                            errors=self._errors)
        else:
            self._file = open(name, self._mode, encoding=encoding, errors=self._errors)
        return self._file.readline()

    def nextfile(self):
        saved, self._savestdout = self._savestdout, None
        if saved:
            sys.stdout = saved
        output, self._output = self._output, None
        try:
            if output:
                output.close()
        finally:
            file, self._file = self._file, None
            try:
                if file and not self._isstdin:
                    file.close()
            finally:
                backup, self._backupfilename = self._backupfilename, None
                if backup and not self._backup:
                    try:
                        os.unlink(backup)
                    except OSError:
                        pass
                self._isstdin = False

    def filename(self):
        return self._filename

    def lineno(self):
        return self._startlineno + self._filelineno

    def filelineno(self):
        return self._filelineno

    def fileno(self):
        if not self._file:
            return -1
        try:
            return self._file.fileno()
        except ValueError:
            return -1

    def isfirstline(self):
        return self._filelineno == 1

    def isstdin(self):
        return self._isstdin

    __class_getitem__ = classmethod(_GenericAlias)


def hook_compressed(filename, mode, *, encoding=None, errors=None):
    if encoding is None and 'b' not in mode:
        encoding = 'locale'
    if os.path.splitext(filename)[1] != '.gz':
        return open(filename, mode, encoding=encoding, errors=errors)
    import gzip
    if 'b' in mode:
        return gzip.open(filename, mode)
    return gzip.open(filename, mode + 't', encoding=None if encoding == 'locale' else encoding,
                     errors=errors)


def hook_encoded(encoding, errors=None):
    def openhook(filename, mode):
        return open(filename, mode, encoding=encoding, errors=errors)
    return openhook
