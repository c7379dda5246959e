package traceopt

import (
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/templates"
)

// clearLoop is sieve's "while m < n: flags[m] = v; m += p" over slots
// flags=0 m=1 n=2 p=3 v=4 (a bool constant, or with notConst a slot the
// trace does not know), with a call-out in the loop when callOut is set.
func clearLoop(notConst, callOut bool) *Trace {
	s := Slot
	tr := &Trace{Consts: map[int32]templates.Value{4: {Tag: templates.TagBool, Bits: 0}},
		Insts: []Inst{
			{Op: generated.OpGuardInt, Args: [4]uint64{s(1)}, Exit: 0},
			{Op: generated.OpGuardInt, Args: [4]uint64{s(2)}, Exit: 0},
			{Op: generated.OpIntJumpIfLt, Args: [4]uint64{s(1), s(2)}, Negate: true, Exit: 1},
			{Op: generated.OpListStorePk, Args: [4]uint64{s(0), s(1), s(4)}, Exit: 2},
			{Op: generated.OpGuardInt, Args: [4]uint64{s(3)}, Exit: 3},
			{Op: generated.OpIntAdd, Args: [4]uint64{s(1), s(1), s(3)}, Exit: 3},
			{Op: generated.OpLoop, Args: [4]uint64{0}},
		}}
	if notConst {
		tr.Consts = nil
	}
	if callOut {
		n := len(tr.Insts)
		tr.Insts = append(tr.Insts[:n-1:n-1], Inst{Op: generated.OpCallOut, Args: [4]uint64{5, s(5)}}, tr.Insts[n-1])
	}
	return tr
}

// packedLists keeps TestKnownPackedStores' lists on the heap (see
// swapLists).
var packedLists []*templates.List

// TestKnownPackedStores: in the loop body the store into the packed list
// is list_store_pkk (the peeled first store proved the slot packed and
// the value a bool), not in the peeled iteration, not after a call-out
// (which may unpack the list), and with a value of unknown tag only once
// a store proved it a bool. The optimized loop leaves the same bytes,
// frame and exit as the recorded one, by the reference and natively: to
// its end, and with a stride that runs past the end (the store's exit).
func TestKnownPackedStores(t *testing.T) {
	count := func(tr *Trace) (pk, pkk int, peeledPkk bool) {
		for i, in := range tr.Insts {
			switch in.Op {
			case generated.OpListStorePk:
				pk++
			case generated.OpListStorePkk:
				pkk++
				peeledPkk = peeledPkk || i < tr.Loop
			}
		}
		return pk, pkk, peeledPkk
	}
	for _, c := range []struct {
		name              string
		notConst, callOut bool
		wantPkk           int
	}{
		{"constant value", false, false, 1},
		{"value proved by the first store", true, false, 1},
		{"call-out in the loop", false, true, 0},
	} {
		tr := clearLoop(c.notConst, c.callOut)
		Optimize(tr, nil)
		if pk, pkk, peeled := count(tr); pkk != c.wantPkk || pk != 2-c.wantPkk || peeled {
			t.Errorf("%s: %d list_store_pk, %d list_store_pkk (peeled: %v), want %d pkk:\n%s", c.name, pk, pkk, peeled, c.wantPkk, tr)
		}
	}

	var cache *jit.Cache
	if c, err := jit.NewCache(jit.Config{Stencils: generated.Set}); err == nil {
		cache = c
		defer cache.Close()
	}
	opt := clearLoop(false, false)
	Optimize(opt, nil)
	newRun := func(stride int64) ([]uint8, []templates.Value) {
		pk := []uint8{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}
		l := &templates.List{Packed: &pk[0], PackLen: 10, PackCap: 10}
		packedLists = append(packedLists, l)
		lv := templates.Value{Tag: templates.TagObject, Bits: uint64(uintptr(unsafe.Pointer(l))) + templates.PackedKind}
		return pk, []templates.Value{lv, intV(1), intV(12), intV(stride), {Tag: templates.TagBool, Bits: 0}, {}}
	}
	for _, stride := range []int64{3, 4} { // m: 1, 4, 7, then 10 < 12 past the end; 1, 5, 9, 13 ends
		wantPk, want := newRun(stride)
		wantEC := runRef(t, mustLower(t, clearLoop(false, false)), want)
		gotPk, got := newRun(stride)
		if ec := runRef(t, mustLower(t, opt), got); ec != wantEC || !sameFrame(got[1:], want[1:]) || string(gotPk) != string(wantPk) {
			t.Errorf("stride %d: reference optimized left %v %v %v, recorded %v %v %v\n%s", stride, ec, got[1:], gotPk, wantEC, want[1:], wantPk, opt)
		}
		if cache == nil {
			continue
		}
		tr, err := cache.Compile(mustLower(t, opt))
		if err != nil {
			t.Fatal(err)
		}
		pk, got := newRun(stride)
		if ec := tr.Run(&templates.State{Budget: 1 << 40}, got); ec != wantEC || !sameFrame(got[1:], want[1:]) || string(pk) != string(wantPk) {
			t.Errorf("stride %d: native optimized left %v %v %v, reference recorded %v %v %v", stride, ec, got[1:], pk, wantEC, want[1:], wantPk)
		}
		tr.Free()
	}
}
