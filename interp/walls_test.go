package interp

import (
	"fmt"
	"strings"
	"testing"
)

// Recordings that could only end as the last one did are not made again.
func TestRecordingsNotRepeated(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	tests := []struct {
		name  string
		src   string
		label string // a --jit-stats count
		max   int    // its bound now
	}{{
		// The trace of the while loop runs its pop path; two of the
		// three ways of the if each leave for a bridge whose call-out
		// does not pay, so entries leave at once. The loop was
		// recorded again each time (9 compiles, 24 recordings): the
		// new trace left at the same branches. Now the trace of each
		// of its two back-edges is given up there.
		name: "idle where no bridge pays",
		src: `from collections import deque
class Chan:
    def __init__(self):
        self.items = deque()
def run(ch, a, b):
    n = 0
    while a or b:
        if a:
            x = a.pop()
        else:
            x = b.pop()
        if x % 3 == 0:
            ch.items.append(x)
        elif x % 3 == 1:
            ch.items.appendleft(x)
        else:
            n += len(ch.items)
        n += x
    return n
t = 0
ch = Chan()
for k in range(400):
    t += run(ch, list(range(k % 40)), list(range(40 - k % 40)))
print(t, len(ch.items))
`,
		label: "compiles", max: 2,
	}, {
		// The test a or b jumps back from each operand: two back-edges
		// of one loop, each recorded in turn. The first gives up when
		// it meets a deque method a second time; the second made three
		// recordings more, each stopping at a deque method (6 in all).
		name: "sibling back-edges",
		src: `from collections import deque
class S:
    def __init__(self):
        self.q = deque()
        self.r = deque()
    def handle(self, x):
        if x % 3 == 0:
            self.q.append(x)
        elif x % 3 == 1:
            self.r.append(x)
        else:
            self.q.appendleft(x)
def run(s, a, b):
    n = 0
    while a or b:
        if a:
            x = a.pop()
        else:
            x = b.pop()
        s.handle(x)
        n += x
    return n
t = 0
s = S()
for k in range(300):
    t += run(s, list(range(k % 50)), list(range(50 - k % 50)))
print(t, len(s.q), len(s.r))
`,
		label: "recordings", max: 3,
	}, {
		// The outer loop's recording runs the pixel loop to its end;
		// pixels inside the set leave the escape loop by its second
		// test, a side path of the pixel loop with a while loop in it,
		// which the recorder does not translate. The next try ran the
		// next row's pixels, which meet it again (5 recordings, 2 of
		// the outer loop). The pixel loop's trace bridged from inside
		// the escape loop: the rows are now not recorded at all (3
		// recordings, 1 of the rows, before).
		name: "a wall in an inner loop's side path",
		src: `def rows(width, height, limit):
    inside = 0
    for py in range(height):
        y0 = (py / height) * 2.4 - 1.2
        for px in range(width):
            x0 = (px / width) * 3.5 - 2.5
            x = 0.0
            y = 0.0
            i = 0
            while x * x + y * y <= 4.0 and i < limit:
                x, y = x * x - y * y + x0, 2.0 * x * y + y0
                i += 1
            if i == limit:
                inside += 1
    return inside
print(rows(40, 400, 30))
`,
		label: "recordings", max: 2,
	}, {
		// A generator expression's loop yields on the only path there
		// is: each of the three was recorded six times (raytracer's
		// checksum line), then once; now its body, straight to the
		// yield, is not recorded at all.
		name: "yield on the only path",
		src: `rows = [(i, i * 2, i * 3) for i in range(3000)]
for k in range(4):
    print(sum(p[0] for p in rows), sum(p[1] for p in rows), sum(p[2] for p in rows))
`,
		label: "recordings", max: 0,
	}, {
		// A yield behind an if, met by a second recording at the same
		// place: most iterations yield. The generator's loop compiled
		// for the iterations that do not, left at once at every entry
		// and was recorded again; the generator expression's was
		// recorded six times (14 recordings in all, now 6).
		name: "yield behind an if",
		src: `def kept(xs):
    for x in xs:
        if x % 7 != 0:
            yield x
xs = list(range(500))
t = 0
for k in range(40):
    t += sum(kept(xs)) + sum(x for x in xs if x % 5 != 0)
print(t)
`,
		label: "recordings", max: 6,
	}, {
		// An operator on instances in an inlined call, behind an if:
		// the first recording stops there, the second recorded the
		// rare path round it, whose trace left at the if at nearly
		// every entry (320 entries, two bridges that stopped at the
		// same operator, benched five times: 5 recordings). Giving
		// such a loop up at once cost more elsewhere (a loop whose rare
		// first iterations met the operator was never traced:
		// TestRareInstanceOperator), so it waits for a second meeting.
		name: "operator on instances behind an if",
		src: `class V:
    def __init__(self, x):
        self.x = x
    def __sub__(self, o):
        return V(self.x - o.x)
def gap(a, b):
    return (a - b).x
def run(vs, w):
    t = 0.0
    for v in vs:
        if v.x > 0.15:
            t += gap(v, w)
    return t
vs = [V(i / 10.0) for i in range(10)]
w = V(0.25)
t = 0.0
for k in range(3000):
    t += run(vs, w)
print(t)
`,
		label: "recordings", max: 5,
	}, {
		// A str from a list in an inlined call, behind an if: the
		// second recording stopped there too (wordcount's loops over
		// lists of words: 2 recordings each).
		name: "str from a list behind an if",
		src: `words = ["alpha", "beta", "gamma", "delta", "epsilon"]
def word(seed):
    return words[seed % 5]
def pick(n, seed):
    total = 0
    for k in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        if seed % 3 == 0:
            total += 1
        total += len(word(seed))
    return total
t = 0
for s in range(300):
    t += pick(40, s)
print(t)
`,
		label: "recordings", max: 1,
	}, {
		// A while loop of two iterations a call, called from a loop
		// that is not traced: every recording reached the loop's end
		// (6 recordings in all). Now the third gives it up.
		name: "a loop that ends at every try",
		src: `def power(x, n):
    while n > 1:
        x *= x
        n //= 2
    return x
t = 0.0
for i in range(3000):
    a, *b = (i, 4)
    t += power(1.0001, b[0])
print(t)
`,
		label: "recordings", max: 4,
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want, _ := runStats(t, Config{}, tc.src)
			got, stats := runStats(t, Config{JIT: JITOn}, tc.src)
			if got != want {
				t.Errorf("output %q, want %q", got, want)
			}
			if n := statCount(t, stats, tc.label); n > tc.max {
				t.Errorf("%d %s, want at most %d:\n%s", n, tc.label, tc.max, stats)
			}
		})
	}
}

