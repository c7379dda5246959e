package interp

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// Tests for issue 9: bad input and faults end in CPython's error, never a
// Go crash. Programs whose output python3 can check live in
// testdata/corpus/faults.txtar.

// TestDeepNestingUncaught checks the RecursionError that CPython 3.14
// raises when nested containers exhaust its C stack: the text names the
// stack used, so only its shape is fixed.
func TestDeepNestingUncaught(t *testing.T) {
	build := "x = []\ny = []\nt = ()\nfor i in range(100000):\n    x = [x]\n    y = [y]\n    t = (t,)\nprint('before')\n"
	for _, c := range []struct{ expr, where string }{
		{"x == y", " in comparison"},
		{"x < y", " in comparison"},
		{"x in [y]", " in comparison"},
		{"repr(x)", " while getting the repr of an object"},
		{"x", " while getting the repr of an object"},
		{"hash(t)", ""},
	} {
		t.Run(c.expr, func(t *testing.T) {
			var out, errb bytes.Buffer
			status := Run("t.py", []byte(build+"print("+c.expr+")\n"), &out, &errb)
			want := regexp.MustCompile(`^RecursionError: Stack overflow \(used \d+ kB\)` + regexp.QuoteMeta(c.where) + `$`)
			if last := lastLine(errb.String()); status != 1 || out.String() != "before\n" || !want.MatchString(last) {
				t.Errorf("got status %d, out %q, last line %q; want 1, %q, %s", status, out.String(), last, "before\n", want)
			}
		})
	}
}

// TestReprThroughInstances checks that a container met again inside an
// instance's __repr__ prints as [...] (CPython keeps one list of the
// containers being printed per thread), and that a __repr__ recursing
// without a container between is a plain RecursionError.
func TestReprThroughInstances(t *testing.T) {
	src := `class A:
    def __init__(self):
        self.items = [self, {1: self}]
    def __repr__(self):
        return "A" + repr(self.items)
print([A()])
class B:
    def __repr__(self):
        return repr(self)
try:
    repr(B())
except RecursionError as e:
    print(e)
`
	out, last, status := run(t, src)
	want := "[A[A[...], {1: A[...]}]]\nmaximum recursion depth exceeded\n"
	if out != want || status != 0 {
		t.Errorf("got (%q, %q, %d), want %q", out, last, status, want)
	}
	if strings.Contains(out, "internal error") {
		t.Error(out)
	}
}
