# The os module for minipy, written for it: the process's environment,
# working directory and directory listings, and os.path's string
# operations as posixpath does them. Go supplies the system calls
# (_getcwd, _listdir, _stat, _environ, _putenv, _unsetenv, _getpid;
# _stat2, _mkdir, _remove, _rmdir, _rename, _chdir, _readlink; and the
# file descriptor calls open() is built on, _fopen, _fread, _fwrite, ...).

name = "posix"
sep = "/"
altsep = None
extsep = "."
pathsep = ":"
linesep = "\n"
curdir = "."
pardir = ".."
devnull = "/dev/null"
defpath = "/bin:/usr/bin"


def _fspath(p, fn):
    if isinstance(p, (str, bytes)):
        return p
    if hasattr(type(p), "__fspath__"):
        return p.__fspath__()
    raise TypeError("%s: path should be string, bytes or os.PathLike, not %s" % (fn, type(p).__name__))


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    if hasattr(type(p), "__fspath__"):
        return p.__fspath__()
    raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(p).__name__)


class _PathLikeMeta(type):
    # CPython's PathLike is an ABC whose __subclasshook__ accepts any
    # class with __fspath__; its subclasses check as usual.
    def __instancecheck__(cls, obj):
        if cls is PathLike:
            return hasattr(type(obj), "__fspath__")
        return cls in type(obj).__mro__

    def __subclasscheck__(cls, sub):
        if cls is PathLike:
            return hasattr(sub, "__fspath__")
        return cls in sub.__mro__


class PathLike(metaclass=_PathLikeMeta):
    """Abstract base class for implementing the file system path protocol."""

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


class _Environ(dict):
    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not %s" % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        _putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        dict.__delitem__(self, key)
        _unsetenv(key)

    def pop(self, key, *default):
        if key in self:
            v = self[key]
            del self[key]
            return v
        if default:
            return default[0]
        raise KeyError(key)

    def setdefault(self, key, value=None):
        if key not in self:
            self[key] = value
        return self[key]

    def update(self, other=(), **kw):
        items = other.items() if hasattr(other, "items") else other
        for k, v in items:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def copy(self):
        return dict(self)

    def __repr__(self):
        return "environ(" + dict.__repr__(self) + ")"


environ = _Environ(_environ())


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    _putenv(key, value)


def unsetenv(key):
    _unsetenv(key)


def getcwd():
    return _getcwd()


def getpid():
    return _getpid()


def getuid():
    return _ids()[0]


def geteuid():
    return _ids()[1]


def getgid():
    return _ids()[2]


def getegid():
    return _ids()[3]


def getgroups():
    return _getgroups()


def cpu_count():
    return _cpu_count()


class uname_result(tuple):
    # A structseq in CPython: a tuple with named fields.
    n_sequence_fields = 5
    n_fields = 5

    def __new__(cls, t):
        return tuple.__new__(cls, t)

    sysname = property(lambda s: s[0])
    nodename = property(lambda s: s[1])
    release = property(lambda s: s[2])
    version = property(lambda s: s[3])
    machine = property(lambda s: s[4])

    def __repr__(self):
        return ('posix.uname_result(sysname=%r, nodename=%r, release=%r, version=%r, machine=%r)'
                % tuple(self))


def uname():
    return uname_result(_uname())


class terminal_size(tuple):
    # A structseq in CPython: (columns, lines).
    n_sequence_fields = 2
    n_fields = 2

    def __new__(cls, t):
        t = tuple(t)
        if len(t) != 2:
            raise TypeError("os.terminal_size() takes a 2-sequence (%d-sequence given)" % len(t))
        return tuple.__new__(cls, t)

    columns = property(lambda s: s[0])
    lines = property(lambda s: s[1])

    def __repr__(self):
        return "os.terminal_size(columns=%r, lines=%r)" % tuple(self)


def get_terminal_size(fd=1, /):
    return terminal_size(_get_terminal_size(fd))


def listdir(path="."):
    return _listdir(_fspath(path, "listdir"))


