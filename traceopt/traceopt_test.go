package traceopt

import (
	"math"
	"strings"
	"testing"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/uopref"
)

func intV(x int64) templates.Value { return templates.Value{Tag: templates.TagInt, Bits: uint64(x)} }
func floatV(x float64) templates.Value {
	return templates.Value{Tag: templates.TagFloat, Bits: math.Float64bits(x)}
}

// runRef runs lowered uops on the reference interpreter.
func runRef(t *testing.T, uops []jit.Uop, frame []templates.Value) templates.ExitCode {
	t.Helper()
	instrs := RefInstrs(uops)
	st := &templates.State{Budget: 1 << 40}
	ec, err := uopref.Run(instrs, st, frame, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	return ec
}

// lowerAndRun lowers tr and runs it on frame with the reference, returning
// the frame and how it left.
func lowerAndRun(t *testing.T, tr *Trace, frame []templates.Value) ([]templates.Value, templates.ExitCode) {
	t.Helper()
	uops, err := Lower(tr)
	if err != nil {
		t.Fatalf("%v\n%s", err, tr)
	}
	return frame, runRef(t, uops, frame)
}

// sumLoop is "while i < n: s += i * k; i += 1" over slots i=0 n=1 s=2 k=3
// (k a constant) and t=4, as a recorder would write it: a guard at each
// first read, the loop condition as a negated branch.
func sumLoop() *Trace {
	return &Trace{
		Consts:      map[int32]templates.Value{3: intV(3)},
		PrivateFrom: 5, PrivateTo: 8,
		Insts: []Inst{
			{Op: generated.OpGuardInt, Args: [4]uint64{Slot(0)}, Exit: 0},
			{Op: generated.OpGuardInt, Args: [4]uint64{Slot(1)}, Exit: 0},
			{Op: generated.OpIntJumpIfLt, Args: [4]uint64{Slot(0), Slot(1)}, Negate: true, Exit: 1},
			{Op: generated.OpIntMul, Args: [4]uint64{Slot(4), Slot(0), Slot(3)}, Exit: 2},
			{Op: generated.OpGuardInt, Args: [4]uint64{Slot(2)}, Exit: 2},
			{Op: generated.OpIntAdd, Args: [4]uint64{Slot(2), Slot(2), Slot(4)}, Exit: 3},
			{Op: generated.OpLoadInt, Args: [4]uint64{Slot(5), 1}},
			{Op: generated.OpIntAdd, Args: [4]uint64{Slot(0), Slot(0), Slot(5)}, Exit: 4},
			{Op: generated.OpMove, Args: [4]uint64{Slot(6), Slot(6)}},
			{Op: generated.OpLoop, Args: [4]uint64{0}},
		},
	}
}

func sumFrame() []templates.Value {
	f := make([]templates.Value, 8)
	f[0], f[1], f[2], f[3] = intV(0), intV(1000), intV(0), intV(3)
	return f
}

func TestPassesKeepMeaning(t *testing.T) {
	tr := sumLoop()
	run := func(tr *Trace) ([]templates.Value, templates.ExitCode) { return lowerAndRun(t, tr, sumFrame()) }
	want, wantEC := run(tr)
	if got := int64(want[2].Bits); got != 3*999*1000/2 || wantEC != templates.MakeExitCode(templates.ExitSide, 1) {
		t.Fatalf("reference: s = %d, exit %v", got, wantEC)
	}
	Optimize(tr, func(pass string, tr *Trace) {
		if err := tr.Validate(); err != nil {
			t.Fatalf("after %s: %v", pass, err)
		}
		got, ec := run(tr)
		for i := range got {
			if got[i] != want[i] && i < 4 {
				t.Errorf("after %s: slot %d = %v, want %v\n%s", pass, i, got[i], want[i], tr)
			}
		}
		if ec != wantEC {
			t.Errorf("after %s: exit %v, want %v", pass, ec, wantEC)
		}
	})
	body := tr.Insts[tr.Loop:]
	for _, in := range body {
		if isGuard(in.Op) || in.Op == generated.OpLoadInt || (in.Op == generated.OpMove && in.Args[0] == in.Args[1]) {
			t.Errorf("loop body keeps %v:\n%s", in, tr)
		}
	}
	if !strings.Contains(tr.String(), "int_add_imm") {
		t.Errorf("i += 1 with a constant was not folded:\n%s", tr)
	}
}

func TestGuardOnChangedTypeStays(t *testing.T) {
	// x is guarded an int, then becomes a float: the body must keep the
	// guard (it fails on the second iteration) rather than assume.
	tr := &Trace{Insts: []Inst{
		{Op: generated.OpGuardInt, Args: [4]uint64{Slot(0)}, Exit: 0},
		{Op: generated.OpIntToFloat, Args: [4]uint64{Slot(0), Slot(0)}},
		{Op: generated.OpLoop, Args: [4]uint64{0}},
	}}
	Optimize(tr, nil)
	n := 0
	for _, in := range tr.Insts[tr.Loop:] {
		if in.Op == generated.OpGuardInt {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("loop body has %d int guards, want 1:\n%s", n, tr)
	}
	uops, err := Lower(tr)
	if err != nil {
		t.Fatal(err)
	}
	f := []templates.Value{intV(5)}
	if ec := runRef(t, uops, f); ec != templates.MakeExitCode(templates.ExitSide, 0) || f[0] != floatV(5) {
		t.Fatalf("exit %v, slot %v", ec, f[0])
	}
}

func TestLowerNegatedFloatBranch(t *testing.T) {
	// "leave unless a < b": NaN must leave.
	tr := &Trace{Insts: []Inst{
		{Op: generated.OpFloatJumpIfLt, Args: [4]uint64{Slot(0), Slot(1)}, Negate: true, Exit: 7},
		{Op: generated.OpFloatAdd, Args: [4]uint64{Slot(0), Slot(0), Slot(2)}},
		{Op: generated.OpLoop, Args: [4]uint64{9}},
	}}
	uops, err := Lower(tr)
	if err != nil {
		t.Fatal(err)
	}
	f := []templates.Value{floatV(0), floatV(3), floatV(1)}
	if ec := runRef(t, uops, f); ec != templates.MakeExitCode(templates.ExitSide, 7) || f[0] != floatV(3) {
		t.Fatalf("exit %v, x = %v", ec, math.Float64frombits(f[0].Bits))
	}
	f = []templates.Value{floatV(math.NaN()), floatV(3), floatV(1)}
	if ec := runRef(t, uops, f); ec != templates.MakeExitCode(templates.ExitSide, 7) {
		t.Fatalf("NaN: exit %v", ec)
	}
}

func TestValidate(t *testing.T) {
	cases := map[string]*Trace{
		"no loop":     {Insts: []Inst{{Op: generated.OpMove}}},
		"no snapshot": {Insts: []Inst{{Op: generated.OpGuardInt, Exit: NoExit}, {Op: generated.OpLoop}}},
		"bad start":   {Insts: []Inst{{Op: generated.OpLoop}}, Loop: 3},
	}
	for name, tr := range cases {
		if err := tr.Validate(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestSumLoopBody(t *testing.T) {
	tr := sumLoop()
	Optimize(tr, nil)
	want := `   7  int_jump_if_lt (not) r0 r1 -> snap 1
   8  int_mul_bits r4 r0 r3 -> snap 2
   9  int_add_bits r2 r2 r4 -> snap 3
  10  int_add_imm_bits r0 r0 $1 -> snap 4
  11  loop $0
`
	if got := strings.Join(strings.SplitAfter(tr.String(), "loop:\n")[1:], ""); got != want {
		t.Errorf("loop body:\n%s\nwant\n%s\nwhole trace:\n%s", got, want, tr)
	}
}

// nestedLoop is "while i < n: s = 0; j = 0; while j < i: s += j; j += 1;
// total += s; i += 1" with the inner loop inside the trace.
func nestedLoop() *Trace {
	c := map[int32]templates.Value{5: intV(1), 6: intV(0)}
	return &Trace{Consts: c, Insts: []Inst{
		{Op: generated.OpGuardInt, Args: [4]uint64{Slot(0)}, Exit: 0},
		{Op: generated.OpGuardInt, Args: [4]uint64{Slot(1)}, Exit: 0},
		{Op: generated.OpIntJumpIfLt, Args: [4]uint64{Slot(0), Slot(1)}, Negate: true, Exit: 1},
		{Op: generated.OpMove, Args: [4]uint64{Slot(4), Slot(6)}},
		{Op: generated.OpMove, Args: [4]uint64{Slot(3), Slot(6)}},
		{Op: generated.OpIntJumpIfLt, Args: [4]uint64{Slot(3), Slot(0)}, Negate: true, InTrace: true, Target: 10},
		{Op: generated.OpGuardInt, Args: [4]uint64{Slot(4)}, Exit: 2},
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(4), Slot(4), Slot(3)}, Exit: 2},
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(3), Slot(3), Slot(5)}, Exit: 3},
		{Op: generated.OpLoop, Args: [4]uint64{4}, InTrace: true, Target: 5},
		{Op: generated.OpGuardInt, Args: [4]uint64{Slot(2)}, Exit: 5},
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(2), Slot(2), Slot(4)}, Exit: 5},
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(0), Slot(0), Slot(5)}, Exit: 6},
		{Op: generated.OpLoop, Args: [4]uint64{0}},
	}}
}

