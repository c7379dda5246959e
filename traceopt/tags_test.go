package traceopt

import (
	"testing"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

func TestSkipKnownTags(t *testing.T) {
	f := func(op generated.Op, args ...uint64) Inst {
		in := Inst{Op: op, Exit: NoExit}
		copy(in.Args[:], args)
		if info := Info(op); info.Exits || info.Branch {
			in.Exit = 1
		}
		return in
	}
	s := Slot
	cases := []struct {
		name  string
		insts []Inst
		loop  int
		want  []generated.Op // the ops after the pass, by index
	}{
		{"unknown tag: the tag is written",
			[]Inst{f(generated.OpFloatAdd, s(0), s(1), s(2)), f(generated.OpLoop)}, 0,
			[]generated.Op{generated.OpFloatAdd, generated.OpLoop}},
		{"guarded slot",
			[]Inst{f(generated.OpGuardFloat, s(0)), f(generated.OpFloatAdd, s(0), s(1), s(2)), f(generated.OpLoop)}, 0,
			[]generated.Op{generated.OpGuardFloat, generated.OpFloatAddBits, generated.OpLoop}},
		{"a guard of another type does not do",
			[]Inst{f(generated.OpGuardInt, s(0)), f(generated.OpFloatAdd, s(0), s(1), s(2)), f(generated.OpLoop)}, 0,
			[]generated.Op{generated.OpGuardInt, generated.OpFloatAdd, generated.OpLoop}},
		{"the back-edge brings the tag the body wrote",
			[]Inst{f(generated.OpLoadFloat, s(0), 0), f(generated.OpFloatMul, s(0), s(1), s(2)), f(generated.OpLoop)}, 1,
			[]generated.Op{generated.OpLoadFloat, generated.OpFloatMulBits, generated.OpLoop}},
		{"the first pass through the body does not know it",
			[]Inst{f(generated.OpFloatMul, s(0), s(1), s(2)), f(generated.OpLoop)}, 0,
			[]generated.Op{generated.OpFloatMul, generated.OpLoop}},
		{"an int written where the loop writes a float",
			[]Inst{f(generated.OpLoadFloat, s(0), 0), f(generated.OpFloatMul, s(0), s(1), s(2)), f(generated.OpLoadInt, s(0), 1), f(generated.OpLoop)}, 1,
			[]generated.Op{generated.OpLoadFloat, generated.OpFloatMul, generated.OpLoadInt, generated.OpLoop}},
		{"a call-out forgets every slot",
			[]Inst{f(generated.OpGuardInt, s(0)), f(generated.OpCallOut, 3, s(5)), f(generated.OpIntAdd, s(0), s(0), s(1)), f(generated.OpLoop)}, 0,
			[]generated.Op{generated.OpGuardInt, generated.OpCallOut, generated.OpIntAdd, generated.OpLoop}},
		{"a clobber forgets its slot",
			[]Inst{f(generated.OpGuardInt, s(0)), f(generated.OpGuardInt, s(1)), f(OpClobber, s(0)),
				f(generated.OpIntAdd, s(0), s(1), s(1)), f(generated.OpIntAdd, s(1), s(1), s(1)), f(generated.OpLoop)}, 0,
			[]generated.Op{generated.OpGuardInt, generated.OpGuardInt, OpClobber, generated.OpIntAdd, generated.OpIntAddBits, generated.OpLoop}},
		{"a move carries its source's tag",
			[]Inst{f(generated.OpGuardList, s(1)), f(generated.OpMove, s(0), s(1)), f(generated.OpMove, s(0), s(1)), f(generated.OpLoop)}, 0,
			[]generated.Op{generated.OpGuardList, generated.OpMove, generated.OpMoveBits, generated.OpLoop}},
		{"a move of an unknown tag",
			[]Inst{f(generated.OpGuardInt, s(0)), f(generated.OpMove, s(0), s(1)), f(generated.OpLoop)}, 0,
			[]generated.Op{generated.OpGuardInt, generated.OpMove, generated.OpLoop}},
		{"a 128-bit write leaves no tag known",
			[]Inst{f(generated.OpGuardInt, s(0)), f(generated.OpIntToWide, s(0), s(1)), f(generated.OpIntAdd, s(0), s(2), s(2)), f(generated.OpLoop)}, 0,
			[]generated.Op{generated.OpGuardInt, generated.OpIntToWide, generated.OpIntAdd, generated.OpLoop}},
	}
	for _, c := range cases {
		tr := &Trace{Insts: c.insts, Loop: c.loop}
		SkipKnownTags(tr)
		for i, want := range c.want {
			if got := tr.Insts[i].Op; got != want {
				t.Errorf("%s: inst %d is %v, want %v\n%s", c.name, i, got, want, tr)
			}
		}
	}
}

// TestSkipKnownTagsRuns runs a loop whose body keeps a float and an int in
// slots that had other tags at entry, with the pass and without: the frames
// must agree at the exit, tags included.
func TestSkipKnownTagsRuns(t *testing.T) {
	build := func() *Trace {
		return &Trace{Consts: map[int32]templates.Value{3: intV(1), 4: floatV(0.5)}, Insts: []Inst{
			{Op: generated.OpGuardInt, Args: [4]uint64{Slot(0)}, Exit: 0},
			{Op: generated.OpGuardInt, Args: [4]uint64{Slot(1)}, Exit: 0},
			{Op: generated.OpIntJumpIfLt, Args: [4]uint64{Slot(0), Slot(1)}, Negate: true, Exit: 1},
			{Op: generated.OpIntToFloat, Args: [4]uint64{Slot(2), Slot(0)}},
			{Op: generated.OpFloatMul, Args: [4]uint64{Slot(2), Slot(2), Slot(4)}},
			{Op: generated.OpIntAdd, Args: [4]uint64{Slot(0), Slot(0), Slot(3)}, Exit: 2},
			{Op: generated.OpLoop, Args: [4]uint64{0}},
		}}
	}
	plain := build()
	for _, p := range Passes {
		if p.Name != "tags" {
			p.Run(plain)
		}
	}
	opt := build()
	Optimize(opt, nil)
	if opt.String() == plain.String() {
		t.Fatalf("the pass changed nothing:\n%s", opt)
	}
	for _, slot2 := range []templates.Value{{Tag: templates.TagObject}, intV(7), {}} {
		var frames [2][]templates.Value
		var ecs [2]templates.ExitCode
		for k, tr := range []*Trace{plain, opt} {
			uops, err := Lower(tr)
			if err != nil {
				t.Fatal(err)
			}
			frames[k] = []templates.Value{intV(0), intV(5), slot2, intV(1), floatV(0.5)}
			ecs[k] = runRef(t, uops, frames[k])
		}
		if ecs[0] != ecs[1] || frames[0][2] != frames[1][2] || frames[0][0] != frames[1][0] {
			t.Errorf("slot 2 %v at entry: without the pass %v %v, with it %v %v", slot2, ecs[0], frames[0], ecs[1], frames[1])
		}
		if frames[1][2] != floatV(2) {
			t.Errorf("slot 2 %v at entry: left %v, want 2.0", slot2, frames[1][2])
		}
	}
}
