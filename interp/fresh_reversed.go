package interp

// Private locals walked backwards (issue 10).
//
// `for m in reversed(path):` passes path to a call, which fresh.go counts
// as an escape, so memo's `path = []` at the top of its Collatz loop made
// a new list (and grew it) for each of 300,000 starts: 60 MB of the 190 it
// allocated. The built-in reversed keeps its argument only in the
// iterator it returns, and when that iterator goes straight into a for
// loop's owned GET_ITER (iter_reuse.go), the loop's temporary alone holds
// it, dead once the loop is left. So the list stays held by the local
// (and by an iterator no code reaches after the loop), provided nothing
// recycles it while the loop runs: the loop's body must not write the
// local (a [] stored there would empty the list under the iterator), and
// the local has no partner (fresh.go's pairs). The CALL is marked
// revPrivArg where the local may hold a marked list; should its callee
// not be the built-in reversed when it runs, the list loses its mark
// first (reversedOfPrivate), as len's does (lenPrivArg).

// revPrivArg marks, in Instr.E of a CALL, reversed(a) of a private local a
// iterated by the for loop right after it (the bits beside it: fresh_conv.go).
const revPrivArg = 1 << 12

// reversedArgMove reports whether the MOVE at pc i fills the one argument
// of a CALL of the global named reversed whose result the next GET_ITER
// (an owned one) iterates, in a loop whose body does not write the
// MOVE's source.
func reversedArgMove(co *Code, i int) bool {
	if i+3 >= len(co.instrs) || !globalCallArgMove(co, i, "reversed") {
		return false
	}
	mv, call := &co.instrs[i], &co.instrs[i+1]
	gi, jmp := &co.instrs[i+2], &co.instrs[i+3]
	if gi.Op != opGetIter || gi.E&ownedIter == 0 || gi.A != call.A || gi.B != call.A || jmp.Op != opJump {
		return false
	}
	// GET_ITER; JUMP to the FOR_ITER at the loop's end; the body; FOR_ITER
	// jumping back to the body's start.
	end := int(jmp.A)
	if end <= i+3 || end >= len(co.instrs) {
		return false
	}
	if fi := &co.instrs[end]; fi.Op != opForIter || fi.A != gi.A || int(fi.C) != i+4 {
		return false
	}
	for j := i + 4; j <= end; j++ {
		if mayWriteLocal(&co.instrs[j], mv.B) {
			return false
		}
	}
	return true
}

// mayWriteLocal reports whether in may write local s: it names s as any
// operand other than a MOVE's source, or a range of slots from s or below.
func mayWriteLocal(in *Instr, s int32) bool {
	if in.Op == opMove {
		return in.A == s
	}
	exact := singleSlots[in.Op]
	for j, k := range opInfo[in.Op].kinds {
		if k != 's' {
			continue
		}
		if x := *in.operand(j); x == s || !exact && x >= 0 && x < s {
			return true
		}
	}
	return false
}

// reversedOfPrivate runs at a CALL marked revPrivArg, before the call. A
// callee other than the built-in reversed may keep the list, and reversed
// reads a packed list's slots, which it has none of: either way the list
// loses its mark (and a packed one becomes slots).
func (vm *VM) reversedOfPrivate(f *frame, in *Instr) {
	unmarkUnlessCallee(f, in, func(t *typeObj) bool { return t.reversed })
}

// Loop iterators of reversed lists.
//
// reversed(xs) of a list makes a lazy iterator (a funcIter, its closure
// and the closure's index: three allocations). A call whose result only a
// loop reads (ownedA, gen_reuse.go) is iterated by that loop alone, so the
// loop's iterator, once exhausted, is seen by nothing that will step it
// again: the VM keeps it for the next such loop. memo made 300,000 of
// them.

// revListIter is reversed(l) for a loop: it.next steps it.
type revListIter struct {
	it funcIter
	l  *List // nil once exhausted (then in the pool)
	i  int
}

// revIterPoolDepth bounds the exhausted iterators kept: nested loops.
const revIterPoolDepth = 4

type revIterPool struct {
	free [revIterPoolDepth]*revListIter
	n    uint8
}

// loopReversed is reversed(v) at a CALL marked ownedA when v is a list
// (not a deque), from the pool when it has one; nil for anything else.
func (vm *VM) loopReversed(v Object) Object {
	l, ok := v.(*List)
	if !ok || l.deque {
		return nil
	}
	p := &vm.revIters
	var r *revListIter
	if p.n > 0 {
		p.n--
		r, p.free[p.n] = p.free[p.n], nil
	} else {
		r = &revListIter{it: funcIter{name: "list_reverseiterator"}}
		r.it.next = r.next
	}
	r.l, r.i = l, l.Len()-1
	return &r.it
}

// next is the built-in reversed's list iterator step (lazy, as CPython's
// list_reverseiterator): exhausted for good once past the start or the
// list has shrunk below it.
func (r *revListIter) next(vm *VM) (Val, bool, error) {
	l := r.l
	if l == nil {
		return Val{}, false, nil
	}
	if r.i < 0 || r.i >= l.Len() {
		r.l, r.i = nil, -1
		if p := &vm.revIters; p.n < revIterPoolDepth {
			p.free[p.n] = r
			p.n++
		}
		return Val{}, false, nil
	}
	r.i--
	return l.at(r.i + 1), true, nil
}