func TestNestedLoop(t *testing.T) {
	frame := func() []templates.Value {
		f := make([]templates.Value, 8)
		f[0], f[1], f[2], f[5], f[6] = intV(0), intV(60), intV(0), intV(1), intV(0)
		return f
	}
	run := func(tr *Trace) ([]templates.Value, templates.ExitCode) { return lowerAndRun(t, tr, frame()) }
	tr := nestedLoop()
	want, wantEC := run(tr)
	sum := int64(0)
	for i := int64(0); i < 60; i++ {
		sum += i * (i - 1) / 2
	}
	if int64(want[2].Bits) != sum || wantEC != templates.MakeExitCode(templates.ExitSide, 1) {
		t.Fatalf("reference: total %d, want %d; exit %v", int64(want[2].Bits), sum, wantEC)
	}
	Optimize(tr, func(pass string, tr *Trace) {
		if err := tr.Validate(); err != nil {
			t.Fatalf("after %s: %v\n%s", pass, err, tr)
		}
		got, ec := run(tr)
		for i := 0; i < 5; i++ {
			if got[i] != want[i] {
				t.Errorf("after %s: slot %d = %v, want %v\n%s", pass, i, got[i], want[i], tr)
			}
		}
		if ec != wantEC {
			t.Errorf("after %s: exit %v, want %v", pass, ec, wantEC)
		}
	})
	for _, in := range tr.Insts[tr.Loop:] {
		if isGuard(in.Op) {
			t.Errorf("loop body keeps %v:\n%s", in, tr)
		}
	}
}

