# fileinput for minipy: one stream of lines over several files (standard
# input for '-'), with running line numbers, optional in-place rewriting
# (print() goes to the file being read), and the module-level functions
# that act on the FileInput made by input().
import os
import sys
from types import GenericAlias as _GenericAlias

__all__ = ["input", "close", "nextfile", "filename", "lineno", "filelineno",
           "fileno", "isfirstline", "isstdin", "FileInput", "hook_compressed",
           "hook_encoded"]

_active = None  # the FileInput input() made, until close()


def input(files=None, inplace=False, backup="", *, mode="r",
          openhook=None, encoding=None, errors=None):
    """Make the module's FileInput (the functions below act on it) and
    return it for iteration."""
    global _active
    if _active is not None and _active._stream is not None:
        raise RuntimeError("input() already active")
    _active = FileInput(files, inplace, backup, mode=mode,
                        openhook=openhook, encoding=encoding, errors=errors)
    return _active


def close():
    """Close the module's FileInput and forget it."""
    global _active
    current, _active = _active, None
    if current is not None:
        current.close()


def _delegate(method):
    def call():
        if _active is None:
            raise RuntimeError("no active input()")
        return getattr(_active, method)()
    call.__name__ = call.__qualname__ = method
    call.__doc__ = "FileInput.%s() of the input() in progress." % method
    return call


nextfile = _delegate("nextfile")
filename = _delegate("filename")
lineno = _delegate("lineno")
filelineno = _delegate("filelineno")
fileno = _delegate("fileno")
isfirstline = _delegate("isfirstline")
isstdin = _delegate("isstdin")


class FileInput:
    """FileInput(files=None, inplace=False, backup='', *, mode='r',
    openhook=None, encoding=None, errors=None)

    The lines of the files named, one after another: sys.argv[1:] when
    files is None, standard input for '-' or when no file is named."""

    def __init__(self, files=None, inplace=False, backup="", *,
                 mode="r", openhook=None, encoding=None, errors=None):
        if files is None:
            files = sys.argv[1:]
        # One name (a str or path object) or an iterable of names.
        names = (os.fspath(files),) if isinstance(files, (str, os.PathLike)) else tuple(files)
        self._names = names or ("-",)
        self._next_name = 0
        if mode not in ("r", "rb"):
            raise ValueError("FileInput opening mode must be 'r' or 'rb'")
        if openhook is not None and inplace:
            raise ValueError("FileInput cannot use an opening hook in inplace mode")
        if openhook is not None and not callable(openhook):
            raise ValueError("FileInput openhook must be callable")
        self._mode = mode
        self._binary = mode == "rb"
        self._inplace = inplace
        self._backup = backup
        self._hook = openhook
        self._encoding = encoding
        self._errors = errors
        # What is being read: the stream, its name, whether it is stdin.
        self._stream = None
        self._name = None
        self._stdin = False
        # Lines read in all, and in the current file.
        self._count = 0
        self._count_here = 0
        # In-place rewriting: the backup's path, the new file, the stdout
        # it replaces while the file is read.
        self._backup_path = None
        self._sink = None
        self._real_stdout = None

    __class_getitem__ = classmethod(_GenericAlias)

    def __del__(self):
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            line = self._stream.readline() if self._stream is not None else ""
            if line:
                self._count += 1
                self._count_here += 1
                return line
            if self._stream is None:
                if self._next_name >= len(self._names):
                    raise StopIteration
                self._open(self._names[self._next_name])
                self._next_name += 1
            else:
                self.nextfile()

    def readline(self):
        """The next line, or an empty string after the last file."""
        try:
            return next(self)
        except StopIteration:
            return b"" if self._binary else ""

    def close(self):
        """Finish the current file and skip any still to come."""
        try:
            self.nextfile()
        finally:
            self._next_name = len(self._names)

    def nextfile(self):
        """Stop reading the current file; the next line comes from the next."""
        stream, self._stream = self._stream, None
        sink, self._sink = self._sink, None
        saved, self._real_stdout = self._real_stdout, None
        backup, self._backup_path = self._backup_path, None
        if saved is not None:
            sys.stdout = saved
        try:
            if sink is not None:
                sink.close()
        finally:
            try:
                if stream is not None and not self._stdin:
                    stream.close()
            finally:
                # Without a backup suffix the renamed original is not kept.
                if backup is not None and not self._backup:
                    try:
                        os.unlink(backup)
                    except OSError:
                        pass
                self._stdin = False

    def _open(self, name):
        self._name = name
        self._count_here = 0
        text = {} if self._binary else {"encoding": self._encoding or "locale",
                                        "errors": self._errors}
        if name == "-":
            self._name = "<stdin>"
            self._stream = getattr(sys.stdin, "buffer", sys.stdin) if self._binary else sys.stdin
            self._stdin = True
        elif self._inplace:
            self._open_for_rewrite(name, text)
        elif self._hook is None:
            self._stream = open(name, self._mode, **text)
        elif self._encoding is None:
            # Hooks written before 3.10 take no encoding argument.
            self._stream = self._hook(name, self._mode)
        else:
            self._stream = self._hook(name, self._mode, encoding=self._encoding,
                                      errors=self._errors)

    def _open_for_rewrite(self, name, text):
        # The original moves aside to the backup and is read from there; a
        # new file of the same permissions takes its name, and print()
        # writes to it until the file is done.
        path = os.fspath(name)
        self._backup_path = path + (self._backup or ".bak")
        try:
            os.unlink(self._backup_path)
        except OSError:
            pass
        os.rename(path, self._backup_path)
        self._stream = open(self._backup_path, self._mode, **text)
        bits = os.stat(self._backup_path).st_mode
        self._sink = open(path, "wb" if self._binary else "w", **text)
        try:
            os.chmod(path, bits)
        except OSError:
            pass
        self._real_stdout = sys.stdout
        sys.stdout = self._sink

    def filename(self):
        """The name of the file being read (None before the first line)."""
        return self._name

    def lineno(self):
        """How many lines have been read, over all the files."""
        return self._count

    def filelineno(self):
        """How many lines have been read from the current file."""
        return self._count_here

    def fileno(self):
        """The current file's descriptor, -1 when no file is open."""
        if self._stream is None:
            return -1
        try:
            return self._stream.fileno()
        except ValueError:
            return -1

    def isfirstline(self):
        return self._count_here == 1

    def isstdin(self):
        return self._stdin


def hook_compressed(filename, mode, *, encoding=None, errors=None):
    """An openhook that opens .gz and .bz2 files through their modules."""
    suffix = os.path.splitext(filename)[1]
    if suffix == ".gz":
        import gzip
        opener = gzip.open
    elif suffix == ".bz2":
        import bz2
        opener = bz2.open
    else:
        if encoding is None and "b" not in mode:
            encoding = "locale"  # what open() would pick, said outright
        return open(filename, mode, errors=errors, encoding=encoding)
    if "b" in mode:
        return opener(filename, mode)
    # The compressed modules read bytes unless asked for text ('rt').
    return opener(filename, mode if "t" in mode else mode + "t",
                  errors=errors, encoding=encoding)


def hook_encoded(encoding, errors=None):
    """An openhook that opens every file with this encoding."""
    def opener(filename, mode):
        return open(filename, mode, errors=errors, encoding=encoding)
    return opener
