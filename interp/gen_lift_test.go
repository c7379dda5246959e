package interp

import (
	"strings"
	"testing"
)

// TestGeneratorLoopsTraced: a loop in a generator's body is traced while
// the generator's frame runs on the slot stack, both an inner loop that
// finishes before each yield and the generator's own loop when the
// recorded path does not yield; a loop that yields on its only path stops
// its recording at the yield, unless the path holds work enough to end its
// trace there (gen_yield.go). Each prints what the interpreter prints.
func TestGeneratorLoopsTraced(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	for _, tc := range []struct {
		name, src string
		traced    string // a line of the stats the run must print
	}{
		{"inner loop before the yield", `def g(n):
    for r in range(n):
        t = 0
        i = 0
        while i < 2000:
            t += i * r
            i += 1
        yield t
print(sum(g(300)))
`, "trace at line 5:"},
		{"yield on a rare branch", `def g(n):
    t = 0
    for i in range(n):
        t = (t * 31 + i) % 1000003
        if i % 5000 == 0:
            yield t
print(list(g(200000)))
`, "trace at line 3:"},
		{"yield on every iteration", `def g(n):
    i = 0
    while i < n:
        yield i * i
        i += 1
print(sum(g(100000)))
`, "not traced: line 3: a yield in the loop"},
		{"yield on every iteration, 128-bit work before it", `def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        yield seed >> 40
g = lcg(42)
print(sum(next(g) for _ in range(3000)), g.gi_frame.f_locals["seed"])
`, "trace at line 2:"},
	} {
		want, _ := runStats(t, Config{}, tc.src)
		for _, cfg := range []Config{{JIT: JITOn}, {JIT: JITOn, JITThreshold: 1}} {
			got, stats := runStats(t, cfg, tc.src)
			if got != want {
				t.Errorf("%s (threshold %d): output %q, want %q", tc.name, cfg.JITThreshold, got, want)
			}
			if cfg.JITThreshold == 0 && !strings.Contains(string(stats), tc.traced) {
				t.Errorf("%s: no %q in the stats:\n%s", tc.name, tc.traced, stats)
			}
			if strings.Contains(string(stats), "not the innermost frame") {
				t.Errorf("%s (threshold %d): a generator's loop was not traced:\n%s", tc.name, cfg.JITThreshold, stats)
			}
		}
	}
}
