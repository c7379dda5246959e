package interp

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// levenshteinSrc is the shared levenshtein benchmark, smaller: its outer
// loop's trace holds the inner loop, which indexes two lists the outer
// loop gets from call-outs and compares one-character strs.
const levenshteinSrc = `def make_text(seed, n):
    letters = "acgt"
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(letters[(x >> 16) % 4])
    return "".join(out)


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        ca = a[i - 1]
        for j in range(1, len(b) + 1):
            cost = 0 if ca == b[j - 1] else 1
            best = prev[j] + 1
            if cur[j - 1] + 1 < best:
                best = cur[j - 1] + 1
            if prev[j - 1] + cost < best:
                best = prev[j - 1] + cost
            cur[j] = best
        prev = cur
    return prev[len(b)]


print(levenshtein(make_text(1, 300), make_text(2, 300)))
`

// TestInnerLoopGuardsAndChars: in the trace of levenshtein's outer loop,
// the inner loop checks neither list's type (they are guarded once before
// its top: recorder.guardListsBefore) and compares the two characters by
// their bits (traceopt.CompareChars: int_jump_if_eq, not str_jump_if_eq).
func TestInnerLoopGuardsAndChars(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	var want, out, errb, log bytes.Buffer
	RunWith(Config{}, "lev.py", []byte(levenshteinSrc), nil, &want, &errb)
	RunWith(Config{JIT: JITOn, TraceLog: &log}, "lev.py", []byte(levenshteinSrc), nil, &out, &errb)
	if out.String() != want.String() || want.String() == "" {
		t.Fatalf("JIT on printed %q, off %q (%s)", out.String(), want.String(), errb.String())
	}
	var outer string
	for _, tr := range strings.Split(log.String(), "trace for ")[1:] {
		if strings.HasPrefix(tr, "the loop at lev.py:13 ") {
			outer, _, _ = strings.Cut(tr, "machine code:")
		}
	}
	if outer == "" {
		t.Fatalf("no trace of the loop at line 13:\n%s", log.String())
	}
	// Each in-trace back-edge "N  loop $k -> M" closes an inner loop
	// whose uops are M..N.
	uop := regexp.MustCompile(`(?m)^\s*(\d+)\s+(\S+)(.*)$`)
	back := regexp.MustCompile(`-> (\d+)$`)
	lines := uop.FindAllStringSubmatch(outer, -1)
	type span struct{ lo, hi int }
	var inner []span
	for _, m := range lines {
		if m[2] == "loop" {
			if b := back.FindStringSubmatch(m[3]); b != nil {
				hi, _ := strconv.Atoi(m[1])
				lo, _ := strconv.Atoi(b[1])
				inner = append(inner, span{lo, hi})
			}
		}
	}
	if len(inner) == 0 {
		t.Fatalf("the outer trace has no inner loop:\n%s", outer)
	}
	charCompares := 0
	for _, m := range lines {
		k, _ := strconv.Atoi(m[1])
		for _, s := range inner {
			if k >= s.lo && k <= s.hi {
				if m[2] == "guard_list" {
					t.Errorf("uop %d, in the inner loop %d..%d: %s%s", k, s.lo, s.hi, m[2], m[3])
				}
				// (A side path's first uop, which repeats its branch with
				// an exit, is not reached: only the branch jumps there.)
				if m[2] == "str_jump_if_eq" && !strings.Contains(m[3], "snap") {
					t.Errorf("uop %d, in the inner loop %d..%d, compares strs' bytes: %s%s", k, s.lo, s.hi, m[2], m[3])
				}
				if m[2] == "int_jump_if_eq" {
					charCompares++
				}
				break
			}
		}
	}
	if charCompares == 0 {
		t.Errorf("the inner loop compares no characters by their bits:\n%s", outer)
	}
}
