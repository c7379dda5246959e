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
	if got := Unvaried(opNamedT(t, "list_load_k__b_bool")); got != generated.OpListLoadBits {
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

// copyLoop is "while i < n: x = xs[i]; ys[i] = x; ys[i] = c; xs[i] = w;
// i += 1" over slots xs=0 ys=1 i=2 n=3, the constant c=4 (False), w=5 (a
// value of no known tag) and the temporary x=6: the store of x (an int
// element), then of c, then of w.
func copyLoop() *Trace {
	s := Slot
	return &Trace{PrivateFrom: 6, PrivateTo: 7,
		Consts: map[int32]templates.Value{4: {Tag: templates.TagBool, Bits: 0}},
		Insts: []Inst{
			{Op: generated.OpGuardInt, Args: [4]uint64{s(2)}, Exit: 0},
			{Op: generated.OpGuardInt, Args: [4]uint64{s(3)}, Exit: 0},
			{Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(2), s(3)}, Negate: true, Exit: 1},
			{Op: generated.OpGuardList, Args: [4]uint64{s(0)}, Exit: 2},
			{Op: generated.OpListLoad, Args: [4]uint64{s(6), s(0), s(2), uint64(templates.TagInt)}, Exit: 2},
			{Op: generated.OpGuardList, Args: [4]uint64{s(1)}, Exit: 3},
			{Op: generated.OpListStore, Args: [4]uint64{s(1), s(2), s(6)}, Exit: 3},
			{Op: generated.OpListStore, Args: [4]uint64{s(1), s(2), s(4)}, Exit: 4},
			{Op: generated.OpListStore, Args: [4]uint64{s(0), s(2), s(5)}, Exit: 5},
			{Op: generated.OpIntAddImm, Args: [4]uint64{s(2), s(2), 1}, Exit: 6},
			{Op: generated.OpLoop, Args: [4]uint64{0}},
		}}
}

// TestSpecializeStores: the optimized copy loop stores the int it loaded
// and the bool constant with list_store_k, and the value of unknown tag
// with list_store; it leaves the same frame, lists and exit as the
// recorded trace, by the reference and natively: to the end, where w is a
// float, and where w is an object (list_store's exit) or xs holds a float
// (the load's). A Shared trace keeps the plain stores.
func TestSpecializeStores(t *testing.T) {
	var cache *jit.Cache
	if c, err := jit.NewCache(jit.Config{Stencils: generated.Set}); err == nil {
		cache = c
		defer cache.Close()
	}
	opt := copyLoop()
	Optimize(opt, nil)
	count := map[string]int{}
	for _, in := range opt.Insts {
		count[in.Op.String()]++
		if in.Op == generated.OpListStore && slotOf(in.Args[2]) != 5 {
			t.Errorf("plain %v left:\n%s", in, opt)
		}
	}
	if count["list_store_k__int"] == 0 || count["list_store_k__bool"] == 0 || count["list_store"] == 0 {
		t.Errorf("stores %v:\n%s", count, opt)
	}
	if got := Unvaried(opNamedT(t, "list_store_k__bool")); got != generated.OpListStore {
		t.Errorf("Unvaried(list_store_k__bool) = %v", got)
	}
	shared := copyLoop()
	shared.Shared = true
	Optimize(shared, nil)
	for _, in := range shared.Insts {
		if Unvaried(in.Op) != in.Op {
			t.Errorf("a shared trace has %v:\n%s", in, shared)
		}
	}

	newRun := func(k int) (*[2]templates.List, []templates.Value) {
		xs := []templates.Value{intV(5), intV(-2), intV(40), intV(1)}
		ys := []templates.Value{floatV(1), intV(7), floatV(2), intV(9)}
		w := floatV(0.5)
		switch k {
		case 1:
			w = templates.Value{Tag: templates.TagObject, Bits: 8} // list_store's exit
		case 2:
			xs[2] = floatV(4) // the load's exit
		}
		ls := &[2]templates.List{{Vals: &xs[0], Len: 4, Cap: 4}, {Vals: &ys[0], Len: 4, Cap: 4}}
		obj := func(l *templates.List) templates.Value {
			return templates.Value{Tag: templates.TagObject, Bits: uint64(uintptr(unsafe.Pointer(l)))}
		}
		return ls, []templates.Value{obj(&ls[0]), obj(&ls[1]), intV(0), intV(4), {Tag: templates.TagBool, Bits: 0}, w, {}}
	}
	elems := func(ls *[2]templates.List) []templates.Value {
		return append(append([]templates.Value(nil), unsafe.Slice(ls[0].Vals, 4)...), unsafe.Slice(ls[1].Vals, 4)...)
	}
	for k := range 3 {
		wantLists, want := newRun(k)
		wantEC := runRef(t, mustLower(t, copyLoop()), want)
		gotLists, got := newRun(k)
		if ec := runRef(t, mustLower(t, opt), got); ec != wantEC || !sameFrame(got[2:6], want[2:6]) || !sameFrame(elems(gotLists), elems(wantLists)) {
			t.Errorf("run %d: reference optimized left %v %v %v, recorded %v %v %v\n%s", k, ec, got[2:6], elems(gotLists), wantEC, want[2:6], elems(wantLists), opt)
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
		if ec := tr.Run(st, got); ec != wantEC || !sameFrame(got[2:6], want[2:6]) || !sameFrame(elems(lists), elems(wantLists)) {
			t.Errorf("run %d: native optimized left %v %v %v, reference recorded %v %v %v", k, ec, got[2:6], elems(lists), wantEC, want[2:6], elems(wantLists))
		}
		runtime.KeepAlive(lists)
		tr.Free()
	}
}
