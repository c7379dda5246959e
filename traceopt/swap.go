package traceopt

import "github.com/copypatch/copypatch/generated"

// FuseSwaps puts one list_swap (templates/list_swap.c) in place of the
// four uops `a[i], a[j] = a[j], a[i]` records:
//
//	list_load x, a, j; list_load y, a, i; list_store a, i, x; list_store a, j, y
//
// when nothing reads x or y after them (each is written again, or
// released, before any uop or exit reads it). The four loaded the list's
// header and adjusted an index twice each, and tested each element's
// kind; the swap reads the header once, tests the list for objects once
// and moves both elements whatever their kinds (a list without objects
// holds none). fannkuch's flips loop is this swap and two counters.
//
// The swap leaves through the first load's snapshot, before it changes
// anything: that is the frame as it was there, where the interpreter
// runs the whole statement again. It runs before SkipKnownTags, so no
// later pass counts on the tags the loads would have written into x and
// y; not in Shared traces (their list uops read under a list's sequence
// word, and the swap does not).
func FuseSwaps(t *Trace) {
	if t.Shared || len(t.Insts) < 4 || !t.hasSwapShape() {
		return
	}
	targets := t.jumpTargets()
	sc := &liveScratch{}
	// Every swap is found in the trace as recorded, then all are fused:
	// a swap fused before the next is looked at would hide the write of
	// its temporaries from that one's liveness walk.
	var at []int
	for i := 0; i+3 < len(t.Insts); i++ {
		if !targets[i+1] && !targets[i+2] && !targets[i+3] && t.swapAt(sc, i) {
			at = append(at, i)
			i += 3
		}
	}
	if len(at) == 0 {
		return
	}
	keep := make([]bool, len(t.Insts))
	for i := range keep {
		keep[i] = true
	}
	for _, i := range at {
		in := &t.Insts[i]
		*in = Inst{Op: generated.OpListSwap, Args: [4]uint64{in.Args[1], in.Args[2], t.Insts[i+1].Args[2]}, Exit: in.Exit}
		keep[i+1], keep[i+2], keep[i+3] = false, false, false
	}
	t.compact(keep)
}

// hasSwapShape reports whether two list loads followed by two list
// stores occur anywhere in t, as every swap swapAt finds does: most
// traces have none, and skip the jump targets and the liveness walks.
func (t *Trace) hasSwapShape() bool {
	ins := t.Insts
	for i := 0; i+3 < len(ins); i++ {
		if ins[i].Op == generated.OpListLoad && ins[i+1].Op == generated.OpListLoad &&
			ins[i+2].Op == generated.OpListStore && ins[i+3].Op == generated.OpListStore {
			return true
		}
	}
	return false
}

// swapAt reports whether t.Insts[i:i+4] are the loads and stores of a
// swap whose temporaries are dead after it.
func (t *Trace) swapAt(sc *liveScratch, i int) bool {
	lx, ly, sx, sy := &t.Insts[i], &t.Insts[i+1], &t.Insts[i+2], &t.Insts[i+3]
	for _, in := range []*Inst{lx, ly, sx, sy} {
		if in.InTrace || in.Exit == NoExit {
			return false
		}
	}
	if lx.Op != generated.OpListLoad || ly.Op != generated.OpListLoad ||
		sx.Op != generated.OpListStore || sy.Op != generated.OpListStore {
		return false
	}
	x, y := slotOf(lx.Args[0]), slotOf(ly.Args[0])
	a, j, k := lx.Args[1], lx.Args[2], ly.Args[2]
	// y = a[k] must read the list and index x = a[j] left alone, and
	// the stores must be a[k] = x, a[j] = y of the same list.
	if ly.Args[1] != a || [3]uint64(sx.Args[:3]) != [3]uint64{a, k, lx.Args[0]} || [3]uint64(sy.Args[:3]) != [3]uint64{a, j, ly.Args[0]} {
		return false
	}
	if x == y {
		return false
	}
	for _, s := range []uint64{a, j, k} {
		if slotOf(s) == x || slotOf(s) == y {
			return false
		}
	}
	return !t.liveAfterWith(sc, i+3, x) && !t.liveAfterWith(sc, i+3, y)
}
