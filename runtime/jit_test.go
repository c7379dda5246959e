package jit

import (
	"bufio"
	"errors"
	"math"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/stencil"
	"github.com/copypatch/copypatch/templates"
)

// s is the operand naming frame slot i.
func s(i int) uint64 { return uint64(i * templates.SlotSize) }

// o is a uop of the repository's stencil set, generated.Set.
func o(op generated.Op) stencil.Op { return stencil.Op(op) }

// newCache returns a cache for cfg, with generated.Set unless cfg names a
// set, or skips the test where there is no JIT.
func newCache(t testing.TB, cfg Config) *Cache {
	t.Helper()
	if cfg.Stencils == nil {
		cfg.Stencils = generated.Set
	}
	c, err := NewCache(cfg)
	if err != nil {
		t.Skipf("no JIT here: %v", err)
	}
	return c
}

// compileEnd compiles a trace that only returns (exit end, 1): the entry
// and exit cost alone.
func compileEnd(t testing.TB, c *Cache) *Trace {
	t.Helper()
	tr, err := c.Compile([]Uop{{Op: o(generated.OpEnd), Operands: [4]uint64{1}}})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func ints(vs ...int64) []templates.Value {
	f := make([]templates.Value, len(vs))
	for i, v := range vs {
		f[i] = templates.Value{Tag: templates.TagInt, Bits: uint64(v)}
	}
	return f
}

// sumLoop: slot0 = i, slot1 = n, slot2 = sum; while i < n { sum += i; i++ }.
// Exit indexes: 1 the add's overflow, 2 the increment's, 7 the safepoint,
// 9 the end.
func sumLoop() []Uop {
	return []Uop{
		{Op: o(generated.OpIntJumpIfGe), Operands: [4]uint64{s(0), s(1)}, Jump: 4},
		{Op: o(generated.OpIntAdd), Operands: [4]uint64{s(2), s(2), s(0)}, Exit: 1},
		{Op: o(generated.OpIntAddImm), Operands: [4]uint64{s(0), s(0), 1}, Exit: 2},
		{Op: o(generated.OpLoop), Operands: [4]uint64{7}, Jump: 0},
		{Op: o(generated.OpEnd), Operands: [4]uint64{9}},
	}
}

func TestSumLoop(t *testing.T) {
	c := newCache(t, Config{})
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Free()
	for _, n := range []int64{0, 1, 10, 100000} {
		frame := ints(0, n, 0)
		st := &templates.State{Budget: math.MaxInt64}
		ec := tr.Run(st, frame)
		if want := templates.MakeExitCode(templates.ExitEnd, 9); ec != want {
			t.Fatalf("n=%d: exit %v, want %v", n, ec, want)
		}
		if got, want := int64(frame[2].Bits), n*(n-1)/2; got != want || frame[2].Tag != templates.TagInt {
			t.Errorf("n=%d: sum %v %d, want int %d", n, frame[2].Tag, got, want)
		}
		if int64(frame[0].Bits) != n {
			t.Errorf("n=%d: i = %d", n, int64(frame[0].Bits))
		}
	}
}

func TestSafepointBudget(t *testing.T) {
	c := newCache(t, Config{})
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Free()
	frame := ints(0, 1000, 0)
	st := &templates.State{Budget: 10}
	ec := tr.Run(st, frame)
	if want := templates.MakeExitCode(templates.ExitSafepoint, 7); ec != want {
		t.Fatalf("exit %v, want %v", ec, want)
	}
	// Budget 10 allows 9 back-edges; the 10th leaves: 10 iterations ran.
	if got := int64(frame[0].Bits); got != 10 {
		t.Errorf("left after %d iterations, want 10", got)
	}
	Interrupt(st)
	ec = tr.RunLoop(st, frame, 1<<40)
	if ec.Reason() != templates.ExitSafepoint || int64(frame[0].Bits) != 11 {
		t.Errorf("interrupted: exit %v after i=%d, want safepoint at 11", ec, int64(frame[0].Bits))
	}
	ClearInterrupt(st)
	ec = tr.RunLoop(st, frame, 3)
	if ec != templates.MakeExitCode(templates.ExitEnd, 9) || int64(frame[2].Bits) != 999*1000/2 {
		t.Errorf("RunLoop: exit %v, sum %d", ec, int64(frame[2].Bits))
	}
	// RunLoopOn resumes the same way on the caller's stack.
	stack, err := NewStack()
	if err != nil {
		t.Fatal(err)
	}
	frame = ints(0, 1000, 0)
	ec = tr.RunLoopOn(st, frame, 3, stack)
	if ec != templates.MakeExitCode(templates.ExitEnd, 9) || int64(frame[2].Bits) != 999*1000/2 {
		t.Errorf("RunLoopOn: exit %v, sum %d", ec, int64(frame[2].Bits))
	}
}

func TestFloatLoop(t *testing.T) {
	c := newCache(t, Config{})
	// slot0 = i, slot1 = n, slot2 = x (float), slot3 = 0.25, slot4 = float(i)
	// while i < n { x = x + 0.25; x = x + float(i); i++ }
	tr, err := c.Compile([]Uop{
		{Op: o(generated.OpLoadFloat), Operands: [4]uint64{s(3), math.Float64bits(0.25)}},
		{Op: o(generated.OpIntJumpIfGe), Operands: [4]uint64{s(0), s(1)}, Jump: 7},
		{Op: o(generated.OpFloatAdd), Operands: [4]uint64{s(2), s(2), s(3)}},
		{Op: o(generated.OpIntToFloat), Operands: [4]uint64{s(4), s(0)}},
		{Op: o(generated.OpFloatAdd), Operands: [4]uint64{s(2), s(2), s(4)}},
		{Op: o(generated.OpIntAddImm), Operands: [4]uint64{s(0), s(0), 1}, Exit: 1},
		{Op: o(generated.OpLoop), Operands: [4]uint64{2}, Jump: 1},
		{Op: o(generated.OpEnd), Operands: [4]uint64{3}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Free()
	frame := ints(0, 1000, 0, 0, 0)
	frame[2] = templates.Value{Tag: templates.TagFloat, Bits: math.Float64bits(1.5)}
	ec := tr.RunLoop(&templates.State{}, frame, 1<<20)
	want := 1.5
	for i := 0; i < 1000; i++ {
		want += 0.25
		want += float64(i)
	}
	if ec != templates.MakeExitCode(templates.ExitEnd, 3) {
		t.Fatalf("exit %v", ec)
	}
	if got := math.Float64frombits(frame[2].Bits); got != want || frame[2].Tag != templates.TagFloat {
		t.Errorf("x = %v %v, want float %v", frame[2].Tag, got, want)
	}
}

func TestOverflowSideExit(t *testing.T) {
	c := newCache(t, Config{})
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Free()
	// sum starts 10 below MaxInt64 - (0+1+2+3+4) so adding i=5 overflows.
	start := int64(math.MaxInt64 - 10 - 4)
	frame := ints(0, 1000, start)
	ec := tr.Run(&templates.State{Budget: math.MaxInt64}, frame)
	if want := templates.MakeExitCode(templates.ExitSide, 1); ec != want {
		t.Fatalf("exit %v, want %v", ec, want)
	}
	// The failing add left the frame untouched: i is 5, sum is the sum
	// before it, so the interpreter can redo the add on big ints.
	if i, sum := int64(frame[0].Bits), int64(frame[2].Bits); i != 5 || sum != start+0+1+2+3+4 {
		t.Errorf("frame after exit: i=%d sum=%d, want i=5 sum=%d", i, sum, start+10)
	}
	// A guard's failure takes its own exit, with its own index.
	g, err := c.Compile([]Uop{
		{Op: o(generated.OpGuardInt), Operands: [4]uint64{s(0)}, Exit: 4},
		{Op: o(generated.OpGuardInt), Operands: [4]uint64{s(1)}, Exit: 5},
		{Op: o(generated.OpEnd), Operands: [4]uint64{6}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Free()
	frame = ints(1, 2)
	frame[1].Tag = templates.TagFloat
	if ec, want := g.Run(&templates.State{}, frame), templates.MakeExitCode(templates.ExitSide, 5); ec != want {
		t.Errorf("exit %v, want %v", ec, want)
	}
	frame[1].Tag = templates.TagInt
	if ec, want := g.Run(&templates.State{}, frame), templates.MakeExitCode(templates.ExitEnd, 6); ec != want {
		t.Errorf("exit %v, want %v", ec, want)
	}
}

func TestBadTraces(t *testing.T) {
	c := newCache(t, Config{})
	end := Uop{Op: o(generated.OpEnd)}
	for _, tc := range []struct {
		name  string
		trace []Uop
		want  string
	}{
		{"empty", nil, "empty trace"},
		{"unknown op", []Uop{{Op: generated.NumOps + 3}, end}, "unknown op"},
		{"falls through", []Uop{{Op: o(generated.OpIntAdd)}}, "falls through"},
		{"jump outside", []Uop{{Op: o(generated.OpJump), Jump: 5}}, "outside the trace"},
		{"negative jump", []Uop{{Op: o(generated.OpJump), Jump: -1}}, "outside the trace"},
		{"negative exit", []Uop{{Op: o(generated.OpGuardInt), Exit: -1}, end}, "exit index -1"},
		{"loop conflict", []Uop{{Op: o(generated.OpLoop), Jump: 0}, {Op: o(generated.OpLoop), Jump: 1}}, "already resumes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.Compile(tc.trace)
			var te *TraceError
			if !errors.As(err, &te) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want a TraceError containing %q", err, tc.want)
			}
		})
	}
	if st := c.Stats(); st.Traces != 0 || st.MappedBytes != 0 {
		t.Errorf("failed compiles left %+v", st)
	}
}

// wxMappings lists /proc/self/maps lines that are writable and executable.
func wxMappings(t *testing.T) []string {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		t.Skipf("no /proc/self/maps: %v", err)
	}
	defer f.Close()
	var bad []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) > 1 && strings.Contains(fields[1], "w") && strings.Contains(fields[1], "x") {
			bad = append(bad, sc.Text())
		}
	}
	return bad
}

func TestNoWritableExecutableMapping(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc/self/maps")
	}
	c := newCache(t, Config{ChunkBytes: 1 << 16})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 200; i++ {
			tr, err := c.Compile(sumLoop())
			if err != nil {
				t.Error(err)
				return
			}
			tr.Run(&templates.State{Budget: 1 << 30}, ints(0, 1000, 0))
			if i%3 == 0 {
				tr.Free()
			}
		}
	}()
	for {
		if bad := wxMappings(t); len(bad) > 0 {
			t.Fatalf("W+X mappings: %q", bad)
		}
		select {
		case <-done:
			if bad := wxMappings(t); len(bad) > 0 {
				t.Fatalf("W+X mappings: %q", bad)
			}
			return
		default:
		}
	}
}

