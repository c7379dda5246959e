# The parts of re written in Python: the RegexFlag class the flag
# constants are members of, and Scanner. The matching itself is Go's
# (mod_re.go), handed in as _compile.

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


class Scanner:
    """Splits a string into tokens by a lexicon of (pattern, action)
    pairs, trying them as one alternation at each position."""

    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        alternatives = []
        # Outer group number of each entry, past any groups of its own.
        self._entry_of_group = {}
        group = 1
        for index, (phrase, _action) in enumerate(lexicon):
            self._entry_of_group[group] = index
            alternatives.append('(' + phrase + ')')
            group += 1 + _compile(phrase, flags).groups
        self.scanner = _compile('|'.join(alternatives), flags)

    def scan(self, string):
        tokens = []
        pos = 0
        # Stops at the first place no entry matches, or one matches empty.
        while (m := self.scanner.match(string, pos)) is not None and m.end() > pos:
            token = self._token_of(m)
            if token is not None:
                tokens.append(token)
            pos = m.end()
        return tokens, string[pos:]

    def _token_of(self, m):
        action = self.lexicon[self._entry_of_group[m.lastindex]][1]
        if not callable(action):
            return action
        self.match = m
        return action(self, m.group())
