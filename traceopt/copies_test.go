package traceopt

import (
	"strings"
	"testing"

	"github.com/copypatch/copypatch/generated"
)

func TestPropagateCopies(t *testing.T) {
	f := func(op generated.Op, args ...uint64) Inst {
		in := Inst{Op: op, Exit: NoExit}
		copy(in.Args[:], args)
		if info := Info(op); info.Exits || info.Branch {
			in.Exit = 1
		}
		return in
	}
	s := Slot
	for _, c := range []struct {
		name  string
		insts []Inst
		loop  int
		want  string // the instruction at index at, printed
		at    int
	}{
		{"a chain of moves", []Inst{
			f(generated.OpMove, s(1), s(0)), f(generated.OpMoveBits, s(2), s(1)),
			f(generated.OpIntAdd, s(3), s(2), s(1)), f(generated.OpLoop)}, 0,
			"int_add r3 r0 r0 -> snap 1", 2},
		{"the source written since", []Inst{
			f(generated.OpMove, s(1), s(0)), f(generated.OpLoadInt, s(0), 5),
			f(generated.OpIntAdd, s(3), s(1), s(1)), f(generated.OpLoop)}, 0,
			"int_add r3 r1 r1 -> snap 1", 2},
		{"the copy written since", []Inst{
			f(generated.OpMove, s(1), s(0)), f(generated.OpLoadInt, s(1), 5),
			f(generated.OpIntAdd, s(3), s(1), s(1)), f(generated.OpLoop)}, 0,
			"int_add r3 r1 r1 -> snap 1", 2},
		{"a clobber of the source", []Inst{
			f(generated.OpMove, s(1), s(0)), f(OpClobber, s(0)),
			f(generated.OpIntAdd, s(3), s(1), s(1)), f(generated.OpLoop)}, 0,
			"int_add r3 r1 r1 -> snap 1", 2},
		{"across the loop top", []Inst{
			f(generated.OpMove, s(1), s(0)),
			f(generated.OpIntAdd, s(3), s(1), s(1)), f(generated.OpLoop)}, 1,
			"int_add r3 r1 r1 -> snap 1", 1},
		{"after a call-out", []Inst{
			f(generated.OpMove, s(1), s(0)), f(generated.OpCallOut, 1, s(6)),
			f(generated.OpIntAdd, s(3), s(1), s(1)), f(generated.OpLoop)}, 0,
			"int_add r3 r1 r1 -> snap 1", 2},
		{"at a jump target", []Inst{
			f(generated.OpMove, s(1), s(0)), {Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(4), s(5)}, InTrace: true, Target: 2},
			f(generated.OpIntAdd, s(3), s(1), s(1)), f(generated.OpLoop)}, 0,
			"int_add r3 r1 r1 -> snap 1", 2},
		{"a move onto itself", []Inst{
			f(generated.OpMove, s(1), s(1)),
			f(generated.OpIntAdd, s(3), s(1), s(1)), f(generated.OpLoop)}, 0,
			"int_add r3 r1 r1 -> snap 1", 1},
	} {
		tr := &Trace{Insts: c.insts, Loop: c.loop}
		PropagateCopies(tr)
		if got := strings.TrimSpace(tr.Insts[c.at].String()); got != c.want {
			t.Errorf("%s: inst %d is %q, want %q\n%s", c.name, c.at, got, c.want, tr)
		}
	}
}
