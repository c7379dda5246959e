package interp

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// statCount is the number before label in --jit-stats output.
func statCount(t *testing.T, stats []byte, label string) int {
	t.Helper()
	m := regexp.MustCompile(`(\d+) ` + regexp.QuoteMeta(label)).FindSubmatch(stats)
	if m == nil {
		t.Fatalf("no %q in the stats:\n%s", label, stats)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// runStats runs src in mode and returns its output and --jit-stats.
func runStats(t *testing.T, cfg Config, src string) (string, []byte) {
	t.Helper()
	var out, errb, stats bytes.Buffer
	cfg.JITStats = &stats
	if status := RunWith(cfg, "t.py", []byte(src), nil, &out, &errb); status != 0 {
		t.Fatalf("status %d: %s", status, errb.String())
	}
	return out.String(), stats.Bytes()
}

// A linked list of instances of three classes, each with its own shape:
// the walk's attribute loads guard one shape, and the others exit there.
const polySrc = `class A:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt
class B:
    def __init__(self, v, nxt):
        self.pad = 0
        self.v = v
        self.nxt = nxt
class C:
    def __init__(self, v, nxt):
        self.x = 1.5
        self.y = None
        self.nxt = nxt
        self.v = v
def build(n):
    head = None
    for i in range(n):
        k = i % 3
        if k == 0:
            head = A(i, head)
        elif k == 1:
            head = B(i * 2, head)
        else:
            head = C(i - 7, head)
    return head
def walk(n):
    t = 0
    while n is not None:
        t += n.v
        n = n.nxt
    return t
head = build(300)
s = 0
for r in range(200):
    s += walk(head)
print(s)
`

// TestPolymorphicBridges: a loop over instances of several shapes grows a
// bridge per shape from the shape guard's exit, after which it leaves only
// where the loop ends, and agrees with the interpreter in every mode.
func TestPolymorphicBridges(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	want, _ := runStats(t, Config{}, polySrc)
	for _, cfg := range []Config{{JIT: JITOn}, {JIT: JITOn, JITThreshold: 1}, {JIT: JITUops}} {
		got, stats := runStats(t, cfg, polySrc)
		if got != want {
			t.Errorf("%+v: output %q, want %q", cfg, got, want)
		}
		if n := statCount(t, stats, "bridges"); n < 2 {
			t.Errorf("%+v: %d bridges, want one per other shape (2):\n%s", cfg, n, stats)
		}
		// Every walk enters once and leaves at its end; the exits that
		// made the bridges come on top. (build's loop, whose instances
		// the trace makes, has a trace of its own.)
		if entries, exits := traceEntries(t, stats, 29), traceExits(stats, 29); exits > 200+3*bridgeAfter*maxBridgeTries || entries > exits {
			t.Errorf("%+v: %d entries, %d exits: the shapes still leave:\n%s", cfg, entries, exits, stats)
		}
	}
}

// A loop around calls two deep whose innermost callee branches both ways:
// the branches' exits are inside the inlined frames.
const inlinedExitSrc = `def pick(x):
    if x > 0:
        y = x * 2
    else:
        y = -x
    if x % 7 == 3:
        w = 5
    else:
        w = y - 1
    return y + w
def inner(a):
    return pick(a - 40) + 1
def outer(a):
    return inner(a) * 2
def walk(n):
    total = 0
    for i in range(n):
        total += outer(i % 90)
        total %= 1000003
    return total
print(walk(20000))
`

// TestInlinedExitBridges: exits inside inlined calls grow bridges recorded
// from there, in those frames (they were never bridged: the loop left its
// trace every few iterations and was given up), and the output agrees
// with the interpreter in every mode.
func TestInlinedExitBridges(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	want, _ := runStats(t, Config{}, inlinedExitSrc)
	for _, cfg := range []Config{{JIT: JITOn}, {JIT: JITOn, JITThreshold: 1}, {JIT: JITUops}} {
		got, stats := runStats(t, cfg, inlinedExitSrc)
		if got != want {
			t.Errorf("%+v: output %q, want %q", cfg, got, want)
		}
		if n := statCount(t, stats, "bridges"); n < 2 {
			t.Errorf("%+v: %d bridges, want the callee's two branches bridged:\n%s", cfg, n, stats)
		}
		// 20000 iterations: once bridged, the loop stays in its trace.
		if exits := statCount(t, stats, "exits"); exits > 4*bridgeAfter*maxBridgeTries {
			t.Errorf("%+v: %d exits: the callee's branches still leave:\n%s", cfg, exits, stats)
		}
	}
}

// TestLosingTraceBenched: a loop that runs a few iterations per call
// enters its trace only to leave it: the trace is benched, again and
// again, then given up, and the program's output does not change.
func TestLosingTraceBenched(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := `def f(n):
    i = 0
    while i < n:
        i += 1
    return i
t = 0
for k in range(30000):
    t += f(4) + (lambda: 0)()  # (MAKE_FUNCTION keeps the module-level loop untraced)
print(t)
`
	want, _ := runStats(t, Config{}, src)
	got, stats := runStats(t, Config{JIT: JITOn}, src)
	if got != want {
		t.Errorf("output %q, want %q", got, want)
	}
	if n := statCount(t, stats, "traces benched for losing"); n != maxBenched-1 {
		t.Errorf("benched %d times, want %d:\n%s", n, maxBenched-1, stats)
	}
	if n := statCount(t, stats, "given up"); n != 1 {
		t.Errorf("%d traces given up, want 1:\n%s", n, stats)
	}
	// Once given up, the loop costs nothing: its entries stop.
	if n := statCount(t, stats, "entries"); n > maxBenched*shortTripEntries+shortTripEntries {
		t.Errorf("%d entries: the losing trace was still entered:\n%s", n, stats)
	}
}

// TestShortTripTraceKept: a loop of a few more iterations per call keeps
// its trace: entering it costs about two interpreted iterations, so a
// trace whose entries run 5 or 6 back-edges is not benched.
func TestShortTripTraceKept(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := `def f(n):
    i = 0
    while i < n:
        i += 1
    return i
t = 0
for k in range(30000):
    t += f(8) + (lambda: 0)()  # (MAKE_FUNCTION keeps the module-level loop untraced)
print(t)
`
	want, _ := runStats(t, Config{}, src)
	got, stats := runStats(t, Config{JIT: JITOn}, src)
	if got != want {
		t.Errorf("output %q, want %q", got, want)
	}
	if n := statCount(t, stats, "traces benched for losing"); n != 0 {
		t.Errorf("benched %d times, want 0:\n%s", n, stats)
	}
	if n := statCount(t, stats, "entries"); n < 20000 {
		t.Errorf("%d entries: the trace was not kept:\n%s", n, stats)
	}
}

// TestUntraceableGivenUp: a loop whose recording stops at a wall (an
// operation the recorder cannot translate) on the only path there is (no
// branch on the way) is not recorded again; one whose path to the wall
// took a branch is, once: the same wall twice ends the tries (at once
// when its call-outs were far from paying). A loop
// whose recordings stop where its path happened to go keeps its tries.
func TestUntraceableGivenUp(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	for _, tc := range []struct {
		name, src  string
		recordings int
	}{
		{"straight", `def f(n):
    g = 0
    for i in range(n):
        g += (lambda: 1)()
    return g
print(f(100000))
`, 1},
		{"after a branch", `def f(n):
    g = 0
    for i in range(n):
        if i >= 0:
            g += 1
        g += (lambda: 1)()
    return g
print(f(100000))
`, 2},
		// A dict store (a call-out) for 3 native instructions, less
		// than half what it needs: the loop's other paths are not
		// tried (callOutsHopeless).
		{"call-outs far from paying", `def f(n):
    d = {}
    for i in range(n):
        if i >= 0:
            d[i] = i
    return len(d)
print(f(100000))
`, 1},
		// 8 native instructions for one call-out: short of the 9 it
		// needs, not by half, so a second path is recorded.
		{"call-outs near paying", `def f(n):
    d = {}
    g = 0
    for i in range(n):
        if i >= 0:
            g = g + i * 3 - 1
            g = g % 1000 + 2
        d[i] = g
    return len(d), g
print(f(100000))
`, 2},
	} {
		want, _ := runStats(t, Config{}, tc.src)
		got, stats := runStats(t, Config{JIT: JITOn}, tc.src)
		if got != want {
			t.Errorf("%s: output %q, want %q", tc.name, got, want)
		}
		if n := statCount(t, stats, "recordings"); n != tc.recordings {
			t.Errorf("%s: %d recordings, want %d:\n%s", tc.name, n, tc.recordings, stats)
		}
	}
	// Hopeless is short by more than half: the last hopeless count of
	// native steps is just under half what callOutsPay asks.
	for _, c := range []struct{ callOuts, stores int }{{1, 0}, {2, 0}, {1, 1}} {
		need := (callOutSteps+1)*c.callOuts + (storeSteps+1)*c.stores
		last := (need - 1) / 2
		if !callOutsHopeless(last, c.callOuts, c.stores) || callOutsHopeless(last+1, c.callOuts, c.stores) || callOutsPay(need-1, c.callOuts, c.stores) || !callOutsPay(need, c.callOuts, c.stores) {
			t.Errorf("callOutsHopeless/callOutsPay: wrong bound for %d call-outs and %d stores (pays at %d steps)", c.callOuts, c.stores, need)
		}
	}
	if !pathDependent("the loop ends on the recorded path") || pathDependent("MAKE_FUNCTION is not traced") {
		t.Error("pathDependent tells walls from bad luck wrongly")
	}
}

// TestAlternatingWallsGivenUp: a loop whose iterations take two paths,
// each stopping its recording at a wall of its own, met in turn by the
// tries, is given up once a wall comes back (3 recordings), not after
// all 6 tries, each of which records an iteration.
func TestAlternatingWallsGivenUp(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := `def f(n):
    g = 0
    for i in range(n):
        if i % 3:
            g += (lambda: 1)()
        else:
            g += (lambda: 2)()
    return g
print(f(100000))
`
	want, _ := runStats(t, Config{}, src)
	got, stats := runStats(t, Config{JIT: JITOn}, src)
	if got != want {
		t.Errorf("output %q, want %q", got, want)
	}
	if n := statCount(t, stats, "recordings"); n != 3 {
		t.Errorf("%d recordings, want 3:\n%s", n, stats)
	}
}

// TestJITWorkStat: --jit-stats counts the JIT's own work (recording,
// optimizing, compiling) for function traces and their bridges as for
// loops, and gives its share of the run: more than nothing when a trace
// was compiled, never more than the run.
func TestJITWorkStat(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	re := regexp.MustCompile(`JIT work ([0-9.]+) ms \(recording, optimizing, compiling\), ([0-9.]+)% of the run's ([0-9.]+) ms \((CPU|wall) time\)`)
	for _, tc := range []struct{ name, src string }{
		{"function", "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nprint(fib(20))\n"},
		{"loop", "s = 0\nfor i in range(20000):\n    if i % 3 == 0:\n        s += i\n    else:\n        s -= 1\nprint(s)\n"},
	} {
		_, stats := runStats(t, Config{JIT: JITOn}, tc.src)
		if statCount(t, stats, "compiles") == 0 {
			t.Fatalf("%s: nothing compiled:\n%s", tc.name, stats)
		}
		m := re.FindSubmatch(stats)
		if m == nil {
			t.Fatalf("%s: no JIT work line:\n%s", tc.name, stats)
		}
		work, _ := strconv.ParseFloat(string(m[1]), 64)
		share, _ := strconv.ParseFloat(string(m[2]), 64)
		total, _ := strconv.ParseFloat(string(m[3]), 64)
		if work <= 0 || share < 0 || work > total || share > 100 {
			t.Errorf("%s: JIT work %v ms, %v%% of %v ms:\n%s", tc.name, work, share, total, stats)
		}
	}
}

// TestNoBridgeOutOfLoop: exits whose branch goes straight out of the loop
// (the loop's own test at its back-edge, a break) grow no bridge and are
// not recorded from again: each such recording would stop at once, every
// try. f's loop runs six iterations a call, so it leaves through its test
// on every call; g's leaves through a break.
func TestNoBridgeOutOfLoop(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := `def f(xs, who):
    n = 0
    for a, b in xs:
        if a == who and b == who:
            n += 1
    return n
def g(xs, stop):
    n = 0
    for x in xs:
        if x == stop:
            break
        n += x
    return n
xs = [(1, 1), (1, 2), (2, 1), (2, 2), (1, 1), (3, 3)]
ys = list(range(50))
t = 0
for k in range(20000):
    t += f(xs, k % 3) + g(ys, 40 + k % 7) + (lambda: 0)()  # (MAKE_FUNCTION keeps the module-level loop untraced)
print(t)
`
	want, _ := runStats(t, Config{}, src)
	got, stats := runStats(t, Config{JIT: JITOn}, src)
	if got != want {
		t.Errorf("output %q, want %q", got, want)
	}
	// f's and g's loops, f's two bridges (its if), one try from g's
	// break, and the module loop's three tries that stop (an inner loop
	// that left its path, then MAKE_FUNCTION twice): 8. Before, the
	// exits through f's test and g's break were recorded from three
	// times each (at 8, 64 and 512 exits) or more: 13.
	if n := statCount(t, stats, "recordings"); n > 8 {
		t.Errorf("%d recordings, want at most 8:\n%s", n, stats)
	}
	if n := statCount(t, stats, "bridges"); n != 2 {
		t.Errorf("%d bridges, want f's if bridged both ways:\n%s", n, stats)
	}
	if n := statCount(t, stats, "entries"); n < 30000 {
		t.Errorf("%d entries: the traces were not kept:\n%s", n, stats)
	}
}

// A bridge from an exit inside a while loop's body, where the loop goes on
// (the trace was recorded on a pass that left the loop after one turn),
// records the loop as an inner loop: it jumps to the loop's head and
// closes the loop at its back-edge. It stopped there ("a loop the
// recording entered in the middle"), each try, until the trace, leaving
// at once on every entry, was thrown away and recorded again: 18
// recordings, 8 of them stopped, and 14.8 iterations an entry.
func TestBridgeEntersLoopInMiddle(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := `def count(n):
    total = 0
    for k in range(n):
        x = 49 if k < 100 else k % 5
        while True:
            x = x * 3 + 1
            total += 1
            if x > 40 + k % 4:
                break
            if x % 7 == 0:
                total += 2
    return total
print(count(3000))
`
	want, _ := runStats(t, Config{}, src)
	got, stats := runStats(t, Config{JIT: JITOn}, src)
	if got != want {
		t.Errorf("output %q, want %q", got, want)
	}
	if n := statCount(t, stats, "aborted"); n > 1 {
		t.Errorf("%d recordings stopped, want at most 1:\n%s", n, stats)
	}
	if n := statCount(t, stats, "entries"); n > 100 {
		t.Errorf("%d entries: the trace kept leaving:\n%s", n, stats)
	}
}

// traceEntries is the entries --jit-stats gives the trace at line.
func traceEntries(t *testing.T, stats []byte, line int) int {
	t.Helper()
	m := regexp.MustCompile(fmt.Sprintf(`trace at line %d: (\d+) entries`, line)).FindSubmatch(stats)
	if m == nil {
		t.Fatalf("no trace at line %d in the stats:\n%s", line, stats)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// traceExits adds up the exits --jit-stats lists for the trace at line.
func traceExits(stats []byte, line int) int {
	sum := 0
	for _, m := range regexp.MustCompile(fmt.Sprintf(`(\d+) exits at [^\n]*\(trace at line %d\)`, line)).FindAllSubmatch(stats, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		sum += n
	}
	return sum
}

// TestJITWorkLessNativeCPU: the JIT work --jit-stats gives in CPU time
// leaves out the inner loops a recording ran natively by their CPU time,
// not their wall time: on a loaded machine the wall time of those runs
// was more than the CPU time of the whole recording, and levenshtein's
// JIT work read 0 ms.
func TestJITWorkLessNativeCPU(t *testing.T) {
	if _, ok := processCPU(); !ok {
		t.Skip("no CPU clock here")
	}
	j := &jitState{started: time.Now()}
	j.stats.recordCPUOK = true
	j.stats.recordCPU = 3 * time.Millisecond
	j.stats.recordNative = 5 * time.Millisecond // (wall: stretched by load)
	j.stats.recordNativeCPU = time.Millisecond
	var b bytes.Buffer
	j.writeStats(&b)
	if want := "JIT work 2.000 ms"; !strings.Contains(b.String(), want) {
		t.Errorf("want %q in:\n%s", want, b.String())
	}
}
