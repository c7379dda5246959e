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
// made last when nothing else can hold that list (natively, list_copy, for
// a whole list x[:]; in Go for other slices), and makes a new one whenever
// the loop lets the list go anywhere (the corpus's jit_slices checks the
// values; this checks which way each loop went).
func TestSliceReuse(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	const (
		native = iota // list_copy: call-outs only for the first copy of an entry
		inGo          // call-outs, each reusing its list
		fresh         // call-outs, each making a new list
	)
	for _, tc := range []struct {
		name, slice, body string
		want              int
	}{
		{"elements only", "src[:]", "        src[r % 4] = p[3] + 1\n", native},
		{"elements only, a part", "src[1:]", "        src[r % 4] = p[2] + 1\n", inGo},
		{"appended", "src[:]", "        keep.append(p)\n", fresh},
		{"second name", "src[:]", "        q = p\n", fresh},
		{"element of a list", "src[:]", "        box[0] = p\n", fresh},
		{"identity", "src[:]", "        if p is src:\n            src = src[:]\n", fresh},
		{"len", "src[:]", "        src[0] = len(p)\n", fresh},
	} {
		src := "def f(rounds):\n    src = [1, 2, 3, 4]\n    p = src\n    keep = []\n    box = [None]\n    q = None\n    for r in range(rounds):\n" +
			"        p = " + tc.slice + "\n        for k in range(2):\n            p[k] = r + k\n" + tc.body + "    return p, keep, box, q\nprint(f(3000))\n"
		_, stats := runStats(t, Config{JIT: JITOn}, src)
		n := statCount(t, stats, "slices reusing their list")
		calls := statCount(t, stats, "call-outs")
		switch {
		case tc.want == native && (calls > 100 || n > 100):
			t.Errorf("%s: %d call-outs, %d reusing their list: want the copies native\n%s", tc.name, calls, n, stats)
		case tc.want != native && calls < 1000:
			t.Errorf("%s: %d call-outs: the loop was not traced as this test expects\n%s", tc.name, calls, stats)
		case tc.want == inGo && n < 1000, tc.want == fresh && n != 0:
			t.Errorf("%s: %d slices reused their list, want %v", tc.name, n, tc.want == inGo)
		}
	}
}
