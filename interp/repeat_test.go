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
