package interp

// sideWhile is why a loop is not recorded when a recording of it is sure
// to stop at "a while loop in a side path" (innerTop).
const sideWhile = "a while loop in a side path"

// whileInBridgedInner reports whether the loop whose back-edge at end
// jumps to head holds, in the same code, a loop with a trace that bridged
// from inside a while loop of its own body: its iterations go more than
// one way round that while loop. A recording of the outer loop runs the
// inner one from its first iteration's path, and an iteration that goes
// round the while loop another way leaves it: a side path, which stops
// at the while loop's back-edge (or at once, when the first iteration
// went round the while loop as a loop of its own, which no side path
// records). mandelbrot's rows: the pixel loop's escape loop takes a
// different number of turns for most pixels; the rows' only recording
// met that wall, 0.16 ms, about a fifth of the run's JIT work.
func (vm *VM) whileInBridgedInner(co *Code, head, end int) bool {
	for _, o := range vm.loopsOf(co) {
		if o == nil || o.root != co || o.fn || o.head <= head || o.end >= end || len(o.tried) == 0 {
			continue
		}
		for w := o.head; w < o.end; w++ {
			h, ok := whileBackEdge(co, w)
			if !ok || h <= o.head {
				continue
			}
			for s := range o.tried {
				if s < len(o.snaps) && len(o.snaps[s].frames) == 0 && o.snaps[s].pc >= h && o.snaps[s].pc <= w+1 {
					return true
				}
			}
		}
	}
	return false
}

// whileBackEdge reports whether the instruction at pc is a while loop's
// back-edge (a jump back that is not a for loop's), and the head it jumps
// to.
func whileBackEdge(co *Code, pc int) (int, bool) {
	in := &co.instrs[pc]
	if in.Op == opForRange || in.Op == opForIter {
		return 0, false
	}
	if to, ok := backTarget(in); ok && to <= pc {
		return to, true
	}
	return 0, false
}
