package interp

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	jit "github.com/copypatch/copypatch/runtime"
)

// jitConfigs are the tier-2 modes every program must agree with the
// interpreter in: native traces and the uop reference, each with every
// loop hot at once (threshold 1), and native at the default threshold.
var jitConfigs = []Config{
	{JIT: JITOn, JITThreshold: 1},
	{JIT: JITUops, JITThreshold: 1},
	{JIT: JITOn},
}

// runBoth runs src without and with the JIT (every loop hot after two
// back-edges, so even the corpus's short loops are traced) and fails if
// anything differs.
func runBoth(t *testing.T, name string, src []byte) {
	t.Helper()
	runningPrograms.Store(name, time.Now())
	defer runningPrograms.Delete(name)
	var o1, e1, o2, e2 bytes.Buffer
	s1 := RunWith(Config{}, "t.py", src, nil, &o1, &e1)
	for _, cfg := range jitConfigs {
		o2.Reset()
		e2.Reset()
		s2 := RunWith(cfg, "t.py", src, nil, &o2, &e2)
		if s1 != s2 || o1.String() != o2.String() || e1.String() != e2.String() {
			t.Errorf("%s: with the JIT (%+v): status %d, stdout\n%s\nstderr\n%s\nwithout: status %d, stdout\n%s\nstderr\n%s",
				name, cfg, s2, o2.String(), e2.String(), s1, o1.String(), e1.String())
		}
	}
}

// TestJITAgreesWithInterpreter is the differential test of tier 2: every
// corpus and regression program prints the same with the JIT.
func TestJITAgreesWithInterpreter(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	// Parallel subtests: run one after another, the programs' four runs
	// each were a third of the package's time on one core.
	for _, c := range loadCorpus(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			runBoth(t, c.name, c.src)
		})
	}
	for _, p := range regressPrograms {
		t.Run("regress/"+p.name, func(t *testing.T) {
			t.Parallel()
			runBoth(t, "regress/"+p.name, []byte(p.src))
		})
	}
	for _, c := range smokeCases {
		t.Run("smoke/"+c.name, func(t *testing.T) {
			t.Parallel()
			runBoth(t, "smoke/"+c.name, []byte(c.src))
		})
	}
	// The shared programs: TestJITSharedPrograms.
}

