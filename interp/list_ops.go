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

// slice is l[lo:hi:step] as a new list (indices already clamped).
func (l *List) slice(lo, hi, step int64) *List {
	n := sliceLen(lo, hi, step)
	if step == 1 {
		// append, not make and copy: the pointer-free half is not zeroed first.
		r := &List{vals: append([]templates.Value(nil), l.vals[lo:lo+int64(n)]...)}
		if l.objs != nil {
			r.objs = append([]Object(nil), l.objs[lo:lo+int64(n)]...)
		}
		return r
	}
	r := &List{vals: make([]templates.Value, n)}
	for j, i := 0, lo; j < n; j, i = j+1, i+step {
		r.vals[j] = l.vals[i]
	}
	if l.objs != nil {
		r.objs = make([]Object, n)
		for j, i := 0, lo; j < n; j, i = j+1, i+step {
			r.objs[j] = l.objs[i]
		}
	}
	return r
}

// concat is x + y, in arrays of exactly the size needed. (make then copy
// is the form Go allocates without zeroing the part copied into; growing
// by append would allocate up to a quarter more and zero that.)
func (x *List) concat(y *List) *List {
	return x.concatInto(y, make([]templates.Value, len(x.vals)+len(y.vals)))
}

// concatInto is x + y in vals, which holds exactly len(x) + len(y) slots.
func (x *List) concatInto(y *List, vals []templates.Value) *List {
	n := len(vals)
	copy(vals, x.vals)
	copy(vals[len(x.vals):], y.vals)
	r := &List{vals: vals}
	if x.objs != nil || y.objs != nil {
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
		// From the front: move the start instead of the rest, so that
		// pop(0) and popleft() cost the same at any length.
		if l.objs != nil {
			clear(l.objs[:hi])
			l.objs = l.objs[hi:]
		}
		l.vals = l.vals[hi:]
		return
	}
	l.splice(lo, hi, &List{})
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
