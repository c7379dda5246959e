# textwrap for minipy: TextWrapper and the wrap/fill/shorten shortcuts.
# dedent and indent are native (mod_textwrap.go) and join this namespace.
#
# Wrapping runs in three steps, each a method a subclass may replace:
# _munge_whitespace (tabs and other blanks to spaces), _split (the text cut
# into chunks: runs of blanks, words, and pieces of hyphenated words) and
# _wrap_chunks (chunks packed greedily into lines of at most width columns).

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

# Only the ASCII blanks separate words; other Unicode spaces stay in words.
_BLANKS = "\t\n\x0b\x0c\r "
_BLANKS_TO_SPACE = {ord(c): " " for c in _BLANKS}

# Besides word characters, the punctuation that may stand just before an
# em-dash ("--") for the dash to be split off the words around it.
_DASH_LEADERS = "!\"'&.,?"


def _wordchar(c):
    return c.isalnum() or c == "_"


def _letter(c):
    # A word character that is not a decimal digit.
    return (c.isalnum() or c == "_") and not c.isdecimal()


def _blank(chunk):
    return chunk.strip() == ""


def _hyphen_cuts(word):
    """Where a word with hyphens may be cut, as offsets into it.

    A single hyphen ends a piece when a letter pair (or letter, hyphen,
    letter) comes before it and a letter pair (or letter, hyphen, letter)
    after it: 'well-known' gives 'well-' and 'known', while 'x-ray' and
    'A-1' stay whole. A run of two or more hyphens between words is an
    em-dash and becomes a piece of its own.
    """
    cuts = []
    n = len(word)
    at = word.find("-")
    while at >= 0:
        stop = at + 1
        while stop < n and word[stop] == "-":
            stop += 1
        if stop - at > 1:
            if (at > 0 and stop < n and _wordchar(word[stop])
                    and (_wordchar(word[at - 1]) or word[at - 1] in _DASH_LEADERS)):
                cuts.append(at)
                cuts.append(stop)
        elif at >= 2 and stop + 1 < n:
            left = _letter(word[at - 1]) and (
                _letter(word[at - 2])
                or (at >= 3 and word[at - 2] == "-" and _letter(word[at - 3])))
            right = _letter(word[stop]) and (
                _letter(word[stop + 1])
                or (word[stop + 1] == "-" and stop + 2 < n and _letter(word[stop + 2])))
            if left and right:
                cuts.append(stop)
        at = word.find("-", stop)
    return cuts


def _ends_sentence(chunk):
    # A lower-case ASCII letter, then '.', '!' or '?', then maybe a quote.
    if chunk[-1:] in ("'", '"'):
        chunk = chunk[:-1]
    return (len(chunk) >= 2 and chunk[-1] in ".!?"
            and "a" <= chunk[-2] <= "z")


