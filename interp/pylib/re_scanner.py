# re.Scanner, compiled on first access to it (mod_re.go): most programs
# never touch it. _compile is re.compile, handed in.


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
