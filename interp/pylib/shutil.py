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


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2, ignore_dangling_symlinks=False,
             dirs_exist_ok=False):
    names = os.listdir(src)
    ignored = ignore(os.fspath(src), names) if ignore is not None else set()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    for name in names:
        if name in ignored:
            continue
        s, d = os.path.join(src, name), os.path.join(dst, name)
        if os.path.isdir(s):
            copytree(s, d, symlinks, ignore, copy_function, ignore_dangling_symlinks, dirs_exist_ok)
        else:
            copy_function(s, d)
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
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src.rstrip("/")))
        if os.path.exists(dst):
            raise Error("Destination path '%s' already exists" % dst)
    os.rename(src, dst)
    return dst


def which(cmd, mode=1, path=None):
    if os.path.dirname(cmd):
        return cmd if os.path.isfile(cmd) else None
    for d in (path or os.environ.get("PATH", os.defpath)).split(os.pathsep):
        p = os.path.join(d, cmd)
        if os.path.isfile(p):
            return p
    return None
