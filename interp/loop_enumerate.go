package interp

// Loop iterators of enumerate.
//
// enumerate(x) made four allocations besides x's iterator: the funcIter,
// its two closures and the count they share. by_slicing in nqueens runs
// `for r, c in enumerate(p)` for each of 40,320 permutations. A call whose
// result only a loop reads (ownedA, gen_reuse.go) is stepped by that loop
// alone, so once exhausted it is seen by nothing that will step it again:
// the VM keeps it for the next such loop, as fresh_reversed.go does for
// reversed. The loop's pairs go through pair (nextPair), its items
// through next; the iterator is a plain enumerate to everything else.

// enumIter is enumerate(src) for a loop: it.next and it.pair step it.
type enumIter struct {
	it  funcIter
	src Object // nil once exhausted (then in the pool)
	n   int64
	// li is src when enumerate's argument is a list: its iterator, which
	// only this enumerate sees, comes with it.
	li listIter
}

// enumIterPoolDepth bounds the exhausted iterators kept: nested loops.
const enumIterPoolDepth = 4

type enumIterPool struct {
	free [enumIterPoolDepth]*enumIter
	n    uint8
}

// loopEnumerate is enumerate(v) at a CALL marked ownedA, from the pool
// when it has one.
func (vm *VM) loopEnumerate(v Val) (Object, error) {
	l, isList := v.O.(*List)
	var src Object
	if !isList || v.T != tagObject {
		var err error
		if src, err = vm.iter(v); err != nil {
			return nil, err
		}
	}
	p := &vm.enumIters
	var e *enumIter
	if p.n > 0 {
		p.n--
		e, p.free[p.n] = p.free[p.n], nil
	} else {
		e = &enumIter{it: funcIter{name: "enumerate"}}
		e.it.next, e.it.pair, e.it.enum = e.next, e.pair, e
	}
	if src == nil {
		e.li = listIter{l: l}
		src = &e.li
	}
	e.src, e.n = src, 0
	return &e.it, nil
}

// pair is the next count and item; an exhausted iterator goes to the pool.
func (e *enumIter) pair(vm *VM) (Val, Val, bool, error) {
	if e.src == nil {
		return Val{}, Val{}, false, nil
	}
	x, ok, err := vm.next(e.src)
	if !ok || err != nil {
		if err == nil {
			e.src, e.li.l = nil, nil
			if p := &vm.enumIters; p.n < enumIterPoolDepth && !vm.threaded() {
				p.free[p.n] = e
				p.n++
			}
		}
		return Val{}, Val{}, false, err
	}
	e.n++
	return IntVal(e.n - 1), x, true, nil
}

func (e *enumIter) next(vm *VM) (Val, bool, error) {
	i, x, ok, err := e.pair(vm)
	if !ok {
		return Val{}, false, err
	}
	return ObjVal(pairOf(i, x)), true, nil
}

// listPair is pair for an enumerate of a list while its item is there,
// stepped in place (no vm.next, no method value): by_slicing's
// `for r, c in enumerate(p)` per permutation. ok is false at the list's
// end, when threads run, or for any other source: pair does those.
func (e *enumIter) listPair(vm *VM) (i int64, x Val, ok bool) {
	li := &e.li
	if e.src != li || vm.threaded() || li.i >= len(li.l.vals) {
		return 0, Val{}, false
	}
	x = li.l.at(li.i)
	li.i++
	e.n++
	return e.n - 1, x, true
}
