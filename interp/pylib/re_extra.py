# The part of re written in Python that every import runs: the RegexFlag
# class the flag constants are members of. Scanner is re_scanner.py, and
# the matching Go's (mod_re.go).

import enum


class RegexFlag(enum.IntFlag):
    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    UNICODE = U = 32
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    DEBUG = 128

    # Shown as the module's globals they also are: re.IGNORECASE|re.DOTALL,
    # with bits no member has as one hex number at the end.
    def __repr__(self):
        rest = int(self)
        if rest == 0:
            return 're.NOFLAG'
        parts = []
        for flag in _FLAG_ORDER:
            if rest & flag:
                parts.append('re.' + _FLAG_NAMES[flag])
                rest &= ~flag
        if rest:
            parts.append(hex(rest))
        return '|'.join(parts)

    __str__ = __repr__

    # An empty spec shows the name; any other formats the number.
    def __format__(self, spec):
        if not spec:
            return str(self)
        return format(int(self), spec)


_FLAG_ORDER = (256, 2, 4, 32, 8, 16, 64, 128)
_FLAG_NAMES = {256: 'ASCII', 2: 'IGNORECASE', 4: 'LOCALE', 32: 'UNICODE',
               8: 'MULTILINE', 16: 'DOTALL', 64: 'VERBOSE', 128: 'DEBUG'}
