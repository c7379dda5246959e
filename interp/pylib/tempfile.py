# tempfile for minipy: temporary files and directories with random names
# (from a random.Random of the module's own, so a program's seeded
# random stream is not disturbed), as CPython's tempfile makes them.
import os as _os
import shutil as _shutil
from random import Random as _Random

TMP_MAX = 10000
template = "tmp"
tempdir = None
# State kept in a dict: a `global` statement in library code run by exec
# binds nothing (interp/README.md, known gaps).
_state = {}
_chars = "abcdefghijklmnopqrstuvwxyz0123456789_"


def _name():
    rng = _state.get("rng")
    if rng is None:
        rng = _state["rng"] = _Random()
    return "".join(rng.choice(_chars) for _ in range(8))


def gettempdir():
    if "dir" not in _state:
        _state["dir"] = "/tmp"
        for var in ("TMPDIR", "TEMP", "TMP"):
            d = _os.environ.get(var)
            if d and _os.path.isdir(d):
                _state["dir"] = _os.path.abspath(d)
                break
    return _state["dir"]


def gettempprefix():
    return template


def _parts(suffix, prefix, dir):
    if suffix is None:
        suffix = ""
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return suffix, prefix, _os.fspath(dir)


def mkdtemp(suffix=None, prefix=None, dir=None):
    suffix, prefix, dir = _parts(suffix, prefix, dir)
    for _ in range(TMP_MAX):
        path = _os.path.join(dir, prefix + _name() + suffix)
        try:
            _os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(path)
    raise FileExistsError(17, "No usable temporary directory name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    suffix, prefix, dir = _parts(suffix, prefix, dir)
    for _ in range(TMP_MAX):
        path = _os.path.join(dir, prefix + _name() + suffix)
        try:
            fd = _os.open(path, _os.O_RDWR | _os.O_CREAT | _os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        return fd, _os.path.abspath(path)
    raise FileExistsError(17, "No usable temporary file name found")


def mktemp(suffix="", prefix=template, dir=None):
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        path = _os.path.join(dir, prefix + _name() + suffix)
        if not _os.path.lexists(path):
            return path
    raise FileExistsError(17, "No usable temporary filename found")


class TemporaryDirectory:
    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False, *, delete=True):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore = ignore_cleanup_errors
        self._delete = delete
        self._done = False

    def __repr__(self):
        return "<TemporaryDirectory %r>" % self.name

    def __enter__(self):
        return self.name

    def __exit__(self, *exc):
        if self._delete:
            self.cleanup()

    def cleanup(self):
        if not self._done:
            self._done = True
            _shutil.rmtree(self.name, ignore_errors=self._ignore)


class _TemporaryFileWrapper:
    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete

    def __getattr__(self, name):
        return getattr(self.__dict__["file"], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        return iter(self.file)

    def close(self):
        if not self.file.closed:
            self.file.close()
            if self.delete:
                try:
                    _os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def __repr__(self):
        return "<tempfile._TemporaryFileWrapper object at 0x7f0000000000>"


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None,
                       dir=None, delete=True, *, errors=None, delete_on_close=True):
    fd, path = mkstemp(suffix, prefix, dir)
    _os.close(fd)
    f = open(path, mode, buffering, encoding, errors, newline)
    return _TemporaryFileWrapper(f, path, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    fd, path = mkstemp(suffix, prefix, dir)
    _os.close(fd)
    f = open(path, mode, buffering, encoding, errors, newline)
    _os.unlink(path)
    return f
