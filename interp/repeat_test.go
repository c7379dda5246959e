package interp

import "testing"

// TestRepeatSlice: a repeat longer than one bounded copy (repeatChunk
// elements) stays periodic, for item counts that do and do not divide the
// chunk, and for one item longer than it.
func TestRepeatSlice(t *testing.T) {
	for _, tc := range []struct{ items, n int }{
		{1, 2_000_001}, {3, 100_000}, {7, 30_000}, {repeatChunk + 5, 3}, {2, 0}, {0, 9}, {5, 1},
	} {
		items := make([]int, tc.items)
		for i := range items {
			items[i] = i*7 + 1
		}
		out := repeatSlice(items, tc.n)
		if want := tc.items * max(tc.n, 0); len(out) != want {
			t.Errorf("%d items × %d: length %d, want %d", tc.items, tc.n, len(out), want)
			continue
		}
		for i, x := range out {
			if x != items[i%tc.items] {
				t.Errorf("%d items × %d: element %d is %d, want %d", tc.items, tc.n, i, x, items[i%tc.items])
				break
			}
		}
	}
}

// TestSliceReuse: a slice call-out in a traced loop copies into the list it
// made last when nothing else can hold that list, and makes a new one
// whenever the loop lets the list go anywhere (the corpus's jit_slices
// checks the values; this checks which way each loop went).
func TestSliceReuse(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	const head = "def f(rounds):\n    src = [1, 2, 3, 4]\n    p = src\n    keep = []\n    box = [None]\n    q = None\n    for r in range(rounds):\n        p = src[:]\n        for k in range(2):\n            p[k] = r + k\n"
	for _, tc := range []struct {
		name, body string
		reuse      bool
	}{
		{"elements only", "        src[r % 4] = p[3] + 1\n", true},
		{"appended", "        keep.append(p)\n", false},
		{"second name", "        q = p\n", false},
		{"element of a list", "        box[0] = p\n", false},
		{"identity", "        if p is src:\n            src = src[:]\n", false},
		{"len", "        src[0] = len(p)\n", false},
	} {
		src := head + tc.body + "    return p, keep, box, q\nprint(f(3000))\n"
		_, stats := runStats(t, Config{JIT: JITOn}, src)
		n := statCount(t, stats, "slices reusing their list")
		if calls := statCount(t, stats, "call-outs"); calls < 1000 {
			t.Errorf("%s: %d call-outs: the loop was not traced as this test expects\n%s", tc.name, calls, stats)
		}
		if tc.reuse && n < 1000 || !tc.reuse && n != 0 {
			t.Errorf("%s: %d slices reused their list, want reuse %v", tc.name, n, tc.reuse)
		}
	}
}
