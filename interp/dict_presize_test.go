package interp

import (
	"runtime"
	"strings"
	"testing"
)

// TestDictCompPresize checks that a dict comprehension keyed by its loop
// variable over a range or a dict's keys allocates its final arrays once
// (dict_presize.go), and that others, whose keys may repeat, are not sized
// from their iterator.
func TestDictCompPresize(t *testing.T) {
	allocated := func(src, n string) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		out, last, status := run(t, strings.ReplaceAll(src, "N", n))
		runtime.ReadMemStats(&after)
		if status != 0 || out == "" {
			t.Fatalf("status %d, out %q, last stderr %q", status, out, last)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	// 6,000 keys: an index of 16,384 slots and room for 10,922 entries.
	final := uint64(16384*4 + 10922*dictEntrySize)
	cases := []struct {
		src   string
		limit uint64 // bytes the N = 6000 run may allocate beyond the N = 10 one
	}{
		{"d = {v: 0 for v in range(N)}\ne = {k: 1 for k in d}\nprint(len(d), len(e))", 2 * final * 5 / 4},
		{"d = {v: v for v in range(N - 1, -1, -1)}\nprint(len(d))", final * 5 / 4},
		// Few keys from many items: no room for N.
		{"d = {v % 3: v for v in range(N)}\nprint(d)", final / 10},
		{"a = [1, 2] * (N // 2)\nd = {v: 0 for v in a}\nprint(d)", final/10 + 6000*32},
	}
	// TotalAlloc counts the whole process: what other goroutines allocate
	// meanwhile only adds, so the least of three runs is the program's.
	least := func(src, n string) uint64 {
		m := allocated(src, n)
		for range 2 {
			m = min(m, allocated(src, n))
		}
		return m
	}
	for _, tc := range cases {
		small, large := least(tc.src, "10"), least(tc.src, "6000")
		if large > small && large-small > tc.limit {
			t.Errorf("%q: %d bytes more for 6000 keys, want at most %d", tc.src, large-small, tc.limit)
		}
	}
}
