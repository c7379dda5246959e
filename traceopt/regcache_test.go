package traceopt

import (
	"math"
	"runtime"
	"testing"
	"unsafe"

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

// axpyLoop is ys[i] += a * xs[i] over float lists, slots xs=0 ys=1 i=2
// n=3 a=4 and temporaries 5-7, the first load of a kind (op3) from
// kind, the tags proved:
//
//	while i < n:
//	    ys[i] = ys[i] + a * xs[i]
//	    i += 1
func axpyLoop(kind templates.Tag) *Trace {
	s := Slot
	count := Inst{Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(2), s(3)}, Negate: true, Exit: 1}
	load := func(op generated.Op, dst, list int32) Inst {
		return Inst{Op: op, Args: [4]uint64{s(dst), s(list), s(2), uint64(kind)}, Exit: 2}
	}
	return &Trace{Insts: []Inst{
		count,
		load(generated.OpListLoad, 5, 0),
		{Op: generated.OpFloatMulBits, Args: [4]uint64{s(6), s(4), s(5)}, Exit: NoExit},
		load(generated.OpListLoadBits, 7, 1),
		{Op: generated.OpFloatAddBits, Args: [4]uint64{s(7), s(7), s(6)}, Exit: NoExit},
		{Op: generated.OpListStore, Args: [4]uint64{s(1), s(2), s(7)}, Exit: 3},
		{Op: generated.OpIntAddImmBits, Args: [4]uint64{s(2), s(2), 1}, Exit: 4},
		{Op: generated.OpLoop, Exit: NoExit},
	}}
}

func TestCacheRegistersListPicks(t *testing.T) {
	cases := []struct {
		name   string
		kind   templates.Tag
		shared bool
		want   []string
	}{
		{"float lists", templates.TagFloat, false, []string{"int_jump_if_lt", "list_load_r__t_f0", "float_mul_r__b_f0_s_f0",
			"list_load_r__b_f1", "float_add_r__b_f0_f1_f0", "list_store_r__f0", "int_add_imm_bits", "loop"}},
		// (the loads of another kind do not leave a float in a register)
		{"int loads", templates.TagInt, false, []string{"int_jump_if_lt", "list_load", "float_mul_r__b_f0_s_s",
			"list_load_bits", "float_add_r__b_f0_s_f0", "list_store_r__f0", "int_add_imm_bits", "loop"}},
		// (other threads may store into the lists: the plain forms, which
		// interp turns into the _mt ones)
		{"shared", templates.TagFloat, true, []string{"int_jump_if_lt", "list_load", "float_mul_r__b_f0_s_s",
			"list_load_bits", "float_add_r__b_f0_s_f0", "list_store", "int_add_imm_bits", "loop"}},
	}
	for _, c := range cases {
		tr := axpyLoop(c.kind)
		tr.Shared = c.shared
		CacheRegisters(tr)
		for i, w := range c.want {
			if got := tr.Insts[i].Op.String(); got != w {
				t.Errorf("%s: inst %d is %s, want %s\n%s", c.name, i, got, w, tr)
			}
		}
	}
	if got := Unvaried(opNamedT(t, "list_load_r__b_f1")); got != generated.OpListLoadBits {
		t.Errorf("Unvaried(list_load_r__b_f1) = %v", got)
	}
}

// TestCacheRegistersListRuns runs the axpy loop over float lists (and
// over a list with an int, where the load exits) with and without the
// pass, by the reference and natively: the same frames, lists and exits.
func TestCacheRegistersListRuns(t *testing.T) {
	plain := axpyLoop(templates.TagFloat)
	opt := axpyLoop(templates.TagFloat)
	CacheRegisters(opt)
	var cache *jit.Cache
	if c, err := jit.NewCache(jit.Config{Stencils: generated.Set}); err == nil {
		cache = c
		defer cache.Close()
	}
	newRun := func(k int) (*[2]templates.List, []templates.Value) {
		xs := []templates.Value{floatV(1), floatV(-2.5), floatV(math.Inf(1)), floatV(0.125)}
		ys := []templates.Value{floatV(3), floatV(math.Copysign(0, -1)), floatV(1e300), floatV(7)}
		if k == 1 {
			xs[2] = intV(4) // an exit at the third element
		}
		ls := &[2]templates.List{{Vals: &xs[0], Len: 4, Cap: 4}, {Vals: &ys[0], Len: 4, Cap: 4}}
		obj := func(l *templates.List) templates.Value {
			return templates.Value{Tag: templates.TagObject, Bits: uint64(uintptr(unsafe.Pointer(l)))}
		}
		return ls, []templates.Value{obj(&ls[0]), obj(&ls[1]), intV(0), intV(4), floatV(1.5), floatV(0), floatV(0), floatV(0)}
	}
	elems := func(ls *[2]templates.List) []templates.Value {
		return append(append([]templates.Value(nil), unsafe.Slice(ls[0].Vals, 4)...), unsafe.Slice(ls[1].Vals, 4)...)
	}
	for k := range 2 {
		wantLists, want := newRun(k)
		wantEC := runRef(t, mustLower(t, plain), want)
		gotLists, got := newRun(k)
		if ec := runRef(t, mustLower(t, opt), got); ec != wantEC || !sameFrame(got[2:], want[2:]) || !sameFrame(elems(gotLists), elems(wantLists)) {
			t.Errorf("run %d: reference with registers left %v %v %v, without %v %v %v", k, ec, got[2:], elems(gotLists), wantEC, want[2:], elems(wantLists))
		}
		if cache == nil {
			continue
		}
		tr, err := cache.Compile(mustLower(t, opt))
		if err != nil {
			t.Fatal(err)
		}
		gotLists, got = newRun(k)
		st := &templates.State{Budget: 1 << 40}
		if ec := tr.Run(st, got); ec != wantEC || !sameFrame(got[2:], want[2:]) || !sameFrame(elems(gotLists), elems(wantLists)) {
			t.Errorf("run %d: native with registers left %v %v %v, reference without %v %v %v", k, ec, got[2:], elems(gotLists), wantEC, want[2:], elems(wantLists))
		}
		runtime.KeepAlive(gotLists)
		tr.Free()
	}
}
