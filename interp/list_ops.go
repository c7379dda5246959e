package interp

import "github.com/copypatch/copypatch/templates"

// List operations that work on the slot arrays directly: one allocation
// for a result, memmove for shifts, no boxing of elements into Vals.

// sliceLen is how many indices lo, lo+step, ... stop before hi.
func sliceLen(lo, hi, step int64) int {
	switch {
	case step > 0 && lo < hi:
		return int((hi - lo + step - 1) / step)
	case step < 0 && lo > hi:
		return int((lo - hi - step - 1) / -step)
	}
	return 0
}

// Small lists in one allocation.
//
// A list is two objects, its List and its slot array: [x] + rest made four
// per evaluation, and a program that builds many small lists (nqueens'
// permutations built from slices, a pair or triple per step, list(row) of
// a 12-wide matrix) spent most of its time in Go's allocator and
// collector. A list of up to roomMax (16) slots made by newListLen keeps
// them in the same allocation, behind the List: one allocation, the same
// bytes (the size classes of List+room and of List plus array add up
// alike; 11, 13 and 15 slots get the room of one more, which the size
// class would waste), and the slots next to the header. The room is an
// ordinary backing array: growth past it moves the slots to a new array as
// any append does, and the room stays with the List unused. A room of
// poolMin slots or more may enter the fresh pool when its list is
// recycled: the array then keeps the emptied List alive, 96 bytes, as any
// interior pointer does.

// roomMax is the longest list newListLen makes in one allocation.
const roomMax = 16

// listRoom is a List with its slots behind it (A an array of slots).
type listRoom[A any] struct {
	l List
	r A
}

// newListLen is a list of n zero slots, which the caller fills.
func newListLen(n int) *List {
	switch n {
	case 0:
		return &List{}
	case 1:
		p := &listRoom[[1]templates.Value]{}
		p.l.vals = p.r[:n]
		return &p.l
	case 2:
		p := &listRoom[[2]templates.Value]{}
		p.l.vals = p.r[:n]
		return &p.l
	case 3:
		p := &listRoom[[3]templates.Value]{}
		p.l.vals = p.r[:n]
		return &p.l
	case 4:
		p := &listRoom[[4]templates.Value]{}
		p.l.vals = p.r[:n]
		return &p.l
	case 5:
		p := &listRoom[[5]templates.Value]{}
		p.l.vals = p.r[:n]
		return &p.l
	case 6:
		p := &listRoom[[6]templates.Value]{}
		p.l.vals = p.r[:n]
		return &p.l
	case 7:
		p := &listRoom[[7]templates.Value]{}
		p.l.vals = p.r[:n]
		return &p.l
	case 8:
		p := &listRoom[[8]templates.Value]{}
		p.l.vals = p.r[:n]
		return &p.l
	case 9:
		p := &listRoom[[9]templates.Value]{}
		p.l.vals = p.r[:n]
		return &p.l
	case 10:
		p := &listRoom[[10]templates.Value]{}
		p.l.vals = p.r[:n]
		return &p.l
	case 11, 12:
		p := &listRoom[[12]templates.Value]{}
		p.l.vals = p.r[:n]
		return &p.l
	case 13, 14:
		p := &listRoom[[14]templates.Value]{}
		p.l.vals = p.r[:n]
		return &p.l
	case 15, 16:
		p := &listRoom[[16]templates.Value]{}
		p.l.vals = p.r[:n]
		return &p.l
	}
	return &List{vals: make([]templates.Value, n)}
}

// objRoomMax is the longest list of objects kept in one allocation: past
// five, List, slots and objects together take a larger size class than the
// three apart.
const objRoomMax = 5

type (
	listObjRoom1 struct {
		l List
		r [1]templates.Value
		o [1]Object
	}
	listObjRoom2 struct {
		l List
		r [2]templates.Value
		o [2]Object
	}
	listObjRoom3 struct {
		l List
		r [3]templates.Value
		o [3]Object
	}
	listObjRoom4 struct {
		l List
		r [4]templates.Value
		o [4]Object
	}
	listObjRoom5 struct {
		l List
		r [5]templates.Value
		o [5]Object
	}
)

