package traceopt

import (
	"strings"
	"testing"

	"github.com/copypatch/copypatch/generated"
)

func TestCompareChars(t *testing.T) {
	f := func(op generated.Op, args ...uint64) Inst {
		in := Inst{Op: op, Exit: NoExit}
		copy(in.Args[:], args)
		if info := Info(op); info.Exits || info.Branch {
			in.Exit = 1
		}
		return in
	}
	s := Slot
	char := func(d, str, i int32) Inst { return f(generated.OpStrChar, s(d), s(str), s(i), 0) }
	eq := func(a, b int32) Inst { return f(generated.OpStrJumpIfEq, s(a), s(b)) }
	loop := f(generated.OpLoop)
	for _, c := range []struct {
		name  string
		insts []Inst
		loop  int
		want  string // the instruction at index at, printed
		at    int
	}{
		{"two chars", []Inst{char(3, 1, 2), char(4, 1, 5), eq(3, 4), loop}, 0,
			"int_jump_if_eq r3 r4 -> snap 1", 2},
		{"a char moved", []Inst{char(3, 1, 2), f(generated.OpMove, s(6), s(3)), char(4, 1, 5), eq(6, 4), loop}, 0,
			"int_jump_if_eq r6 r4 -> snap 1", 3},
		{"an input str", []Inst{char(4, 1, 5), eq(3, 4), loop}, 0,
			"str_jump_if_eq r3 r4 -> snap 1", 1},
		{"a char overwritten", []Inst{char(3, 1, 2), char(4, 1, 5), f(OpClobber, s(3)), eq(3, 4), loop}, 0,
			"str_jump_if_eq r3 r4 -> snap 1", 3},
		{"a call-out writes it", []Inst{char(3, 1, 2), char(4, 1, 5), f(generated.OpCallOut, 1, s(4)), eq(3, 4), loop}, 0,
			"str_jump_if_eq r3 r4 -> snap 1", 3},
		{"the char is in the loop, the compare before it", []Inst{char(4, 1, 5), eq(3, 4), char(3, 1, 2), loop}, 0,
			"str_jump_if_eq r3 r4 -> snap 1", 1},
		{"the body compares the peeled iteration's char", []Inst{char(3, 1, 2), char(4, 1, 5), eq(3, 4), char(4, 1, 5), eq(3, 4), loop}, 3,
			"int_jump_if_eq r3 r4 -> snap 1", 4},
		{"the loop writes it otherwise", []Inst{char(3, 1, 2), char(4, 1, 5), eq(3, 4), char(4, 1, 5), eq(3, 4),
			f(generated.OpLoadInt, s(3), 7), loop}, 3,
			"str_jump_if_eq r3 r4 -> snap 1", 4},
		{"a jump skips the char", []Inst{char(3, 1, 2),
			{Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(5), s(6)}, InTrace: true, Target: 3},
			char(4, 1, 5), eq(3, 4), loop}, 0,
			"str_jump_if_eq r3 r4 -> snap 1", 3},
	} {
		tr := &Trace{Insts: c.insts, Loop: c.loop}
		CompareChars(tr)
		if got := strings.TrimSpace(tr.Insts[c.at].String()); got != c.want {
			t.Errorf("%s: inst %d is %q, want %q\n%s", c.name, c.at, got, c.want, tr)
		}
	}
}
