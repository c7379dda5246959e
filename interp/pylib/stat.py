# stat for minipy: the constants and tests over st_mode that CPython's
# stat module has (POSIX values, which Linux and macOS share).

ST_MODE, ST_INO, ST_DEV, ST_NLINK, ST_UID, ST_GID, ST_SIZE, ST_ATIME, ST_MTIME, ST_CTIME = range(10)

S_IFDIR = 0o040000
S_IFCHR = 0o020000
S_IFBLK = 0o060000
S_IFREG = 0o100000
S_IFIFO = 0o010000
S_IFLNK = 0o120000
S_IFSOCK = 0o140000
S_IFDOOR = 0
S_IFPORT = 0
S_IFWHT = 0

S_ISUID = 0o4000
S_ISGID = 0o2000
S_ENFMT = S_ISGID
S_ISVTX = 0o1000
S_IREAD = 0o400
S_IWRITE = 0o200
S_IEXEC = 0o100
S_IRWXU = 0o700
S_IRUSR = 0o400
S_IWUSR = 0o200
S_IXUSR = 0o100
S_IRWXG = 0o070
S_IRGRP = 0o040
S_IWGRP = 0o020
S_IXGRP = 0o010
S_IRWXO = 0o007
S_IROTH = 0o004
S_IWOTH = 0o002
S_IXOTH = 0o001

UF_NODUMP = 0x00000001
UF_IMMUTABLE = 0x00000002
UF_APPEND = 0x00000004
UF_OPAQUE = 0x00000008
UF_NOUNLINK = 0x00000010
UF_COMPRESSED = 0x00000020
UF_HIDDEN = 0x00008000
SF_ARCHIVED = 0x00010000
SF_IMMUTABLE = 0x00020000
SF_APPEND = 0x00040000
SF_NOUNLINK = 0x00100000
SF_SNAPSHOT = 0x00200000


def S_IMODE(mode):
    return mode & 0o7777


def S_IFMT(mode):
    return mode & 0o170000


def S_ISDIR(mode):
    return S_IFMT(mode) == S_IFDIR


def S_ISCHR(mode):
    return S_IFMT(mode) == S_IFCHR


def S_ISBLK(mode):
    return S_IFMT(mode) == S_IFBLK


def S_ISREG(mode):
    return S_IFMT(mode) == S_IFREG


def S_ISFIFO(mode):
    return S_IFMT(mode) == S_IFIFO


def S_ISLNK(mode):
    return S_IFMT(mode) == S_IFLNK


def S_ISSOCK(mode):
    return S_IFMT(mode) == S_IFSOCK


def S_ISDOOR(mode):
    return False


def S_ISPORT(mode):
    return False


def S_ISWHT(mode):
    return False


_KINDS = ((S_IFLNK, "l"), (S_IFSOCK, "s"), (S_IFREG, "-"), (S_IFBLK, "b"),
          (S_IFDIR, "d"), (S_IFCHR, "c"), (S_IFIFO, "p"))


def filemode(mode):
    """'-rwxr-xr-x' from a file's mode, as ls -l shows it."""
    kind = "?"
    for bits, ch in _KINDS:
        if S_IFMT(mode) == bits:
            kind = ch
            break
    out = [kind]
    # (read bit, write bit, execute bit, special bit, special letter)
    for r, w, x, special, letter in ((S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, "s"),
                                     (S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, "s"),
                                     (S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, "t")):
        out.append("r" if mode & r else "-")
        out.append("w" if mode & w else "-")
        if mode & special:
            out.append(letter if mode & x else letter.upper())
        else:
            out.append("x" if mode & x else "-")
    return "".join(out)