// TestJITLoops runs loops built to stress the translator: every exit kind
// (int overflow into big ints, a float division by zero, a type change of
// a loop variable, breaks out of the body, a negative range step) must
// leave the interpreter exactly where it would have been.
func TestJITLoops(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	// Loops inside functions: module-level names are globals (traces keep
	// those in slots: the corpus's jit_globals).
	progs := map[string]string{
		"overflow": `def f():
    s = 0
    for i in range(1000):
        s += 36028797018963968
    return s
print(f())
`,
		"wide": `def lcg(n, seed):
    state = seed
    acc = 0
    for _ in range(n):
        state = (state * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        acc ^= state >> 40
    return state, acc
print(lcg(300, 42), lcg(300, 2**63 + 5), lcg(50, -7), lcg(20, 2**100))
def grow(x):
    t = 0
    for i in range(40):
        x = x * 3037000499 + i
        t += x % 1000
    return x, t
print(grow(1), grow(-5))
def fnv(n):
    h = 14695981039346656037
    for i in range(n):
        h = ((h ^ i) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h
print(fnv(100))
def live(n):
    s, t = 1, 0
    for i in range(n):
        p = s * 9223372036854775807 - i
        if i % 7 == 3:
            t += 1
        s = (p + t) % 2**61
    return s, t, p
print(live(200))
def mixed(n):
    x = 3
    y = 0
    for i in range(n):
        x = x * 5 % 2**70
        y = (y + x) & (2**65 - 1)
        if x < 1000:
            y -= 1
    return x, y
print(mixed(150))
def step(s):
    return (s * 6364136223846793005 + 1) % 2**64
def g(n):
    s = 1
    for i in range(n):
        s = step(s)
    return s
print(g(100))
def shifts(n):
    x = 2**64 + 12345
    out = 0
    for i in range(n):
        out += (x >> (i % 70)) & 255
        x = x * 3 % 2**100
    return out, x
print(shifts(300))
`,
		"strs": `def count(s, c):
    n = 0
    for i in range(len(s)):
        if s[i] == c:
            n += 1
    return n
print(count("abracadabra", "a"), count("h\u00e9llo w\u00f6rld", "l"), count("x" * 50, "x"), count("", "a"))
def pairs(a, b):
    n = 0
    for i in range(len(a)):
        for j in range(len(b)):
            if a[i] != b[j]:
                n += i - j
    return n
print(pairs("acgtacgt", "ttgca"), pairs("".join(["ab", "cd"] * 20), "dcba"))
def rev(s):
    t = 0
    k = -1
    while k >= -len(s):
        c = s[k]
        if c == "z":
            t += 100
        elif c == s[0]:
            t += 1
        k -= 1
    return t
print(rev("azbzcza"), rev("zz"))
def oob(s):
    t = 0
    for i in range(len(s) + 3):
        if s[i] == "b":
            t += i
    return t
try:
    print(oob("abcb" * 10))
except IndexError as e:
    print("IndexError", e)
def change(ss):
    t = 0
    for s in ss:
        for i in range(len(s)):
            if s[i] == "\u00e9" or s[i] == "e":
                t += 1
    return t
print(change(["eee", "\u00e9t\u00e9", "ete" * 9, "x"]))
def mixed(xs, s):
    t = 0
    for i in range(len(xs)):
        if xs[i] == s[i % len(s)]:
            t += 1
    return t
print(mixed([1, "a", "b", 2.0, "a"] * 10, "ab"))
`,
		"while-float": `def f():
    x, i = 0.0, 0
    while i < 1000:
        x = x + 0.5 * i - i / 3
        i += 1
    return x, i
print(f())
`,
		"zero-div": `def f():
    x, i = 1.0, 0
    while i < 50:
        x = x / (10.0 - i)
        i += 1
    return x
print(f())
`,
		"type-change": `def f(x):
    for i in range(30):
        x = x + i
    return x
print(f(0), f(0.5), f(10 ** 30), f(True))
`,
		"break": `def f():
    i = 0
    while i < 10 ** 6:
        if i * i > 5000:
            break
        i += 1
    n = 0
    for k in range(100):
        if k >= 37:
            break
        n = n + k
    return i, n
print(f())
`,
		"neg-step": `def f():
    t = 0
    for i in range(100, 0, -3):
        t = t + i
    return t
print(f())
`,
		"nested": `def f():
    total = 0
    for i in range(50):
        for j in range(40):
            total = total + i * j - j
    return total
print(f())
`,
		"neg": `def f(a, b):
    for i in range(10):
        a = -a
        b = -b
    return a, b
print(f(3, 2.5), f(-9223372036854775807 - 1, 0.0))
`,
		"for-over-list": `def f(xs):
    s = 0.0
    n = 0
    for x in xs:
        s += x * 0.5
        if x > 900:
            n += 1
    return s, n
xs = [float(i) for i in range(1000)]
print(f(xs))
def g(ls):
    t = 0
    for l in ls:
        t += l[0] + l[1]
    return t
print(g([[i, i * 2] for i in range(500)]))
def h(xs):
    it = iter(xs)
    for x in it:
        if x == 700:
            break
    return next(it)
print(h(list(range(1000))))
def k(xs):
    t = 0
    for x in xs:
        t += x
        if t > 100:
            xs.append(1)
            if len(xs) > 60:
                break
    return t, len(xs)
print(k(list(range(50))))
`,
		"nan-compare": `def f():
    x = float("nan")
    i = 0
    n = 0
    while i < 5:
        i += 1
        if x < 1.0:
            n += 1
    return i, n
print(f())
`,
		"float-loop-exit": `def f(c):
    z, n = 0.0, 0
    while n < 100:
        z = z * z + c
        if z > 2.0:
            return n
        n += 1
    return -1
print(f(0.3), f(-1.5), f(0.25))
`,
	}
	before := sharedCache(jit.Config{Evict: true}).Stats()
	for name, src := range progs {
		runBoth(t, name, []byte(src))
	}
	after := sharedCache(jit.Config{Evict: true}).Stats()
	// The loops must really have been compiled (and freed with their runs).
	if n := after.Compiled - before.Compiled; n < len(progs) {
		t.Errorf("%d traces compiled for %d programs", n, len(progs))
	}
	if after.Traces != before.Traces {
		t.Errorf("%d traces left live after their runs", after.Traces-before.Traces)
	}
}

