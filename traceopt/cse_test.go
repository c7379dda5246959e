package traceopt

import (
	"strings"
	"testing"

	"github.com/copypatch/copypatch/generated"
)

func TestReuseValues(t *testing.T) {
	f := func(op generated.Op, args ...uint64) Inst {
		in := Inst{Op: op, Exit: NoExit}
		copy(in.Args[:], args)
		if info := Info(op); info.Exits || info.Branch {
			in.Exit = 1
		}
		return in
	}
	s := Slot
	add := func(d, a, b int32) Inst { return f(generated.OpIntAdd, s(d), s(a), s(b)) }
	for _, c := range []struct {
		name  string
		insts []Inst
		loop  int
		want  string // the instruction at index at, printed
		at    int
	}{
		{"the same sum twice", []Inst{add(3, 1, 2), add(4, 1, 2), f(generated.OpLoop)}, 0,
			"move r4 r3", 1},
		{"operands swapped on a commuting uop", []Inst{add(3, 1, 2), add(4, 2, 1), f(generated.OpLoop)}, 0,
			"move r4 r3", 1},
		{"operands swapped on one that does not commute", []Inst{
			f(generated.OpIntSub, s(3), s(1), s(2)), f(generated.OpIntSub, s(4), s(2), s(1)), f(generated.OpLoop)}, 0,
			"int_sub r4 r2 r1 -> snap 1", 1},
		{"another immediate", []Inst{
			f(generated.OpIntAddImm, s(3), s(1), 1), f(generated.OpIntAddImm, s(4), s(1), 2), f(generated.OpLoop)}, 0,
			"int_add_imm r4 r1 $2 -> snap 1", 1},
		{"the same immediate", []Inst{
			f(generated.OpIntAddImm, s(3), s(1), 1), f(generated.OpIntAddImm, s(4), s(1), 1), f(generated.OpLoop)}, 0,
			"move r4 r3", 1},
		{"an input written since", []Inst{add(3, 1, 2), f(generated.OpLoadInt, s(2), 5), add(4, 1, 2), f(generated.OpLoop)}, 0,
			"int_add r4 r1 r2 -> snap 1", 2},
		{"the first input written since", []Inst{add(3, 1, 2), f(generated.OpLoadInt, s(1), 5), add(4, 1, 2), f(generated.OpLoop)}, 0,
			"int_add r4 r1 r2 -> snap 1", 2},
		{"a write to the slot an immediate's bits name", []Inst{
			f(generated.OpIntAddImm, s(3), s(1), s(5)), f(generated.OpLoadInt, s(5), 7),
			f(generated.OpIntAddImm, s(4), s(1), s(5)), f(generated.OpLoop)}, 0,
			"move r4 r3", 2},
		{"the holder written since", []Inst{add(3, 1, 2), f(generated.OpLoadInt, s(3), 5), add(4, 1, 2), f(generated.OpLoop)}, 0,
			"int_add r4 r1 r2 -> snap 1", 2},
		{"a clobber of the holder", []Inst{add(3, 1, 2), f(OpClobber, s(3)), add(4, 1, 2), f(generated.OpLoop)}, 0,
			"int_add r4 r1 r2 -> snap 1", 2},
		{"the holder is an input", []Inst{add(1, 1, 2), add(4, 1, 2), f(generated.OpLoop)}, 0,
			"int_add r4 r1 r2 -> snap 1", 1},
		{"across the loop top", []Inst{add(3, 1, 2), add(4, 1, 2), f(generated.OpLoop)}, 1,
			"int_add r4 r1 r2 -> snap 1", 1},
		{"after a call-out", []Inst{add(3, 1, 2), f(generated.OpCallOut, 1, s(6)), add(4, 1, 2), f(generated.OpLoop)}, 0,
			"int_add r4 r1 r2 -> snap 1", 2},
		{"at a jump target", []Inst{
			add(3, 1, 2), {Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(5), s(6)}, InTrace: true, Target: 2},
			add(4, 1, 2), f(generated.OpLoop)}, 0,
			"int_add r4 r1 r2 -> snap 1", 2},
		{"into the same slot", []Inst{add(3, 1, 2), add(3, 1, 2), f(generated.OpLoop)}, 0,
			"int_add r3 r1 r2 -> snap 1", 1},
		{"floats", []Inst{
			f(generated.OpFloatMul, s(3), s(1), s(2)), f(generated.OpFloatMul, s(4), s(1), s(2)), f(generated.OpLoop)}, 0,
			"move r4 r3", 1},
		{"floats swapped (NaN payloads)", []Inst{
			f(generated.OpFloatMul, s(3), s(1), s(2)), f(generated.OpFloatMul, s(4), s(2), s(1)), f(generated.OpLoop)}, 0,
			"float_mul r4 r2 r1", 1},
	} {
		tr := &Trace{Insts: c.insts, Loop: c.loop}
		ReuseValues(tr)
		if got := strings.TrimSpace(tr.Insts[c.at].String()); got != c.want {
			t.Errorf("%s: inst %d is %q, want %q\n%s", c.name, c.at, got, c.want, tr)
		}
	}
}
