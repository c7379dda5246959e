# pathlib for minipy: PurePath/PurePosixPath (string operations on POSIX
# paths) and Path/PosixPath (the file system, through os and open()).
import os
import fnmatch as _fnmatch

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath", "UnsupportedOperation"]


class UnsupportedOperation(NotImplementedError):
    pass


def _split(s):
    """Anchor ('/', '//' or '') and the parts after it of a path string."""
    if s.startswith("/"):
        root = "//" if s.startswith("//") and not s.startswith("///") else "/"
    else:
        root = ""
    parts = [p for p in s.split("/") if p and p != "."]
    return root, parts


class PurePath:
    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        self = object.__new__(cls)
        self._init(args)
        return self

    def __init__(self, *args):
        pass

    def _init(self, args):
        root, parts = "", []
        for a in args:
            if isinstance(a, PurePath):
                s = str(a)
            else:
                s = os.fspath(a)
                if not isinstance(s, str):
                    raise TypeError("argument should be a str or an os.PathLike object where __fspath__ returns a str, not %r" % type(a).__name__)
            r, ps = _split(s)
            if r:
                root, parts = r, ps
            else:
                parts = parts + ps
        self._root = root
        self._parts = parts
        self._str = (root + "/".join(parts)) or "."

    def _from(self, root, parts):
        p = object.__new__(type(self))
        p._root = root
        p._parts = parts
        p._str = (root + "/".join(parts)) or "."
        return p

    def __str__(self):
        return self._str

    def __fspath__(self):
        return self._str

    def as_posix(self):
        return self._str

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._str)

    def __bytes__(self):
        return os.fsencode(self._str) if hasattr(os, "fsencode") else self._str.encode()

    def __hash__(self):
        return hash(self._str)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._str == other._str

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() >= other._key()

    def _key(self):
        return [self._root] + self._parts

    def __truediv__(self, key):
        try:
            return self.joinpath(key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)(key, self)
        except TypeError:
            return NotImplemented

    def joinpath(self, *others):
        return type(self)(self, *others)

    def with_segments(self, *args):
        return type(self)(*args)

    @property
    def parts(self):
        return tuple(([self._root] if self._root else []) + self._parts)

    @property
    def drive(self):
        return ""

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def name(self):
        return self._parts[-1] if self._parts else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._from(self._root, self._parts[:-1])

    @property
    def parents(self):
        out = []
        p = self
        while p._parts:
            p = p.parent
            out.append(p)
        return tuple(out)

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or "/" in name or name == ".":
            raise ValueError("Invalid name %r" % (name,))
        return self._from(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if suffix and (not suffix.startswith(".") or suffix == "." or "/" in suffix):
            raise ValueError("Invalid suffix %r" % (suffix,))
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        return self._from(self._root, self._parts[:-1] + [self.stem + suffix])

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def is_relative_to(self, other, *_deprecated):
        other = type(self)(other)
        return other == self or other in self.parents

    def relative_to(self, other, *_deprecated, walk_up=False):
        other = type(self)(other)
        if self._root != other._root or self._parts[:len(other._parts)] != other._parts:
            if walk_up and self._root == other._root:
                n = 0
                while n < min(len(self._parts), len(other._parts)) and self._parts[n] == other._parts[n]:
                    n += 1
                return self._from("", [".."] * (len(other._parts) - n) + self._parts[n:])
            raise ValueError("%r is not in the subpath of %r" % (self._str, other._str))
        return self._from("", self._parts[len(other._parts):])

    def match(self, pattern, *, case_sensitive=None):
        pat = type(self)(pattern)
        if not pat._parts:
            raise ValueError("empty pattern")
        if pat._root:
            if len(pat._parts) != len(self._parts) or pat._root != self._root:
                return False
        elif len(pat._parts) > len(self._parts):
            return False
        for part, p in zip(reversed(self._parts), reversed(pat._parts)):
            if not _fnmatch.fnmatchcase(part, p):
                return False
        return True

    def full_match(self, pattern, *, case_sensitive=None):
        import glob as _glob
        return _fnmatch.fnmatchcase(self._str, str(pattern))


class PurePosixPath(PurePath):
    pass


class Path(PurePath):
    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        self = object.__new__(cls)
        self._init(args)
        return self

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser("~"))

    def absolute(self):
        if self._root:
            return self
        return type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        return type(self)(os.path.normpath(os.path.abspath(self._str)))

    def expanduser(self):
        return type(self)(os.path.expanduser(self._str))

    def stat(self, *, follow_symlinks=True):
        return os.stat(self._str, follow_symlinks=follow_symlinks)

    def lstat(self):
        return os.lstat(self._str)

    def exists(self, *, follow_symlinks=True):
        return os.path.exists(self._str)

    def is_file(self, *, follow_symlinks=True):
        return os.path.isfile(self._str)

    def is_dir(self, *, follow_symlinks=True):
        return os.path.isdir(self._str)

    def is_symlink(self):
        return os.path.islink(self._str)

    def samefile(self, other):
        return os.path.samefile(self._str, other)

    def iterdir(self):
        for name in os.listdir(self._str):
            yield self._from(self._root, self._parts + [name])

    def glob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        import glob as _glob
        pattern = str(pattern)
        if not pattern:
            raise ValueError("Unacceptable pattern: %r" % pattern)
        if pattern.startswith("/"):
            raise NotImplementedError("Non-relative patterns are unsupported")
        base = self._str
        for p in _glob.iglob(pattern, root_dir=base, recursive=True, include_hidden=True):
            if p.endswith("/"):
                p = p[:-1]
            if p == ".":
                yield self
            else:
                yield self / p

    def rglob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        return self.glob("**/" + str(pattern))

    def walk(self, top_down=True, on_error=None, follow_symlinks=False):
        for root, dirs, files in os.walk(self._str, top_down, on_error, follow_symlinks):
            yield type(self)(root), dirs, files

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return open(self._str, mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None, newline=None):
        with open(self._str, "r", encoding=encoding, errors=errors, newline=newline) as f:
            return f.read()

    def read_bytes(self):
        with open(self._str, "rb") as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % type(data).__name__)
        with open(self._str, "w", encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def write_bytes(self, data):
        view = memoryview(data)
        with open(self._str, "wb") as f:
            return f.write(view)

    def touch(self, mode=0o666, exist_ok=True):
        if os.path.exists(self._str):
            if not exist_ok:
                raise FileExistsError(17, "File exists", self._str)
            return
        open(self._str, "a").close()

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self._str, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self._str)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self._str)

    def rename(self, target):
        os.rename(self._str, str(target))
        return self.with_segments(target)

    def replace(self, target):
        os.replace(self._str, str(target))
        return self.with_segments(target)

    def readlink(self):
        return type(self)(os.readlink(self._str))


class PosixPath(Path, PurePosixPath):
    pass