// bridgedLoop is "while i < n: if i % 3 == 0: s += 100; s += i; i += 1"
// recorded along the path where the if is false, with the other path as a
// side path after the loop uop (a bridge).
func bridgedLoop() *Trace {
	c := map[int32]templates.Value{5: intV(1), 6: intV(0), 7: intV(3)}
	return &Trace{Consts: c, PrivateFrom: 8, PrivateTo: 10, Insts: []Inst{
		{Op: generated.OpGuardInt, Args: [4]uint64{Slot(0)}, Exit: 0},
		{Op: generated.OpGuardInt, Args: [4]uint64{Slot(1)}, Exit: 0},
		{Op: generated.OpIntJumpIfLt, Args: [4]uint64{Slot(0), Slot(1)}, Negate: true, Exit: 1},
		{Op: generated.OpIntMod, Args: [4]uint64{Slot(8), Slot(0), Slot(7)}, Exit: 2},
		{Op: generated.OpIntJumpIfEq, Args: [4]uint64{Slot(8), Slot(6)}, InTrace: true, Target: 9},
		{Op: generated.OpGuardInt, Args: [4]uint64{Slot(2)}, Exit: 3},
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(2), Slot(2), Slot(0)}, Exit: 3},
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(0), Slot(0), Slot(5)}, Exit: 4},
		{Op: generated.OpLoop, Args: [4]uint64{0}},
		{Op: generated.OpGuardInt, Args: [4]uint64{Slot(2)}, Exit: 5},
		{Op: generated.OpLoadInt, Args: [4]uint64{Slot(9), 100}},
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(2), Slot(2), Slot(9)}, Exit: 5},
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(2), Slot(2), Slot(0)}, Exit: 3},
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(0), Slot(0), Slot(5)}, Exit: 4},
		{Op: generated.OpLoop, Args: [4]uint64{0}},
	}}
}

