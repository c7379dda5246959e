# The difflib module for minipy, written for it: SequenceMatcher (the
# longest-matching-block recursion with CPython's junk and "popular
# element" rules, so that blocks, opcodes and ratios come out as
# CPython's), get_close_matches, Differ/ndiff/restore with 3.14's windowed
# search for similar line pairs, unified_diff and context_diff.
# HtmlDiff and diff_bytes are not here.

from collections import namedtuple as _namedtuple

__all__ = ["get_close_matches", "ndiff", "restore", "SequenceMatcher", "Differ", "IS_CHARACTER_JUNK",
           "IS_LINE_JUNK", "context_diff", "unified_diff", "Match"]

Match = _namedtuple("Match", "a b size")


def _similarity(matched, total):
    # Twice the matched elements over both lengths; two empty sequences
    # are identical.
    return 2.0 * matched / total if total else 1.0


class SequenceMatcher:
    """Finds the longest matching blocks of two sequences of hashables."""

    def __init__(self, isjunk=None, a="", b="", autojunk=True):
        self.isjunk, self.autojunk = isjunk, autojunk
        self.a = None
        self.b = None
        self.set_seqs(a, b)

    def set_seq1(self, a):
        """Replace the first sequence; what was learnt about b is kept."""
        if a is not self.a:
            self.a = a
            self.opcodes = self.matching_blocks = None

    def set_seq2(self, b):
        """Replace the second sequence, the one that is indexed."""
        if b is not self.b:
            self.b = b
            self.opcodes = self.matching_blocks = None
            self.fullbcount = None
            self._index_b()

    def set_seqs(self, a, b):
        """Compare a with b from now on."""
        self.set_seq1(a)
        self.set_seq2(b)

    # b2j maps each element of b to the ascending positions it occurs at,
    # leaving out junk (isjunk) and, for a b of 200 or more elements, the
    # "popular" ones: those found more than 1% of the time (plus one).
    def _index_b(self):
        places = {}
        for pos, item in enumerate(self.b):
            where = places.get(item)
            if where is None:
                places[item] = [pos]
            else:
                where.append(pos)
        judge = self.isjunk
        junk = {item for item in places if judge(item)} if judge else set()
        popular = set()
        size = len(self.b)
        if self.autojunk and size >= 200:
            most = size // 100 + 1
            popular = {item for item, where in places.items()
                       if len(where) > most and item not in junk}
        for dropped in (junk, popular):
            for item in dropped:
                del places[item]
        self.b2j, self.bjunk, self.bpopular = places, junk, popular

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        a, b, bjunk, places = self.a, self.b, self.bjunk, self.b2j
        ahi = len(a) if ahi is None else ahi
        bhi = len(b) if bhi is None else bhi
        start_a, start_b, size = alo, blo, 0
        # ending[j]: length of the junk-free match ending at a[i-1], b[j].
        ending = {}
        nowhere = []
        for i in range(alo, ahi):
            here = {}
            for j in places.get(a[i], nowhere):
                if j >= blo:
                    if j >= bhi:
                        break  # positions ascend: the rest are past bhi too
                    run = ending.get(j - 1, 0) + 1
                    here[j] = run
                    if run > size:
                        start_a, start_b, size = i + 1 - run, j + 1 - run, run
            ending = here
        # Widen the match over equal neighbours: first those that are not
        # junk in b (popular ones count), then the junk ones.
        while (start_a > alo and start_b > blo and b[start_b - 1] not in bjunk
               and a[start_a - 1] == b[start_b - 1]):
            start_a, start_b, size = start_a - 1, start_b - 1, size + 1
        while (start_a + size < ahi and start_b + size < bhi and b[start_b + size] not in bjunk
               and a[start_a + size] == b[start_b + size]):
            size += 1
        while (start_a > alo and start_b > blo and b[start_b - 1] in bjunk
               and a[start_a - 1] == b[start_b - 1]):
            start_a, start_b, size = start_a - 1, start_b - 1, size + 1
        while (start_a + size < ahi and start_b + size < bhi and b[start_b + size] in bjunk
               and a[start_a + size] == b[start_b + size]):
            size += 1
        return Match(start_a, start_b, size)

    def get_matching_blocks(self):
        if self.matching_blocks is None:
            self.matching_blocks = self._blocks()
        return self.matching_blocks

    def _blocks(self):
        na, nb = len(self.a), len(self.b)
        pending = [(0, na, 0, nb)]
        found = []
        while pending:
            alo, ahi, blo, bhi = pending.pop()
            hit = self.find_longest_match(alo, ahi, blo, bhi)
            i, j, k = hit
            if not k:
                continue
            found.append(hit)
            if i > alo and j > blo:
                pending.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                pending.append((i + k, ahi, j + k, bhi))
        # Blocks that touch end to end are reported as one.
        joined = []
        last = None
        for i, j, k in sorted(found):
            if last is not None and last[0] + last[2] == i and last[1] + last[2] == j:
                last[2] += k
            else:
                last = [i, j, k]
                joined.append(last)
        joined.append((na, nb, 0))
        return [Match(i, j, k) for i, j, k in joined]

    def get_opcodes(self):
        if self.opcodes is None:
            codes = []
            at_a = at_b = 0
            for ai, bj, size in self.get_matching_blocks():
                if at_a < ai:
                    codes.append(("replace" if at_b < bj else "delete", at_a, ai, at_b, bj))
                elif at_b < bj:
                    codes.append(("insert", at_a, ai, at_b, bj))
                at_a, at_b = ai + size, bj + size
                if size:
                    codes.append(("equal", ai, at_a, bj, at_b))
            self.opcodes = codes
        return self.opcodes

    def get_grouped_opcodes(self, n=3):
        # As CPython's does, this trims the cached opcodes list in place
        # when it starts or ends with an equal stretch.
        codes = self.get_opcodes() or [("equal", 0, 1, 0, 1)]
        tag, i1, i2, j1, j2 = codes[0]
        if tag == "equal":
            codes[0] = (tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2)
        tag, i1, i2, j1, j2 = codes[-1]
        if tag == "equal":
            codes[-1] = (tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n))
        group = []
        for tag, i1, i2, j1, j2 in codes:
            if tag != "equal" or i2 - i1 <= 2 * n:
                group.append((tag, i1, i2, j1, j2))
                continue
            # A long equal stretch closes this group with n lines of it and
            # opens the next one with its last n lines.
            group.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
            yield group
            group = [(tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2)]
        if len(group) > 1 or (group and group[0][0] != "equal"):
            yield group

    def ratio(self):
        same = 0
        for _, _, size in self.get_matching_blocks():
            same += size
        return _similarity(same, len(self.a) + len(self.b))

    def quick_ratio(self):
        # An upper bound on ratio(): elements in common, ignoring order.
        if self.fullbcount is None:
            tally = {}
            for item in self.b:
                tally[item] = tally.get(item, 0) + 1
            self.fullbcount = tally
        have = self.fullbcount
        spare = {}  # copies of an element of a still unmatched in b
        same = 0
        for item in self.a:
            if item in spare:
                left = spare[item]
            else:
                left = have.get(item, 0)
            spare[item] = left - 1
            if left > 0:
                same += 1
        return _similarity(same, len(self.a) + len(self.b))

    def real_quick_ratio(self):
        # A cheaper bound still: from the lengths alone.
        na, nb = len(self.a), len(self.b)
        return _similarity(min(na, nb), na + nb)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def get_close_matches(word, possibilities, n=3, cutoff=0.6):
    if not n > 0:
        raise ValueError(f"n must be > 0: {n!r}")
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError(f"cutoff must be in [0.0, 1.0]: {cutoff!r}")
    judge = SequenceMatcher()
    judge.set_seq2(word)
    scored = []
    for candidate in possibilities:
        judge.set_seq1(candidate)
        # The cheap upper bounds first: most candidates fail one of them.
        if judge.real_quick_ratio() < cutoff or judge.quick_ratio() < cutoff:
            continue
        score = judge.ratio()
        if score >= cutoff:
            scored.append((score, candidate))
    scored.sort(reverse=True)
    return [candidate for _, candidate in scored[:n]]