// TestVeneers forces every branch through a veneer and runs the loops
// again: the veneers must reach the same targets.
func TestVeneers(t *testing.T) {
	forceVeneers = true
	defer func() { forceVeneers = false }()
	TestSumLoop(t)
	TestOverflowSideExit(t)
	c := newCache(t, Config{})
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Free()
	text := Disassemble(tr)
	want := map[string]string{"amd64": "jmpq *", "arm64": "br x16"}[runtime.GOARCH]
	if !strings.Contains(text, want) {
		t.Errorf("no veneer (%q) in\n%s", want, text)
	}
}

// TestExitJump: a guard whose exit is sent to a uop of the trace runs that
// uop when it fails (as a bridge does), and leaves through its stub
// without ExitJump.
func TestExitJump(t *testing.T) {
	c := newCache(t, Config{})
	// slot0 is an int: slot1 = 1; not an int: slot1 = 2. Either way end.
	trace := func(exitJump bool) []Uop {
		return []Uop{
			{Op: o(generated.OpGuardInt), Operands: [4]uint64{s(0)}, Exit: 5, Jump: 3, ExitJump: exitJump},
			{Op: o(generated.OpLoadInt), Operands: [4]uint64{s(1), 1}},
			{Op: o(generated.OpEnd), Operands: [4]uint64{8}},
			{Op: o(generated.OpLoadInt), Operands: [4]uint64{s(1), 2}},
			{Op: o(generated.OpEnd), Operands: [4]uint64{9}},
		}
	}
	for _, tc := range []struct {
		exitJump bool
		slot0    templates.Value
		ec       templates.ExitCode
		slot1    int64
	}{
		{true, templates.Value{Tag: templates.TagInt, Bits: 4}, templates.MakeExitCode(templates.ExitEnd, 8), 1},
		{true, templates.Value{Tag: templates.TagFloat}, templates.MakeExitCode(templates.ExitEnd, 9), 2},
		{false, templates.Value{Tag: templates.TagFloat}, templates.MakeExitCode(templates.ExitSide, 5), 0},
	} {
		tr, err := c.Compile(trace(tc.exitJump))
		if err != nil {
			t.Fatal(err)
		}
		frame := []templates.Value{tc.slot0, {Tag: templates.TagInt}}
		st := &templates.State{Budget: math.MaxInt64}
		if ec := tr.Run(st, frame); ec != tc.ec || int64(frame[1].Bits) != tc.slot1 {
			t.Errorf("%+v: exit %v, slot1 %d", tc, ec, int64(frame[1].Bits))
		}
		tr.Free()
	}
	// A uop that cannot exit cannot send its exit anywhere.
	bad := trace(true)
	bad[1].ExitJump, bad[1].Jump = true, 3
	if _, err := c.Compile(bad); err == nil {
		t.Error("load_int with ExitJump compiled")
	}
}