// newListObjs is a list of n zero slots and n nil objects, for a list that
// holds objects; the caller fills both.
func newListObjs(n int) *List {
	switch n {
	case 1:
		p := &listObjRoom1{}
		p.l.vals, p.l.objs = p.r[:], p.o[:]
		return &p.l
	case 2:
		p := &listObjRoom2{}
		p.l.vals, p.l.objs = p.r[:], p.o[:]
		return &p.l
	case 3:
		p := &listObjRoom3{}
		p.l.vals, p.l.objs = p.r[:], p.o[:]
		return &p.l
	case 4:
		p := &listObjRoom4{}
		p.l.vals, p.l.objs = p.r[:], p.o[:]
		return &p.l
	case 5:
		p := &listObjRoom5{}
		p.l.vals, p.l.objs = p.r[:], p.o[:]
		return &p.l
	}
	return &List{vals: make([]templates.Value, n), objs: make([]Object, n)}
}

// newEmptyList is [] for a list display: such a list is mostly appended to
// next (a comprehension, out = []), so its first four slots, what its first
// append would reserve, come in the same allocation.
func newEmptyList() *List {
	p := &listRoom[[4]templates.Value]{}
	p.l.vals = p.r[:0]
	return &p.l
}

// slice is l[lo:hi:step] as a new list (indices already clamped).
func (l *List) slice(lo, hi, step int64) *List {
	n := sliceLen(lo, hi, step)
	if n <= roomMax {
		var r *List
		if l.objs != nil {
			r = newListObjs(n)
		} else {
			r = newListLen(n)
		}
		gather(r.vals, l.vals, int(lo), int(step))
		if l.objs != nil {
			gather(r.objs, l.objs, int(lo), int(step))
		}
		return r
	}
	if step == 1 {
		// append, not make and copy: the pointer-free half is not zeroed first.
		r := &List{vals: append([]templates.Value(nil), l.vals[lo:lo+int64(n)]...)}
		if l.objs != nil {
			r.objs = append([]Object(nil), l.objs[lo:lo+int64(n)]...)
		}
		return r
	}
	r := &List{vals: make([]templates.Value, n)}
	gather(r.vals, l.vals, int(lo), int(step))
	if l.objs != nil {
		r.objs = make([]Object, n)
		gather(r.objs, l.objs, int(lo), int(step))
	}
	return r
}

// gather copies src[lo], src[lo+step], ... into dst, len(dst) of them: a
// slice's items, a reversal's without index arithmetic per item.
func gather[T any](dst, src []T, lo, step int) {
	n := len(dst)
	if n == 0 {
		return
	}
	switch step {
	case 1:
		copy(dst, src[lo:lo+n])
	case -1:
		s := src[lo+1-n : lo+1]
		for j := range dst {
			dst[j] = s[n-1-j]
		}
	default:
		for j := range dst {
			dst[j] = src[lo]
			lo += step
		}
	}
}

// scatter copies src into dst[lo], dst[lo+step], ... (an extended slice
// assignment).
func scatter[T any](dst, src []T, lo, step int) {
	for j := range src {
		dst[lo] = src[j]
		lo += step
	}
}

// concat is x + y, in arrays of exactly the size needed. (make then copy
// is the form Go allocates without zeroing the part copied into; growing
// by append would allocate up to a quarter more and zero that.)
func (x *List) concat(y *List) *List {
	if n := len(x.vals) + len(y.vals); n <= roomMax {
		return x.concatInto(y, nil)
	}
	return x.concatInto(y, make([]templates.Value, len(x.vals)+len(y.vals)))
}