def _keep_ws(s, tags):
    # Under a tab or other white space of the line, the tag line keeps
    # that character so the marks stay aligned.
    out = []
    for c, t in zip(s, tags):
        if t == " " and c.isspace():
            out.append(c)
        else:
            out.append(t)
    return "".join(out)


# The guide character under each changed character of a line pair.
_GUIDE = {"equal": " ", "replace": "^", "delete": "-", "insert": "+"}


class Differ:
    """Compares sequences of lines, producing ndiff's human-readable delta."""

    def __init__(self, linejunk=None, charjunk=None):
        self.linejunk, self.charjunk = linejunk, charjunk

    def compare(self, a, b):
        """Yield the delta lines turning a into b."""
        for tag, alo, ahi, blo, bhi in SequenceMatcher(self.linejunk, a, b).get_opcodes():
            if tag == "replace":
                yield from self._similar_pairs(a, alo, ahi, b, blo, bhi)
            elif tag == "insert":
                yield from self._prefixed("+", b, blo, bhi)
            else:
                yield from self._prefixed("-" if tag == "delete" else " ", a, alo, ahi)

    def _prefixed(self, mark, lines, lo, hi):
        for k in range(lo, hi):
            yield "%s %s" % (mark, lines[k])

    def _unpaired(self, a, alo, ahi, b, blo, bhi):
        # Lines left between pairs: the shorter side is shown first.
        removed = self._prefixed("-", a, alo, ahi)
        added = self._prefixed("+", b, blo, bhi)
        if bhi - blo < ahi - alo:
            removed, added = added, removed
        yield from removed
        yield from added

    # A replaced block: each line of b is paired with the most similar line
    # of a near the same position (within 10 lines, similarity over 0.75),
    # the pair shown with '?' guides, and what lies between pairs dumped
    # plainly (CPython 3.14's search).
    def _similar_pairs(self, a, alo, ahi, b, blo, bhi):
        chars = SequenceMatcher(self.charjunk)
        reach = 10
        next_a, next_b = alo, blo  # first lines not yet written
        for j in range(blo, bhi):
            chars.set_seq2(b[j])
            middle = alo + (j - blo)
            window = range(max(middle - reach, next_a), min(middle + reach + 1, ahi))
            if not window:
                break
            pick, score = None, 0.74999
            for i in window:
                chars.set_seq1(a[i])
                if chars.real_quick_ratio() > score and chars.quick_ratio() > score:
                    r = chars.ratio()
                    if r > score:
                        pick, score = i, r
            if pick is None:
                continue
            yield from self._gap(a, next_a, pick, b, next_b, j)
            old, new = a[pick], b[j]
            if old == new:
                yield "  " + old
            else:
                chars.set_seqs(old, new)
                under_old, under_new = [], []
                for tag, i1, i2, j1, j2 in chars.get_opcodes():
                    under_old.append(_GUIDE[tag] * (i2 - i1))
                    under_new.append(_GUIDE[tag] * (j2 - j1))
                yield from self._pair(old, new, "".join(under_old), "".join(under_new))
            next_a, next_b = pick + 1, j + 1
        yield from self._gap(a, next_a, ahi, b, next_b, bhi)

    def _gap(self, a, alo, ahi, b, blo, bhi):
        if alo < ahi and blo < bhi:
            yield from self._unpaired(a, alo, ahi, b, blo, bhi)
        elif alo < ahi:
            yield from self._prefixed("-", a, alo, ahi)
        else:
            yield from self._prefixed("+", b, blo, bhi)

    def _pair(self, old, new, under_old, under_new):
        for mark, line, under in (("-", old, under_old), ("+", new, under_new)):
            yield mark + " " + line
            guide = _keep_ws(line, under).rstrip()
            if guide:
                yield "? " + guide + "\n"


