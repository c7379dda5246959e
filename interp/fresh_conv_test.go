package interp

import (
	"runtime"
	"strings"
	"testing"
)

// TestConvPrivateMarks checks the list(x) calls into local a marked
// convPrivA and the tuple(a) and list(a) calls marked convPrivArg
// (fresh_conv.go): only when a is private.
func TestConvPrivateMarks(t *testing.T) {
	cases := []struct {
		body      string
		producer  bool // list(k) into a marked
		argMarked int  // calls of list or tuple with a as argument marked
	}{
		{"a = list(k)\na[0], a[1] = a[1], a[0]\nreturn tuple(a)", true, 1},
		{"a = list(k)\nreturn tuple(a), list(a), len(a)", true, 2},
		{"a = list(k)\nreturn a", false, 0},
		{"a = list(k)\nreturn sorted(a)", false, 0},
		{"a = list(k)\nreturn tuple(a, k)", false, 0},
		{"a = tuple(k)\nreturn tuple(a)", false, 0}, // a tuple is no producer
		{"a = list(k)\nfor x in a:\n    pass", false, 0},
		{"a = list(k)\nb = a\nreturn tuple(b)", true, 1}, // a pair
		{"a = list(k)\nreturn lambda: tuple(a)", false, 0},
	}
	for _, tc := range cases {
		src := "def f(k):\n    " + strings.ReplaceAll(tc.body, "\n", "\n    ") + "\n"
		co := firstFunc(t, src)
		producer, marked := false, 0
		for i, in := range co.instrs {
			if in.Op != opCall {
				continue
			}
			if in.E&convPrivA != 0 {
				if !listCallAt(co, i) || int(in.A) >= co.nlocals {
					t.Errorf("%q: convPrivA on %+v", tc.body, in)
				}
				producer = true
			}
			if in.E&convPrivArg != 0 {
				marked++
			}
		}
		if producer != tc.producer || marked != tc.argMarked {
			t.Errorf("%q: producer %v, %d argument marks; want %v, %d", tc.body, producer, marked, tc.producer, tc.argMarked)
		}
	}
}

// TestConvPrivateReuse checks that list(x) into a private local refills
// the list the local held: an iteration of the loop below allocates its
// tuple only, where a new list each time would be two allocations.
func TestConvPrivateReuse(t *testing.T) {
	const src = `
def f(state, n):
    for k in range(n):
        cells = list(state)
        cells[0] = k
        t = tuple(cells)
    return t
print(f((1, 2, 3, 4, 5, 6, 7, 8, 9), N))
`
	mallocs := func(n string) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		out, last, status := run(t, strings.Replace(src, "N", n, 1))
		runtime.ReadMemStats(&after)
		if status != 0 || !strings.HasPrefix(out, "(") {
			t.Fatalf("status %d, out %q, last stderr %q", status, out, last)
		}
		return after.Mallocs - before.Mallocs
	}
	mallocs("10")
	small, big := mallocs("1000"), mallocs("21000")
	if per := float64(big-small) / 20000; per > 1.5 {
		t.Errorf("%.2f allocations an iteration, want about 1", per)
	}
}
