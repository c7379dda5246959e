package traceopt

import (
	"slices"

	"github.com/copypatch/copypatch/generated"
)

// CoalesceMoves makes the instruction that computes a temporary write it
// straight to the slot a move then copies it to, and drops the move:
// `t = x*y + c; v = t` becomes `v = x*y + c` (a tuple assignment's
// elements, a call's result). A move on a value's dependency chain costs
// a load and a store every iteration.
//
// It holds when producer and move run in a straight line with nothing
// between that writes v, reads t, leaves the trace or is jumped to (an
// exit there would see v's new value too early), and nothing reads t after
// the move before writing it again: no uop, and no exit whose snapshot
// the interpreter reads t through (scratch slots: ExitReads; frame slots:
// all but those ExitDead says are dead). An instruction between that
// reads v's old value moves above the producer when both are pure and
// never leave and the two commute (`x, y = f(x, y), g(x, y)`: g's read of
// x goes before f's result lands in x).
func CoalesceMoves(t *Trace) {
	// Every move tried walks the paths after it, and every move dropped
	// starts the scan again: the walks share one scratch (a fresh one per
	// walk allocated more than every other pass together on long traces).
	//
	// A scan starts again where the move it dropped had its producer, not
	// at the first instruction: every move before that was tried and
	// kept, and would be again. Nothing before the producer changed (what
	// moved, moved between it and the move), so coalesce's backward walk
	// from such a move sees what it saw; and the rewrite makes no slot
	// dead where it was live: v is still written before anything reads it
	// after the hoisted readers, every other slot is read and written in
	// the same order, and only tmp, which the producer no longer writes,
	// may be live in more places. (Starting at 0 each time walked the
	// moves of the whole trace again per move dropped.)
	//
	// The jump targets are found once: a rewrite moves none (coalescible
	// refuses a target between producer and move, and the move is none),
	// and the move's removal shifts those after it down by one.
	var sc liveScratch
	from := 0
	targets := t.jumpTargetsInto(&sc.targets)
	for changed := true; changed; {
		changed = false
		for j := from; j < len(t.Insts); j++ {
			mv := &t.Insts[j]
			if mv.Op != generated.OpMove || targets[j] {
				continue
			}
			v, tmp := slotOf(mv.Args[0]), slotOf(mv.Args[1])
			if v == tmp || t.ExitReads[tmp] {
				continue
			}
			// The walk back to the producer is short and fails for most
			// moves: it goes before the walk of every path after the move
			// (which was most of this pass's time).
			i, hoist, ok := t.coalescible(&sc, j, v, tmp, targets)
			if !ok || t.liveAfterWith(&sc, j, tmp) {
				continue
			}
			t.coalesceAt(&sc, i, j, hoist)
			targets = append(targets[:j], targets[j+1:]...)
			changed, from = true, i
			break // positions changed: start again there
		}
	}
}

// coalescible finds the producer i of move j (v = tmp) and the
// instructions between that read v, which go above it, if the move can
// be rewritten away as far as the straight line before it shows.
func (t *Trace) coalescible(sc *liveScratch, j int, v, tmp int32, targets []bool) (i int, hoist []int, ok bool) {
	hoist = sc.hoist[:0]
	defer func() { sc.hoist = hoist[:0] }()
	for i := j - 1; i >= 0; i-- {
		in := &t.Insts[i]
		info := Info(in.Op)
		if d, ok := in.Writes(); ok && d == tmp {
			if info.Args[0] != Dst || info.Result == ResNone || info.CallOut || in.Op == OpClobber || targets[i] && len(hoist) > 0 {
				return 0, nil, false
			}
			if len(hoist) > 0 && (!info.Pure || info.Exits) {
				return 0, nil, false
			}
			for _, k := range hoist {
				if !t.commutesBack(k, i) {
					return 0, nil, false
				}
			}
			return i, hoist, true
		}
		if targets[i] || info.Exits || info.Branch || info.CallOut || in.Op == generated.OpLoop || in.Op == OpClobber {
			return 0, nil, false
		}
		readsV, readsTmp := false, false
		in.Reads(func(s int32) {
			readsV = readsV || s == v
			readsTmp = readsTmp || s == tmp
		})
		if d, ok := in.Writes(); readsTmp || ok && d == v {
			return 0, nil, false
		}
		if readsV {
			if !info.Pure {
				return 0, nil, false
			}
			hoist = append(hoist, i)
		}
	}
	return 0, nil, false
}

