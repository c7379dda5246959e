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


def _name_arg(fn, name):
    if not isinstance(name, str):
        raise TypeError(f"{fn}() argument must be str, not {type(name).__name__}")
    if "\0" in name:
        raise ValueError("embedded null byte")
    return name


def _id_arg(kind, n):
    if not isinstance(n, int):
        raise TypeError(f"{kind} should be integer, not {type(n).__name__}")
    return n


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
    name = _name_arg("getpwnam", name)
    for p in getpwall():
        if p.pw_name == name:
            return p
    raise KeyError(f"getpwnam(): name not found: {name!r}")


def getpwuid(uid):
    uid = _id_arg("uid", uid)
    for p in getpwall():
        if p.pw_uid == uid:
            return p
    if uid < 0:
        raise KeyError("getpwuid(): uid not found")
    raise KeyError(f"getpwuid(): uid not found: {uid}")


_exported = ("_structseq", "_records", "_name_arg", "_id_arg")
