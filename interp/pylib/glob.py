# glob for minipy: pathnames matching shell wildcards, over os.listdir
# and fnmatch ("**" with recursive=True), in the order listdir gives.
import os
import fnmatch

__all__ = ["glob", "iglob", "escape", "has_magic"]


def has_magic(s):
    return any(c in s for c in "*?[")


def escape(pathname):
    drive, rest = "", pathname
    out = []
    for c in rest:
        out.append("[" + c + "]" if c in "*?[" else c)
    return drive + "".join(out)


def _hidden(name):
    return name.startswith(".")


def _list(d, dirs_only=False, include_hidden=False):
    try:
        names = os.listdir(d or ".")
    except OSError:
        return []
    out = []
    for n in names:
        if not include_hidden and _hidden(n):
            continue
        if dirs_only and not os.path.isdir(os.path.join(d, n)):
            continue
        out.append(n)
    return out


def _rlist(d, include_hidden):
    """d's descendants relative to d, directories before their contents."""
    out = []
    for n in _list(d, False, include_hidden):
        out.append(n)
        p = os.path.join(d, n)
        if os.path.isdir(p) and not os.path.islink(p):
            for sub in _rlist(p, include_hidden):
                out.append(os.path.join(n, sub))
    return out


def _glob(pathname, recursive, include_hidden, dironly=False):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if os.path.lexists(pathname):
                yield pathname
        elif os.path.isdir(dirname):
            yield pathname
        return
    if not dirname:
        for name in _match(dirname, basename, recursive, include_hidden, dironly):
            # A bare "**" does not name the current directory, but as the
            # directories of "**/x" it does: "x" itself may match.
            if name or dironly:
                yield name
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _glob(dirname, recursive, include_hidden, True)
    else:
        dirs = [dirname]
    for d in dirs:
        for name in _match(d, basename, recursive, include_hidden, dironly):
            yield os.path.join(d, name)


def _match(d, pattern, recursive, include_hidden, dironly):
    if recursive and pattern == "**":
        # "" stands for d itself, which matches only when it is a directory.
        res = [""] if os.path.isdir(d or ".") else []
        for n in _rlist(d, include_hidden):
            if not dironly or os.path.isdir(os.path.join(d, n)):
                res.append(n)
        return res
    if not has_magic(pattern):
        if (pattern and os.path.lexists(os.path.join(d, pattern))) or (not pattern and os.path.isdir(d)):
            return [pattern]
        return []
    names = _list(d, dironly, include_hidden or _hidden(pattern))
    return fnmatch.filter(names, pattern)


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    if root_dir is not None:
        # Names relative to root_dir as the pattern spells them (a
        # trailing / kept); an absolute pattern's stay absolute.
        root_dir = os.fspath(root_dir)
        prefix = os.path.join(root_dir, "")
        for p in _glob(os.path.join(root_dir, pathname), recursive, include_hidden):
            if os.path.isabs(pathname) or not p.startswith(prefix):
                yield p
            elif p[len(prefix):]:
                yield p[len(prefix):]
        return
    for p in _glob(pathname, recursive, include_hidden):
        yield p


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, recursive=recursive, include_hidden=include_hidden))