// TestSysJIT: sys._jit answers as in CPython 3.14, per mode.
func TestSysJIT(t *testing.T) {
	src := []byte("import sys\nprint(sys._jit.is_available(), sys._jit.is_enabled(), sys._jit.is_active())\n")
	avail := "False"
	if JITAvailable() {
		avail = "True"
	}
	for _, c := range []struct {
		cfg  Config
		want string
	}{
		{Config{}, avail + " False False\n"},
		{Config{JIT: JITOn}, avail + " " + avail + " False\n"},
		{Config{JIT: JITUops}, avail + " True False\n"},
	} {
		var out, errb bytes.Buffer
		RunWith(c.cfg, "t.py", src, nil, &out, &errb)
		if out.String() != c.want {
			t.Errorf("%+v: %q, want %q (stderr %q)", c.cfg.JIT, out.String(), c.want, errb.String())
		}
	}
}

// TestTraceLog: every compiled trace is printed with its uops (and its
// machine code when native), as minipy dis --traces shows them.
func TestTraceLog(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := []byte("def f(n):\n    s = 0.0\n    for i in range(n):\n        s += i * 0.5\n    return s\nprint(f(1000))\n")
	var log, out, errb bytes.Buffer
	RunWith(Config{JIT: JITOn, TraceLog: &log}, "t.py", src, nil, &out, &errb)
	for _, want := range []string{"trace for the loop at t.py:3", "loop:", "float_mul", "machine code:", "; uop 0: "} {
		if !bytes.Contains(log.Bytes(), []byte(want)) {
			t.Errorf("trace log lacks %q:\n%s", want, log.String())
		}
	}
	if out.String() != "249750.0\n" {
		t.Errorf("output %q", out.String())
	}
}

// TestJITSharedPrograms runs the shared programs with the JIT on (every
// loop hot at once, and at the default threshold) against their expected
// output; CI runs it on arm64 under qemu too.
func TestJITSharedPrograms(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	for _, dir := range []string{"lang", "bench"} {
		for _, p := range loadPrograms(t, dir) {
			t.Run(p.name, func(t *testing.T) {
				t.Parallel()
				src, err := os.ReadFile(p.path)
				if err != nil {
					t.Fatal(err)
				}
				cfgs := []Config{{JIT: JITOn, JITThreshold: 1}, {JIT: JITOn}}
				if dir == "lang" && !testing.Short() {
					// The uop reference is slow (under qemu, and on the
					// bench programs): the corpus covers it there.
					cfgs = append(cfgs, Config{JIT: JITUops, JITThreshold: 1})
				}
				for _, cfg := range cfgs {
					var out, errb bytes.Buffer
					if status := RunWith(cfg, p.path, src, nil, &out, &errb); status != p.status || out.String() != p.out {
						t.Errorf("%s (%+v): status %d, stdout\n%s\nstderr\n%s", p.name, cfg, status, out.String(), errb.String())
					}
				}
			})
		}
	}
}

// TestJITCodeLimit: with less code memory than the program's traces need,
// the program still runs right, interpreting what does not fit.
func TestJITCodeLimit(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	ran, refusing := 0, 0
	for _, p := range loadPrograms(t, "bench") {
		if p.name != "bench/nbody" && p.name != "bench/spectral_norm" && p.name != "bench/mandelbrot" {
			continue
		}
		ran++
		src, err := os.ReadFile(p.path)
		if err != nil {
			t.Fatal(err)
		}
		var out, errb, stats bytes.Buffer
		cfg := Config{JIT: JITOn, JITMaxCode: 4096, JITStats: &stats}
		if status := RunWith(cfg, p.path, src, nil, &out, &errb); status != p.status || out.String() != p.out {
			t.Errorf("%s with 4 KiB of code: status %d, stdout\n%s\nstderr\n%s", p.name, status, out.String(), errb.String())
		}
		if m := regexp.MustCompile(`\((\d+) refused\)`).FindSubmatch(stats.Bytes()); m != nil && string(m[1]) != "0" {
			refusing++
		} else {
			t.Logf("%s: no compile refused under a 4 KiB limit:\n%s", p.name, stats.String())
		}
	}
	if ran != 3 {
		t.Errorf("ran %d programs, want 3", ran)
	}
	// Some compiles must have been refused, or the limit was not tight. Not
	// every program's: spectral_norm's live traces fit in 4 KiB since its
	// slot operands became displacements (d1056dd) and traces it gives up
	// hand their code back.
	if refusing == 0 {
		t.Errorf("no program had a compile refused under a 4 KiB limit")
	}
}

