package interp

// Small temporary lists that die: reusing the whole list.
//
// The fresh pool (fresh.go) keeps the arrays of recycled lists from
// poolMin slots up, but a list of up to roomMax slots is one allocation,
// its List and its slots together (list_ops.go): a recycled one left
// that allocation behind as garbage. nqueens' slice_perms evaluates
// items[:i] + items[i + 1:] and [items[i]] + tail per step, three of
// whose four lists die at the +: its run made 812k lists and spent more
// time in Go's allocator and collector than CPython spends in the whole
// step. So a recycled small list without objects is kept whole, by
// capacity, and the next producer of a list of that length takes it.
//
// A recycled list is the producer's own, held by no one else (fresh.go),
// so handing the same List out again as a new list is safe; the
// temporary slot that held it is never read again.

// smallDepth is how many lists of one capacity the pool keeps.
const smallDepth = 4

// smallLists are recycled lists of up to roomMax slots, by capacity.
type smallLists struct {
	l [roomMax + 1][smallDepth]*List
	n [roomMax + 1]uint8
}

// put keeps l, emptied, and reports whether it did: l must have no
// objects, and its capacity must be a small one.
func (p *smallLists) put(l *List) bool {
	c := cap(l.vals)
	if c > roomMax || l.objs != nil || l.pk != nil || l.deque || l.priv || p.n[c] == smallDepth {
		return false
	}
	*l = List{vals: l.vals[:0]}
	p.l[c][p.n[c]] = l
	p.n[c]++
	return true
}

// take returns a kept list of length n, or nil. Its slots are stale: the
// caller overwrites all n. (Rooms of 11, 13 and 15 slots have one more:
// newListLen.)
func (p *smallLists) take(n int) *List {
	if n > roomMax {
		return nil
	}
	c := n
	if p.n[c] == 0 {
		if c++; c > roomMax || p.n[c] == 0 {
			return nil
		}
	}
	p.n[c]--
	l := p.l[c][p.n[c]]
	p.l[c][p.n[c]] = nil
	l.vals = l.vals[:n]
	return l
}

// smallList is a list of n slots without objects for a producer's fast
// path: a recycled one when the pool has one, else a new one. The caller
// fills all n.
func (vm *VM) smallList(n int) *List {
	if vm.threaded() {
		return newListLen(n)
	}
	if l := vm.fresh.small.take(n); l != nil {
		return l
	}
	return newListLen(n)
}
