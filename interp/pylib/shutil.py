# shutil for minipy: copying, moving and removing trees of files, over
# the os module and open().
import os


class Error(OSError):
    pass


class SameFileError(Error):
    pass


def copyfileobj(fsrc, fdst, length=0):
    if not length or length < 0:
        length = 64 * 1024
    while True:
        buf = fsrc.read(length)
        if not buf:
            break
        fdst.write(buf)


def copyfile(src, dst, *, follow_symlinks=True):
    if os.path.exists(dst) and os.path.samefile(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    with open(src, "rb") as fsrc:
        with open(dst, "wb") as fdst:
            copyfileobj(fsrc, fdst)
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    os.chmod(dst, os.stat(src).st_mode & 0o7777)


def copystat(src, dst, *, follow_symlinks=True):
    st = os.stat(src)
    os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.chmod(dst, st.st_mode & 0o7777)


def copy(src, dst, *, follow_symlinks=True):
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst)
    copymode(src, dst)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst)
    copystat(src, dst)
    return dst


def ignore_patterns(*patterns):
    # An ignore= callable for copytree: the names matching any pattern.
    import fnmatch

    def _ignore(path, names):
        out = set()
        for pat in patterns:
            out.update(fnmatch.filter(names, pat))
        return out
    return _ignore


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2, ignore_dangling_symlinks=False,
             dirs_exist_ok=False):
    names = os.listdir(src)
    ignored = ignore(os.fspath(src), names) if ignore is not None else set()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    for name in names:
        if name in ignored:
            continue
        s, d = os.path.join(src, name), os.path.join(dst, name)
        try:
            if os.path.islink(s) and symlinks:
                os.symlink(os.readlink(s), d)
            elif os.path.islink(s) and not os.path.exists(s):
                if ignore_dangling_symlinks:
                    continue
                copy_function(s, d)
            elif os.path.isdir(s):
                copytree(s, d, symlinks, ignore, copy_function, ignore_dangling_symlinks, dirs_exist_ok)
            else:
                copy_function(s, d)
        except Error as err:
            # A subtree's failures, gathered into this one's.
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((s, d, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        errors.append((src, dst, str(why)))
    if errors:
        raise Error(errors)
    return dst


def rmtree(path, ignore_errors=False, onerror=None, *, onexc=None, dir_fd=None):
    path = os.fspath(path)

    def fail(fn, p, e):
        if ignore_errors:
            return
        if onexc is not None:
            onexc(fn, p, e)
        elif onerror is not None:
            onerror(fn, p, (type(e), e, None))
        else:
            raise e

    if os.path.islink(path):
        try:
            raise OSError("Cannot call rmtree on a symbolic link")
        except OSError as e:
            fail(os.path.islink, path, e)
            return
    try:
        names = os.listdir(path)
    except OSError as e:
        fail(os.listdir, path, e)
        return
    for name in names:
        p = os.path.join(path, name)
        if os.path.isdir(p) and not os.path.islink(p):
            rmtree(p, ignore_errors, onerror, onexc=onexc)
        else:
            try:
                os.unlink(p)
            except OSError as e:
                fail(os.unlink, p, e)
    try:
        os.rmdir(path)
    except OSError as e:
        fail(os.rmdir, path, e)


def move(src, dst, copy_function=copy2):
    src, real_dst = os.fspath(src), dst
    if os.path.isdir(dst):
        real_dst = os.path.join(dst, os.path.basename(src.rstrip("/")))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        os.rename(src, real_dst)
    except OSError:
        # Another file system (or rename refused): copy, then remove.
        if os.path.islink(src):
            os.symlink(os.readlink(src), real_dst)
            os.unlink(src)
        elif os.path.isdir(src):
            copytree(src, real_dst, copy_function=copy_function, symlinks=True)
            rmtree(src)
        else:
            copy_function(src, real_dst)
            os.unlink(src)
    return real_dst


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    # A file (not a directory) that os.access allows mode on.
    def ok(p):
        return os.path.exists(p) and not os.path.isdir(p) and os.access(p, mode)
    if os.path.dirname(cmd):
        return cmd if ok(cmd) else None
    if path is None:
        path = os.environ.get("PATH", None)
        if path is None:
            path = os.defpath
    if not path:
        return None
    seen = set()
    for d in os.fspath(path).split(os.pathsep):
        if d in seen:
            continue
        seen.add(d)
        p = os.path.join(d, cmd)
        if ok(p):
            return p
    return None


class _ntuple_diskusage(tuple):
    # A namedtuple in CPython: usage(total=..., used=..., free=...).
    _fields = ("total", "used", "free")

    def __new__(cls, total, used, free):
        return tuple.__new__(cls, (total, used, free))

    total = property(lambda s: s[0])
    used = property(lambda s: s[1])
    free = property(lambda s: s[2])

    def __repr__(self):
        return "usage(total=%r, used=%r, free=%r)" % tuple(self)


_ntuple_diskusage.__name__ = _ntuple_diskusage.__qualname__ = "usage"


def disk_usage(path):
    return _ntuple_diskusage(*_disk_usage(os.fspath(path)))


def get_terminal_size(fallback=(80, 24)):
    # $COLUMNS and $LINES first, then the terminal on stdout, then fallback.
    import sys
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ["LINES"])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())
        except (AttributeError, ValueError, OSError):
            size = os.terminal_size(fallback)
        if columns <= 0:
            columns = size.columns or fallback[0]
        if lines <= 0:
            lines = size.lines or fallback[1]
    return os.terminal_size((columns, lines))


