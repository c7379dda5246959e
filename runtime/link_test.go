package jit

import (
	"math"
	"testing"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

// oddsParent: slot0 = i, slot1 = n, slot2 = sum, slot3 = scratch; while
// i < n { if i&1 { exit 3 } ; i++ }. Its bridge for exit 3 adds i to sum,
// increments i and jumps back to the parent's first uop.
func oddsParent() []Uop {
	return []Uop{
		{Op: o(generated.OpIntJumpIfGe), Operands: [4]uint64{s(0), s(1)}, Jump: 5},
		{Op: o(generated.OpIntAndImm), Operands: [4]uint64{s(3), s(0), 1}},
		{Op: o(generated.OpJumpIfTrue), Operands: [4]uint64{s(3)}, Jump: 6},
		{Op: o(generated.OpIntAddImm), Operands: [4]uint64{s(0), s(0), 1}, Exit: 2},
		{Op: o(generated.OpLoop), Operands: [4]uint64{7}, Jump: 0},
		{Op: o(generated.OpEnd), Operands: [4]uint64{9}},
		{Op: o(generated.OpExit), Operands: [4]uint64{3}},
	}
}

func oddsBridge(parent uintptr) []Uop {
	return []Uop{
		{Op: o(generated.OpIntAdd), Operands: [4]uint64{s(2), s(2), s(0)}, Exit: 1},
		{Op: o(generated.OpIntAddImm), Operands: [4]uint64{s(0), s(0), 1}, Exit: 2},
		{Op: o(generated.OpLoop), Operands: [4]uint64{8}, Far: parent},
	}
}

// TestLinkedBridge compiles a bridge on its own, jumping back into its
// parent, and patches the parent's exit to it: the loop then runs to its
// end through both, and safepoints leave from either.
func TestLinkedBridge(t *testing.T) {
	for _, force := range []bool{false, true} {
		c := newCache(t, Config{})
		parent, err := c.Compile(oddsParent())
		if err != nil {
			t.Fatal(err)
		}
		st := &templates.State{Budget: math.MaxInt64}
		if ec, want := parent.Run(st, ints(0, 10, 0, 0)), templates.MakeExitCode(templates.ExitSide, 3); ec != want {
			t.Fatalf("before the patch: %v, want %v", ec, want)
		}
		forceFar = force
		bridge, err := c.Compile(oddsBridge(parent.Addr()))
		forceFar = false
		if err != nil {
			t.Fatal(err)
		}
		if !parent.HasExit(3) || parent.HasExit(4) {
			t.Fatalf("HasExit(3) = %v, HasExit(4) = %v", parent.HasExit(3), parent.HasExit(4))
		}
		if n, err := parent.PatchExits(3, bridge.Addr()); err != nil || n != 1 {
			t.Fatalf("PatchExits: %d, %v", n, err)
		}
		frame := ints(0, 1000, 0, 0)
		if ec, want := parent.Run(st, frame), templates.MakeExitCode(templates.ExitEnd, 9); ec != want {
			t.Fatalf("after the patch: %v, want %v", ec, want)
		}
		if got := int64(frame[2].Bits); got != 250000 {
			t.Errorf("sum of odd numbers below 1000 = %d, want 250000", got)
		}
		// A budget of one back-edge from an odd i: the bridge's loop uop leaves with
		// its own safepoint index.
		frame = ints(1, 1000, 0, 0)
		st.Budget = 1
		if ec := parent.Run(st, frame); ec.Reason() != templates.ExitSafepoint || ec.Index() != 8 {
			t.Errorf("budget 1: %v, want the bridge's safepoint 8", ec)
		}
		bridge.Free()
		parent.Free()
	}
}