// TestRunOn: a trace entered on the caller's own stack runs as on a pooled
// one, from any uop, and a freed trace does not run.
func TestRunOn(t *testing.T) {
	c := newCache(t, Config{})
	tr, err := c.Compile(sumLoop())
	if err != nil {
		t.Fatal(err)
	}
	stack, err := NewStack()
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		frame := ints(0, 100, 0)
		st := &templates.State{Budget: math.MaxInt64}
		if ec := tr.RunOn(0, st, frame, stack); ec != templates.MakeExitCode(templates.ExitEnd, 9) || int64(frame[2].Bits) != 4950 {
			t.Fatalf("exit %v, sum %d", ec, int64(frame[2].Bits))
		}
	}
	// From the increment (uop 2): i goes 5 -> 6 first, then the loop.
	frame := ints(5, 8, 0)
	if ec := tr.RunOn(2, &templates.State{Budget: math.MaxInt64}, frame, stack); ec != templates.MakeExitCode(templates.ExitEnd, 9) || int64(frame[2].Bits) != 6+7 {
		t.Fatalf("from uop 2: exit %v, sum %d", ec, int64(frame[2].Bits))
	}
	if got := tr.Stats().Entries; got != 4 {
		t.Errorf("%d entries counted, want 4", got)
	}
	tr.Free()
	if ec := tr.RunOn(0, &templates.State{}, ints(0, 1, 0), stack); ec != ExitInvalid {
		t.Errorf("freed trace ran: %v", ec)
	}
}
