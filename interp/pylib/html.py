# html for minipy, written for it: escape, and unescape of named, decimal
# and hexadecimal character references (the named ones and the rules for
# numeric ones from Go's HTML5 table, through _unescape).

__all__ = ["escape", "unescape"]


def escape(s, quote=True):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;").replace("'", "&#x27;")
    return s


def unescape(s):
    if "&" not in s:
        return s
    return _unescape(s)