// TestRareInstanceOperator: a loop whose first iterations call an
// operator on instances (a warm-up branch) and whose other iterations are
// int work is traced: the first recording meets the operator, a later one
// the common path.
func TestRareInstanceOperator(t *testing.T) {
	src := `class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + o.x)
def bump(v, w): return v + w
def run(n, w):
    t = 0; v = V(0)
    for i in range(n):
        if i < 100:
            v = bump(v, w)
        t += (i * i) % 7
    return t + v.x
print(run(20000, V(1)))
`
	want, _ := runStats(t, Config{}, src)
	got, stats := runStats(t, Config{JIT: JITOn}, src)
	if got != want {
		t.Errorf("output %q, want %q", got, want)
	}
	if n := statCount(t, stats, "compiles"); n < 1 {
		t.Errorf("%d compiles, want the loop traced:\n%s", n, stats)
	}
}

// nestedRangeLoops is a program whose function runs an inner range loop
// of n iterations in an outer one of n, called four times.
func nestedRangeLoops(n int) string {
	return fmt.Sprintf(`def times(u, out):
    n = len(u)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += u[j] * (i + j + 1)
        out[i] = s
u = [1.0] * %d
out = [0.0] * %d
for k in range(4):
    times(u, out)
print(sum(out))
`, n, n)
}

// TestKnownLongInnerLoop: an outer loop recorded around an inner loop
// whose own trace runs long entries and has no bridges finishes the
// inner loop natively at once: none of its uops run on the uop reference
// (spectral_norm's outer loops ran 256 there each, ~70 K instructions a
// recording).
func TestKnownLongInnerLoop(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := nestedRangeLoops(400)
	want, _ := runStats(t, Config{}, src)
	got, stats := runStats(t, Config{JIT: JITOn}, src)
	if got != want {
		t.Errorf("output %q, want %q", got, want)
	}
	if n := statCount(t, stats, "compiles"); n < 2 {
		t.Fatalf("%d compiles, want the inner loop's and the outer loop's:\n%s", n, stats)
	}
	if n := statCount(t, stats, "inner loop uops run on the reference"); n != 0 {
		t.Errorf("%d inner loop uops run on the reference, want 0:\n%s", n, stats)
	}
}

// TestInnerLoopLeftToOuter: an inner loop that gets hot with fewer than a
// few thresholds of iterations left in its entry gets no trace of its own:
// the loop around it is recorded at its next back-edge and entered at
// once, its trace taking the inner loop in (spectral_norm recorded each
// inner loop first, a third of its JIT work, for a trace the outer one
// replaced). Its recording finishes the inner loop natively at once, as
// the iterations left at the inner loop's hot count make it long.
func TestInnerLoopLeftToOuter(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := nestedRangeLoops(150)
	want, _ := runStats(t, Config{}, src)
	got, stats := runStats(t, Config{JIT: JITOn}, src)
	if got != want {
		t.Errorf("output %q, want %q", got, want)
	}
	if n := statCount(t, stats, "recordings"); n != 1 {
		t.Errorf("%d recordings, want the outer loop's alone:\n%s", n, stats)
	}
	if !strings.Contains(string(stats), "trace at line 3: 4 entries") {
		t.Errorf("want the outer loop's trace entered once a call:\n%s", stats)
	}
	if n := statCount(t, stats, "inner loop uops run on the reference"); n != 0 {
		t.Errorf("%d inner loop uops run on the reference, want 0:\n%s", n, stats)
	}
}

// TestSidePathAfterNativeRun: an outer loop's recording finishes its inner
// loop natively after nativeAfterSteps uops on the reference; when the
// native run leaves at a path the recording has not seen, the recording
// follows it and then runs the loop on natively at once, not on the
// reference again first (levenshtein's rows: 1246 reference uops, 306
// once it went native at once).
func TestSidePathAfterNativeRun(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	// levenshteinSrc (jit_inner_test.go) on longer texts.
	src := strings.Replace(levenshteinSrc, "make_text(1, 300), make_text(2, 300)", "make_text(1, 500), make_text(2, 500)", 1)
	if src == levenshteinSrc {
		t.Fatal("levenshteinSrc no longer ends with the call this test lengthens")
	}
	want, _ := runStats(t, Config{}, src)
	got, stats := runStats(t, Config{JIT: JITOn}, src)
	if got != want {
		t.Errorf("output %q, want %q", got, want)
	}
	if !strings.Contains(string(stats), "trace at line 13: 1 entries") {
		t.Fatalf("want the outer loop's trace entered once:\n%s", stats)
	}
	if n := statCount(t, stats, "inner loop uops run on the reference"); n >= 2*nativeAfterSteps {
		t.Errorf("%d inner loop uops run on the reference, want fewer than %d (one stretch before the first native run, and the paths found in it):\n%s", n, 2*nativeAfterSteps, stats)
	}
}