func TestBridgedLoop(t *testing.T) {
	frame := func() []templates.Value {
		f := make([]templates.Value, 10)
		f[0], f[1], f[2], f[5], f[6], f[7] = intV(0), intV(100), intV(0), intV(1), intV(0), intV(3)
		return f
	}
	run := func(tr *Trace) ([]templates.Value, templates.ExitCode) { return lowerAndRun(t, tr, frame()) }
	tr := bridgedLoop()
	want, wantEC := run(tr)
	if s := int64(want[2].Bits); s != 4950+34*100 || wantEC != templates.MakeExitCode(templates.ExitSide, 1) {
		t.Fatalf("reference: s = %d, exit %v", s, wantEC)
	}
	Optimize(tr, func(pass string, tr *Trace) {
		if err := tr.Validate(); err != nil {
			t.Fatalf("after %s: %v\n%s", pass, err, tr)
		}
		got, ec := run(tr)
		for i := 0; i < 3; i++ {
			if got[i] != want[i] {
				t.Errorf("after %s: slot %d = %v, want %v\n%s", pass, i, got[i], want[i], tr)
			}
		}
		if ec != wantEC {
			t.Errorf("after %s: exit %v, want %v", pass, ec, wantEC)
		}
	})
	// The side path's copy for the first iteration keeps its guard (s was
	// not yet proved an int at the branch there); nothing the loop body
	// reaches, its own copy of the side path included, guards.
	reach := make([]bool, len(tr.Insts))
	work := []int{tr.Loop}
	for len(work) > 0 {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		if reach[i] {
			continue
		}
		reach[i] = true
		tr.successors(i, func(s int) { work = append(work, s) })
	}
	guards := 0
	for i, in := range tr.Insts {
		if isGuard(in.Op) {
			guards++
			if reach[i] {
				t.Errorf("loop keeps %v at %d:\n%s", in, i, tr)
			}
		}
	}
	if guards == 0 {
		t.Errorf("the first iteration's side path lost its guard:\n%s", tr)
	}
}

// TestRedundantAcrossBridge: a check that both the main path and its
// bridge make before the loop top is not made again in the loop body,
// though it follows the branch to the bridge (where Hoist cannot take it).
func TestRedundantAcrossBridge(t *testing.T) {
	tr := &Trace{Consts: map[int32]templates.Value{4: intV(50)}, PrivateFrom: 9, PrivateTo: 10, Insts: []Inst{
		{Op: generated.OpIntJumpIfLt, Args: [4]uint64{Slot(0), Slot(1)}, Negate: true, Exit: 2},
		{Op: generated.OpIntJumpIfEq, Args: [4]uint64{Slot(0), Slot(4)}, InTrace: true, Target: 6},
		{Op: generated.OpLoadInt, Args: [4]uint64{Slot(9), 0}},
		{Op: generated.OpIntJumpIfGt, Args: [4]uint64{Slot(3), Slot(9)}, Negate: true, Exit: 1},
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(0), Slot(0), Slot(3)}, Exit: 3},
		{Op: generated.OpLoop, Args: [4]uint64{0}},
		{Op: generated.OpLoadInt, Args: [4]uint64{Slot(9), 0}},
		{Op: generated.OpIntJumpIfGt, Args: [4]uint64{Slot(3), Slot(9)}, Negate: true, Exit: 4},
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(2), Slot(2), Slot(0)}, Exit: 5},
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(0), Slot(0), Slot(3)}, Exit: 3},
		{Op: generated.OpLoop, Args: [4]uint64{0}},
	}}
	frame := func() []templates.Value {
		f := make([]templates.Value, 10)
		f[0], f[1], f[2], f[3], f[4] = intV(0), intV(100), intV(0), intV(1), intV(50)
		return f
	}
	run := func(tr *Trace) ([]templates.Value, templates.ExitCode) { return lowerAndRun(t, tr, frame()) }
	want, wantEC := run(tr)
	if want[2] != intV(50) || wantEC != templates.MakeExitCode(templates.ExitSide, 2) {
		t.Fatalf("reference: s = %v, exit %v", want[2], wantEC)
	}
	Optimize(tr, func(pass string, tr *Trace) {
		got, ec := run(tr)
		if got[0] != want[0] || got[2] != want[2] || ec != wantEC {
			t.Errorf("after %s: i %v s %v exit %v, want %v %v %v\n%s", pass, got[0], got[2], ec, want[0], want[2], wantEC, tr)
		}
	})
	for _, in := range tr.Insts[tr.Loop:tr.mainEnd()] {
		if in.Op == generated.OpIntJumpIfGt || in.Op == generated.OpLoadInt {
			t.Errorf("loop body keeps %v:\n%s", in, tr)
		}
	}
}

