package interp

import "testing"

// TestShortInnerLoopsLeftToOuter: a for or while loop of a few iterations
// an entry inside another loop of its function is not recorded when it
// gets hot (the loop around it will take it into its trace), unless the
// loop around it never gets a trace (maxDefers); one with no loop around
// it in its own code, or a while loop of many iterations an entry, is
// recorded as before.
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
		// (Before the while loops were measured: 3 compiles, the inner
		// loop's trace, the outer loop's and its bridge.)
		{"a short while loop in a long loop", `def f(n):
    t = 0
    for k in range(n):
        i = k % 5
        while i > 0:
            t += i * k
            i -= 1
    return t
print(f(3000))
`, 2},
		// (300 back-edges: too few for one left to the loop around it
		// maxWhileDefers times.)
		{"a long while loop in a short loop", `def f(n):
    t = 0
    for k in range(n):
        i = 0
        while i < 300:
            t += i ^ k
            i += 1
    return t
print(f(1))
`, 1},
		{"the loop around a short while loop is never traced", `def h(n):
    t = 0
    for k in range(n):
        j = 0
        while j < 4:
            t += j * k
            j += 1
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

// TestLoopsNearTheirEndLeftToInterpreter checks endsSoon: a range loop
// with no loop around it or inside it, hot with fewer than tailHots
// thresholds of iterations left, is not compiled; with more left, or
// entered again and again, or holding a loop of its own, it is.
func TestLoopsNearTheirEndLeftToInterpreter(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	// A range loop with no loop around it or inside it.
	const halves = `def f(n):
    t = 0.0
    for i in range(n):
        t += i * 0.5
    return t
`
	for _, tc := range []struct {
		name, src string
		compiles  int
	}{
		{"ends soon after it is hot", halves + "print(f(200))\n", 0},
		{"a long loop", halves + "print(f(2000))\n", 1},
		{"entered again and again", halves + `s = 0.0
for k in range(400):
    s += f(100) + (lambda: 0)()  # (MAKE_FUNCTION keeps the module-level loop untraced)
print(s)
`, 1},
		{"a loop inside it", `def f(n):
    t = 0
    for i in range(n):
        for j in range(30):
            t += i ^ j
        t += (lambda: 0)()  # (keeps the inner loop's trace from taking the outer one in)
    return t
print(f(200))
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
