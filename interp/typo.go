package interp

import (
	"strings"
)

// Keyword typos in a SyntaxError, as CPython 3.14's traceback module
// finds them (gh-132449): when the parser said only "invalid syntax", each
// name on the error's line that is no keyword is replaced in turn by the
// keywords most like it; the first replacement that makes the statement
// parse (or merely incomplete) is suggested: "invalid syntax. Did you mean
// 'while'?", with the caret under the misspelt name.

var kwlist = []string{"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
	"continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
	"in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"}

// suggestKeyword rewrites se when a keyword typo explains it. lines are
// the program's source lines.
func suggestKeyword(lines []string, se *SyntaxError) {
	if se.Kind != "SyntaxError" || se.Msg != "invalid syntax" && !strings.Contains(se.Msg, "Perhaps you forgot a comma") {
		return
	}
	end := se.Line
	start := se.StmtLine
	if start <= 0 || start > end {
		start = end
	}
	if end < 1 || end > len(lines) {
		return
	}
	block, margin := dedent(lines[start-1 : end])
	code := strings.Join(block, "\n")
	if len(code) > 1024 || compilesOrIncomplete(code) {
		return
	}
	toks, _ := tokenize(code)
	left := 10
	for _, t := range toks {
		if t.kind != tName || t.line+start-1 != end || keywords[t.val] {
			continue
		}
		left--
		if left < 0 {
			return
		}
		var matches []string
		if s := suggest(kwlist, t.val); s != "" {
			matches = append(matches, s)
		}
		matches = append(matches, closeMatches(t.val, kwlist, 3, 0.5)...)
		if len(matches) > 3 {
			matches = matches[:3]
		}
		for _, m := range matches {
			if m == t.val {
				continue
			}
			fixed := append([]string(nil), block...)
			line := []rune(fixed[t.line-1])
			if t.endCol > len(line) || t.col > t.endCol {
				continue
			}
			fixed[t.line-1] = string(line[:t.col]) + m + string(line[t.endCol:])
			if !compilesOrIncomplete(strings.Join(fixed, "\n")) {
				continue
			}
			se.Msg = "invalid syntax. Did you mean '" + m + "'?"
			se.Line = end
			se.Col, se.End = t.col+margin, t.endCol+margin
			return
		}
	}
}

// dedent is textwrap.dedent of lines: the whitespace all non-blank lines
// start with is removed; margin is its length in runes.
func dedent(lines []string) ([]string, int) {
	prefix, first := "", true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		ind := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if first {
			prefix, first = ind, false
			continue
		}
		for !strings.HasPrefix(ind, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			out[i] = ""
		} else {
			out[i] = strings.TrimPrefix(l, prefix)
		}
	}
	return out, len([]rune(prefix))
}

// compilesOrIncomplete is codeop.compile_command's test: the code parses,
// or fails only because it ends too soon (an open bracket or block).
func compilesOrIncomplete(code string) bool {
	_, _, err := parse(code)
	if err == nil {
		return true
	}
	_, _, err = parse(code + "\n")
	se, ok := err.(*SyntaxError)
	if err == nil || !ok {
		return err == nil
	}
	if strings.Contains(se.Msg, "was never closed") || strings.HasPrefix(se.Msg, "unterminated triple-quoted") {
		return true
	}
	// A block's header as the last line wants more input.
	n := strings.Count(strings.TrimRight(code, "\n \t"), "\n") + 1
	return strings.HasPrefix(se.Msg, "expected an indented block") && se.Line > n
}

// closeMatches is difflib.get_close_matches: the n possibilities whose
// SequenceMatcher ratio with word is at least cutoff, best first (ties:
// the later string first, as heapq.nlargest over (score, x) orders them).
func closeMatches(word string, possibilities []string, n int, cutoff float64) []string {
	type scored struct {
		r float64
		s string
	}
	var res []scored
	w := []rune(word)
	for _, p := range possibilities {
		if r := seqRatio([]rune(p), w); r >= cutoff {
			res = append(res, scored{r, p})
		}
	}
	// A stable insertion sort, descending by (score, string).
	for i := 1; i < len(res); i++ {
		for j := i; j > 0 && (res[j].r > res[j-1].r || res[j].r == res[j-1].r && res[j].s > res[j-1].s); j-- {
			res[j], res[j-1] = res[j-1], res[j]
		}
	}
	var out []string
	for i := 0; i < len(res) && i < n; i++ {
		out = append(out, res[i].s)
	}
	return out
}

// seqRatio is SequenceMatcher(None, a, b).ratio(): twice the characters in
// its matching blocks over the total length. (Its autojunk heuristic only
// applies to b of 200 or more, which a name never is here.)
func seqRatio(a, b []rune) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	b2j := map[rune][]int{}
	for j, c := range b {
		b2j[c] = append(b2j[c], j)
	}
	var matched func(alo, ahi, blo, bhi int) int
	matched = func(alo, ahi, blo, bhi int) int {
		if alo >= ahi || blo >= bhi {
			return 0
		}
		// find_longest_match: the longest block, earliest in a, then in b.
		besti, bestj, bestk := alo, blo, 0
		j2len := map[int]int{}
		for i := alo; i < ahi; i++ {
			next := map[int]int{}
			for _, j := range b2j[a[i]] {
				if j < blo {
					continue
				}
				if j >= bhi {
					break
				}
				k := j2len[j-1] + 1
				next[j] = k
				if k > bestk {
					besti, bestj, bestk = i-k+1, j-k+1, k
				}
			}
			j2len = next
		}
		if bestk == 0 {
			return 0
		}
		return bestk + matched(alo, besti, blo, bestj) + matched(besti+bestk, ahi, bestj+bestk, bhi)
	}
	return 2 * float64(matched(0, len(a), 0, len(b))) / float64(len(a)+len(b))
}