// concatInto is x + y in vals, which holds exactly len(x) + len(y) slots,
// or, when vals is nil, in a new list of its own (newListLen).
func (x *List) concatInto(y *List, vals []templates.Value) *List {
	var r *List
	if vals == nil {
		if x.objs != nil || y.objs != nil {
			r = newListObjs(len(x.vals) + len(y.vals))
			copy(r.objs, x.objs)
			copy(r.objs[len(x.vals):], y.objs)
		} else {
			r = newListLen(len(x.vals) + len(y.vals))
		}
		vals = r.vals
	} else {
		r = &List{vals: vals}
	}
	n := len(vals)
	copy(vals, x.vals)
	copy(vals[len(x.vals):], y.vals)
	if r.objs == nil && (x.objs != nil || y.objs != nil) {
		r.objs = make([]Object, n)
		copy(r.objs, x.objs)
		copy(r.objs[len(x.vals):], y.objs)
	}
	return r
}

// copyList is list(l) and l[:] (not a deque's state).
func (l *List) copyList() *List { return l.slice(0, int64(l.Len()), 1) }

// ensureObjs gives l an objs array, for storing objects into it.
func (l *List) ensureObjs() {
	if l.objs == nil {
		l.objs = make([]Object, len(l.vals), cap(l.vals))
	}
}

// splice replaces l[lo:hi] with the elements of src (which may be l).
func (l *List) splice(lo, hi int, src *List) {
	if src == l {
		src = l.slice(0, int64(len(l.vals)), 1)
	}
	n, k := len(l.vals), len(src.vals)
	newLen := n - (hi - lo) + k
	if src.objs != nil {
		l.ensureObjs()
	}
	if newLen > cap(l.vals) || l.objs != nil && newLen > cap(l.objs) {
		vals := make([]templates.Value, newLen, newLen+newLen/4)
		copy(vals, l.vals[:lo])
		copy(vals[lo+k:], l.vals[hi:])
		l.vals = vals
		if l.objs != nil {
			objs := make([]Object, newLen, cap(vals))
			copy(objs, l.objs[:lo])
			copy(objs[lo+k:], l.objs[hi:])
			l.objs = objs
		}
	} else {
		tail := n - hi
		l.vals = l.vals[:newLen]
		copy(l.vals[lo+k:], l.vals[hi:hi+tail])
		if l.objs != nil {
			l.objs = l.objs[:max(newLen, n)]
			copy(l.objs[lo+k:], l.objs[hi:hi+tail])
			clear(l.objs[newLen:]) // let the GC have what moved out
			l.objs = l.objs[:newLen]
		}
	}
	copy(l.vals[lo:], src.vals)
	if l.objs != nil {
		if src.objs != nil {
			copy(l.objs[lo:], src.objs)
		} else {
			clear(l.objs[lo : lo+k])
		}
	}
}

// removeRange deletes l[lo:hi].
func (l *List) removeRange(lo, hi int) {
	if lo == 0 && hi > 0 {
		l.dropFront(hi)
		return
	}
	l.splice(lo, hi, &List{})
}

// frontMove is how many elements may be left after a removal from the
// front for them to be moved down rather than the start moved up.
const frontMove = 8

// dropFront removes the first k elements (0 < k <= l.Len()). A long list
// moves its start instead of the rest, so that pop(0) and popleft() cost
// the same at any length. A short remainder is moved down to the start
// instead: moving the start gives up the room before it, so a queue that
// stays short (append one, popleft one) had its array reallocated every
// few appends, a fresh allocation per few operations where CPython's
// deque reuses its block.
func (l *List) dropFront(k int) {
	n := len(l.vals)
	if rest := n - k; rest <= frontMove {
		if k == 1 {
			// popleft of a short queue: element by element, where copy
			// and clear cost a call each (and a bulk write barrier for
			// the objects).
			vals := l.vals[:rest+1]
			for i := range rest {
				vals[i] = vals[i+1]
			}
			l.vals = vals[:rest]
			if l.objs != nil {
				objs := l.objs[:rest+1]
				for i := range rest {
					objs[i] = objs[i+1]
				}
				objs[rest] = nil
				l.objs = objs[:rest]
			}
			return
		}
		copy(l.vals, l.vals[k:])
		l.vals = l.vals[:rest]
		if l.objs != nil {
			copy(l.objs, l.objs[k:])
			clear(l.objs[rest:n])
			l.objs = l.objs[:rest]
		}
		return
	}
	if l.objs != nil {
		clear(l.objs[:k])
		l.objs = l.objs[k:]
	}
	l.vals = l.vals[k:]
}

