# The textwrap module for minipy, written for it: TextWrapper (splitting
# text into words, white space and hyphenated parts the way CPython does,
# then filling lines greedily), wrap, fill and shorten over it. dedent and
# indent are Go functions (mod_textwrap.go) put in this namespace.

import re as _re

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

# Only ASCII white space is white space to textwrap.
_ws = "\t\n\x0b\x0c\r "
_to_space = {ord(c): " " for c in _ws}

# A chunk is a run of white space, an em-dash between words, or a word up
# to its end, up to a hyphen between letters, or up to an em-dash.
_word_punct = r"[\w!\"'&.,?]"
_letter = r"[^\d\W]"
_space = r"[\t\n\x0b\x0c\r ]"
_nonspace = r"[^\t\n\x0b\x0c\r ]"
_chunk_re = _re.compile(
    "(" + _space + "+"
    + "|(?<=" + _word_punct + ")-{2,}(?=\\w)"
    + "|" + _nonspace + "+?(?:"
    + "-(?:(?<=" + _letter + "{2}-)|(?<=" + _letter + "-" + _letter + "-))(?=" + _letter + "-?" + _letter + ")"
    + "|(?=" + _space + "|\\Z)"
    + "|(?<=" + _word_punct + ")(?=-{2,}\\w)"
    + "))")
_simple_re = _re.compile("(" + _space + "+)")
_sentence_end_re = _re.compile(r"[a-z][\.\!\?][\"\']?\Z")


class TextWrapper:
    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(_to_space)
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            chunks = _chunk_re.split(text)
        else:
            chunks = _simple_re.split(text)
        return [c for c in chunks if c]

    def _fix_sentence_endings(self, chunks):
        # Two spaces after a sentence's end, as typewriters had it.
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _sentence_end_re.search(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, chunks, line, line_len, width):
        # chunks is reversed: its last is the word too long for a line.
        room = 1 if width < 1 else width - line_len
        if self.break_long_words:
            end = room
            word = chunks[-1]
            if self.break_on_hyphens and len(word) > room:
                # Break after the last hyphen that fits, unless only
                # hyphens come before it.
                h = word.rfind("-", 0, room)
                if h > 0 and any(c != "-" for c in word[:h]):
                    end = h + 1
            line.append(word[:end])
            chunks[-1] = word[end:]
        elif not line:
            line.append(chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            line = []
            line_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                n = len(chunks[-1])
                if line_len + n > width:
                    break
                line.append(chunks.pop())
                line_len += n
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, line, line_len, width)
                line_len = sum(len(c) for c in line)
            if self.drop_whitespace and line and line[-1].strip() == "":
                line_len -= len(line[-1])
                del line[-1]
            if not line:
                continue
            if self.max_lines is None or len(lines) + 1 < self.max_lines or \
                    (not chunks or self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip()) and \
                    line_len <= width:
                lines.append(indent + "".join(line))
                continue
            # The last line allowed: end it with the placeholder where it
            # fits after a word, else on the line before, else alone.
            while line:
                if line[-1].strip() and line_len + len(self.placeholder) <= width:
                    line.append(self.placeholder)
                    lines.append(indent + "".join(line))
                    break
                line_len -= len(line[-1])
                del line[-1]
            else:
                if lines:
                    prev = lines[-1].rstrip()
                    if len(prev) + len(self.placeholder) <= self.width:
                        lines[-1] = prev + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))
