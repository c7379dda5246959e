package interp

import (
	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/traceopt"
)

// Exit bridges. A loop whose test is decided inside a call the trace
// inlines (scheduler's `while not t.runnable()`, runnable calling each
// task class's has_work) leaves its trace, whenever it ends, through a
// guard or branch inside the inlined frames: the interpreter rebuilds
// those frames and finishes them (finishFrames), then runs the loop's test
// itself. A bridge from such an exit used to go on past the loop's end
// into the code after it and stop there, every try. Now a bridge whose
// path returns to the root frame and meets the loop's own test at the
// back-edge, the loop ending, ends there: the test's branch is turned
// round (it leaves when the loop ends, the exit a plain one at the root
// frame's test) and the path closes the loop for the iterations where the
// loop goes on.

// loopEndsHere handles a recording that met the loop's own test at its
// back-edge (r.end, in the root frame) with the loop ending there. A
// bridge turns the branch its test emitted round and closes the loop
// (exitAt holds the branch's snapshot, through which the interpreter goes
// on). A test whose answer the path already decided emitted no branch:
// the bridge leaves through a branch that always does (on a constant 1),
// since the trace's instructions have no unconditional exit. Anything
// else stops with loopEnds (as does a path holding 128-bit values, which
// the test's snapshot would not give back). A bridge judged afterwards
// not to pay for its call-outs resumes through exitAt too (stopSnap): the
// path ran to the loop's end, not to its back-edge.
func (r *recorder) loopEndsHere() {
	if !r.bridge || r.lt.fn || r.side != nil || len(r.inner) > 0 || len(r.frames) > 0 || len(r.tmpWides) > 0 {
		r.failf(loopEnds)
		return
	}
	n := len(r.insts) - 1
	if n < r.stepStart {
		r.cond(traceopt.Inst{Op: generated.OpJumpIfTrue, Args: [4]uint64{traceopt.Slot(r.constInt(1))}, Exit: r.snap()})
		if r.abort != "" {
			return
		}
		n = len(r.insts) - 1
	}
	br := &r.insts[n]
	if n < r.stepStart || !traceopt.Info(br.Op).Branch || br.InTrace ||
		br.Exit < 0 || br.Exit >= len(r.lt.snaps) || !r.lt.branch[br.Exit] || r.lt.snaps[br.Exit].pc != r.end {
		r.failf(loopEnds)
		return
	}
	br.Negate = !br.Negate
	r.exitAt = br.Exit
	r.closeLoop()
}

// bridgeDone gives the interpreter the frame a bridge's recording ran and
// returns where it goes on: the loop's head, or, for a bridge that ended
// the loop (exitAt), the loop's test, which the interpreter runs again and
// falls through.
func (vm *VM) bridgeDone(f *frame, lt *loopTrace, r *recorder) (int, error) {
	vm.giveBack(lt)
	if r.exitAt >= 0 {
		return vm.restore(f, lt, lt.snaps[r.exitAt])
	}
	return lt.head, nil
}
