package interp

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copypatch/copypatch/templates"
)

// loopWithStore is a loop without inner loops around one dict store (a
// call-out) and n int statements of four instructions each.
func loopWithStore(n int) string {
	var b strings.Builder
	b.WriteString("def f(m):\n    d = {}\n    t = 0\n    for i in range(m):\n        d[i & 1023] = t\n")
	for k := range n {
		fmt.Fprintf(&b, "        t = t + (i ^ %d) %% 7\n", k+1)
	}
	b.WriteString("    return t, len(d)\nprint(f(20000))\n")
	return b.String()
}

// TestCallOutsInInnermostLoops: a loop without inner loops whose call-outs
// are few beside its native work is traced (the call-outs run in the
// middle of it); one whose call-outs are most of it is left to the
// interpreter. Both print what the interpreter prints.
func TestCallOutsInInnermostLoops(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	for _, tc := range []struct {
		ints   int
		traced bool
	}{
		{0, false},
		{1, false},
		{2, true},
		{8, true},
	} {
		src := loopWithStore(tc.ints)
		want, _ := runStats(t, Config{}, src)
		got, stats := runStats(t, Config{JIT: JITOn}, src)
		if got != want {
			t.Errorf("%d ints: output %q, want %q", tc.ints, got, want)
		}
		compiles, callOuts := statCount(t, stats, "compiles"), statCount(t, stats, "call-outs")
		if tc.traced && (compiles == 0 || callOuts < 10000) {
			t.Errorf("%d ints: %d compiles, %d call-outs: the loop was not traced:\n%s", tc.ints, compiles, callOuts, stats)
		}
		if !tc.traced && (compiles != 0 || !strings.Contains(string(stats), callOutsDontPay)) {
			t.Errorf("%d ints: %d compiles: the loop was traced:\n%s", tc.ints, compiles, stats)
		}
	}
}

// loopWithInner is a loop around three dict stores (call-outs) and an
// inner loop of trip iterations.
func loopWithInner(trip int) string {
	return fmt.Sprintf(`def f(m, k):
    d = {}
    t = 0
    for i in range(m):
        d[i & 1023] = t
        d[i & 511] = i
        d[i & 255] = t
        j = 0
        while j < k:
            t = t + (j ^ i) %% 7
            j += 1
    return t, len(d)
print(f(20000, %d))
`, trip)
}

// TestCallOutsBesideInnerLoops: a loop with inner loops is judged on its
// call-outs with its inner loops' iterations counted: one whose inner loop
// runs once is left to the interpreter, one whose inner loop does enough
// native work (run on the uop reference while recording, or natively) is
// traced. Both print what the interpreter prints.
func TestCallOutsBesideInnerLoops(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	for _, tc := range []struct {
		trip   int
		traced bool
	}{
		{1, false},
		{8, true},
		{400, true},
	} {
		src := loopWithInner(tc.trip)
		want, _ := runStats(t, Config{}, src)
		got, stats := runStats(t, Config{JIT: JITOn}, src)
		if got != want {
			t.Errorf("trip %d: output %q, want %q", tc.trip, got, want)
		}
		callOuts := statCount(t, stats, "call-outs")
		if tc.traced && callOuts < 10000 {
			t.Errorf("trip %d: %d call-outs: the loop was not traced:\n%s", tc.trip, callOuts, stats)
		}
		if !tc.traced && (callOuts != 0 || !strings.Contains(string(stats), callOutsDontPay)) {
			t.Errorf("trip %d: %d call-outs: the loop was traced:\n%s", tc.trip, callOuts, stats)
		}
	}
}

// TestLosesToCallOuts: a trace of a loop without inner loops is judged on
// the call-outs it ran per iteration against the instructions its
// recorded iteration ran; others are not judged on call-outs.
func TestLosesToCallOuts(t *testing.T) {
	for _, tc := range []struct {
		steps           int
		iters, callOuts int64
		loses           bool
	}{
		{26, 1000, 1000, false}, // as recorded: 25 native per call-out
		{26, 1000, 2000, false}, // a path with two: 12 per call-out
		{26, 1000, 3000, true},  // a path with three: 7.7 per call-out
		{9, 1000, 1000, false},  // 8 per call-out
		{9, 1000, 1001, true},
		{0, 1000, 5000, false}, // a loop with inner loops: not judged here
		{26, 0, 0, false},      // no call-outs yet
	} {
		lt := &loopTrace{stepsPerIter: tc.steps, iters: tc.iters, callOuts: tc.callOuts}
		if got := lt.losesToCallOuts(); got != tc.loses {
			t.Errorf("%d steps, %d iterations, %d call-outs: loses %v, want %v", tc.steps, tc.iters, tc.callOuts, got, tc.loses)
		}
	}
}

// TestBridgeCallOutsJudgedByTheirPath: a loop whose recorded path has one
// call-out and whose usual path (a bridge) has three, with native work
// enough for them, keeps its trace: the bridge's call-outs are weighed
// against the bridge's own instructions, not the recorded iteration's.
func TestBridgeCallOutsJudgedByTheirPath(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	var b strings.Builder
	b.WriteString("def f(n):\n    d = {}\n    t = 0\n    for i in range(n):\n        if i < 300:\n            d[i & 15] = t\n")
	for k := range 4 {
		fmt.Fprintf(&b, "            t = t + (i ^ %d) %% 7\n", k+1)
	}
	b.WriteString("        else:\n            d[i & 15] = t\n            d[i & 7] = t\n            d[i & 3] = t\n")
	for k := range 12 {
		fmt.Fprintf(&b, "            t = t + (i ^ %d) %% 5\n", k+1)
	}
	b.WriteString("    return t, len(d)\nprint(f(30000))\n")
	src := b.String()
	want, _ := runStats(t, Config{}, src)
	got, stats := runStats(t, Config{JIT: JITOn}, src)
	if got != want {
		t.Errorf("output %q, want %q", got, want)
	}
	if n := statCount(t, stats, "bridges"); n != 1 {
		t.Errorf("%d bridges, want 1:\n%s", n, stats)
	}
	if n := statCount(t, stats, "traces benched for losing"); n != 0 {
		t.Errorf("benched %d times, want 0:\n%s", n, stats)
	}
	if n := statCount(t, stats, "call-outs"); n < 3*20000 {
		t.Errorf("%d call-outs: the bridge did not run them:\n%s", n, stats)
	}
}