// TestExitReadsStay: a write to a private slot no uop reads goes, unless
// exits read the slot (a 128-bit value the interpreter gets back there).
func TestExitReadsStay(t *testing.T) {
	mk := func(exitReads map[int32]bool) *Trace {
		return &Trace{PrivateFrom: 4, PrivateTo: 8, ExitReads: exitReads, Insts: []Inst{
			{Op: generated.OpIntToWide, Args: [4]uint64{Slot(5), Slot(0)}},
			{Op: generated.OpWideAndImm, Args: [4]uint64{Slot(6), Slot(5), 0xff, 0}},
			{Op: generated.OpIntJumpIfLt, Args: [4]uint64{Slot(0), Slot(1)}, Negate: true, Exit: 1},
			{Op: generated.OpIntAdd, Args: [4]uint64{Slot(0), Slot(0), Slot(2)}, Exit: 2},
			{Op: generated.OpLoop, Args: [4]uint64{0}},
		}}
	}
	has := func(tr *Trace) bool {
		for _, in := range tr.Insts {
			if in.Op == generated.OpWideAndImm {
				return true
			}
		}
		return false
	}
	tr := mk(nil)
	DropDeadStores(tr)
	if has(tr) {
		t.Errorf("a write nobody reads stayed:\n%s", tr)
	}
	tr = mk(map[int32]bool{6: true})
	DropDeadStores(tr)
	if !has(tr) {
		t.Errorf("a write exits read went:\n%s", tr)
	}
}

// TestHoistAttributes: in "while i < n: s += p.x; <store>; i += 1", the
// guards on p and the load of p.x leave the loop body unless the body
// stores into their kind of memory: a list store keeps nothing from them,
// an attribute store keeps the load, a call-out keeps the shape guard too.
func TestHoistAttributes(t *testing.T) {
	const shape = 0x1234
	attrs := func(store Inst) *Trace {
		return &Trace{
			PrivateFrom: 8, PrivateTo: 12,
			Insts: []Inst{
				{Op: generated.OpGuardInt, Args: [4]uint64{Slot(0)}, Exit: 0},
				{Op: generated.OpGuardInt, Args: [4]uint64{Slot(1)}, Exit: 0},
				{Op: generated.OpIntJumpIfLt, Args: [4]uint64{Slot(0), Slot(1)}, Negate: true, Exit: 1},
				{Op: generated.OpGuardInstance, Args: [4]uint64{Slot(3)}, Exit: 2},
				{Op: generated.OpGuardShape, Args: [4]uint64{Slot(3), shape}, Exit: 2},
				{Op: generated.OpAttrLoad, Args: [4]uint64{Slot(8), Slot(3), 0, uint64(templates.TagInt)}, Exit: 2},
				{Op: generated.OpGuardInt, Args: [4]uint64{Slot(2)}, Exit: 2},
				{Op: generated.OpIntAdd, Args: [4]uint64{Slot(2), Slot(2), Slot(8)}, Exit: 2},
				store,
				{Op: generated.OpLoadInt, Args: [4]uint64{Slot(9), 1}},
				{Op: generated.OpIntAdd, Args: [4]uint64{Slot(0), Slot(0), Slot(9)}, Exit: 3},
				{Op: generated.OpLoop, Args: [4]uint64{0}},
			},
		}
	}
	for _, c := range []struct {
		name        string
		store       Inst
		shared      bool
		shape, load bool // left in the body
	}{
		{"list store", Inst{Op: generated.OpListStore, Args: [4]uint64{Slot(4), Slot(0), Slot(2)}, Exit: 2}, false, false, false},
		{"attribute store", Inst{Op: generated.OpAttrStore, Args: [4]uint64{Slot(5), 0, Slot(2)}, Exit: 2}, false, false, true},
		{"call-out", Inst{Op: generated.OpCallOut, Args: [4]uint64{2, Slot(6)}, Exit: NoExit}, false, true, true},
		// Another thread may store the attribute or change the shape.
		{"list store, shared", Inst{Op: generated.OpListStore, Args: [4]uint64{Slot(4), Slot(0), Slot(2)}, Exit: 2}, true, true, true},
	} {
		tr := attrs(c.store)
		tr.Shared = c.shared
		Optimize(tr, nil)
		body := map[generated.Op]bool{}
		for _, in := range tr.Insts[tr.Loop:] {
			body[in.Op] = true
		}
		if body[generated.OpGuardShape] != c.shape || body[generated.OpAttrLoad] != c.load || body[generated.OpGuardInstance] {
			t.Errorf("%s: body has guard_shape %v (want %v), attr_load %v (want %v), guard_instance %v (want false)\n%s",
				c.name, body[generated.OpGuardShape], c.shape, body[generated.OpAttrLoad], c.load, body[generated.OpGuardInstance], tr)
		}
	}
}