def IS_LINE_JUNK(line, pat=None):
    """True for a blank line or one holding only '#' (and white space)."""
    if pat is None:
        return line.strip() in ("", "#")
    return pat(line) is not None


def IS_CHARACTER_JUNK(ch, ws=" \t"):
    """True for a blank or a tab (the characters in ws)."""
    return ch in ws


def ndiff(a, b, linejunk=None, charjunk=IS_CHARACTER_JUNK):
    """Differ(linejunk, charjunk).compare(a, b)."""
    return Differ(linejunk, charjunk).compare(a, b)


_SIDE_MARK = {1: "- ", 2: "+ "}


def restore(delta, which):
    """Yield side which (1 or 2) of an ndiff delta back."""
    mark = _SIDE_MARK.get(int(which))
    if mark is None:
        raise ValueError("unknown delta choice (must be 1 or 2): %r" % (which,))
    for line in delta:
        if line[:2] in ("  ", mark):
            yield line[2:]


def _require_text(a, b, *names):
    # What CPython 3.14 checks: the first line of each side, that neither
    # side is one str, then the file names, dates and lineterm.
    for lines in (a, b):
        if lines and not isinstance(lines[0], str):
            first = lines[0]
            raise TypeError("lines to compare must be str, not %s (%r)" % (type(first).__name__, first))
    for lines in (a, b):
        if isinstance(lines, str):
            raise TypeError("input must be a sequence of strings, not %s" % type(lines).__name__)
    for value in names:
        if not isinstance(value, str):
            raise TypeError("all arguments must be str, not: %r" % (value,))