// TestCallOutEntriesNotIdle: a trace whose every entry runs its loop to
// the end through a call-out per iteration leaves, after its last
// call-out, before a back-edge. It is not idle: the whole entry counts,
// not the stretch after the last call-out (which once threw the trace
// away six times and gave the loop up).
func TestCallOutEntriesNotIdle(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	src := `def f(n, d):
    s = 0
    for i in range(n):
        s = (s + i * 3 + (i ^ 5) + (s >> 2)) % 65521
        s = (s * 7 + i) % 1000003 + (s & 1023)
        d[i & 7] = s
    return s


d = {}
t = 0
for k in range(400):
    t = (t + f(200, d)) % 1000003
print(t, sorted(d.items()))
`
	want, _ := runStats(t, Config{}, src)
	got, stats := runStats(t, Config{JIT: JITOn}, src)
	if got != want {
		t.Errorf("output %q, want %q", got, want)
	}
	// (The loop around the calls may have a trace too, its call of f a
	// call-out: each trace is compiled once.)
	traces := strings.Count(string(stats), "jit stats: trace at line")
	if n := statCount(t, stats, "compiles"); n != traces || !strings.Contains(string(stats), "trace at line 3:") {
		t.Errorf("%d compiles of %d traces, want one each and line 3's (the trace kept):\n%s", n, traces, stats)
	}
	if n := statCount(t, stats, "entries"); n < 350 {
		t.Errorf("%d entries, want the loop's 400 less its warm-up:\n%s", n, stats)
	}
}

// TestCallOutGetItem: a subscript call-out of a list, a tuple or a dict
// takes the short way when the interpreter's fast path would, with the
// same value, and leaves everything else (an index out of range, a
// missing key, a str, a packed list) to the generic path, untouched; a
// key that cannot be hashed raises the generic path's TypeError.
func TestCallOutGetItem(t *testing.T) {
	strs := newList([]Val{StrVal("a"), StrVal("b"), StrVal("c")})
	ints := newList([]Val{IntVal(10), IntVal(20)})
	tup := newTuple(2)
	tup.items[0], tup.items[1] = IntVal(7), StrVal("x")
	d := newDict()
	if err := d.set(IntVal(3), FloatVal(1.5)); err != nil {
		t.Fatal(err)
	}
	if err := d.set(StrVal("k"), StrVal("v")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		x, key    Val
		done      bool
		want      Val
		wantError string
	}{
		{"list of strs", ObjVal(strs), IntVal(1), true, StrVal("b"), ""},
		{"list from the end", ObjVal(strs), IntVal(-1), true, StrVal("c"), ""},
		{"list of ints", ObjVal(ints), IntVal(0), true, IntVal(10), ""},
		{"list out of range", ObjVal(strs), IntVal(3), false, Val{}, ""},
		{"list below range", ObjVal(strs), IntVal(-4), false, Val{}, ""},
		{"list by a float", ObjVal(strs), FloatVal(1), false, Val{}, ""},
		{"tuple", ObjVal(tup), IntVal(1), true, StrVal("x"), ""},
		{"tuple from the end", ObjVal(tup), IntVal(-2), true, IntVal(7), ""},
		{"tuple out of range", ObjVal(tup), IntVal(2), false, Val{}, ""},
		{"dict by an int", ObjVal(d), IntVal(3), true, FloatVal(1.5), ""},
		{"dict by an equal float", ObjVal(d), FloatVal(3), true, FloatVal(1.5), ""},
		{"dict by a str", ObjVal(d), StrVal("k"), true, StrVal("v"), ""},
		{"dict without the key", ObjVal(d), IntVal(4), false, Val{}, ""},
		{"dict by a list", ObjVal(d), ObjVal(ints), true, Val{}, "unhashable type: 'list'"},
		{"str", StrVal("abc"), IntVal(0), false, Val{}, ""},
		{"int", IntVal(5), IntVal(0), false, Val{}, ""},
	} {
		f := &frame{regs: make([]templates.Value, 3), objs: make([]Object, 3)}
		f.set(1, tc.x)
		f.set(2, tc.key)
		sentinel := IntVal(-99)
		f.set(0, sentinel)
		done, err := callOutGetItem(f, &Instr{Op: opGetItem, A: 0, B: 1, C: 2})
		if done != tc.done {
			t.Errorf("%s: done %v, want %v", tc.name, done, tc.done)
		}
		if tc.wantError != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantError) {
				t.Errorf("%s: error %v, want one with %q", tc.name, err, tc.wantError)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: error %v", tc.name, err)
		}
		want := sentinel
		if tc.done {
			want = tc.want
		}
		if got := f.get(0); !sameTestVal(got, want) {
			t.Errorf("%s: slot holds %+v, want %+v", tc.name, got, want)
		}
	}
}

// sameTestVal compares numbers by tag and bits, and strs by their text.
func sameTestVal(a, b Val) bool {
	if a.T != b.T {
		return false
	}
	if a.T != tagObject {
		return a.B == b.B
	}
	x, ok1 := a.O.(*Str)
	y, ok2 := b.O.(*Str)
	return ok1 && ok2 && x.s == y.s
}
