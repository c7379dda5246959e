package traceopt

import (
	"runtime"
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/templates"
)

// flipsLoop is fannkuch's flips as a loop with an inner loop, over slots
// a=0 i=1 j=2 z=5 (the swap's temporaries x=3 and y=4 private):
//
//	while True:
//	    i = start
//	    if not i < j: leave
//	    while True:
//	        a[i], a[j] = a[j], a[i]; i += 1; j -= 1
//	        if not i < j: break
//	    z = a[i]; a[i] = z
//
// Each swap's exits go through snapshot 2, the store's through 5.
func flipsLoop(start int64) *Trace {
	s := Slot
	return &Trace{PrivateFrom: 3, PrivateTo: 5,
		Insts: []Inst{
			{Op: generated.OpGuardList, Args: [4]uint64{s(0)}, Exit: 0},
			{Op: generated.OpGuardInt, Args: [4]uint64{s(2)}, Exit: 0},
			{Op: generated.OpLoadInt, Args: [4]uint64{s(1), uint64(start)}, Exit: NoExit},
			{Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(1), s(2)}, Negate: true, Exit: 1},
			{Op: generated.OpListLoad, Args: [4]uint64{s(3), s(0), s(2), uint64(templates.TagInt)}, Exit: 2},
			{Op: generated.OpListLoad, Args: [4]uint64{s(4), s(0), s(1), uint64(templates.TagInt)}, Exit: 2},
			{Op: generated.OpListStore, Args: [4]uint64{s(0), s(1), s(3)}, Exit: 2},
			{Op: generated.OpListStore, Args: [4]uint64{s(0), s(2), s(4)}, Exit: 2},
			{Op: generated.OpIntAddImm, Args: [4]uint64{s(1), s(1), 1}, Exit: 3},
			{Op: generated.OpIntAddImm, Args: [4]uint64{s(2), s(2), ^uint64(0)}, Exit: 4},
			{Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(1), s(2)}, Negate: true, InTrace: true, Target: 12},
			{Op: generated.OpLoop, Args: [4]uint64{6}, InTrace: true, Target: 4},
			{Op: generated.OpListLoad, Args: [4]uint64{s(5), s(0), s(1), uint64(templates.TagInt)}, Exit: 5},
			{Op: generated.OpListStore, Args: [4]uint64{s(0), s(1), s(5)}, Exit: 5},
			{Op: generated.OpLoop, Args: [4]uint64{7}},
		}}
}

// nonNegLists keeps TestUseNonNegIndexes' lists on the heap (see
// swapLists).
var nonNegLists []*templates.List

// TestUseNonNegIndexes: the swap, load and store at indexes known >= 0
// take the forms for them, where i counts up from 0 and a compare puts j
// above it (written either way round), but not the swaps where the
// compare put i above j; none does where i starts below 0,
// where a call-out in the inner loop forgets what was known, or in a
// Shared trace. The optimized loop leaves the same frame, list and exit
// as the recorded one, by the reference and natively.
func TestUseNonNegIndexes(t *testing.T) {
	forms := func(tr *Trace) (n int) {
		for _, in := range tr.Insts {
			for _, f := range nonNegForms {
				if f.ok && in.Op == f.op {
					n++
				}
			}
		}
		return n
	}
	// The swap in the peeled iteration, the body's peeled inner iteration
	// and the inner loop; the load and the store peeled and in the body.
	const all = 7
	for _, c := range []struct {
		name   string
		start  int64
		change func(*Trace)
		want   int
	}{
		{"counter from 0", 0, nil, all},
		{"counter from 2", 2, nil, all},
		{"j > i", 0, func(tr *Trace) {
			tr.Insts[3] = Inst{Op: generated.OpIntJumpIfGt, Args: [4]uint64{Slot(2), Slot(1)}, Negate: true, Exit: 1}
		}, all},
		{"i >= j leaves", 0, func(tr *Trace) {
			tr.Insts[3] = Inst{Op: generated.OpIntJumpIfGe, Args: [4]uint64{Slot(1), Slot(2)}, Exit: 1}
		}, all},
		{"counter from -1", -1, nil, 0},
		// (The inner loop's own compare proves j for the swaps after
		// the first of each path.)
		{"i <= j leaves: j not known at the first swaps", 0, func(tr *Trace) {
			tr.Insts[3] = Inst{Op: generated.OpIntJumpIfLe, Args: [4]uint64{Slot(1), Slot(2)}, Exit: 1}
		}, all - 2},
		{"call-out in the inner loop", 0, func(tr *Trace) {
			tr.Insts[9] = Inst{Op: generated.OpCallOut, Args: [4]uint64{8, Slot(6)}, Exit: NoExit}
		}, 0},
		{"shared", 0, func(tr *Trace) { tr.Shared = true }, 0},
	} {
		tr := flipsLoop(c.start)
		if c.change != nil {
			c.change(tr)
		}
		if err := tr.Validate(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		Optimize(tr, nil)
		if n := forms(tr); n != c.want {
			t.Errorf("%s: %d uops for indexes >= 0, want %d:\n%s", c.name, n, c.want, tr)
		}
	}

	var cache *jit.Cache
	if c, err := jit.NewCache(jit.Config{Stencils: generated.Set}); err == nil {
		cache = c
		defer cache.Close()
	}
	opt := flipsLoop(0)
	Optimize(opt, nil)
	newRun := func(j int64, objs uintptr) (*templates.List, []templates.Value) {
		xs := []templates.Value{intV(1), intV(2), intV(3), intV(4), intV(5)}
		l := &templates.List{Vals: &xs[0], Len: 5, Cap: 5, Objs: objs}
		nonNegLists = append(nonNegLists, l)
		lv := templates.Value{Tag: templates.TagObject, Bits: uint64(uintptr(unsafe.Pointer(l)))}
		return l, []templates.Value{lv, intV(0), intV(j), {}, {}, intV(0), {}}
	}
	elems := func(l *templates.List) []templates.Value {
		return append([]templates.Value(nil), unsafe.Slice(l.Vals, l.Len)...)
	}
	// To the end (j 4), past the end (j 5: the first swap leaves), into
	// a list that may hold objects (the first swap leaves).
	for _, run := range []struct {
		j    int64
		objs uintptr
	}{{4, 0}, {5, 0}, {4, 1}} {
		wantList, want := newRun(run.j, run.objs)
		wantEC := runRef(t, mustLower(t, flipsLoop(0)), want)
		public := func(f []templates.Value) []templates.Value { return append(f[1:3:3], f[5]) }
		gotList, got := newRun(run.j, run.objs)
		if ec := runRef(t, mustLower(t, opt), got); ec != wantEC || !sameFrame(public(got), public(want)) || !sameFrame(elems(gotList), elems(wantList)) {
			t.Errorf("j %d objs %d: reference optimized left %v %v %v, recorded %v %v %v\n%s", run.j, run.objs, ec, got, elems(gotList), wantEC, want, elems(wantList), opt)
		}
		if cache == nil {
			continue
		}
		tr, err := cache.Compile(mustLower(t, opt))
		if err != nil {
			t.Fatal(err)
		}
		l, got := newRun(run.j, run.objs)
		if ec := tr.Run(&templates.State{Budget: 1 << 40}, got); ec != wantEC || !sameFrame(public(got), public(want)) || !sameFrame(elems(l), elems(wantList)) {
			t.Errorf("j %d objs %d: native optimized left %v %v %v, reference recorded %v %v %v", run.j, run.objs, ec, got, elems(l), wantEC, want, elems(wantList))
		}
		runtime.KeepAlive(l)
		tr.Free()
	}
}
