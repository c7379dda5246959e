package interp

import (
	"strings"
	"testing"
)

// TestYieldFreshMarks checks the marks of gen_fresh.go: a YIELD of a
// producer's temporary is freshB, and the GET_ITER of a loop into a
// private local over a call of one of the module's generator functions is
// yieldInto, with the target in D, only then.
func TestYieldFreshMarks(t *testing.T) {
	const gen = "def g(a):\n    yield a[1:]\n    yield a\n    yield [a] + a\n"
	co := firstFunc(t, gen)
	var yields []int32
	for _, in := range co.instrs {
		if in.Op == opYield {
			yields = append(yields, in.E)
		}
	}
	if len(yields) != 3 || yields[0] != freshB || yields[1] != 0 || yields[2] != freshB {
		t.Errorf("yield marks %v, want [freshB 0 freshB]", yields)
	}
	cases := []struct {
		body string
		want bool
	}{
		{"for t in g(a):\n    k += [1] + t", true},
		{"for t in g(a[1:], len(a)):\n    k += t[0] + len(t)", true},
		{"for t in g(a):\n    k.append(t)", false},
		{"for t in g(a):\n    pass\nreturn t", false},
		{"for t in g(a):\n    p = t", false},     // a pair: the move may drop it
		{"for t in h(a):\n    k += t[0]", false}, // not a generator function
		{"for t in a:\n    k += t[0]", false},
		{"x = g(a)\nfor t in x:\n    k += t[0]", false},
		{"for t in g(a):\n    k += t[0]\nreturn lambda: t", false},
	}
	for _, tc := range cases {
		src := "def f(a, k):\n    " + strings.ReplaceAll(tc.body, "\n", "\n    ") + "\n" + gen + "def h(a):\n    return a\n"
		co := firstFunc(t, src)
		found := false
		for i, in := range co.instrs {
			if in.Op == opForIter {
				found = true
				gi := co.instrs[in.C-2]
				if got := gi.Op == opGetIter && gi.E&yieldInto != 0; got != tc.want || got && gi.D != in.B {
					t.Errorf("%q: GET_ITER at %d yieldInto %v (D %d, target %d), want %v", tc.body, i, got, gi.D, in.B, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no FOR_ITER", tc.body)
		}
	}
}

// TestYieldedListReuse checks that the lists slice_perms' levels hand up
// through their yields are made again in the same memory once the loop
// above moves on, and that every permutation still comes out whole.
func TestYieldedListReuse(t *testing.T) {
	src := `def slice_perms(items):
    if len(items) <= 1:
        yield items[:]
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for tail in slice_perms(rest):
            yield [items[i]] + tail
def count(n):
    seen = set()
    for p in slice_perms(list(range(n))):
        seen.add(tuple(p))
    return len(seen)
print(count(7))
`
	out, objects := allocsRunning(t, src)
	if out != "5040\n" {
		t.Fatalf("got %q, want 5040", out)
	}
	// 5040 permutations pass 7 levels: without the reuse each level's
	// [items[i]] + tail was a new list (54k objects in all, 22k with it:
	// the top level's lists, the tuples, the set's growth, generators).
	if objects > 24000 {
		t.Errorf("%d objects allocated for 5040 permutations", objects)
	}
}
