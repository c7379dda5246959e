package traceopt

import (
	"runtime"
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/templates"
)

// countLoop is "while i < n: s += xs[i]; if ys[i]: s += 1; i += 1" over
// slots xs=0 ys=1 i=2 n=3 s=4 and temporaries 5-6, the loads of ints
// from xs and of bools from ys, as recorded (guards at the first reads).
func countLoop() *Trace {
	s := Slot
	return &Trace{PrivateFrom: 5, PrivateTo: 7, Insts: []Inst{
		{Op: generated.OpGuardInt, Args: [4]uint64{s(2)}, Exit: 0},
		{Op: generated.OpGuardInt, Args: [4]uint64{s(3)}, Exit: 0},
		{Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(2), s(3)}, Negate: true, Exit: 1},
		{Op: generated.OpGuardList, Args: [4]uint64{s(0)}, Exit: 2},
		{Op: generated.OpListLoad, Args: [4]uint64{s(5), s(0), s(2), uint64(templates.TagInt)}, Exit: 2},
		{Op: generated.OpGuardInt, Args: [4]uint64{s(4)}, Exit: 2},
		{Op: generated.OpIntAdd, Args: [4]uint64{s(4), s(4), s(5)}, Exit: 2},
		{Op: generated.OpGuardList, Args: [4]uint64{s(1)}, Exit: 3},
		{Op: generated.OpListLoad, Args: [4]uint64{s(6), s(1), s(2), uint64(templates.TagBool)}, Exit: 3},
		{Op: generated.OpJumpIfFalse, Args: [4]uint64{s(6)}, Exit: 4},
		{Op: generated.OpIntAddImm, Args: [4]uint64{s(4), s(4), 1}, Exit: 5},
		{Op: generated.OpIntAddImm, Args: [4]uint64{s(2), s(2), 1}, Exit: 6},
		{Op: generated.OpLoop, Args: [4]uint64{0}},
	}}
}

// TestSpecializeKinds: the optimized count loop loads with the kind
// variants (the bits-only ones in the loop body, where the tags are
// known), and leaves the same frame and exit as the recorded trace, by the
// reference and natively: to the end, at an element of another kind, and
// at a bool that is false (a side exit). A Shared trace keeps the plain
// loads.
func TestSpecializeKinds(t *testing.T) {
	var cache *jit.Cache
	if c, err := jit.NewCache(jit.Config{Stencils: generated.Set}); err == nil {
		cache = c
		defer cache.Close()
	}
	opt := countLoop()
	Optimize(opt, nil)
	seen := map[string]bool{}
	for _, in := range opt.Insts {
		seen[in.Op.String()] = true
		if in.Op == generated.OpListLoad || in.Op == generated.OpListLoadBits {
			t.Errorf("plain %v left:\n%s", in, opt)
		}
	}
	for _, w := range []string{"list_load_k__t_int", "list_load_k__t_bool", "list_load_k__b_int", "list_load_k__b_bool"} {
		if !seen[w] {
			t.Errorf("no %s:\n%s", w, opt)
		}
	}
	if got := Unvaried(opNamed["list_load_k__b_bool"]); got != generated.OpListLoadBits {
		t.Errorf("Unvaried(list_load_k__b_bool) = %v", got)
	}
	shared := countLoop()
	shared.Shared = true
	Optimize(shared, nil)
	for _, in := range shared.Insts {
		if Unvaried(in.Op) != in.Op {
			t.Errorf("a shared trace has %v:\n%s", in, shared)
		}
	}

	newRun := func(k int) (*[2]templates.List, []templates.Value) {
		b := func(x uint64) templates.Value { return templates.Value{Tag: templates.TagBool, Bits: x} }
		xs := []templates.Value{intV(5), intV(-2), intV(40), intV(1)}
		ys := []templates.Value{b(1), b(1), b(1), b(1)}
		switch k {
		case 1:
			xs[2] = floatV(4) // another kind: list_load's exit
		case 2:
			ys[1] = intV(1) // another kind in the bool list
		case 3:
			ys[3] = b(0) // the branch leaves
		}
		ls := &[2]templates.List{{Vals: &xs[0], Len: 4, Cap: 4}, {Vals: &ys[0], Len: 4, Cap: 4}}
		obj := func(l *templates.List) templates.Value {
			return templates.Value{Tag: templates.TagObject, Bits: uint64(uintptr(unsafe.Pointer(l)))}
		}
		return ls, []templates.Value{obj(&ls[0]), obj(&ls[1]), intV(0), intV(4), intV(0), {}, {}}
	}
	for k := range 4 {
		_, want := newRun(k)
		wantEC := runRef(t, mustLower(t, countLoop()), want)
		_, got := newRun(k)
		if ec := runRef(t, mustLower(t, opt), got); ec != wantEC || !sameFrame(got[2:5], want[2:5]) {
			t.Errorf("run %d: reference optimized left %v %v, recorded %v %v\n%s", k, ec, got[2:5], wantEC, want[2:5], opt)
		}
		if cache == nil {
			continue
		}
		tr, err := cache.Compile(mustLower(t, opt))
		if err != nil {
			t.Fatal(err)
		}
		lists, got := newRun(k)
		st := &templates.State{Budget: 1 << 40}
		if ec := tr.Run(st, got); ec != wantEC || !sameFrame(got[2:5], want[2:5]) {
			t.Errorf("run %d: native optimized left %v %v, reference recorded %v %v", k, ec, got[2:5], wantEC, want[2:5])
		}
		runtime.KeepAlive(lists)
		tr.Free()
	}
}
