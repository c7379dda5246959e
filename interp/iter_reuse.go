package interp

import "github.com/copypatch/copypatch/templates"

// Loop iterators that die: reusing them (issue 10).
//
// `for i in w:` over a tuple or list makes an iterator that only that loop
// ever sees, and a loop nested in a hot function makes one per run of the
// inner loop: connect4's board score walks 69 tuples per call, 2.8 million
// iterators and 135 MB of fresh memory a game, a third of its time
// (CPython keeps freed objects of that size on a free list).
//
// The compiler marks the GET_ITER of a for loop or a comprehension's loop
// (ownedIter in its E): its slot is a temporary that only that GET_ITER
// writes and the loop's FOR_ITER reads. An iterator GET_ITER makes there
// over a tuple or list is owned (the iterator of something that was an
// iterator already is that object, which Python code may hold, and is not
// marked), so when FOR_ITER finds it exhausted it clears the slot and
// keeps the iterator in a small per-VM pool that the next marked GET_ITER
// takes from. A loop left by break, return or an exception leaves its
// iterator alone. A trace never sees an owned iterator exhausted (it leaves
// the loop to the interpreter), and nothing of this runs once threads run.

// ownedIter in a GET_ITER's E: its slot A is a temporary only this
// GET_ITER and its loop's FOR_ITER use.
const ownedIter = 1

// iterPoolDepth bounds the iterators kept per kind: nested loops that end
// at the same time need about one each.
const iterPoolDepth = 8

type iterPool struct {
	seq  [iterPoolDepth]*seqIter
	list [iterPoolDepth]*listIter
	ns   uint8
	nl   uint8
}

// markOwnedIter sets ownedIter on the GET_ITER just emitted.
func (c *compiler) markOwnedIter() {
	if n := len(c.code.instrs); n > 0 {
		if in := &c.code.instrs[n-1]; in.Op == opGetIter && in.A == in.B && c.isTemp(int(in.A)) {
			in.E |= ownedIter
		}
	}
}

// ownedIterOf is the owned iterator of a tuple or list for a marked
// GET_ITER, from the pool when it has one; nil for anything else.
func (vm *VM) ownedIterOf(v Val) Object {
	if v.T != tagObject || vm.threaded() {
		return nil
	}
	p := &vm.loopIters
	switch x := v.O.(type) {
	case *Tuple:
		if p.ns > 0 {
			p.ns--
			it := p.seq[p.ns]
			p.seq[p.ns] = nil
			it.items = x.items
			return it
		}
		return &seqIter{items: x.items, name: "tuple_iterator", owned: true}
	case *List:
		if p.nl > 0 {
			p.nl--
			it := p.list[p.nl]
			p.list[p.nl] = nil
			it.l = x
			return it
		}
		return &listIter{l: x, owned: true}
	}
	return nil
}

// doneSeqIter and doneListIter are FOR_ITER finding the owned iterator in
// slot s exhausted: the slot lets go of it and the pool takes it.
func (vm *VM) doneSeqIter(f *frame, s int32, it *seqIter) {
	f.regs[s] = templates.Value{Tag: tagNone}
	f.objs[s] = nil
	it.items, it.i = nil, 0
	if p := &vm.loopIters; p.ns < iterPoolDepth {
		p.seq[p.ns] = it
		p.ns++
	}
}

func (vm *VM) doneListIter(f *frame, s int32, it *listIter) {
	f.regs[s] = templates.Value{Tag: tagNone}
	f.objs[s] = nil
	if it.split {
		vm.putSplitList(it.l)
		it.split = false
	}
	it.l, it.i = nil, 0
	if p := &vm.loopIters; p.nl < iterPoolDepth {
		p.list[p.nl] = it
		p.nl++
	}
}
