# The shlex module for minipy, written for it: split (POSIX shell words:
# quotes, backslash escapes, optional # comments), quote and join. No
# shlex class.

import re as _re

__all__ = ["split", "quote", "join"]

_unsafe = _re.compile(r"[^\w@%+=:,./-]", _re.ASCII)


def quote(s):
    if not s:
        return "''"
    if not isinstance(s, str):
        raise TypeError("expected string object, got %r" % type(s).__name__)
    if _unsafe.search(s) is None:
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def join(split_command):
    return " ".join(quote(a) for a in split_command)


def split(s, comments=False, posix=True):
    if s is None:
        raise ValueError("s argument must not be None")
    out = []
    tok = ""
    state = None  # None between words, "w" in a word, or the open quote
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if state is None or state == "w":
            if c in " \t\r\n":
                if state == "w":
                    out.append(tok)
                    tok = ""
                    state = None
            elif comments and c == "#":
                while i < n and s[i] != "\n":
                    i += 1
                if state == "w":
                    out.append(tok)
                    tok = ""
                    state = None
            elif c == "\\" and posix:
                if i + 1 >= n:
                    raise ValueError("No escaped character")
                i += 1
                tok += s[i]
                state = "w"
            elif c in "'\"":
                if not posix:
                    tok += c
                state = c
            else:
                tok += c
                state = "w"
        elif c == state:
            if not posix:
                tok += c
            state = "w"
        elif state == '"' and c == "\\" and posix:
            if i + 1 >= n:
                raise ValueError("No escaped character")
            i += 1
            if s[i] in "\"\\":
                tok += s[i]
            else:
                tok += "\\" + s[i]
        else:
            tok += c
        i += 1
    if state is not None and state != "w":
        raise ValueError("No closing quotation")
    if state == "w":
        out.append(tok)
    return out