// TestGuardBridge: a guard whose failure jumps to a bridge proves nothing
// on that jump, so the bridge keeps its own guard of the slot (None at the
// end of a walk fails both the main path's instance guard and the
// bridge's), and the trace leaves through the bridge's exit.
func TestGuardBridge(t *testing.T) {
	tr := &Trace{Insts: []Inst{
		{Op: generated.OpGuardInstance, Args: [4]uint64{Slot(0)}, Exit: 0, InTrace: true, Target: 3},
		{Op: generated.OpLoadInt, Args: [4]uint64{Slot(1), 1}},
		{Op: generated.OpLoop, Args: [4]uint64{0}},
		{Op: generated.OpGuardInstance, Args: [4]uint64{Slot(0)}, Exit: 5},
		{Op: generated.OpLoadInt, Args: [4]uint64{Slot(1), 2}},
		{Op: generated.OpLoop, Args: [4]uint64{0}},
	}}
	check := func(pass string, tr *Trace) {
		if err := tr.Validate(); err != nil {
			t.Fatalf("after %s: %v\n%s", pass, err, tr)
		}
		f := []templates.Value{{Tag: templates.TagNone}, intV(0)}
		if _, ec := lowerAndRun(t, tr, f); ec != templates.MakeExitCode(templates.ExitSide, 5) || f[1] != intV(0) {
			t.Fatalf("after %s: exit %v, slot 1 %v, want the bridge's exit 5 and 0\n%s", pass, ec, f[1], tr)
		}
	}
	check("nothing", tr)
	Optimize(tr, check)
	// A guard of another kind cannot jump.
	bad := &Trace{Insts: []Inst{
		{Op: generated.OpIntAdd, Args: [4]uint64{Slot(0), Slot(0), Slot(0)}, Exit: 0, InTrace: true, Target: 1},
		{Op: generated.OpLoop, Args: [4]uint64{0}},
	}}
	if err := bad.Validate(); err == nil {
		t.Error("int_add jumping on overflow validated")
	}
}

