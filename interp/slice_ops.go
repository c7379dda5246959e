package interp

import "strings"

// Slicing without a slice object: x[lo:hi:step] compiles to GET_SLICE
// (SET_SLICE, DEL_SLICE for targets) over three consecutive slots, and
// lists, tuples and strs are sliced straight from them. Other objects (a
// class's __getitem__, bytes, ranges, dicts) get the slice object a
// BUILD_SLICE would have made.

// dequeSliceErr is CPython's error for slicing a deque.
func dequeSliceErr() error {
	return newErr(TypeError, "sequence index must be integer, not 'slice'")
}

// opGetSlice is A = B[C:C+1:C+2].
func (vm *VM) opGetSlice(f *frame, in *Instr) error {
	o, err := f.load(in.B)
	if err != nil {
		return err
	}
	s := SliceObj{f.get(in.C), f.get(in.C + 1), f.get(in.C + 2)}
	if x, ok := o.O.(*List); ok && !x.deque && !vm.threaded() {
		// The fast path of a producer of fresh lists (fresh.go).
		lo, hi, step, err := vm.sliceIndices(&s, int64(x.Len()))
		if err != nil {
			return err
		}
		r := vm.sliceFresh(x, lo, hi, step)
		if in.E&freshB != 0 {
			vm.recycle(o)
		}
		vm.noteFresh(r)
		if in.E&privA != 0 {
			vm.keepPrivate(f, in.A, r)
			return nil
		}
		f.set(in.A, ObjVal(r))
		return nil
	}
	v, ok, err := vm.getSlice(o, &s)
	if !ok {
		v, err = vm.getItem(o, ObjVal(heapSlice(s)))
	}
	vm.clearFresh() // what it gave may be kept elsewhere
	if err != nil {
		return err
	}
	f.set(in.A, v)
	return nil
}

// opSetSlice is A[B:B+1:B+2] = C.
func (vm *VM) opSetSlice(f *frame, in *Instr) error {
	o, err := f.load(in.A)
	if err != nil {
		return err
	}
	v, err := f.load(in.C)
	if err != nil {
		return err
	}
	s := SliceObj{f.get(in.B), f.get(in.B + 1), f.get(in.B + 2)}
	if l, ok := o.O.(*List); ok {
		err := vm.setSlice(l, &s, v)
		if err == nil && in.E&freshC != 0 {
			vm.recycle(v) // copied into l (fresh.go)
		}
		return err
	}
	return vm.setItem(o, ObjVal(heapSlice(s)), v)
}

// opDelSlice is del A[B:B+1:B+2].
func (vm *VM) opDelSlice(f *frame, in *Instr) error {
	o, err := f.load(in.A)
	if err != nil {
		return err
	}
	s := SliceObj{f.get(in.B), f.get(in.B + 1), f.get(in.B + 2)}
	if l, ok := o.O.(*List); ok {
		return vm.delSlice(l, &s)
	}
	return vm.delItem(o, ObjVal(heapSlice(s)))
}

// heapSlice is a copy of s that may escape (s itself stays on the stack).
func heapSlice(s SliceObj) *SliceObj {
	p := new(SliceObj)
	*p = s
	return p
}

// getSlice is o[s] for a list, tuple or str; ok is false for other objects.
func (vm *VM) getSlice(o Val, s *SliceObj) (v Val, ok bool, err error) {
	switch x := o.O.(type) {
	case *List:
		if x.deque {
			return Val{}, true, dequeSliceErr()
		}
		lo, hi, step, err := vm.sliceIndices(s, int64(x.Len()))
		if err != nil {
			return Val{}, true, err
		}
		return ObjVal(x.slice(lo, hi, step)), true, nil
	case *Tuple:
		n := int64(len(x.items))
		lo, hi, step, err := vm.sliceIndices(s, n)
		if err != nil {
			return Val{}, true, err
		}
		k := sliceLen(lo, hi, step)
		if step == 1 && k == int(n) {
			return o, true, nil // t[:] is t, as in CPython
		}
		t := newTuple(k)
		for j, i := 0, lo; j < k; j, i = j+1, i+step {
			t.items[j] = x.items[i]
		}
		return ObjVal(t), true, nil
	case *Str:
		lo, hi, step, err := vm.sliceIndices(s, int64(x.length()))
		if err != nil {
			return Val{}, true, err
		}
		if step == 1 {
			return StrVal(x.slice(int(lo), int(max(hi, lo)))), true, nil
		}
		var b strings.Builder
		for j, i := 0, lo; j < sliceLen(lo, hi, step); j, i = j+1, i+step {
			b.WriteString(x.at(int(i)))
		}
		return StrVal(b.String()), true, nil
	}
	return Val{}, false, nil
}

// setSlice is x[s] = v.
func (vm *VM) setSlice(x *List, s *SliceObj, v Val) error {
	if x.deque {
		return dequeSliceErr()
	}
	lo, hi, step, err := vm.sliceIndices(s, int64(x.Len()))
	if err != nil {
		return err
	}
	src, isList := v.O.(*List)
	if !isList || v.T != tagObject {
		items, err := vm.iterate(v)
		if err != nil {
			if step == 1 {
				return newErr(TypeError, "can only assign an iterable")
			}
			return newErr(TypeError, "must assign iterable to extended slice")
		}
		src = newList(items)
	} else if src == x {
		src = x.slice(0, int64(x.Len()), 1)
	}
	if step != 1 {
		if n := sliceLen(lo, hi, step); n != src.Len() {
			return newErr(ValueError, "attempt to assign sequence of size %d to extended slice of size %d", src.Len(), n)
		}
		if src.objs != nil {
			x.ensureObjs()
		}
		scatter(x.vals, src.vals, int(lo), int(step))
		if x.objs != nil {
			if src.objs != nil {
				scatter(x.objs, src.objs, int(lo), int(step))
			} else {
				for j, i := 0, int(lo); j < src.Len(); j, i = j+1, i+int(step) {
					x.objs[i] = nil
				}
			}
		}
		return nil
	}
	if err := x.grow(src.Len()); err != nil {
		return err
	}
	x.splice(int(lo), int(max(hi, lo)), src)
	return nil
}

// delSlice is del x[s].
func (vm *VM) delSlice(x *List, s *SliceObj) error {
	if x.deque {
		return dequeSliceErr()
	}
	lo, hi, step, err := vm.sliceIndices(s, int64(x.Len()))
	if err != nil {
		return err
	}
	if step < 0 {
		// The same indices, visited upwards.
		n := int64(sliceLen(lo, hi, step))
		lo, hi, step = lo+(n-1)*step, lo+1, -step
	}
	if step == 1 {
		x.removeRange(int(lo), int(max(hi, lo)))
		return nil
	}
	// Keep every element not on the slice, in place.
	w := int(lo)
	for i := int(lo); i < x.Len(); i++ {
		if int64(i) < hi && (int64(i)-lo)%step == 0 {
			continue
		}
		x.vals[w] = x.vals[i]
		if x.objs != nil {
			x.objs[w] = x.objs[i]
		}
		w++
	}
	if x.objs != nil {
		clear(x.objs[w:])
		x.objs = x.objs[:w]
	}
	x.vals = x.vals[:w]
	return nil
}
