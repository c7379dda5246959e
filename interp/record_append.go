package interp

import (
	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/traceopt"
)

// xs.append(v) in a trace (list_append): native while the list has room
// and holds no objects, a call-out of the CALL_METHOD otherwise. As a
// plain call-out, every append left native code and came back (~40 ns),
// and a loop that builds a list (merge_sort's `out`) called out every
// iteration, often enough to lose to the interpreter (benched).

// appendsNatively reports whether a call of method name with argc
// arguments on slot b, a list, can be recorded as list_append: in the
// loop's own frame (where a call-out's snapshot restores nothing
// inlined), inner loops included (the call-out is the rare half), with
// no thread beside (native code would write the list without its
// sequence word), of a value native code can copy.
func (r *recorder) appendsNatively(b int32, argc int, name string) bool {
	if name != "append" || argc != 1 || len(r.frames) > 0 || r.lt.fn || r.vm.threaded() {
		return false
	}
	if r.typeOf(b) != traceopt.List {
		return false
	}
	switch r.typeOf(b + 1) {
	case traceopt.Int, traceopt.Float, traceopt.Bool, traceopt.None:
		return true
	}
	return false
}

// listAppend records A = B.append(B+1) as list_append, whose slow path is
// a call-out through a snapshot of its own, and runs the append now as
// the interpreter does.
func (r *recorder) listAppend(a, b int32) int {
	next := r.pc + 1
	// A snapshot of its own, as callOut's: a guard that leaves through
	// the instruction's snapshot must not be taken for the call-out.
	if r.snapHere >= 0 && r.lt.snaps[r.snapHere].pc != r.pc {
		r.snapHere = -1
	}
	if _, ok := r.wides[a]; ok {
		r.failf("a write to a 128-bit accumulator")
		return next
	}
	if l := listAt(r.regs[b].Bits); len(l.vals) == cap(l.vals) || l.objs != nil || l.deque {
		// Go does this one: counted as the call-out it is, so that a loop
		// appending to short lists, most appends growing one (graphs'
		// succ[u].append(v), a new list per key), is judged as one that
		// calls out (it was benched, 16,000 call-outs later).
		r.callOuts++
	}
	c := *r.lt.snaps[r.snap()]
	r.lt.snaps = append(r.lt.snaps, &c)
	sn := len(r.lt.snaps) - 1
	if !r.runCallOut(sn) {
		return next
	}
	r.wrote(a)
	r.insts = append(r.insts, traceopt.Inst{Op: generated.OpListAppend,
		Args: [4]uint64{uint64(sn), traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(b + 1)}, Exit: traceopt.NoExit})
	return next
}
