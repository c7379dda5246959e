package traceopt

import (
	"testing"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

// TestFoldPowerOfTwo: // and % by a constant power of two become a shift
// and a mask, with Python's floored results for negative operands; other
// divisors stay divisions.
func TestFoldPowerOfTwo(t *testing.T) {
	s := Slot
	build := func(d int64) *Trace {
		return &Trace{Insts: []Inst{
			{Op: generated.OpLoadInt, Args: [4]uint64{s(1), uint64(d)}, Exit: NoExit},
			{Op: generated.OpIntFloordiv, Args: [4]uint64{s(2), s(0), s(1)}, Exit: 0},
			{Op: generated.OpIntMod, Args: [4]uint64{s(3), s(0), s(1)}, Exit: 0},
			{Op: generated.OpExit, Args: [4]uint64{1}, Exit: NoExit},
			{Op: generated.OpLoop, Args: [4]uint64{0}},
		}}
	}
	for _, c := range []struct {
		d        int64
		div, mod generated.Op
	}{
		{4, generated.OpIntRshiftImm, generated.OpIntAndImm},
		{2, generated.OpIntRshiftImm, generated.OpIntAndImm},
		{1 << 62, generated.OpIntRshiftImm, generated.OpIntAndImm},
		{6, generated.OpIntFloordiv, generated.OpIntMod},
		{1, generated.OpIntFloordiv, generated.OpIntMod},
		{-4, generated.OpIntFloordiv, generated.OpIntMod},
	} {
		plain, folded := build(c.d), build(c.d)
		Fold(folded)
		if folded.Insts[1].Op != c.div || folded.Insts[2].Op != c.mod {
			t.Errorf("by %d: folded to %v, %v; want %v, %v", c.d, folded.Insts[1].Op, folded.Insts[2].Op, c.div, c.mod)
		}
		for _, x := range []int64{0, 1, 5, -1, -5, -8, 1 << 62, -1 << 63, 1<<63 - 1} {
			var got [2][]templates.Value
			for k, tr := range []*Trace{plain, folded} {
				got[k] = []templates.Value{intV(x), {}, {}, {}}
				runRef(t, mustLower(t, tr), got[k])
			}
			if !sameFrame(got[0], got[1]) {
				t.Errorf("%d by %d: divided %v, folded %v", x, c.d, got[0], got[1])
			}
		}
	}
}

// TestFoldAddZero: x + 0, x - 0 and 0 + x become moves and give what the
// arithmetic gives; 0 - x stays a subtraction.
func TestFoldAddZero(t *testing.T) {
	s := Slot
	for _, c := range []struct {
		name string
		op   generated.Op
		a, b uint64 // operand slots: slot 1 holds the constant 0
		want generated.Op
	}{
		{"x + 0", generated.OpIntAdd, s(0), s(1), generated.OpMove},
		{"0 + x", generated.OpIntAdd, s(1), s(0), generated.OpMove},
		{"x - 0", generated.OpIntSub, s(0), s(1), generated.OpMove},
		{"0 - x", generated.OpIntSub, s(1), s(0), generated.OpIntSub},
	} {
		build := func() *Trace {
			return &Trace{Insts: []Inst{
				{Op: generated.OpLoadInt, Args: [4]uint64{s(1), 0}, Exit: NoExit},
				{Op: c.op, Args: [4]uint64{s(2), c.a, c.b}, Exit: 0},
				{Op: generated.OpExit, Args: [4]uint64{1}, Exit: NoExit},
				{Op: generated.OpLoop, Args: [4]uint64{0}},
			}}
		}
		plain, folded := build(), build()
		Fold(folded)
		if folded.Insts[1].Op != c.want {
			t.Errorf("%s: folded to %v, want %v", c.name, folded.Insts[1].Op, c.want)
		}
		for _, x := range []int64{0, 5, -1, 1<<63 - 1, -1 << 63} {
			var got [2][]templates.Value
			for k, tr := range []*Trace{plain, folded} {
				got[k] = []templates.Value{intV(x), {}, {}}
				runRef(t, mustLower(t, tr), got[k])
			}
			if !sameFrame(got[0], got[1]) {
				t.Errorf("%s with x = %d: computed %v, folded %v", c.name, x, got[0], got[1])
			}
		}
	}
}

// TestFoldPastDeadCode: an instruction nothing reaches (a side path's
// first branch, which the branch into the path jumps past) does not fall
// into the instruction after it with nothing known: the constants the
// jump brings there still fold.
func TestFoldPastDeadCode(t *testing.T) {
	s := Slot
	build := func() *Trace {
		return &Trace{Insts: []Inst{
			{Op: generated.OpLoadInt, Args: [4]uint64{s(1), 3}, Exit: NoExit},
			{Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(0), s(1)}, InTrace: true, Target: 5, Exit: NoExit},
			{Op: generated.OpExit, Args: [4]uint64{1}, Exit: NoExit},
			{Op: generated.OpLoop, Args: [4]uint64{0}, Exit: NoExit},
			{Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(0), s(1)}, Negate: true, Exit: 2},
			{Op: generated.OpIntAdd, Args: [4]uint64{s(2), s(0), s(1)}, Exit: 3},
			{Op: generated.OpExit, Args: [4]uint64{1}, Exit: NoExit},
			{Op: generated.OpLoop, Args: [4]uint64{0}, Exit: NoExit},
		}}
	}
	plain, folded := build(), build()
	Fold(folded)
	if folded.Insts[5].Op != generated.OpIntAddImm {
		t.Errorf("after the dead branch: folded to %v, want %v", folded.Insts[5].Op, generated.OpIntAddImm)
	}
	for _, x := range []int64{0, 2, 3, 7, -1 << 63} {
		var got [2][]templates.Value
		for k, tr := range []*Trace{plain, folded} {
			got[k] = []templates.Value{intV(x), {}, {}}
			runRef(t, mustLower(t, tr), got[k])
		}
		if !sameFrame(got[0], got[1]) {
			t.Errorf("x = %d: computed %v, folded %v", x, got[0], got[1])
		}
	}
}