// TestTraceAtAnyDepth: one trace serves a function's loop whatever the
// depth of the call (slots are addressed from the frame base).
func TestTraceAtAnyDepth(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := []byte(`def work(n):
    s = 0
    for i in range(n):
        s += i * i
    return s
def deeper(k, n):
    if k == 0:
        return work(n)
    return deeper(k - 1, n)
t = 0
for k in range(6):
    t += deeper(k, 20000)
print(t)
`)
	var out, errb, stats bytes.Buffer
	RunWith(Config{JIT: JITOn, JITStats: &stats}, "t.py", src, nil, &out, &errb)
	if out.Len() == 0 {
		t.Fatalf("no output: %s", errb.String())
	}
	var want bytes.Buffer
	RunWith(Config{}, "t.py", src, nil, &want, &errb)
	if out.String() != want.String() {
		t.Errorf("with the JIT %q, without %q", out.String(), want.String())
	}
	if !bytes.Contains(stats.Bytes(), []byte("1 compiles")) || !bytes.Contains(stats.Bytes(), []byte("6 entries")) {
		t.Errorf("want one trace entered at all 6 depths:\n%s", stats.String())
	}
}

// TestTraceNone: loops that test "is None" and load None-valued
// attributes are traced with nothing left to the interpreter, and agree
// with it.
func TestTraceNone(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := []byte(`class N:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt
        self.up = None
def total(n):
    t = 0
    while n is not None:
        t += n.v
        n = n.nxt
    return t
def count(n):
    k = 0
    while n:
        if n.up is None:
            k += 1
        n = n.nxt
    return k
h = None
for i in range(50):
    h = N(i, h)
h.nxt.up = h
s = 0
for r in range(40):
    s += total(h) + count(h)
print(s)
`)
	var out, want, errb, debug bytes.Buffer
	RunWith(Config{JIT: JITOn, JITDebug: &debug}, "t.py", src, nil, &out, &errb)
	RunWith(Config{}, "t.py", src, nil, &want, &errb)
	if out.String() != want.String() || out.Len() == 0 {
		t.Errorf("with the JIT %q, without %q: %s", out.String(), want.String(), errb.String())
	}
	for _, line := range []string{"t.py:8: trace compiled", "t.py:14: trace compiled"} {
		if !strings.Contains(debug.String(), line) {
			t.Errorf("want %q in the JIT's decisions:\n%s", line, debug.String())
		}
	}
	if strings.Contains(debug.String(), "call-out") || strings.Contains(debug.String(), "t.py:8: recording aborted") ||
		strings.Contains(debug.String(), "t.py:14: recording aborted") {
		t.Errorf("a None loop was not traced natively:\n%s", debug.String())
	}
}

