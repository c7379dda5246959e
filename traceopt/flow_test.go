package traceopt

import (
	"slices"
	"testing"

	"github.com/copypatch/copypatch/generated"
)

func TestBlocks(t *testing.T) {
	s := Slot
	add := Inst{Op: generated.OpIntAdd, Args: [4]uint64{s(3), s(1), s(2)}, Exit: 1}
	guard := Inst{Op: generated.OpGuardInt, Args: [4]uint64{s(1)}, Exit: 1}
	jump := func(target int) Inst {
		return Inst{Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(1), s(2)}, InTrace: true, Target: target}
	}
	exit := Inst{Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(1), s(2)}, Exit: 2}
	inner := func(target int) Inst { return Inst{Op: generated.OpLoop, InTrace: true, Target: target} }
	loop := Inst{Op: generated.OpLoop}
	for _, c := range []struct {
		name  string
		insts []Inst
		loop  int
		want  []int32
	}{
		{"straight line", []Inst{guard, add, add, loop}, 0, []int32{0}},
		{"guards and exits end no block", []Inst{guard, exit, add, exit, loop}, 0, []int32{0}},
		{"the loop start", []Inst{guard, add, add, loop}, 2, []int32{0, 2}},
		{"an in-trace jump and its target", []Inst{guard, jump(4), add, add, add, loop}, 0, []int32{0, 2, 4}},
		{"an inner loop", []Inst{guard, add, add, inner(1), add, loop}, 0, []int32{0, 1, 4}},
		{"a side path after the loop uop", []Inst{guard, jump(4), add, loop, add, loop}, 0, []int32{0, 2, 4}},
	} {
		tr := &Trace{Insts: c.insts, Loop: c.loop}
		sc := getScratch()
		f := tr.blocks(sc)
		if !slices.Equal(f.starts, c.want) {
			t.Errorf("%s: blocks start at %v, want %v", c.name, f.starts, c.want)
		}
		for i := range c.insts {
			b := f.blockOf[i]
			if int(f.starts[b]) > i || f.end(int(b), len(c.insts)) <= i {
				t.Errorf("%s: instruction %d is not in its block %d (%d to %d)", c.name, i, b, f.starts[b], f.end(int(b), len(c.insts)))
			}
		}
		sc.put()
	}
}
