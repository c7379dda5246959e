package interp

import (
	"math"
	"strings"
)

func (vm *VM) index(v Val, what string) (int64, error) {
	return vm.indexClamped(v, what, math.MaxInt64/2)
}

// itemIndex is index for a sequence subscript: there an int too big for
// an index raises IndexError, as CPython's subscripts do.
func (vm *VM) itemIndex(v Val, what string) (int64, error) {
	return vm.indexClamped(v, what, 0)
}

// tooBigIndex reports whether err is itemIndex's IndexError, which callers
// that reword a TypeError must pass on as it is.
func tooBigIndex(err error) bool {
	pe, ok := err.(*PyErr)
	return ok && pe.exc.typ == IndexError
}

// listIndex is a list's or a deque's index k, with the TypeError each
// words.
func (vm *VM) listIndex(l *List, k Val) (int64, error) {
	if !l.deque {
		return vm.itemIndex(k, "list")
	}
	i, ok, err := vm.asIndex(k, 0)
	if !ok {
		return 0, newErr(TypeError, "sequence index must be integer, not '%s'", typeName(k))
	}
	return i, err
}

func (vm *VM) indexClamped(v Val, what string, limit int64) (int64, error) {
	i, ok, err := vm.asIndex(v, limit)
	if !ok {
		return 0, newErr(TypeError, "%s indices must be integers or slices, not %s", what, typeName(v))
	}
	return i, err
}

// asIndex is operator.index(v) as an int64: a big int is clamped to
// ±limit, which no sequence reaches (callers leave room to add a length
// without overflow), or with limit 0 raises IndexError. ok is false when
// v is not an index at all.
func (vm *VM) asIndex(v Val, limit int64) (i int64, ok bool, err error) {
	switch v.T {
	case tagInt, tagBool:
		return int64(v.B), true, nil
	}
	if b, isBig := v.O.(*BigInt); isBig {
		if limit == 0 {
			return 0, true, newErr(IndexError, "cannot fit 'int' into an index-sized integer")
		}
		if b.v.Sign() < 0 {
			return -limit, true, nil
		}
		return limit, true, nil
	}
	if r, isIndex, err := instInt(v, "__index__"); isIndex {
		if err != nil {
			return 0, true, err
		}
		return vm.asIndex(r, limit)
	}
	return 0, false, nil
}

func (vm *VM) getItem(o, k Val) (Val, error) {
	if s, ok := k.O.(*SliceObj); ok {
		if v, ok, err := vm.getSlice(o, s); ok {
			return v, err
		}
	}
	switch x := o.O.(type) {
	case *List:
		i, err := vm.listIndex(x, k)
		if err != nil {
			return Val{}, err
		}
		if i < 0 {
			i += int64(x.Len())
		}
		if i < 0 || i >= int64(x.Len()) {
			return Val{}, newErr(IndexError, "%s index out of range", x.kind())
		}
		return x.at(int(i)), nil
	case *Tuple:
		i, err := vm.itemIndex(k, "tuple")
		if err != nil {
			return Val{}, err
		}
		if i < 0 {
			i += int64(len(x.items))
		}
		if i < 0 || i >= int64(len(x.items)) {
			return Val{}, newErr(IndexError, "tuple index out of range")
		}
		return x.items[i], nil
	case *Str:
		n := int64(x.length())
		i, err := vm.itemIndex(k, "string")
		if err != nil {
			// unicodeobject.c words it without "or slices" and quotes
			// the type.
			if pe, ok := err.(*PyErr); ok && pe.exc.typ == TypeError && strings.HasPrefix(excStr(vm, pe.exc), "string indices") {
				return Val{}, newErr(TypeError, "string indices must be integers, not '%s'", typeName(k))
			}
			return Val{}, err
		}
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return Val{}, newErr(IndexError, "string index out of range")
		}
		return x.charVal(int(i)), nil
	case *Bytes:
		return vm.bytesGetItem(x, k)
	case *Dict:
		v, ok, err := x.get(k)
		if err != nil {
			return Val{}, err
		}
		if !ok {
			switch {
			case x.counter:
				return IntVal(0), nil
			case x.factory.T != tagEmpty && x.factory.T != tagNone:
				// defaultdict: make the value, keep it.
				nv, err := vm.call(x.factory, nil, nil)
				if err != nil {
					return Val{}, err
				}
				return nv, x.set(k, nv)
			}
			return Val{}, newErrVal(KeyError, k)
		}
		return v, nil
	case *Range:
		if s, ok := k.O.(*SliceObj); ok {
			return vm.sliceRange(x, s)
		}
		i, err := vm.index(k, "range object")
		if err != nil {
			return Val{}, err
		}
		n := rangeLen(x)
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return Val{}, newErr(IndexError, "range object index out of range")
		}
		return IntVal(x.start + i*x.step), nil
	}
	if r, found, err := vm.dunder(o, "__getitem__", k); found {
		return r, err
	}
	if r, ok, err := vm.classGetItem(o, k); ok {
		return r, err
	}
	return Val{}, newErr(TypeError, "'%s' object is not subscriptable", typeName(o))
}