// TestFunctionTraces: a recursive function runs as a function trace that
// calls itself natively: recorded once with a bridge for the other branch,
// entered from Go only at the outermost calls (so far fewer entries than
// calls), shown by the trace log, and agreeing with the interpreter on
// exits at depth (an int outgrowing 64 bits, a result of another type, the
// recursion limit, an exception's traceback).
func TestFunctionTraces(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := []byte(`def fib(n):
    if n <= 1:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(24))
`)
	var out, errb, stats, debug, log bytes.Buffer
	RunWith(Config{JIT: JITOn, JITStats: &stats, JITDebug: &debug, TraceLog: &log}, "t.py", src, nil, &out, &errb)
	if out.String() != "46368\n" {
		t.Fatalf("fib(24) = %q (%s)", out.String(), errb.String())
	}
	for _, want := range []string{"t.py:2: function fib: trace compiled", "function fib (line 2): bridge from line 2"} {
		if !strings.Contains(debug.String(), want) {
			t.Errorf("want %q in the JIT's decisions:\n%s", want, debug.String())
		}
	}
	m := regexp.MustCompile(`(\d+) entries`).FindStringSubmatch(stats.String())
	if m == nil || len(m[1]) > 3 {
		t.Errorf("fib(24) makes 150,000 calls: want fewer than 1,000 entries from Go:\n%s", stats.String())
	}
	for _, want := range []string{"trace for the function fib at t.py:2", "call_self", "ret r", "machine code:"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("trace log lacks %q:\n%s", want, log.String())
		}
	}
	if strings.Contains(log.String(), "loop:") {
		t.Errorf("a function trace printed as a loop:\n%s", log.String())
	}
	// The bridge knows what the trace proved before its branch, and the
	// branch's answer: n is guarded and compared once.
	if _, bridged, ok := strings.Cut(log.String(), "1 bridges"); !ok {
		t.Errorf("no bridged trace in the log:\n%s", log.String())
	} else if uops, _, _ := strings.Cut(bridged, "machine code:"); strings.Count(uops, "guard_int r0 ") != 1 || strings.Count(uops, "int_jump_if_le") != 1 {
		t.Errorf("the bridged trace guards or compares n again:\n%s", uops)
	}
	deep := []byte(`import sys
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
def down(n, k):
    if n == 0:
        return 10 // k
    return down(n - 1, k) + 1
def half(n):
    if n <= 1:
        return 0.5 if n == 1 else 0
    return half(n - 2) + 1
for i in range(400):
    fact(i % 20)
    down(i % 50, 3)
    half(i % 9)
print(fact(40), half(31), down(990, 1))
try:
    down(1500, 1)
except RecursionError as e:
    print(e)
sys.setrecursionlimit(100)
try:
    down(120, 1)
except RecursionError as e:
    print(e)
print(down(40, 0))
`)
	runBoth(t, "deep", deep)
	var out2, errb2 bytes.Buffer
	if RunWith(Config{JIT: JITOn}, "t.py", deep, nil, &out2, &errb2) != 1 || !strings.HasSuffix(errb2.String(), "ZeroDivisionError: division by zero\n") ||
		!strings.Contains(errb2.String(), "[Previous line repeated 37 more times]\n  File \"t.py\", line 8, in down") {
		t.Errorf("want a traceback through 41 frames of down (40 repeated):\n%s\n%s", out2.String(), errb2.String())
	}
}

// TestTraceObjectLoops: loops over lists of tuples (unpacked natively with
// guard_tuple and tuple_load), `while queue:` over a list's truth, and a
// loop of eight iterations a run (which the threshold divides: every try
// used to start at its last iteration) are traced, with no recording of
// them aborted for good.
func TestTraceObjectLoops(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := []byte(`def pairs(ps):
    s = 0.0
    for x, k in ps:
        s += x * k
    return s
def drain(n):
    q = list(range(4))
    t = 0
    i = 0
    while q and i < n:
        t += q[i % 4]
        i += 1
    return t
def eight(v):
    for i in range(8):
        v[i] = v[i] * 3 % 1001
ps = [(i * 0.5, i % 7) for i in range(500)]
v = list(range(8))
s = 0.0
for r in range(200):
    s += pairs(ps) + drain(40)
    eight(v)
print(s, v)
`)
	var out, want, errb, debug, traces bytes.Buffer
	RunWith(Config{JIT: JITOn, JITDebug: &debug, TraceLog: &traces}, "t.py", src, nil, &out, &errb)
	RunWith(Config{}, "t.py", src, nil, &want, &errb)
	if out.String() != want.String() || out.Len() == 0 {
		t.Errorf("with the JIT %q, without %q: %s", out.String(), want.String(), errb.String())
	}
	for _, line := range []string{"t.py:3: trace compiled", "t.py:10: trace compiled", "t.py:15: trace compiled"} {
		if !strings.Contains(debug.String(), line) {
			t.Errorf("want %q in the JIT's decisions:\n%s", line, debug.String())
		}
	}
	for _, uop := range []string{"guard_tuple", "tuple_load"} {
		if !strings.Contains(traces.String(), uop) {
			t.Errorf("no %s in the traces:\n%s", uop, traces.String())
		}
	}
}
