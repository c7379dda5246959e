package traceopt

import (
	"runtime"
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/templates"
)

// bumpLoop is "while m < n: a[k] = a[k] + h; m += 1" (nbody's
// `b[3] -= dx * cm`) over slots a=0 k=1 (the constant k) x=2 h=3 m=4 n=5
// (x the element's temporary), with a call-out between the load and the
// store when callOut is set.
func bumpLoop(k int64, callOut bool) *Trace {
	s := Slot
	f := func(op generated.Op, args ...uint64) Inst {
		in := Inst{Op: op, Exit: NoExit}
		copy(in.Args[:], args)
		if info := Info(op); info.Exits || info.Branch {
			in.Exit = 2
		}
		return in
	}
	count := f(generated.OpIntJumpIfLt, s(4), s(5))
	count.Negate, count.Exit = true, 1
	insts := []Inst{
		f(generated.OpGuardInt, s(4)),
		f(generated.OpGuardInt, s(5)),
		count,
		f(generated.OpGuardList, s(0)),
		f(generated.OpGuardFloat, s(3)),
		f(generated.OpListLoad, s(2), s(0), s(1), uint64(templates.TagFloat)),
		f(generated.OpFloatAdd, s(2), s(2), s(3)),
	}
	if callOut {
		insts = append(insts, Inst{Op: generated.OpCallOut, Args: [4]uint64{5, s(6)}})
	}
	insts = append(insts,
		f(generated.OpListStore, s(0), s(1), s(2)),
		f(generated.OpIntAddImm, s(4), s(4), 1),
		f(generated.OpLoop, 0))
	return &Trace{Consts: map[int32]templates.Value{1: intV(k)}, Insts: insts}
}

// inRangeLists keeps TestStoreInRange's lists on the heap (see
// swapLists).
var inRangeLists []*templates.List

// TestStoreInRange: the store back of the element just loaded is
// list_store_rin in the loop body and the peeled iteration, not at a
// negative index, after a call-out, at an index that is no constant, or
// in a Shared trace. The optimized loop leaves the same frame, list and
// exit as the recorded one, by the reference and natively: to its end,
// and on a list that may hold objects (the load goes on, the store
// leaves).
func TestStoreInRange(t *testing.T) {
	count := func(tr *Trace) (n int) {
		for _, in := range tr.Insts {
			if in.Op == regStoreInRange[1] || in.Op == regStoreInRange[2] {
				n++
			}
		}
		return n
	}
	for _, c := range []struct {
		name   string
		tr     *Trace
		change func(*Trace)
		want   int
	}{
		{"constant index", bumpLoop(2, false), nil, 2},
		{"negative index", bumpLoop(-1, false), nil, 0},
		{"call-out between", bumpLoop(2, true), nil, 0},
		{"index no constant", bumpLoop(2, false), func(tr *Trace) { tr.Consts = nil }, 0},
		{"shared", bumpLoop(2, false), func(tr *Trace) { tr.Shared = true }, 0},
	} {
		if c.change != nil {
			c.change(c.tr)
		}
		if err := c.tr.Validate(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		Optimize(c.tr, nil)
		if n := count(c.tr); n != c.want {
			t.Errorf("%s: %d list_store_rin, want %d:\n%s", c.name, n, c.want, c.tr)
		}
	}

	var cache *jit.Cache
	if c, err := jit.NewCache(jit.Config{Stencils: generated.Set}); err == nil {
		cache = c
		defer cache.Close()
	}
	opt := bumpLoop(2, false)
	Optimize(opt, nil)
	newRun := func(objs uintptr) (*templates.List, []templates.Value) {
		xs := []templates.Value{floatV(1), floatV(2), floatV(3), floatV(4)}
		l := &templates.List{Vals: &xs[0], Len: 4, Cap: 4, Objs: objs}
		inRangeLists = append(inRangeLists, l)
		lv := templates.Value{Tag: templates.TagObject, Bits: uint64(uintptr(unsafe.Pointer(l)))}
		return l, []templates.Value{lv, intV(2), floatV(0), floatV(0.25), intV(0), intV(9), {}}
	}
	elems := func(l *templates.List) []templates.Value {
		return append([]templates.Value(nil), unsafe.Slice(l.Vals, l.Len)...)
	}
	for _, objs := range []uintptr{0, 1} {
		wantList, want := newRun(objs)
		wantEC := runRef(t, mustLower(t, bumpLoop(2, false)), want)
		gotList, got := newRun(objs)
		if ec := runRef(t, mustLower(t, opt), got); ec != wantEC || !sameFrame(got[1:], want[1:]) || !sameFrame(elems(gotList), elems(wantList)) {
			t.Errorf("objs %d: reference optimized left %v %v %v, recorded %v %v %v\n%s", objs, ec, got[1:], elems(gotList), wantEC, want[1:], elems(wantList), opt)
		}
		if cache == nil {
			continue
		}
		tr, err := cache.Compile(mustLower(t, opt))
		if err != nil {
			t.Fatal(err)
		}
		l, got := newRun(objs)
		if ec := tr.Run(&templates.State{Budget: 1 << 40}, got); ec != wantEC || !sameFrame(got[1:], want[1:]) || !sameFrame(elems(l), elems(wantList)) {
			t.Errorf("objs %d: native optimized left %v %v %v, reference recorded %v %v %v", objs, ec, got[1:], elems(l), wantEC, want[1:], elems(wantList))
		}
		runtime.KeepAlive(l)
		tr.Free()
	}
}
