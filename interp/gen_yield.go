package interp

import (
	"slices"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/traceopt"
)

// Traces that end at a yield (issue 8).
//
// A generator's loop that yields every iteration (lcg's `while True:
// seed = ...; yield seed >> 40`) gets a trace from its head to the yield:
// the yield is an exit the trace always takes, and the interpreter runs
// the yield itself from there (the generator suspends, its consumer runs);
// the next resume runs on to the back-edge, which enters the trace again.
// Each item thus costs an entry and an exit (~1300 instructions with the
// generator's frame lifted onto the slot stack and back) where the
// interpreter ran the body, which pays only when the body holds 128-bit
// arithmetic: an LCG step, ~1400 instructions interpreted, is a few uops
// (lcg with zip(range(200000), ...): 637 M -> 571 M instructions). Plain
// int and float work does not: a body of 71 uops (a hash mixed with
// shifts and masks, float arithmetic, a tuple) ran 862 M -> 903 M.
//
// Only the main recording of a plain generator's own loop ends so: a
// bridge reaching a yield stops as before. The yield's exit grows no
// bridge, and an entry that leaves there counts as an iteration of the
// loop (the trips per entry that bench a trace are one, by design).

// yieldEnds ends the recording at the yield at r.pc of the root frame, if
// the trace may end there: the path then leaves through an exit that is
// always taken, and the loop is closed behind it (never reached). It
// reports false to stop the recording as any yield does.
func (r *recorder) yieldEnds() bool {
	co := r.rootCode
	if r.bridge || r.lt.fn || r.side != nil || len(r.inner) > 0 || len(r.frames) > 0 ||
		!co.isGenerator || co.genKind != genPlain || r.abort != "" {
		return false
	}
	if !r.yieldPays() {
		return false
	}
	// A local that outgrew int64 on the way is 128-bit for the whole
	// trace: learned, and recorded again with it so from the head (as at
	// a back-edge: widesAtBackEdge), the interpreter going on at the
	// yield.
	var learn []int32
	for s := range r.tmpWides {
		if s >= 0 && s < int32(co.nlocals) {
			learn = append(learn, s)
		}
	}
	if len(learn) > 0 {
		for _, s := range learn {
			r.lt.learnWide[s] = true
		}
		r.relearn = true
		r.leaveAt(r.snap(), "a local outgrew int64: recording again with it 128-bit")
		return true
	}
	// The trace's instructions have no unconditional exit: a branch on a
	// constant 1, turned round, always leaves (as loopEndsHere's).
	taken := r.cond(traceopt.Inst{Op: generated.OpJumpIfTrue, Args: [4]uint64{traceopt.Slot(r.constInt(1))}, Exit: r.snap()})
	if r.abort != "" || !taken {
		return r.abort != ""
	}
	br := &r.insts[len(r.insts)-1]
	br.Negate = !br.Negate
	r.exitAt = br.Exit
	r.lt.tried[br.Exit] = maxBridgeTries
	r.lt.yieldExits = append(r.lt.yieldExits, br.Exit)
	r.closeLoop()
	return true
}

// yieldPays reports whether the path recorded so far holds native work
// worth an entry and an exit of the trace per item: 128-bit arithmetic.
func (r *recorder) yieldPays() bool {
	for _, in := range r.insts {
		if wideOps[generated.Op(in.Op)] {
			return true
		}
	}
	return false
}

// yieldExit reports whether exit idx of lt is a yield that ends the trace.
func (lt *loopTrace) yieldExit(idx int) bool {
	return len(lt.yieldExits) > 0 && slices.Contains(lt.yieldExits, idx)
}

// mayPayToYield reports whether the straight-line body of a loop that
// yields every iteration (head up to its back-edge at end) may hold what
// yieldPays asks for: a multiplication or a left shift, which may leave
// int64 (yieldPays sees whether it did). The others are not recorded at
// all (a generator expression's sum(p[0] for p in pixels)).
func mayPayToYield(co *Code, head, end int) bool {
	for pc := head; pc < end; pc++ {
		switch co.instrs[pc].Op {
		case opMul, opLshift:
			return true
		}
	}
	return false
}
