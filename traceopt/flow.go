package traceopt

import "github.com/copypatch/copypatch/generated"

// The forward dataflows (EliminateGuards, RemoveRedundant, SkipKnownTags,
// CompareChars) solve over basic blocks, not instructions. Control enters
// most instructions only from the one before, so what holds on entry to
// each is what held on entry to its block, stepped through the
// instructions before it: one row a block is enough, and a sweep steps a
// single row through the block where a row per instruction was copied and
// met at every instruction of every sweep (a trace of n instructions and w
// slots cost n*w a sweep; these four passes were 40% of the optimizer's
// instructions). The fixpoint is the same: every transfer is monotone, so
// the meets over the blocks' entries reach the one greatest fixpoint the
// per-instruction meets did.

// flow is a trace's control flow in basic blocks: runs of instructions
// that control enters only at the first and leaves only after the last.
type flow struct {
	starts  []int32 // each block's first instruction, in order
	blockOf []int32 // each instruction's block
	dirty   []bool  // solveForward's: blocks whose entry row changed since they were stepped
}

// end is the instruction after block b's last.
func (f flow) end(b, n int) int {
	if b+1 < len(f.starts) {
		return int(f.starts[b+1])
	}
	return n
}

// blocks splits t into basic blocks: one starts at the first instruction,
// at the loop start, at every in-trace jump's target and after every
// in-trace jump and loop uop (successors' edges other than i to i+1).
func (t *Trace) blocks(sc *scratch) flow {
	n := len(t.Insts)
	lead := grow(&sc.lead, n)
	clear(lead)
	if n > 0 {
		lead[0] = true
	}
	if t.Loop >= 0 && t.Loop < n {
		lead[t.Loop] = true
	}
	for i := range t.Insts {
		in := &t.Insts[i]
		if in.InTrace && in.Target >= 0 && in.Target < n {
			lead[in.Target] = true
		}
		if (in.InTrace || in.Op == generated.OpLoop) && i+1 < n {
			lead[i+1] = true
		}
	}
	starts := sc.starts[:0]
	blockOf := grow(&sc.blockOf, n)
	for i := range n {
		if lead[i] {
			starts = append(starts, int32(i))
		}
		blockOf[i] = int32(len(starts) - 1)
	}
	sc.starts = starts
	return flow{starts: starts, blockOf: blockOf, dirty: grow(&sc.dirty, len(starts))}
}

// solveForward runs a forward dataflow over f's blocks to its fixpoint.
// rows[b] is what holds on entry to block b and reached[b] whether control
// gets there: the caller sets rows[0] and reached[0], the rest are found
// (unreached rows stay undefined). step updates a row across instruction
// i as control continues past it (steps does so for instructions lo up
// to hi, in order: one call a block, not an indirect call an instruction,
// with the pass's step inlined in its loop); meet narrows dst to what src holds too
// and reports whether dst changed. With jumpBefore, an in-trace jump
// (other than a loop uop) passes its target the row from before it: a
// guard whose check fails jumps without proving anything. out and before
// are rows of the same width, the solver's own.
func solveForward[R ~[]E, E any](t *Trace, f flow, rows []R, reached []bool, out, before R,
	steps func(lo, hi int, row R), meet func(dst, src R) bool, jumpBefore bool) {
	n := len(t.Insts)
	// Only a block whose entry row changed since it was last stepped is
	// stepped again: the others would give their successors the rows
	// they already met (the meets only narrow), so the rows change in the
	// same order as when every sweep stepped every block. A trace whose
	// loop head learns nothing new from its back-edge is one sweep, not
	// two.
	dirty := f.dirty
	copy(dirty, reached)
	for changed := true; changed; {
		changed = false
		for b := range f.starts {
			if !dirty[b] {
				continue
			}
			dirty[b] = false
			last := f.end(b, n) - 1
			copy(out, rows[b])
			steps(int(f.starts[b]), last, out)
			in := &t.Insts[last]
			fromBefore := jumpBefore && in.InTrace && in.Op != generated.OpLoop
			if fromBefore {
				copy(before, out)
			}
			steps(last, last+1, out)
			// (The successors in an array on the stack, not a closure
			// called for each.)
			var succ [2]int
			for _, s := range t.appendSuccessors(succ[:0], last) {
				from := out
				if fromBefore && s == in.Target {
					from = before
				}
				sb := f.blockOf[s]
				if !reached[sb] {
					copy(rows[sb], from)
					reached[sb] = true
					dirty[sb], changed = true, true
					continue
				}
				if meet(rows[sb], from) {
					dirty[sb], changed = true, true
				}
			}
		}
	}
}

// visitForward calls visit for the instructions of each reached block,
// lo up to hi, with what holds on entry to the block, from the rows
// solveForward found: visit sees each instruction with what holds on
// entry to it and steps the row past it, as solveForward's steps does.
func visitForward[R ~[]E, E any](t *Trace, f flow, rows []R, reached []bool, out R,
	visit func(lo, hi int, row R)) {
	n := len(t.Insts)
	for b := range f.starts {
		if !reached[b] {
			continue
		}
		copy(out, rows[b])
		visit(int(f.starts[b]), f.end(b, n), out)
	}
}