func rangeLen(r *Range) int64 {
	if r.step > 0 && r.start < r.stop {
		return (r.stop - r.start + r.step - 1) / r.step
	}
	if r.step < 0 && r.start > r.stop {
		return (r.start - r.stop - r.step - 1) / (-r.step)
	}
	return 0
}

func (vm *VM) setItem(o, k, v Val) error {
	switch x := o.O.(type) {
	case *List:
		if s, ok := k.O.(*SliceObj); ok {
			return vm.setSlice(x, s, v)
		}
		i, err := vm.listIndex(x, k)
		if err != nil {
			return err
		}
		if i < 0 {
			i += int64(x.Len())
		}
		if i < 0 || i >= int64(x.Len()) {
			if x.deque {
				return newErr(IndexError, "deque index out of range")
			}
			return newErr(IndexError, "list assignment index out of range")
		}
		x.setAt(int(i), v)
		return nil
	case *Dict:
		return x.set(k, v)
	case *Bytes:
		return vm.bytesSetItem(x, k, v)
	}
	if _, found, err := vm.dunder(o, "__setitem__", k, v); found {
		return err
	}
	if o.T == tagObject {
		switch o.O.(type) {
		case *Str, *Tuple, *Range:
			return newErr(TypeError, "'%s' object does not support item assignment", typeName(o))
		}
	}
	return newErr(TypeError, "'%s' object does not support item assignment", typeName(o))
}

func (vm *VM) delItem(o, k Val) error {
	switch x := o.O.(type) {
	case *List:
		if s, ok := k.O.(*SliceObj); ok {
			return vm.delSlice(x, s)
		}
		i, err := vm.listIndex(x, k)
		if err != nil {
			return err
		}
		if i < 0 {
			i += int64(x.Len())
		}
		if i < 0 || i >= int64(x.Len()) {
			if x.deque {
				return newErr(IndexError, "deque index out of range")
			}
			return newErr(IndexError, "list assignment index out of range")
		}
		x.removeRange(int(i), int(i)+1)
		return nil
	case *Dict:
		_, ok, err := x.del(k)
		if err != nil {
			return err
		}
		if !ok {
			return newErrVal(KeyError, k)
		}
		return nil
	case *Bytes:
		return vm.bytesDelItem(x, k)
	}
	if _, found, err := vm.dunder(o, "__delitem__", k); found {
		return err
	}
	return newErr(TypeError, "'%s' object doesn't support item deletion", typeName(o))
}

func (vm *VM) sliceIndices(s *SliceObj, n int64) (lo, hi, step int64, err error) {
	step = 1
	if s.step.T != tagNone {
		if step, err = vm.sliceIndex(s.step); err != nil {
			return
		}
		if step == 0 {
			err = newErr(ValueError, "slice step cannot be zero")
			return
		}
	}
	get := func(v Val, def int64) (int64, error) {
		if v.T == tagNone {
			return def, nil
		}
		i, err := vm.sliceIndex(v)
		if err != nil {
			return 0, err
		}
		if i < 0 {
			i += n
			if i < 0 {
				if step < 0 {
					i = -1
				} else {
					i = 0
				}
			}
		} else if i >= n {
			if step < 0 {
				i = n - 1
			} else {
				i = n
			}
		}
		return i, nil
	}
	if step > 0 {
		lo, err = get(s.lo, 0)
		if err == nil {
			hi, err = get(s.hi, n)
		}
	} else {
		lo, err = get(s.lo, n-1)
		if err == nil {
			hi, err = get(s.hi, -1)
		}
	}
	return
}

func (vm *VM) sliceIndex(v Val) (int64, error) {
	i, ok, err := vm.asIndex(v, math.MaxInt64/4)
	if !ok {
		return 0, newErr(TypeError, "slice indices must be integers or None or have an __index__ method")
	}
	return i, err
}

func sliceRange(lo, hi, step int64) []int64 {
	var out []int64
	if step > 0 {
		for i := lo; i < hi; i += step {
			out = append(out, i)
		}
	} else {
		for i := lo; i > hi; i += step {
			out = append(out, i)
		}
	}
	return out
}
