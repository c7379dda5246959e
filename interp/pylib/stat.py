# stat for minipy: names for the bits of st_mode and of st_flags, and the
# predicates over them. The values are the POSIX ones Linux and macOS share;
# types a system lacks (doors, event ports, whiteouts) are 0 and never match.

# Indexes into the old 10-tuple form of os.stat's result.
(ST_MODE, ST_INO, ST_DEV, ST_NLINK, ST_UID,
 ST_GID, ST_SIZE, ST_ATIME, ST_MTIME, ST_CTIME) = range(10)

# File types: the four bits under 0o170000.
_TYPE_MASK = 0o170000
S_IFIFO = 0o010000
S_IFCHR = 0o020000
S_IFDIR = 0o040000
S_IFBLK = 0o060000
S_IFREG = 0o100000
S_IFLNK = 0o120000
S_IFSOCK = 0o140000
S_IFDOOR = S_IFPORT = S_IFWHT = 0

# Permission bits: read/write/execute for the owner (shift 6), the group
# (shift 3) and everyone else (shift 0), under set-id and sticky bits.
S_IRWXU, S_IRUSR, S_IWUSR, S_IXUSR = 7 << 6, 4 << 6, 2 << 6, 1 << 6
S_IRWXG, S_IRGRP, S_IWGRP, S_IXGRP = 7 << 3, 4 << 3, 2 << 3, 1 << 3
S_IRWXO, S_IROTH, S_IWOTH, S_IXOTH = 7, 4, 2, 1
S_ISUID, S_ISGID, S_ISVTX = 0o4000, 0o2000, 0o1000
S_ENFMT = S_ISGID
S_IREAD, S_IWRITE, S_IEXEC = S_IRUSR, S_IWUSR, S_IXUSR

# BSD/macOS st_flags: the owner may set the low half, only root the high.
UF_SETTABLE = 0x0000FFFF
UF_NODUMP = 0x1
UF_IMMUTABLE = 0x2
UF_APPEND = 0x4
UF_OPAQUE = 0x8
UF_NOUNLINK = 0x10
UF_COMPRESSED = 0x20
UF_TRACKED = 0x40
UF_DATAVAULT = 0x80
UF_HIDDEN = 0x8000
SF_SETTABLE = 0xFFFF0000
SF_ARCHIVED = 0x10000
SF_IMMUTABLE = 0x20000
SF_APPEND = 0x40000
SF_RESTRICTED = 0x80000
SF_NOUNLINK = 0x100000
SF_SNAPSHOT = 0x200000
SF_FIRMLINK = 0x800000
SF_DATALESS = 0x40000000

# Windows' st_file_attributes, defined everywhere as CPython does.
FILE_ATTRIBUTE_READONLY = 0x1
FILE_ATTRIBUTE_HIDDEN = 0x2
FILE_ATTRIBUTE_SYSTEM = 0x4
FILE_ATTRIBUTE_DIRECTORY = 0x10
FILE_ATTRIBUTE_ARCHIVE = 0x20
FILE_ATTRIBUTE_DEVICE = 0x40
FILE_ATTRIBUTE_NORMAL = 0x80
FILE_ATTRIBUTE_TEMPORARY = 0x100
FILE_ATTRIBUTE_SPARSE_FILE = 0x200
FILE_ATTRIBUTE_REPARSE_POINT = 0x400
FILE_ATTRIBUTE_COMPRESSED = 0x800
FILE_ATTRIBUTE_OFFLINE = 0x1000
FILE_ATTRIBUTE_NOT_CONTENT_INDEXED = 0x2000
FILE_ATTRIBUTE_ENCRYPTED = 0x4000
FILE_ATTRIBUTE_INTEGRITY_STREAM = 0x8000
FILE_ATTRIBUTE_VIRTUAL = 0x10000
FILE_ATTRIBUTE_NO_SCRUB_DATA = 0x20000


def _checked(mode):
    # CPython's versions are C functions taking an unsigned mode_t.
    if not isinstance(mode, int):
        raise TypeError("an integer is required")
    if mode < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    return mode


def S_IMODE(mode):
    """The permission bits of mode (what chmod sets)."""
    return _checked(mode) & 0o7777


def S_IFMT(mode):
    """The file-type bits of mode."""
    return _checked(mode) & _TYPE_MASK


def S_ISDIR(mode):
    return _checked(mode) & _TYPE_MASK == S_IFDIR


def S_ISREG(mode):
    return _checked(mode) & _TYPE_MASK == S_IFREG


def S_ISLNK(mode):
    return _checked(mode) & _TYPE_MASK == S_IFLNK


def S_ISCHR(mode):
    return _checked(mode) & _TYPE_MASK == S_IFCHR


def S_ISBLK(mode):
    return _checked(mode) & _TYPE_MASK == S_IFBLK


def S_ISFIFO(mode):
    return _checked(mode) & _TYPE_MASK == S_IFIFO


def S_ISSOCK(mode):
    return _checked(mode) & _TYPE_MASK == S_IFSOCK


def S_ISDOOR(mode):
    _checked(mode)
    return False


def S_ISPORT(mode):
    _checked(mode)
    return False


def S_ISWHT(mode):
    _checked(mode)
    return False


# The letter ls shows first, by file type; any other type shows '?'.
_TYPE_LETTER = {S_IFREG: "-", S_IFDIR: "d", S_IFLNK: "l", S_IFCHR: "c",
                S_IFBLK: "b", S_IFIFO: "p", S_IFSOCK: "s"}


def _triplet(mode, shift, special, mark):
    # 'rwx' for one class of users; the special bit (set-id or sticky) takes
    # the execute column: lower-case when execute is also set, else upper.
    bits = (mode >> shift) & 7
    x = "x" if bits & 1 else "-"
    if mode & special:
        x = mark if bits & 1 else mark.upper()
    return ("r" if bits & 4 else "-") + ("w" if bits & 2 else "-") + x


def filemode(mode):
    """ls -l's ten-character text for mode, such as '-rwxr-xr-x'."""
    _checked(mode)
    return (_TYPE_LETTER.get(mode & _TYPE_MASK, "?")
            + _triplet(mode, 6, S_ISUID, "s")
            + _triplet(mode, 3, S_ISGID, "s")
            + _triplet(mode, 0, S_ISVTX, "t"))