class TextWrapper:
    """Wraps paragraphs of text into lines; the keyword arguments of the
    constructor are its attributes and may be changed between calls."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8,
                 *, max_lines=None, placeholder=" [...]"):
        # Every option is a plain attribute, read afresh by each wrap().
        self.__dict__.update(
            width=width, initial_indent=initial_indent,
            subsequent_indent=subsequent_indent, expand_tabs=expand_tabs,
            replace_whitespace=replace_whitespace,
            fix_sentence_endings=fix_sentence_endings,
            break_long_words=break_long_words, drop_whitespace=drop_whitespace,
            break_on_hyphens=break_on_hyphens, tabsize=tabsize,
            max_lines=max_lines, placeholder=placeholder)

    # -- step 1: blanks --------------------------------------------------

    def _munge_whitespace(self, text):
        out = text.expandtabs(self.tabsize) if self.expand_tabs else text
        return out.translate(_BLANKS_TO_SPACE) if self.replace_whitespace else out

    # -- step 2: chunks --------------------------------------------------

    def _split(self, text):
        """text cut into chunks; joined again they give text back."""
        chunks = []
        pos, end = 0, len(text)
        while pos < end:
            in_blank = text[pos] in _BLANKS
            nxt = pos + 1
            while nxt < end and (text[nxt] in _BLANKS) == in_blank:
                nxt += 1
            run = text[pos:nxt]
            pos = nxt
            if in_blank or not self.break_on_hyphens or "-" not in run:
                chunks.append(run)
                continue
            start = 0
            for cut in _hyphen_cuts(run):
                if cut > start:
                    chunks.append(run[start:cut])
                    start = cut
            chunks.append(run[start:])
        return chunks

    def _fix_sentence_endings(self, chunks):
        """Widen the single space after a sentence's end to two, in place."""
        for i in range(len(chunks) - 1):
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    # -- step 3: lines ---------------------------------------------------

    def _handle_long_word(self, todo, line, used, width):
        """Deal with the next chunk (todo[-1]), which is wider than a whole
        line: move as much of it as fits onto line, or the whole of it onto
        an empty line when long words stay whole."""
        word = todo[-1]
        if not self.break_long_words:
            if not line:
                line.append(todo.pop())
            return
        room = width - used if width >= 1 else 1
        cut = room
        if self.break_on_hyphens and len(word) > room:
            # Prefer to cut just after the last hyphen that fits, unless
            # nothing but hyphens would come before it.
            dash = word.rfind("-", 0, room)
            if dash > 0 and word[:dash].strip("-"):
                cut = dash + 1
        line.append(word[:cut])
        todo[-1] = word[cut:]

    def _check_limits(self):
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is None:
            return
        lead = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
        if len(lead) + len(self.placeholder.lstrip()) > self.width:
            raise ValueError("placeholder too large for max width")

    def _wrap_chunks(self, chunks):
        """The lines chunks make: each one at most width columns, indent
        included, unless a word may not be broken."""
        self._check_limits()
        todo = chunks[::-1]  # the next chunk is todo[-1]
        lines = []
        while todo:
            lead = self.subsequent_indent if lines else self.initial_indent
            room = self.width - len(lead)
            # Blanks are dropped at the start of every line but the first.
            if lines and self.drop_whitespace and _blank(todo[-1]):
                todo.pop()
            line, used = [], 0
            while todo and used + len(todo[-1]) <= room:
                used += len(todo[-1])
                line.append(todo.pop())
            if todo and len(todo[-1]) > room:
                self._handle_long_word(todo, line, used, room)
                used = sum(map(len, line))
            if self.drop_whitespace and line and _blank(line[-1]):
                used -= len(line.pop())
            if not line:
                continue
            if self._room_for_more(lines, todo, used, room):
                lines.append(lead + "".join(line))
            else:
                self._cut_short(lines, line, used, room, lead)
                break
        return lines

    def _room_for_more(self, lines, todo, used, room):
        # May this line be emitted as it is, without the placeholder?
        if self.max_lines is None or len(lines) + 1 < self.max_lines:
            return True
        rest_blank = not todo or (self.drop_whitespace and len(todo) == 1
                                  and _blank(todo[0]))
        return rest_blank and used <= room

    def _cut_short(self, lines, line, used, room, lead):
        # The text goes on past max_lines: end with the placeholder, on this
        # line after dropping chunks until it fits, else on the line before.
        mark = self.placeholder
        while line:
            if not _blank(line[-1]) and used + len(mark) <= room:
                lines.append(lead + "".join(line) + mark)
                return
            used -= len(line.pop())
        if lines:
            before = lines[-1].rstrip()
            if len(before) + len(mark) <= self.width:
                lines[-1] = before + mark
                return
        lines.append(lead + mark.lstrip())

    # -- the public face -------------------------------------------------

    def wrap(self, text):
        """text as a list of lines, without their newlines."""
        pieces = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(pieces)
        return self._wrap_chunks(pieces)

    def fill(self, text):
        """text wrapped into one string of newline-separated lines."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """textwrap.TextWrapper(width=width, **kwargs).wrap(text)"""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """textwrap.TextWrapper(width=width, **kwargs).fill(text)"""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """text with its blanks collapsed, cut to one line of width columns
    ending in the placeholder when it does not fit whole."""
    collapsed = " ".join(text.split())
    return TextWrapper(width=width, max_lines=1, **kwargs).fill(collapsed)
