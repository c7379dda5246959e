# grp: the group database from /etc/group (pwd.py reads the files).

from pwd import _structseq, _records, _name_arg, _id_arg

struct_group = _structseq("grp.struct_group", ("gr_name", "gr_passwd", "gr_gid", "gr_mem"))


def getgrall():
    out = []
    for name, passwd, gid, members in _records("/etc/group", 4):
        try:
            out.append(struct_group((name, passwd, int(gid), [m for m in members.split(",") if m])))
        except ValueError:
            pass
    return out


def getgrnam(name):
    name = _name_arg("getgrnam", name)
    for g in getgrall():
        if g.gr_name == name:
            return g
    raise KeyError(f"getgrnam(): name not found: {name!r}")


def getgrgid(gid):
    gid = _id_arg("gid", gid)
    for g in getgrall():
        if g.gr_gid == gid:
            return g
    if gid < 0:
        raise KeyError("getgrgid(): gid not found")
    raise KeyError(f"getgrgid(): gid not found: {gid}")
