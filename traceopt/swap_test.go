package traceopt

import (
	"runtime"
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/templates"
)

// reverseLoop is "while i < j: a[i], a[j] = a[j], a[i]; i += 1; j -= 1"
// over slots a=0 i=1 j=2, with the swap's temporaries x=3 and y=4
// private. Every exit of the swap goes through snapshot 2 (the recorder
// gives each its own; one here lets a fused run and a recorded run leave
// alike).
func reverseLoop() *Trace {
	s := Slot
	return &Trace{PrivateFrom: 3, PrivateTo: 5,
		Insts: []Inst{
			{Op: generated.OpGuardInt, Args: [4]uint64{s(1)}, Exit: 0},
			{Op: generated.OpGuardInt, Args: [4]uint64{s(2)}, Exit: 0},
			{Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(1), s(2)}, Negate: true, Exit: 1},
			{Op: generated.OpGuardList, Args: [4]uint64{s(0)}, Exit: 2},
			{Op: generated.OpListLoad, Args: [4]uint64{s(3), s(0), s(2), uint64(templates.TagInt)}, Exit: 2},
			{Op: generated.OpListLoad, Args: [4]uint64{s(4), s(0), s(1), uint64(templates.TagInt)}, Exit: 2},
			{Op: generated.OpListStore, Args: [4]uint64{s(0), s(1), s(3)}, Exit: 2},
			{Op: generated.OpListStore, Args: [4]uint64{s(0), s(2), s(4)}, Exit: 2},
			{Op: generated.OpIntAddImm, Args: [4]uint64{s(1), s(1), 1}, Exit: 3},
			{Op: generated.OpIntAddImm, Args: [4]uint64{s(2), s(2), ^uint64(0)}, Exit: 4},
			{Op: generated.OpLoop, Args: [4]uint64{0}},
		}}
}

// swapLists keeps TestFuseSwaps' lists on the heap: the frame holds a
// list's address as bits, which a goroutine stack that grows and moves
// would not update (without it, Go kept the lists on the test's stack,
// and the reference wrote to where they had been).
var swapLists []*templates.List

// TestFuseSwaps: the reversing loop's swap becomes one list_swap, in the
// peeled iteration and the loop body, and the optimized trace leaves the
// same frame (but for the dead temporaries), list and exit as the
// recorded one, by the reference and natively: run to the end, with an
// index past the end, and with a list that may hold objects (both leave
// at the swap, the list untouched). No swap is fused where a temporary is
// read after it (an exit reads y, a uop reads x), where the swap is not
// the one recorded (a store to the wrong index), or in a Shared trace.
func TestFuseSwaps(t *testing.T) {
	swaps := func(tr *Trace) (n int) {
		for _, in := range tr.Insts {
			if in.Op == generated.OpListSwap {
				n++
			}
		}
		return n
	}
	opt := reverseLoop()
	Optimize(opt, nil)
	if n := swaps(opt); n != 2 {
		t.Errorf("%d list_swaps, want 2 (peeled and body):\n%s", n, opt)
	}
	for _, c := range []struct {
		name   string
		change func(*Trace)
	}{
		{"an exit reads y", func(tr *Trace) { tr.ExitReads = map[int32]bool{4: true} }},
		{"a uop reads x", func(tr *Trace) {
			n := len(tr.Insts)
			tr.Insts = append(tr.Insts[:n-1:n-1], Inst{Op: generated.OpMove, Args: [4]uint64{Slot(5), Slot(3)}}, tr.Insts[n-1])
		}},
		{"the second store is to i", func(tr *Trace) { tr.Insts[7].Args[1] = Slot(1) }},
		{"y is the index", func(tr *Trace) { tr.Insts[5].Args[0] = Slot(2); tr.Insts[7].Args[2] = Slot(2) }},
		{"shared", func(tr *Trace) { tr.Shared = true }},
	} {
		tr := reverseLoop()
		c.change(tr)
		if err := tr.Validate(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		Optimize(tr, nil)
		if n := swaps(tr); n != 0 {
			t.Errorf("%s: %d list_swaps:\n%s", c.name, n, tr)
		}
	}

	var cache *jit.Cache
	if c, err := jit.NewCache(jit.Config{Stencils: generated.Set}); err == nil {
		cache = c
		defer cache.Close()
	}
	newRun := func(k int) (*templates.List, []templates.Value) {
		xs := []templates.Value{intV(1), intV(2), intV(3), intV(4), intV(5)}
		l := &templates.List{Vals: &xs[0], Len: 5, Cap: 5}
		j := int64(4)
		switch k {
		case 1:
			j = 5 // past the end: the first swap leaves
		case 2:
			l.Objs = 1 // may hold objects: the first swap leaves
		}
		swapLists = append(swapLists, l)
		lv := templates.Value{Tag: templates.TagObject, Bits: uint64(uintptr(unsafe.Pointer(l)))}
		return l, []templates.Value{lv, intV(0), intV(j), {}, {}}
	}
	elems := func(l *templates.List) []templates.Value {
		return append([]templates.Value(nil), unsafe.Slice(l.Vals, l.Len)...)
	}
	for k := range 3 {
		wantList, want := newRun(k)
		wantEC := runRef(t, mustLower(t, reverseLoop()), want)
		gotList, got := newRun(k)
		if ec := runRef(t, mustLower(t, opt), got); ec != wantEC || !sameFrame(got[1:3], want[1:3]) || !sameFrame(elems(gotList), elems(wantList)) {
			t.Errorf("run %d: reference optimized left %v %v %v, recorded %v %v %v\n%s", k, ec, got[1:3], elems(gotList), wantEC, want[1:3], elems(wantList), opt)
		}
		if cache == nil {
			continue
		}
		tr, err := cache.Compile(mustLower(t, opt))
		if err != nil {
			t.Fatal(err)
		}
		l, got := newRun(k)
		if ec := tr.Run(&templates.State{Budget: 1 << 40}, got); ec != wantEC || !sameFrame(got[1:3], want[1:3]) || !sameFrame(elems(l), elems(wantList)) {
			t.Errorf("run %d: native optimized left %v %v %v, reference recorded %v %v %v", k, ec, got[1:3], elems(l), wantEC, want[1:3], elems(wantList))
		}
		runtime.KeepAlive(l)
		tr.Free()
	}
}
