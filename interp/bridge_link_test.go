package interp

import "testing"

// Cold exits (one in 97 iterations or rarer) of the kinds a linked bridge
// handles: a plain branch, a bridge holding an inner loop (resumed at its
// top after a safepoint in the bridge's own code), an exit of a bridge's
// own (i % 194 == 147 is tested only on the bridge's path), and a bridge
// writing a float and a list element the loop body relies on (the bridge
// jumps back to the peeled iteration, which guards them again).
const linkedSrc = `def f(n):
    total = 0
    acc = 0.5
    xs = [0] * 8
    for i in range(n):
        for j in range(2):
            total += j
        k = i % 97
        if k == 0:
            total += i
        elif k == 50:
            for j in range(4):
                xs[j] += j + i
            if i % 194 == 147:
                total -= 3
        elif k == 70:
            xs[7] = i
            acc = acc * 0.5 + 1.0
        total += xs[i % 4] % 7
    return total, acc, xs[:4], xs[7]
print(f(30000))
print(f(7))
`

// TestLinkedBridges: bridges compile on their own and are linked to the
// trace's exits, agreeing with the interpreter in every mode.
func TestLinkedBridges(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	want, _ := runStats(t, Config{}, linkedSrc)
	for _, cfg := range []Config{{JIT: JITOn}, {JIT: JITOn, JITThreshold: 1}, {JIT: JITUops}, {JIT: JITUops, JITThreshold: 1}} {
		got, stats := runStats(t, cfg, linkedSrc)
		if got != want {
			t.Errorf("%+v: output %q, want %q", cfg, got, want)
		}
		if n := statCount(t, stats, "compiled alone"); n < 2 {
			t.Errorf("%+v: %d bridges compiled alone, want at least 2:\n%s", cfg, n, stats)
		}
	}
}