// insert puts v before index i (already clamped).
func (l *List) insert(i int, v Val) {
	l.splice(i, i, &List{vals: []templates.Value{{Tag: v.T, Bits: v.B}}, objs: objsOf(v)})
}

func objsOf(v Val) []Object {
	if v.O == nil {
		return nil
	}
	return []Object{v.O}
}

// reverse reverses l in place.
func (l *List) reverse() {
	for i, j := 0, len(l.vals)-1; i < j; i, j = i+1, j-1 {
		l.vals[i], l.vals[j] = l.vals[j], l.vals[i]
		if l.objs != nil {
			l.objs[i], l.objs[j] = l.objs[j], l.objs[i]
		}
	}
}

// scalarEqual compares two slots without calling into Python when both
// are ints, bools or None; ok is false when it cannot tell.
func scalarEqual(a, b templates.Value) (eq, ok bool) {
	if a.Tag != b.Tag {
		return false, false
	}
	switch a.Tag {
	case tagInt, tagBool, tagNone:
		return a.Bits == b.Bits, true
	}
	return false, false
}

// listEqual is x == y for lists.
func (vm *VM) listEqual(x, y *List) bool {
	if x == y {
		return true
	}
	if len(x.vals) != len(y.vals) {
		return false
	}
	if !vm.enterNest(" in comparison") {
		return false
	}
	defer vm.leaveNest()
	for i := range x.vals {
		if eq, ok := scalarEqual(x.vals[i], y.vals[i]); ok {
			if !eq {
				return false
			}
			continue
		}
		if !vm.eqItem(x.at(i), y.at(i)) {
			return false
		}
	}
	return true
}

// find is the first index in [lo, hi) whose element equals v, or -1.
func (vm *VM) listFind(l *List, v Val, lo, hi int) (int, error) {
	want := templates.Value{Tag: v.T, Bits: v.B}
	for i := lo; i < hi && i < len(l.vals); i++ {
		if eq, ok := scalarEqual(l.vals[i], want); ok {
			if eq {
				return i, nil
			}
			continue
		}
		eq, err := vm.eqItemErr(l.at(i), v)
		if err != nil {
			return -1, err
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

// listSizeHint gives l, a list comprehension's empty result before its
// first element v, room for as many elements as its iterator it (the one
// `for` of a comprehension without `if`) has left, this one included:
// [w.lower() for w in line.split()] grew through 4, 8 and 16 slots, each
// a new pair of arrays, where one allocation of the final size does. It
// leaves l alone for other iterators and when the size does not fit in
// memory (append then reports it as before).
func listSizeHint(l *List, it Object, v Val) {
	n := 0
	switch x := it.(type) {
	case *listIter:
		if x.l != nil {
			n = x.l.Len() - x.i + 1
		}
	case *seqIter:
		n = len(x.items) - x.i + 1
	case *rangeIter:
		switch {
		case x.step > 0 && x.i < x.stop:
			n = int(min((x.stop-x.i+x.step-1)/x.step, 1<<40)) + 1
		case x.step < 0 && x.i > x.stop:
			n = int(min((x.i-x.stop-x.step-1)/-x.step, 1<<40)) + 1
		default:
			n = 1
		}
	}
	if n <= cap(l.vals) || l.grow(n) != nil {
		return
	}
	l.vals = make([]templates.Value, 0, n)
	if v.O != nil || l.objs != nil {
		l.objs = make([]Object, 0, n)
	}
}
