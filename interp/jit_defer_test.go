package interp

import "testing"

// TestShortInnerLoopsLeftToOuter: a for loop of a few iterations an entry
// inside another loop of its function is not recorded when it gets hot
// (the loop around it will take it into its trace), unless the loop
// around it never gets a trace (maxDefers); one with no loop around it
// in its own code is recorded as before.
func TestShortInnerLoopsLeftToOuter(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	for _, tc := range []struct {
		name, src string
		compiles  int
	}{
		{"nested in a long loop", `def f(xs, steps):
    t = 0
    for _ in range(steps):
        for i in range(len(xs)):
            for j in range(i + 1, len(xs)):
                t += xs[i] * xs[j]
        for x in xs:
            t += x
    return t
print(f([1, 2, 3, 4, 5], 3000))
`, 1},
		{"no loop around it in its function", `def g(xs):
    t = 0
    for x in xs:
        t += x
    return t
s = 0
for k in range(3000):
    s += g([1, 2, 3, k]) + (lambda: 0)()  # (MAKE_FUNCTION keeps the module-level loop untraced)
print(s)
`, 1},
		{"the loop around it is never traced", `def h(n):
    t = 0
    for k in range(n):
        for j in range(4):
            t += j * k
        t += (lambda: 1)()  # (keeps the outer loop untraced)
    return t
print(h(3000))
`, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, _ := runStats(t, Config{}, tc.src)
			got, stats := runStats(t, Config{JIT: JITOn}, tc.src)
			if got != want {
				t.Errorf("output %q, want %q", got, want)
			}
			if n := statCount(t, stats, "compiles"); n != tc.compiles {
				t.Errorf("%d compiles, want %d:\n%s", n, tc.compiles, stats)
			}
		})
	}
}