class stat_result:
    # A structseq in CPython; here a class with the tuple's protocol.
    n_sequence_fields = 10
    n_fields = 19

    def __init__(self, f):
        self._t = tuple(f[:7]) + tuple(t // 1000000000 for t in f[7:])
        self._ns = f[7:]

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, other):
        return isinstance(other, stat_result) and self._t == other._t

    st_mode = property(lambda s: s[0])
    st_ino = property(lambda s: s[1])
    st_dev = property(lambda s: s[2])
    st_nlink = property(lambda s: s[3])
    st_uid = property(lambda s: s[4])
    st_gid = property(lambda s: s[5])
    st_size = property(lambda s: s[6])
    st_atime = property(lambda s: s._ns[0] / 1e9)
    st_mtime = property(lambda s: s._ns[1] / 1e9)
    st_ctime = property(lambda s: s._ns[2] / 1e9)
    st_atime_ns = property(lambda s: s._ns[0])
    st_mtime_ns = property(lambda s: s._ns[1])
    st_ctime_ns = property(lambda s: s._ns[2])

    def __repr__(self):
        names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
                 "st_size", "st_atime", "st_mtime", "st_ctime")
        return "os.stat_result(" + ", ".join("%s=%d" % (n, v) for n, v in zip(names, self._t)) + ")"


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return stat_result(_stat2(_fspath(path, "stat"), follow_symlinks))


def lstat(path, *, dir_fd=None):
    return stat_result(_stat2(_fspath(path, "lstat"), False))


def mkdir(path, mode=0o777, *, dir_fd=None):
    _mkdir(_fspath(path, "mkdir"), mode)


def makedirs(name, mode=0o777, exist_ok=False):
    name = _fspath(name, "makedirs")
    head, tail = _Path.split(name)
    if not tail:
        head, tail = _Path.split(head)
    if head and tail and not _Path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not _Path.isdir(name):
            raise


def remove(path, *, dir_fd=None):
    _remove(_fspath(path, "remove"))


def unlink(path, *, dir_fd=None):
    _remove(_fspath(path, "unlink"))


def rmdir(path, *, dir_fd=None):
    _rmdir(_fspath(path, "rmdir"))


def removedirs(name):
    rmdir(name)
    head, tail = _Path.split(name)
    if not tail:
        head, tail = _Path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = _Path.split(head)


def rename(src, dst):
    _rename(_fspath(src, "rename"), _fspath(dst, "rename"))


def replace(src, dst):
    _rename(_fspath(src, "replace"), _fspath(dst, "replace"))


def chdir(path):
    _chdir(_fspath(path, "chdir"))


def readlink(path):
    return _readlink(_fspath(path, "readlink"))


O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_CREAT = 0o100
O_EXCL = 0o200
O_TRUNC = 0o1000
O_APPEND = 0o2000
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


def open(path, flags, mode=0o777, *, dir_fd=None):
    return _fopen(_fspath(path, "open"), flags, mode, True)


def read(fd, n):
    return _fread(fd, n)


def write(fd, data):
    return _fwrite(fd, data)


def lseek(fd, pos, how):
    return _fseek(fd, pos, how)


def close(fd):
    _fclose(fd)


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd).__name__)
    import builtins
    return builtins.open(fd, mode, buffering, encoding, *args, **kwargs)


def pipe():
    return _pipe()


F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    return _access(_fspath(path, "access"), mode)


def chmod(path, mode, *, dir_fd=None, follow_symlinks=True):
    _chmod(_fspath(path, "chmod"), mode)


def _nanoseconds(t):
    if isinstance(t, int):
        return t * 1000000000
    if isinstance(t, float):
        s = int(t // 1)
        return s * 1000000000 + int((t - s) * 1e9)
    raise TypeError("utime: 'times' must be either a tuple of two ints or None")


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    path = _fspath(path, "utime")
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError("utime: 'times' must be either a tuple of two ints or None")
        _utime(path, _nanoseconds(times[0]), _nanoseconds(times[1]), False)
    elif ns is not None:
        if not isinstance(ns, tuple) or len(ns) != 2:
            raise TypeError("utime: 'ns' must be a tuple of two ints")
        for x in ns:
            if not isinstance(x, int):
                raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)
        _utime(path, ns[0], ns[1], False)
    else:
        _utime(path, 0, 0, True)


