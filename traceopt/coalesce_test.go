package traceopt

import (
	"math"
	"strings"
	"testing"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/templates"
)

// swapLoop is "while n < 10: x, y = x*x - y*y + c, c*x*y + c" with x, y,
// c, n, 10 in slots 0, 1, 2, 8, 9 and the temporaries in slots 3-7, as
// the compiler allocates them (the tuple's two elements first).
func swapLoop(exitDead func(int, int32) bool) *Trace {
	return &Trace{ExitDead: exitDead, Insts: []Inst{
		{Op: generated.OpGuardInt, Args: [4]uint64{Slot(8)}, Exit: 0},
		{Op: generated.OpGuardInt, Args: [4]uint64{Slot(9)}, Exit: 0},
		{Op: generated.OpIntJumpIfLt, Args: [4]uint64{Slot(8), Slot(9)}, Negate: true, Exit: 1},
		{Op: generated.OpGuardFloat, Args: [4]uint64{Slot(0)}, Exit: 2},
		{Op: generated.OpGuardFloat, Args: [4]uint64{Slot(1)}, Exit: 2},
		{Op: generated.OpFloatMul, Args: [4]uint64{Slot(6), Slot(0), Slot(0)}, Exit: NoExit},
		{Op: generated.OpFloatMul, Args: [4]uint64{Slot(7), Slot(1), Slot(1)}, Exit: NoExit},
		{Op: generated.OpFloatSub, Args: [4]uint64{Slot(5), Slot(6), Slot(7)}, Exit: NoExit},
		{Op: generated.OpGuardFloat, Args: [4]uint64{Slot(2)}, Exit: 3},
		{Op: generated.OpFloatAdd, Args: [4]uint64{Slot(3), Slot(5), Slot(2)}, Exit: NoExit},
		{Op: generated.OpFloatMul, Args: [4]uint64{Slot(6), Slot(2), Slot(0)}, Exit: NoExit},
		{Op: generated.OpFloatMul, Args: [4]uint64{Slot(5), Slot(6), Slot(1)}, Exit: NoExit},
		{Op: generated.OpFloatAdd, Args: [4]uint64{Slot(4), Slot(5), Slot(2)}, Exit: NoExit},
		{Op: generated.OpMove, Args: [4]uint64{Slot(0), Slot(3)}, Exit: NoExit},
		{Op: generated.OpMove, Args: [4]uint64{Slot(1), Slot(4)}, Exit: NoExit},
		{Op: generated.OpIntAddImm, Args: [4]uint64{Slot(8), Slot(8), 1}, Exit: 4},
		{Op: generated.OpLoop, Args: [4]uint64{5}},
	}}
}

func TestCoalesceMoves(t *testing.T) {
	tempsDead := func(snap int, s int32) bool { return s >= 3 && s <= 7 }
	body := func(tr *Trace) string { return strings.Join(strings.SplitAfter(tr.String(), "loop:\n")[1:], "") }
	opt := swapLoop(tempsDead)
	Optimize(opt, nil)
	if b := body(opt); strings.Contains(b, "move") {
		t.Errorf("moves left in the loop body:\n%s", b)
	}
	// The temporaries read at an exit: the moves stay.
	kept := swapLoop(nil)
	Optimize(kept, nil)
	if b := body(kept); strings.Count(b, "move") != 2 {
		t.Errorf("temporaries that exits read were coalesced:\n%s", b)
	}
	// Every version computes the same x and y.
	frame := func() []templates.Value {
		return []templates.Value{floatV(0.25), floatV(-0.5), floatV(0.125), {}, {}, {}, {}, {}, intV(0), intV(10)}
	}
	want := frame()
	if ec := runRef(t, mustLower(t, swapLoop(nil)), want); ec != templates.MakeExitCode(templates.ExitSide, 1) {
		t.Fatalf("unoptimized: exit %v", ec)
	}
	for name, tr := range map[string]*Trace{"coalesced": opt, "kept": kept} {
		got := frame()
		if ec := runRef(t, mustLower(t, tr), got); ec != templates.MakeExitCode(templates.ExitSide, 1) {
			t.Fatalf("%s: exit %v", name, ec)
		}
		for _, s := range []int{0, 1, 2, 8, 9} {
			if got[s] != want[s] {
				t.Errorf("%s: slot %d is %v (%v), want %v (%v)", name, s, got[s], math.Float64frombits(got[s].Bits), want[s], math.Float64frombits(want[s].Bits))
			}
		}
	}
}

func TestCoalesceMovesRefuses(t *testing.T) {
	f := func(op generated.Op, args ...uint64) Inst {
		in := Inst{Op: op, Exit: NoExit}
		copy(in.Args[:], args)
		if info := Info(op); info.Exits || info.Branch {
			in.Exit = 1
		}
		return in
	}
	s := Slot
	dead := func(int, int32) bool { return true }
	for _, c := range []struct {
		name  string
		insts []Inst
	}{
		{"the temporary is read after the move",
			[]Inst{f(generated.OpFloatAdd, s(3), s(1), s(2)), f(generated.OpMove, s(0), s(3)), f(generated.OpFloatAdd, s(4), s(3), s(3)), f(generated.OpLoop)}},
		{"an exit between producer and move",
			[]Inst{f(generated.OpFloatAdd, s(3), s(1), s(2)), f(generated.OpGuardInt, s(5)), f(generated.OpMove, s(0), s(3)), f(generated.OpLoop)}},
		{"v written between producer and move",
			[]Inst{f(generated.OpFloatAdd, s(3), s(1), s(2)), f(generated.OpLoadInt, s(0), 1), f(generated.OpMove, s(0), s(3)), f(generated.OpLoop)}},
		{"a reader of v that the producer reads the result of",
			[]Inst{f(generated.OpFloatAdd, s(3), s(1), s(2)), f(generated.OpFloatMul, s(1), s(0), s(0)), f(generated.OpMove, s(0), s(3)), f(generated.OpLoop)}},
		{"a reader of v after a producer that may exit",
			[]Inst{f(generated.OpIntAdd, s(3), s(1), s(2)), f(generated.OpIntAnd, s(4), s(0), s(0)), f(generated.OpMove, s(0), s(3)), f(generated.OpLoop)}},
		{"the temporary read at the loop top",
			[]Inst{f(generated.OpFloatAdd, s(0), s(3), s(3)), f(generated.OpFloatAdd, s(3), s(1), s(2)), f(generated.OpMove, s(0), s(3)), f(generated.OpLoop)}},
	} {
		tr := &Trace{Insts: c.insts, ExitDead: dead}
		CoalesceMoves(tr)
		if !strings.Contains(tr.String(), "move") {
			t.Errorf("%s: the move went:\n%s", c.name, tr)
		}
	}
}

func mustLower(t *testing.T, tr *Trace) []jit.Uop {
	t.Helper()
	uops, err := Lower(tr)
	if err != nil {
		t.Fatal(err)
	}
	return uops
}