def _unified_span(lo, hi):
    # "start,count" counted from 1; a single line is its number alone, an
    # empty span starts at the line before it.
    count = hi - lo
    if count == 1:
        return str(lo + 1)
    return "%d,%d" % (lo + 1 if count else lo, count)


def _context_span(lo, hi):
    # "first,last" counted from 1; one line or none shows a single number.
    if hi - lo > 1:
        return "%d,%d" % (lo + 1, hi)
    return str(hi if hi > lo else lo)


def _file_line(mark, name, date, lineterm):
    return "%s %s%s%s" % (mark, name, "\t" + date if date else "", lineterm)


def unified_diff(a, b, fromfile="", tofile="", fromfiledate="", tofiledate="", n=3, lineterm="\n"):
    _require_text(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    groups = SequenceMatcher(None, a, b).get_grouped_opcodes(n)
    for count, group in enumerate(groups):
        if not count:
            yield _file_line("---", fromfile, fromfiledate, lineterm)
            yield _file_line("+++", tofile, tofiledate, lineterm)
        _, alo, _, blo, _ = group[0]
        _, _, ahi, _, bhi = group[-1]
        yield "@@ -%s +%s @@%s" % (_unified_span(alo, ahi), _unified_span(blo, bhi), lineterm)
        for tag, i1, i2, j1, j2 in group:
            # An insert has nothing on a's side, a delete nothing on b's.
            lead = " " if tag == "equal" else "-"
            for line in a[i1:i2]:
                yield lead + line
            if tag != "equal":
                for line in b[j1:j2]:
                    yield "+" + line


_CONTEXT_MARK = {"insert": "+ ", "delete": "- ", "replace": "! ", "equal": "  "}


def _context_side(group, lines, lo_at, other_only):
    # One side of a context hunk, or nothing when its only changes are
    # the other side's (other_only: the tag that has no lines here).
    for op in group:
        if op[0] != "equal" and op[0] != other_only:
            break
    else:
        return
    for op in group:
        if op[0] != other_only:
            for line in lines[op[lo_at]:op[lo_at + 1]]:
                yield _CONTEXT_MARK[op[0]] + line


def context_diff(a, b, fromfile="", tofile="", fromfiledate="", tofiledate="", n=3, lineterm="\n"):
    _require_text(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    groups = SequenceMatcher(None, a, b).get_grouped_opcodes(n)
    for count, group in enumerate(groups):
        if not count:
            yield _file_line("***", fromfile, fromfiledate, lineterm)
            yield _file_line("---", tofile, tofiledate, lineterm)
        _, alo, _, blo, _ = group[0]
        _, _, ahi, _, bhi = group[-1]
        yield "*" * 15 + lineterm
        yield "*** %s ****%s" % (_context_span(alo, ahi), lineterm)
        yield from _context_side(group, a, 1, "insert")
        yield "--- %s ----%s" % (_context_span(blo, bhi), lineterm)
        yield from _context_side(group, b, 3, "delete")