def symlink(src, dst, target_is_directory=False, *, dir_fd=None):
    _symlink(_fspath(src, "symlink"), _fspath(dst, "symlink"))


def link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True):
    _link(_fspath(src, "link"), _fspath(dst, "link"))


def abort(*args, **kwargs):
    """End the process at once by SIGABRT, as C's abort() does."""
    if kwargs:
        raise TypeError("posix.abort() takes no keyword arguments")
    if args:
        raise TypeError("posix.abort() takes no arguments (%d given)" % len(args))
    _abort()


def kill(pid, sig, /):
    import operator
    _kill(operator.index(pid), operator.index(sig))


def getppid():
    return _getppid()


class DirEntry:
    def __init__(self, top, name):
        self.name = name
        self.path = _Path.join(top, name)

    def is_dir(self, *, follow_symlinks=True):
        return _Path.isdir(self.path)

    def is_file(self, *, follow_symlinks=True):
        return _Path.isfile(self.path)

    def is_symlink(self):
        return _Path.islink(self.path)

    def stat(self, *, follow_symlinks=True):
        return stat(self.path, follow_symlinks=follow_symlinks)

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % self.name


class _ScandirIterator:
    def __init__(self, top):
        self._it = iter([DirEntry(top, n) for n in listdir(top)])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._it = iter(())

    def close(self):
        self._it = iter(())


def scandir(path="."):
    return _ScandirIterator(_fspath(path, "scandir"))


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = _fspath(top, "walk")
    try:
        names = listdir(top)
    except OSError as e:
        if onerror is not None:
            onerror(e)
        return
    dirs, files = [], []
    for n in names:
        (dirs if path.isdir(path.join(top, n)) else files).append(n)
    if topdown:
        yield top, dirs, files
        for d in dirs:
            yield from walk(path.join(top, d), topdown, onerror, followlinks)
    else:
        for d in dirs:
            yield from walk(path.join(top, d), topdown, onerror, followlinks)
        yield top, dirs, files


