package interp

import (
	"slices"
	"testing"
)

// TestPrivateIntMarks checks which locals the compiler takes as
// int-private (private_int.go): the last arithmetic store into x is
// marked only when nothing but arithmetic, comparisons, truth tests and
// the return reads x.
func TestPrivateIntMarks(t *testing.T) {
	cases := []struct {
		src  string
		want bool
	}{
		{"def f(n):\n    x = n\n    for i in range(n):\n        x = x * 3 + 1\n    return x\n", true},
		{"def f(n):\n    x = n * 3\n    if x:\n        x = x - 1\n    return x >> 2\n", true},
		{"def f(n):\n    x = n * 3\n    print(x)\n    x = x + 1\n", false},
		{"def f(n):\n    x = n * 3\n    y = x\n    x = x + 1\n    return y\n", false},
		{"def f(n):\n    x = n * 3\n    g = lambda: x\n    x = x + 1\n    return g\n", false},
		// A plain generator's suspended frame holds its locals alone; a
		// yield of x gives x away, and coroutines are left out.
		{"def f(n):\n    x = n * 3\n    yield 1\n    x = x + 1\n", true},
		{"def f(n):\n    x = n * 3\n    yield x\n    x = x + 1\n", false},
		{"def f(n):\n    x = n * 3\n    yield from g(x)\n    x = x + 1\n", false},
		{"async def f(n):\n    x = n * 3\n    await g()\n    x = x + 1\n", false},
		{"def f(n):\n    x = n * 3\n    v = locals()\n    x = x + 1\n    return v\n", false},
		{"def f(n):\n    x = n * 3\n    lst = [x]\n    x = x + 1\n    return lst\n", false},
		{"def f(n):\n    x = n * 3\n    x = x + 1\n    return x < n\n", true},
		{"def f(n):\n    x = n * 3\n    if x >= n:\n        x = x - n\n    return x == 0\n", true},
		{"def f(n, s):\n    x = n * 3\n    if x in s:\n        x = x + 1\n    return x\n", false},
	}
	for _, tc := range cases {
		co := firstFunc(t, tc.src)
		x := int32(slices.Index(co.localNames, "x"))
		last := int32(-1)
		for _, in := range co.instrs {
			if arithOps[in.Op] && in.A == x {
				last = in.E & privIntA
			}
		}
		if got := last == privIntA; got != tc.want || x < 0 {
			t.Errorf("%q: x's last arithmetic store marked %v, want %v", tc.src, got, tc.want)
		}
	}
}
