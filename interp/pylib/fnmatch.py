# fnmatch for minipy: shell-style wildcards (*, ?, [seq], [!seq])
# translated to regular expressions, as CPython's fnmatch does.
import re as _re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}


def translate(pat):
    i, n = 0, len(pat)
    res = []
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not res or res[-1] != ".*":
                res.append(".*")
        elif c == "?":
            res.append(".")
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                res.append("\\[")
            else:
                stuff = pat[i:j].replace("\\", "\\\\")
                i = j + 1
                if stuff[0] == "!":
                    stuff = "^" + stuff[1:]
                elif stuff[0] in ("^", "["):
                    stuff = "\\" + stuff
                res.append("[" + stuff + "]")
        else:
            res.append(_re.escape(c))
    return "(?s:" + "".join(res) + r")\Z"


def _compile(pat):
    r = _cache.get(pat)
    if r is None:
        r = _cache[pat] = _re.compile(translate(pat))
    return r


def fnmatchcase(name, pat):
    return _compile(pat).match(name) is not None


def fnmatch(name, pat):
    return fnmatchcase(name, pat)


def filter(names, pat):
    m = _compile(pat)
    return [n for n in names if m.match(n) is not None]