class _Path:
    # os.path, the posixpath module.
    sep = "/"
    altsep = None
    curdir = "."
    pardir = ".."
    extsep = "."
    pathsep = ":"
    defpath = "/bin:/usr/bin"
    devnull = "/dev/null"

    @staticmethod
    def join(a, *p):
        a = _fspath(a, "join") if not isinstance(a, str) else a
        if not isinstance(a, str):
            raise TypeError("join() argument must be str, bytes, or os.PathLike object, not '%s'" % type(a).__name__)
        out = a
        for b in p:
            if not isinstance(b, str):
                if hasattr(type(b), "__fspath__"):
                    b = b.__fspath__()
                else:
                    raise TypeError("join() argument must be str, bytes, or os.PathLike object, not '%s'" % type(b).__name__)
            if b.startswith("/"):
                out = b
            elif not out or out.endswith("/"):
                out += b
            else:
                out += "/" + b
        return out

    @staticmethod
    def split(p):
        p = _fspath(p, "split")
        i = p.rfind("/") + 1
        head, tail = p[:i], p[i:]
        if head and head != "/" * len(head):
            head = head.rstrip("/")
        return head, tail

    @staticmethod
    def basename(p):
        p = _fspath(p, "basename")
        return p[p.rfind("/") + 1:]

    @staticmethod
    def dirname(p):
        return _Path.split(p)[0]

    @staticmethod
    def splitext(p):
        p = _fspath(p, "splitext")
        s = p.rfind("/")
        dot = p.rfind(".")
        if dot > s:
            i = s + 1
            while i < dot:
                if p[i] != ".":
                    return p[:dot], p[dot:]
                i += 1
        return p, p[:0]

    @staticmethod
    def splitdrive(p):
        # POSIX paths have no drive.
        p = _fspath(p, "splitdrive")
        return p[:0], p

    @staticmethod
    def isabs(p):
        return _fspath(p, "isabs").startswith("/")

    @staticmethod
    def normpath(p):
        p = _fspath(p, "normpath")
        if not p:
            return "."
        slashes = 0
        if p.startswith("/"):
            slashes = 2 if p.startswith("//") and not p.startswith("///") else 1
        comps = []
        for c in p.split("/"):
            if c in ("", "."):
                continue
            if c != ".." or (not slashes and not comps) or (comps and comps[-1] == ".."):
                comps.append(c)
            elif comps:
                comps.pop()
        out = "/" * slashes + "/".join(comps)
        return out or "."

    @staticmethod
    def abspath(p):
        p = _fspath(p, "abspath")
        if not p.startswith("/"):
            p = _Path.join(_getcwd(), p)
        return _Path.normpath(p)

    realpath = abspath

    @staticmethod
    def relpath(p, start=None):
        p = _fspath(p, "relpath")
        if not p:
            raise ValueError("no path specified")
        start = _getcwd() if start is None else _fspath(start, "relpath")
        a = [x for x in _Path.abspath(start).split("/") if x]
        b = [x for x in _Path.abspath(p).split("/") if x]
        n = 0
        while n < min(len(a), len(b)) and a[n] == b[n]:
            n += 1
        rel = [".."] * (len(a) - n) + b[n:]
        return "/".join(rel) or "."

    @staticmethod
    def expanduser(p):
        p = _fspath(p, "expanduser")
        if not p.startswith("~"):
            return p
        i = p.find("/", 1)
        if i < 0:
            i = len(p)
        if i != 1:
            return p
        home = environ.get("HOME", "/")
        return (home.rstrip("/") or "/") + p[i:]

    @staticmethod
    def commonprefix(m):
        if not m:
            return ""
        s1, s2 = min(m), max(m)
        for i, c in enumerate(s1):
            if c != s2[i]:
                return s1[:i]
        return s1

    @staticmethod
    def commonpath(paths):
        if not paths:
            raise ValueError("commonpath() arg is an empty sequence")
        absn = {p.startswith("/") for p in paths}
        if len(absn) != 1:
            raise ValueError("Can't mix absolute and relative paths")
        parts = [[c for c in p.split("/") if c and c != "."] for p in paths]
        common = parts[0]
        for q in parts[1:]:
            n = 0
            while n < min(len(common), len(q)) and common[n] == q[n]:
                n += 1
            common = common[:n]
        return ("/" if paths[0].startswith("/") else "") + "/".join(common)

    @staticmethod
    def exists(p):
        try:
            return _stat(_fspath(p, "exists")) is not None
        except TypeError:
            return False

    @staticmethod
    def isfile(p):
        s = _stat(_fspath(p, "isfile"))
        return s is not None and not s[0]

    @staticmethod
    def isdir(p):
        s = _stat(_fspath(p, "isdir"))
        return s is not None and s[0]

    @staticmethod
    def islink(p):
        try:
            return _stat2(_fspath(p, "islink"), False)[0] & 0o170000 == 0o120000
        except OSError:
            return False

    @staticmethod
    def getmtime(p):
        return stat(p).st_mtime

    @staticmethod
    def getatime(p):
        return stat(p).st_atime

    @staticmethod
    def getctime(p):
        return stat(p).st_ctime

    @staticmethod
    def lexists(p):
        try:
            _stat2(_fspath(p, "lexists"), False)
            return True
        except OSError:
            return False

    @staticmethod
    def samefile(a, b):
        x, y = stat(a), stat(b)
        return x.st_ino == y.st_ino and x.st_dev == y.st_dev

    @staticmethod
    def getsize(p):
        p = _fspath(p, "getsize")
        s = _stat(p)
        if s is None:
            raise FileNotFoundError(2, "No such file or directory", p)
        return s[1]


path = _Path