// TestFunctionTrace: a function trace (every path ends in ret, call_self
// calls its first instruction) validates, lowers with call_self jumping to
// uop 0 and side-exiting through its snapshot, is left alone by Optimize,
// and computes fib on the reference with native-style frames; call_self and
// ret outside a function trace, or a function trace not ending in ret, are
// refused.
func TestFunctionTrace(t *testing.T) {
	const W = 6 // the callee's frame: n, 1, 2, sum, spare, link
	S := Slot
	fib := func() *Trace {
		return &Trace{Func: true, Insts: []Inst{
			{Op: generated.OpLoadInt, Args: [4]uint64{S(1), 1}, Exit: NoExit},
			{Op: generated.OpLoadInt, Args: [4]uint64{S(2), 2}, Exit: NoExit},
			{Op: generated.OpGuardInt, Args: [4]uint64{S(0)}, Exit: 0},
			{Op: generated.OpIntJumpIfLe, Args: [4]uint64{S(0), S(1)}, Exit: 1, Negate: true}, // leaves unless n <= 1
			{Op: generated.OpRet, Args: [4]uint64{S(0), S(W)}, Exit: NoExit},
		}}
	}
	bridged := fib()
	bridged.Insts[3] = Inst{Op: generated.OpIntJumpIfLe, Args: [4]uint64{S(0), S(1)}, Negate: true, InTrace: true, Target: 5, Exit: NoExit}
	bridged.Insts = append(bridged.Insts,
		Inst{Op: generated.OpIntSub, Args: [4]uint64{S(W), S(0), S(1)}, Exit: 2},
		Inst{Op: generated.OpCallSelf, Args: [4]uint64{S(W), 3}, Exit: 3},
		Inst{Op: generated.OpMove, Args: [4]uint64{S(3), S(W)}, Exit: NoExit},
		Inst{Op: generated.OpIntSub, Args: [4]uint64{S(W), S(0), S(2)}, Exit: 2},
		Inst{Op: generated.OpCallSelf, Args: [4]uint64{S(W), 4}, Exit: 4},
		Inst{Op: generated.OpIntAdd, Args: [4]uint64{S(3), S(3), S(W)}, Exit: 2},
		Inst{Op: generated.OpRet, Args: [4]uint64{S(3), S(W)}, Exit: NoExit},
	)
	before := bridged.String()
	Optimize(bridged, nil)
	if bridged.String() != before || strings.Contains(before, "loop:") {
		t.Errorf("Optimize changed a function trace, or it printed as a loop:\n%s\nnow\n%s", before, bridged)
	}
	uops, err := Lower(bridged)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range uops {
		if generated.Op(u.Op) == generated.OpCallSelf && (u.Jump != 0 || u.Exit < 3) {
			t.Errorf("call_self lowered with jump %d, exit %d: want the trace's start and its snapshot", u.Jump, u.Exit)
		}
	}
	frame := make([]templates.Value, 1+W*20)
	frame[1] = intV(12)
	st := &templates.State{Budget: 1 << 40, Calls: 50}
	ec, fp, err := uopref.RunFrom(0, 1, RefInstrs(uops), st, frame, 1<<20)
	if err != nil || ec.Reason() != templates.ExitEnd || fp != 1 || frame[1] != intV(144) {
		t.Errorf("fib(12) on the reference: %v at slot %d (%v), result %v; want end, 144", ec, fp, err, frame[1])
	}
	// Out of calls at depth 2: the call's snapshot, two frames up.
	frame = make([]templates.Value, 1+W*20)
	frame[1] = intV(12)
	st = &templates.State{Budget: 1 << 40, Calls: 2}
	if ec, fp, err = uopref.RunFrom(0, 1, RefInstrs(uops), st, frame, 1<<20); err != nil || ec != templates.MakeExitCode(templates.ExitSide, 3) || fp != 1+2*W {
		t.Errorf("2 calls: %v at slot %d (%v); want side_exit@3 at slot %d", ec, fp, err, 1+2*W)
	}
	loop := &Trace{Insts: []Inst{{Op: generated.OpCallSelf, Args: [4]uint64{S(W), 0}, Exit: 0}, {Op: generated.OpLoop}}}
	if err := loop.Validate(); err == nil {
		t.Error("call_self in a loop trace validates")
	}
	noRet := fib()
	noRet.Insts = noRet.Insts[:4]
	if err := noRet.Validate(); err == nil {
		t.Error("a function trace that does not end in ret validates")
	}
}

// TestRedundantManyFacts: with more facts than one word of the bit sets
// holds, a repeat is dropped only while its inputs stand (a write to r0
// kills facts in every word).
func TestRedundantManyFacts(t *testing.T) {
	const n = 150
	add := func(k int) Inst {
		return Inst{Op: generated.OpIntAddImm, Args: [4]uint64{Slot(int32(10 + k)), Slot(0), uint64(k)}, Exit: 0}
	}
	var insts []Inst
	for k := range n {
		insts = append(insts, add(k))
	}
	insts = append(insts, add(n-1), add(70)) // redundant: r0 stands
	insts = append(insts, Inst{Op: generated.OpIntAddImm, Args: [4]uint64{Slot(0), Slot(0), 1}, Exit: 0})
	insts = append(insts, add(n-1), add(3)) // r0 changed: they stay
	insts = append(insts, Inst{Op: generated.OpLoop, Args: [4]uint64{0}})
	tr := &Trace{Insts: insts, Loop: 0}
	RemoveRedundant(tr)
	if got, want := len(tr.Insts), n+4; got != want {
		t.Fatalf("%d instructions left, want %d:\n%s", got, want, tr)
	}
	for i, k := range []int{n - 1, 3} {
		if in := tr.Insts[n+1+i]; in != add(k) {
			t.Errorf("inst %d is %v, want %v", n+1+i, in, add(k))
		}
	}
}
