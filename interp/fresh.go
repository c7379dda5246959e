package interp

import (
	"math/bits"

	"github.com/copypatch/copypatch/templates"
)

// Temporary lists that die: reusing their arrays.
//
// a = a[k:] + a[:k] makes two lists that live only until the + has copied
// them. Go cannot free them, so each is fresh memory the collector must
// reclaim later, and touching fresh memory costs a page fault or a cache
// miss per few kilobytes (slices spent half its time there). The compiler
// marks the instructions that consume such a temporary (E of ADD, GET_SLICE
// and SET_SLICE: freshB, freshC): the operand is a slice or a + evaluated
// straight into a temporary slot that nothing else reads. The VM then
// recycles the list's arrays into a small per-VM pool, where the next slice
// or concatenation takes them while they are still in the cache.
//
// The mark only says where the value came from; whether it is a list
// nobody else holds is known at run time: the producing instruction's fast
// path (a list slice, list + list) notes the new list in vm.fresh, and
// every other outcome of those instructions (a __getitem__ or __add__ that
// may return a list kept elsewhere) clears it. So a marked operand that is
// still noted is the list its producer made, seen by no one else.
// Nothing of this runs once threads run (vm.mt): a list is then shared
// property of the lock discipline of objlock.go.

// Marks in Instr.E of a consuming instruction.
const (
	freshB = 1 << iota // operand B is a fresh temporary that dies here
	freshC             // operand C is
)

// freshLists are the lists last made by a producer's fast path.
type freshLists struct {
	l    [2]*List
	next uint8
	pool listPool
}

// listPool keeps recycled arrays by capacity class (floor of log2).
type listPool struct {
	vals [poolClasses][poolDepth][]templates.Value
	nv   [poolClasses]uint8
}

const (
	poolClasses = 17 // up to 2^16 elements (1 MiB of slots)
	poolDepth   = 4
	poolMin     = 8 // smaller arrays cost Go little to allocate
)

// noteFresh records l, just made by a producer's fast path.
func (vm *VM) noteFresh(l *List) {
	if vm.mt {
		return
	}
	f := &vm.fresh
	f.l[f.next&1] = l
	f.next++
}

// clearFresh forgets the noted lists: a producer ran something else.
func (vm *VM) clearFresh() { vm.fresh.l = [2]*List{} }

// recycle gives v's arrays to the pool when v is a noted list (the
// consuming instruction has finished with it). The list is left empty.
func (vm *VM) recycle(v Val) {
	l, ok := v.O.(*List)
	if !ok || v.T != tagObject || vm.mt {
		return
	}
	f := &vm.fresh
	for i := range f.l {
		if f.l[i] == l {
			f.l[i] = nil
			vals := l.vals
			l.vals, l.objs = nil, nil
			f.pool.put(vals)
			return
		}
	}
}

func (p *listPool) put(vals []templates.Value) {
	c := cap(vals)
	if c < poolMin {
		return
	}
	k := bits.Len(uint(c)) - 1
	if k >= poolClasses || p.nv[k] == poolDepth {
		return
	}
	p.vals[k][p.nv[k]] = vals[:0]
	p.nv[k]++
}

// take returns an array of length n from the pool, or nil. Its elements
// are stale: the caller overwrites all n.
func (p *listPool) take(n int) []templates.Value {
	if n < poolMin {
		return nil
	}
	k := bits.Len(uint(n)) - 1
	if k >= poolClasses {
		return nil
	}
	// Class k holds capacities in [2^k, 2^(k+1)): look for one that fits,
	// then class k+1, where any does (at most four times n).
	for i := int(p.nv[k]) - 1; i >= 0; i-- {
		if a := p.vals[k][i]; cap(a) >= n {
			last := int(p.nv[k]) - 1
			p.vals[k][i] = p.vals[k][last]
			p.vals[k][last] = nil
			p.nv[k]--
			return a[:n]
		}
	}
	if k+1 < poolClasses && p.nv[k+1] > 0 {
		p.nv[k+1]--
		a := p.vals[k+1][p.nv[k+1]]
		p.vals[k+1][p.nv[k+1]] = nil
		return a[:n]
	}
	return nil
}

// newVals is an array of n slots for a new list; the caller fills them all.
func (vm *VM) newVals(n int) []templates.Value {
	if vm != nil && !vm.mt {
		if a := vm.fresh.pool.take(n); a != nil {
			return a
		}
	}
	return make([]templates.Value, n)
}

// sliceFresh is l[lo:hi:step] for a GET_SLICE, in a pooled array.
func (vm *VM) sliceFresh(l *List, lo, hi, step int64) *List {
	n := sliceLen(lo, hi, step)
	var vals []templates.Value
	if step == 1 {
		if vals = vm.fresh.pool.take(n); vals != nil {
			copy(vals, l.vals[lo:lo+int64(n)])
		} else {
			// append, not make and copy: the copy is not zeroed first.
			vals = append([]templates.Value(nil), l.vals[lo:lo+int64(n)]...)
		}
	} else {
		vals = vm.newVals(n)
		for j, i := 0, lo; j < n; j, i = j+1, i+step {
			vals[j] = l.vals[i]
		}
	}
	r := &List{vals: vals}
	if l.objs != nil {
		r.objs = make([]Object, n)
		if step == 1 {
			copy(r.objs, l.objs[lo:lo+int64(n)])
		} else {
			for j, i := 0, lo; j < n; j, i = j+1, i+step {
				r.objs[j] = l.objs[i]
			}
		}
	}
	return r
}

// concatFresh is x + y for an ADD, in a pooled array.
func (vm *VM) concatFresh(x, y *List) *List {
	return x.concatInto(y, vm.newVals(len(x.vals)+len(y.vals)))
}
