# grp: the group database from /etc/group (pwd.py reads the files).

from pwd import _structseq, _records, _by_name, _by_id

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
    return _by_name("getgrnam", getgrall(), name)


def getgrgid(gid):
    return _by_id("getgrgid", "gid", getgrall(), gid)