// coalesceAt rewrites move j away: its producer i writes the move's
// destination, after the readers of it in hoist (coalescible's).
func (t *Trace) coalesceAt(sc *liveScratch, i, j int, hoist []int) {
	t.Insts[i].Args[0] = t.Insts[j].Args[0]
	// Hoisted readers, in their order, then the producer and the rest;
	// the move goes.
	moved := sc.moved[:0]
	for k := len(hoist) - 1; k >= 0; k-- {
		moved = append(moved, t.Insts[hoist[k]])
	}
	for k := i; k < j; k++ {
		if !slices.Contains(hoist, k) {
			moved = append(moved, t.Insts[k])
		}
	}
	copy(t.Insts[i:j], moved)
	sc.moved = moved
	t.remove(j)
}

// commutesBack reports whether instruction k may run before every
// instruction from i up to it that it does not move with: neither reads
// what the other writes, nor do both write one slot.
func (t *Trace) commutesBack(k, i int) bool {
	a := &t.Insts[k]
	ad, aw := a.Writes()
	for m := i; m < k; m++ {
		b := &t.Insts[m]
		bd, bw := b.Writes()
		if aw && bw && ad == bd {
			return false
		}
		clash := false
		if aw {
			b.Reads(func(s int32) { clash = clash || s == ad })
		}
		if bw {
			a.Reads(func(s int32) { clash = clash || s == bd })
		}
		if clash {
			return false
		}
	}
	return true
}

// jumpTargets marks the instructions control reaches other than from the
// one before: in-trace jump targets and the loop start.
func (t *Trace) jumpTargets() []bool {
	var buf []bool
	return t.jumpTargetsInto(&buf)
}

// jumpTargetsInto is jumpTargets in *buf, reused.
func (t *Trace) jumpTargetsInto(buf *[]bool) []bool {
	m := grow(buf, len(t.Insts))
	clear(m)
	m[t.Loop] = true
	for k := range t.Insts {
		in := &t.Insts[k] // (ranging by value copied 56 bytes an instruction)
		if in.InTrace {
			m[in.Target] = true
		}
	}
	return m
}

// liveAfter reports whether some path from after instruction j reads slot
// s before writing it: a uop that reads it, or an exit whose snapshot the
// interpreter may read it through.
func (t *Trace) liveAfter(j int, s int32) bool {
	return t.liveAfterWith(&liveScratch{}, j, s)
}

// liveScratch is the memory liveAfterWith and coalesce reuse from one
// call to the next: seen[k] == gen marks instruction k seen in the
// current walk, so no walk clears or allocates it.
type liveScratch struct {
	seen    []uint32
	gen     uint32
	work    []int
	moved   []Inst
	hoist   []int
	targets []bool
}

// liveAfterWith is liveAfter with its scratch memory from sc.
func (t *Trace) liveAfterWith(sc *liveScratch, j int, s int32) bool {
	scratch := s >= t.PrivateFrom && s < t.PrivateTo
	exitReads := func(snap int) bool {
		if scratch {
			return t.ExitReads[s]
		}
		return t.ExitDead == nil || !t.ExitDead(snap, s)
	}
	if len(sc.seen) < len(t.Insts) {
		sc.seen = make([]uint32, len(t.Insts)+len(t.Insts)/4)
		sc.gen = 0
	}
	if sc.gen++; sc.gen == 0 { // (wrapped: forget every mark)
		clear(sc.seen)
		sc.gen = 1
	}
	seen, gen := sc.seen, sc.gen
	work := sc.work[:0]
	defer func() { sc.work = work[:0] }()
	work = t.appendSuccessors(work, j)
	for len(work) > 0 {
		k := work[len(work)-1]
		work = work[:len(work)-1]
		// A straight run of instructions is walked without the stack:
		// each goes on to the next unless it jumps.
		for {
			if seen[k] == gen {
				break
			}
			seen[k] = gen
			in := &t.Insts[k]
			if in.ReadsSlot(s) {
				return true
			}
			if snap, ok := t.leavesThrough(in); ok && exitReads(snap) {
				return true
			}
			if d, ok := in.Writes(); ok && d == s {
				break
			}
			if in.InTrace || in.Op == generated.OpLoop || k+1 >= len(t.Insts) {
				work = t.appendSuccessors(work, k)
				break
			}
			k++
		}
	}
	return false
}

// leavesThrough returns the snapshot through which in may leave the
// trace (or hand the interpreter the frame, as a call-out does), if any.
func (t *Trace) leavesThrough(in *Inst) (int, bool) {
	info := Info(in.Op)
	switch {
	case in.Op == generated.OpLoop, in.Op == generated.OpExit, info != nil && info.CallOut:
		return int(in.Args[0] &^ PeeledSnap), true
	case info != nil && (info.Exits || info.Branch && !in.InTrace):
		return in.Exit, true
	}
	return 0, false
}
