package traceopt

import (
	"math"
	"testing"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/templates"
)

// escapeLoop is mandelbrot's inner loop over slots x=0 y=1 x0=2 y0=3
// i=4 n=5 two=6 four=7 and temporaries 8-11:
//
//	while x*x + y*y <= 4.0 and i < n:
//	    x, y = x*x - y*y + x0, 2.0*x*y + y0
//	    i += 1
//
// with the tags already proved (the _bits forms SkipKnownTags leaves).
func escapeLoop() *Trace {
	s := Slot
	f := func(op generated.Op, args ...uint64) Inst {
		in := Inst{Op: op, Exit: NoExit}
		copy(in.Args[:], args)
		if info := Info(op); info.Exits || info.Branch {
			in.Exit = 1
		}
		return in
	}
	cond := f(generated.OpFloatJumpIfLe, s(10), s(7))
	cond.Negate, cond.Exit = true, 2
	count := f(generated.OpIntJumpIfLt, s(4), s(5))
	count.Negate, count.Exit = true, 3
	return &Trace{Insts: []Inst{
		f(generated.OpFloatMulBits, s(8), s(0), s(0)),
		f(generated.OpFloatMulBits, s(9), s(1), s(1)),
		f(generated.OpFloatAddBits, s(10), s(8), s(9)),
		cond,
		count,
		f(generated.OpFloatMulBits, s(8), s(0), s(0)),
		f(generated.OpFloatMulBits, s(9), s(1), s(1)),
		f(generated.OpFloatSubBits, s(10), s(8), s(9)),
		f(generated.OpFloatMulBits, s(11), s(6), s(0)),
		f(generated.OpFloatAddBits, s(0), s(10), s(2)),
		f(generated.OpFloatMulBits, s(10), s(11), s(1)),
		f(generated.OpFloatAddBits, s(1), s(10), s(3)),
		f(generated.OpIntAddImmBits, s(4), s(4), 1),
		f(generated.OpLoop, 0),
	}}
}

func escapeFrame(x0, y0 float64) []templates.Value {
	return []templates.Value{floatV(0), floatV(0), floatV(x0), floatV(y0), intV(0), intV(50), floatV(2), floatV(4),
		floatV(0), floatV(0), floatV(0), floatV(0)}
}

func TestCacheRegistersPicks(t *testing.T) {
	tr := escapeLoop()
	CacheRegisters(tr)
	want := []string{
		"float_mul_r__b_f0_s_s", "float_mul_r__b_f1_s_s", "float_add_r__b_f0_f0_f1", "float_jump_if_le_r__f0_s",
		"int_jump_if_lt",
		"float_mul_r__b_f0_s_s", "float_mul_r__b_f1_s_s", "float_sub_r__b_f0_f0_f1", "float_mul_r__b_f1_s_s",
		"float_add_r__b_f0_f0_s", "float_mul_r__b_f0_f1_s", "float_add_r__b_f0_f0_s",
		"int_add_imm_bits", "loop",
	}
	for i, w := range want {
		if got := tr.Insts[i].Op.String(); got != w {
			t.Errorf("inst %d is %s, want %s\n%s", i, got, w, tr)
		}
	}
}

func TestCacheRegistersForgets(t *testing.T) {
	s := Slot
	cases := []struct {
		name  string
		insts []Inst
		loop  int
		at    int    // the instruction to look at
		want  string // its uop after the pass
	}{
		{"another write of the slot", []Inst{
			{Op: generated.OpFloatAddBits, Args: [4]uint64{s(0), s(1), s(2)}},
			{Op: generated.OpLoadFloatBits, Args: [4]uint64{s(0), 0}},
			{Op: generated.OpFloatAddBits, Args: [4]uint64{s(3), s(0), s(0)}},
			{Op: generated.OpLoop}}, 0, 2, "float_add_r__b_f0_s_s"},
		{"a jump target", []Inst{
			{Op: generated.OpFloatAddBits, Args: [4]uint64{s(0), s(1), s(2)}},
			{Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(4), s(5)}, InTrace: true, Target: 2},
			{Op: generated.OpFloatAddBits, Args: [4]uint64{s(3), s(0), s(0)}},
			{Op: generated.OpLoop}}, 0, 2, "float_add_r__b_f0_s_s"},
		{"after a call-out", []Inst{
			{Op: generated.OpFloatAddBits, Args: [4]uint64{s(0), s(1), s(2)}},
			{Op: generated.OpCallOut, Args: [4]uint64{1, s(6)}},
			{Op: generated.OpFloatAddBits, Args: [4]uint64{s(3), s(0), s(0)}},
			{Op: generated.OpLoop}}, 0, 2, "float_add_r__b_f0_s_s"},
		{"the loop top", []Inst{
			{Op: generated.OpFloatAddBits, Args: [4]uint64{s(0), s(1), s(2)}},
			{Op: generated.OpFloatAddBits, Args: [4]uint64{s(3), s(0), s(0)}},
			{Op: generated.OpLoop}}, 1, 1, "float_add_r__b_f0_s_s"},
		{"a move copies", []Inst{
			{Op: generated.OpFloatAddBits, Args: [4]uint64{s(0), s(1), s(2)}},
			{Op: generated.OpMoveBits, Args: [4]uint64{s(7), s(0)}},
			{Op: generated.OpLoadFloatBits, Args: [4]uint64{s(0), 0}},
			{Op: generated.OpFloatAddBits, Args: [4]uint64{s(3), s(7), s(0)}},
			{Op: generated.OpLoop}}, 0, 3, "float_add_r__b_f0_f0_s"},
	}
	for _, c := range cases {
		tr := &Trace{Insts: c.insts, Loop: c.loop}
		for i := range tr.Insts {
			if Info(tr.Insts[i].Op).Exits {
				tr.Insts[i].Exit = 0
			}
		}
		CacheRegisters(tr)
		if got := tr.Insts[c.at].Op.String(); got != c.want {
			t.Errorf("%s: inst %d is %s, want %s\n%s", c.name, c.at, got, c.want, tr)
		}
	}
}

// TestCacheRegistersRuns runs the escape loop with and without the pass,
// by the reference and natively: the same frames and exits.
func TestCacheRegistersRuns(t *testing.T) {
	plain := escapeLoop()
	opt := escapeLoop()
	CacheRegisters(opt)
	var cache *jit.Cache
	if c, err := jit.NewCache(jit.Config{Stencils: generated.Set}); err == nil {
		cache = c
		defer cache.Close()
	}
	for _, p := range [][2]float64{{0, 0}, {-0.75, 0.1}, {0.3, 0.5}, {2, 2}, {math.NaN(), 0}, {-2, 0}} {
		want := escapeFrame(p[0], p[1])
		wantEC := runRef(t, mustLower(t, plain), want)
		got := escapeFrame(p[0], p[1])
		if ec := runRef(t, mustLower(t, opt), got); ec != wantEC || !sameFrame(got, want) {
			t.Errorf("%v: reference with registers left %v %v, without %v %v", p, ec, got, wantEC, want)
		}
		if cache == nil {
			continue
		}
		tr, err := cache.Compile(mustLower(t, opt))
		if err != nil {
			t.Fatal(err)
		}
		got = escapeFrame(p[0], p[1])
		st := &templates.State{Budget: 1 << 40}
		if ec := tr.Run(st, got); ec != wantEC || !sameFrame(got, want) {
			t.Errorf("%v: native with registers left %v %v, reference without %v %v", p, ec, got, wantEC, want)
		}
		tr.Free()
	}
}

func sameFrame(a, b []templates.Value) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}
