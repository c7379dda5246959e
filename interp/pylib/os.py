# The os module for minipy, written for it: the process's environment,
# working directory and directory listings, and os.path's string
# operations as posixpath does them. Go supplies the system calls
# (_getcwd, _listdir, _stat, _environ, _putenv, _unsetenv, _getpid).

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


def cpu_count():
    return _cpu_count()


def listdir(path="."):
    return _listdir(_fspath(path, "listdir"))


def scandir(path="."):
    raise NotImplementedError("os.scandir is not available in minipy")


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
    curdir = "."
    pardir = ".."
    extsep = "."
    pathsep = ":"

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
    def getsize(p):
        p = _fspath(p, "getsize")
        s = _stat(p)
        if s is None:
            raise FileNotFoundError(2, "No such file or directory", p)
        return s[1]


path = _Path
