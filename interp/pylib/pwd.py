# pwd (and, through _structseq and _records, grp): the password and group
# databases, read from /etc/passwd and /etc/group as the C library's
# "files" source reads them (no NIS, LDAP or macOS Directory Services).


def _structseq(qualname, fields):
    """A tuple type with a name for each item, as CPython's structseq
    types are: pwd.struct_passwd(pw_name='root', ...)."""
    module, _, name = qualname.rpartition(".")

    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) != len(fields):
            raise TypeError(f"{qualname}() takes a {len(fields)}-sequence ({len(seq)}-sequence given)")
        return tuple.__new__(cls, seq)

    def __repr__(self):
        return qualname + "(" + ", ".join(f"{f}={v!r}" for f, v in zip(fields, self)) + ")"

    ns = {"__new__": __new__, "__repr__": __repr__, "__module__": module,
          "n_fields": len(fields), "n_sequence_fields": len(fields), "n_unnamed_fields": 0}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self[i])
    return type(name, (tuple,), ns)


def _records(path, nfields):
    """The lines of a colon-separated database, split, skipping comments,
    blank lines and NIS '+'/'-' entries."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            lines = f.read().splitlines()
    except OSError:
        return []
    out = []
    for line in lines:
        if not line or line[0] in "#+-":
            continue
        parts = line.split(":")
        if len(parts) == nfields:
            out.append(parts)
    return out


def _by_name(fn, entries, name):
    """The entry named name (pwd's and grp's entries start with it)."""
    if not isinstance(name, str):
        raise TypeError(f"{fn}() argument must be str, not {type(name).__name__}")
    if "\0" in name:
        raise ValueError("embedded null byte")
    for e in entries:
        if e[0] == name:
            return e
    raise KeyError(f"{fn}(): name not found: {name!r}")


def _by_id(fn, kind, entries, n):
    """The entry with id n (the third item of pwd's and grp's entries)."""
    if not isinstance(n, int):
        raise TypeError(f"{kind} should be integer, not {type(n).__name__}")
    for e in entries:
        if e[2] == n:
            return e
    if n < 0:
        # Not an id_t at all: CPython does not say the number.
        raise KeyError(f"{fn}(): {kind} not found")
    raise KeyError(f"{fn}(): {kind} not found: {n}")


struct_passwd = _structseq("pwd.struct_passwd", (
    "pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"))


def getpwall():
    out = []
    for name, passwd, uid, gid, gecos, home, shell in _records("/etc/passwd", 7):
        try:
            out.append(struct_passwd((name, passwd, int(uid), int(gid), gecos, home, shell)))
        except ValueError:
            pass    # a malformed line: the C library skips it too
    return out


def getpwnam(name):
    return _by_name("getpwnam", getpwall(), name)


def getpwuid(uid):
    return _by_id("getpwuid", "uid", getpwall(), uid)


_exported = ("_structseq", "_records", "_by_name", "_by_id")