class ReadError(OSError):
    pass


class RegistryError(Exception):
    pass


def get_archive_formats():
    # Only zip: minipy has no tarfile.
    return [("zip", "ZIP file")]


def get_unpack_formats():
    return [("zip", [".zip"], "ZIP file")]


def make_archive(base_name, format, root_dir=None, base_dir=None, verbose=0, dry_run=0, owner=None,
                 group=None, logger=None):
    if format != "zip":
        raise ValueError("unknown archive format '%s'" % format)
    import zipfile
    base_name = os.fspath(base_name)
    root_dir = os.fspath(root_dir) if root_dir is not None else os.curdir
    base_dir = os.fspath(base_dir) if base_dir is not None else os.curdir
    archive = os.path.abspath(base_name + ".zip")
    start = os.path.join(root_dir, base_dir)
    if dry_run:
        return archive
    archive_dir = os.path.dirname(archive)
    if archive_dir and not os.path.exists(archive_dir):
        os.makedirs(archive_dir)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        top = os.path.normpath(base_dir)
        if top != os.curdir:
            zf.write(start, top)
        for dirpath, dirnames, filenames in os.walk(start):
            dirnames.sort()
            rel_dir = os.path.normpath(os.path.join(base_dir, os.path.relpath(dirpath, start)))
            for name in sorted(dirnames):
                arc = os.path.normpath(os.path.join(rel_dir, name))
                zf.write(os.path.join(dirpath, name), arc)
            for name in sorted(filenames):
                p = os.path.join(dirpath, name)
                if os.path.isfile(p):
                    zf.write(p, os.path.normpath(os.path.join(rel_dir, name)))
    return archive


def unpack_archive(filename, extract_dir=None, format=None, *, filter=None):
    filename = os.fspath(filename)
    if extract_dir is None:
        extract_dir = os.getcwd()
    if format is None:
        if not filename.endswith(".zip"):
            raise ReadError("Unknown archive format '%s'" % filename)
        format = "zip"
    if format != "zip":
        raise ValueError("Unknown unpack format '%s'" % format)
    import zipfile
    if not zipfile.is_zipfile(filename):
        raise ReadError("%s is not a zip file" % filename)
    with zipfile.ZipFile(filename) as zf:
        zf.extractall(extract_dir)
