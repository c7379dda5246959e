package interp

// Iteration: the iterator objects and the generic next used by FOR_ITER.

import (
	"math"
	"math/big"
)

// ---- iteration ----

type listIter struct {
	l     *List
	i     int
	owned bool // made by a loop's marked GET_ITER, seen by no one else (iter_reuse.go)
	// split: l is a list split made for this loop alone, which the pool
	// takes back when the loop finishes (split_reuse.go).
	split bool
}

// exhaust marks an iterator that has reached its list's end: as CPython's
// drops its list then, it stays exhausted when the list grows later. (Its
// list stays: threads lock an iterator's list, read before the lock.)
func (x *listIter) exhaust() { x.i = math.MaxInt }

type rangeIter struct{ i, stop, step int64 }
type seqIter struct {
	items []Val
	i     int
	name  string // the type's name when not "iterator" (tuple_iterator)
	owned bool   // made by a loop's marked GET_ITER, seen by no one else (iter_reuse.go)
}
type strIter struct {
	s *Str
	i int
}
type bigRangeIter struct{ i, stop, step *big.Int }

// dictIter walks a dict's entries in order and fails, like CPython's, if
// the dict changes size meanwhile, or yields more keys than it had (keys
// deleted and others added).
type dictIter struct {
	d          *Dict
	i, n, left int
	kind       string
}

func (*dictIter) typeName() string { return "dict_keyiterator" }

// instIter iterates an instance through __next__ (or __getitem__).
type instIter struct {
	self   Val
	index  bool
	i      int
	result Val // the value of the StopIteration that ended it, for yield from
}

func (*instIter) typeName() string { return "iterator" }

func (*listIter) typeName() string  { return "list_iterator" }
func (*rangeIter) typeName() string { return "range_iterator" }
func (it *seqIter) typeName() string {
	if it.name != "" {
		return it.name
	}
	return "iterator"
}
func (*strIter) typeName() string      { return "str_ascii_iterator" }
func (*bigRangeIter) typeName() string { return "range_iterator" }

func (vm *VM) iter(v Val) (Object, error) {
	if v.T == tagObject {
		switch x := v.O.(type) {
		case *List:
			return &listIter{l: x}, nil
		case *Range:
			return &rangeIter{x.start, x.stop, x.step}, nil
		case *BigRange:
			return &bigRangeIter{new(big.Int).Set(x.start), x.stop, x.step}, nil
		case *Tuple:
			return &seqIter{items: x.items, name: "tuple_iterator"}, nil
		case *Str:
			return &strIter{s: x}, nil
		case *Bytes:
			return bytesIter(x), nil
		case *Dict:
			return &dictIter{d: x, n: x.Len(), left: x.Len(), kind: "keys"}, nil
		case *Set:
			return &setIter{s: x, n: x.used}, nil
		case *DictView:
			return &dictIter{d: x.d, n: x.d.Len(), left: x.d.Len(), kind: x.kind}, nil
		case *Generator:
			if k := x.fn.code.genKind; k == genCoroutine || k == genAsyncGen {
				return nil, newErr(TypeError, "'%s' object is not iterable", x.typeName())
			}
			return x, nil
		case *listIter, *rangeIter, *seqIter, *strIter, *bigRangeIter, *countIter, *instIter, *dictIter, *setIter, *funcIter:
			return x, nil
		case *Instance:
			if _, ok := x.cls.lookup("__next__"); ok {
				if _, hasIter := x.cls.lookup("__iter__"); !hasIter {
					break
				}
			}
			if r, found, err := vm.dunder(v, "__iter__"); found {
				if err != nil {
					return nil, err
				}
				if inst, ok := r.O.(*Instance); ok {
					if _, ok := inst.cls.lookup("__next__"); ok {
						return &instIter{self: r}, nil
					}
					return nil, newErr(TypeError, "iter() returned non-iterator of type '%s'", inst.cls.name)
				}
				if notIterator(r) {
					return nil, newErr(TypeError, "iter() returned non-iterator of type '%s'", typeName(r))
				}
				return vm.iter(r)
			}
			if _, ok := x.cls.lookup("__getitem__"); ok {
				return &instIter{self: v, index: true}, nil
			}
		}
	}
	if r, found, err := vm.dunder(v, "__iter__"); found {
		if err != nil {
			return nil, err
		}
		return vm.iter(r)
	}
	return nil, newErr(TypeError, "'%s' object is not iterable", typeName(v))
}

// notIterator reports whether r, what an __iter__ returned, is surely no
// iterator: a number, None, a container, a coroutine. CPython refuses
// it; iterating it instead would hide the bug. (Other objects go through
// iter as before.)
func notIterator(r Val) bool {
	if r.T != tagObject {
		return true
	}
	switch x := r.O.(type) {
	case *List, *Tuple, *Str, *Bytes, *Dict, *Set, *DictView, *Range, *BigRange:
		return true
	case *Generator:
		k := x.fn.code.genKind
		return k == genCoroutine || k == genAsyncGen
	}
	return false
}

func (vm *VM) nextItem(it Object) (Val, bool, error) {
	switch x := it.(type) {
	case *listIter:
		if x.i < x.l.Len() {
			x.i++
			return x.l.at(x.i - 1), true, nil
		}
		x.exhaust()
	case *rangeIter:
		if (x.step > 0 && x.i < x.stop) || (x.step < 0 && x.i > x.stop) {
			v := x.i
			x.i += x.step
			return IntVal(v), true, nil
		}
	case *seqIter:
		if x.i < len(x.items) {
			x.i++
			return x.items[x.i-1], true, nil
		}
	case *strIter:
		if x.i < x.s.length() {
			x.i++
			return x.s.charVal(x.i - 1), true, nil
		}
	case *bigRangeIter:
		if (x.step.Sign() > 0 && x.i.Cmp(x.stop) < 0) || (x.step.Sign() < 0 && x.i.Cmp(x.stop) > 0) {
			v := normBig(new(big.Int).Set(x.i))
			x.i.Add(x.i, x.step)
			return v, true, nil
		}
	case *Generator:
		return x.nextItem(vm)
	case *funcIter:
		return x.next(vm)
	case *setIter:
		return x.next()
	case *dictIter:
		e, err := x.step()
		if e == nil {
			return Val{}, false, err
		}
		switch x.kind {
		case "keys":
			return e.key(), true, nil
		case "values":
			return e.val(), true, nil
		}
		return ObjVal(pairOf(e.key(), e.val())), true, nil
	case *instIter:
		if x.index {
			// The old protocol: __getitem__(0), (1), ... until IndexError.
			r, _, err := vm.dunder(x.self, "__getitem__", IntVal(int64(x.i)))
			x.i++
			if pe, ok := err.(*PyErr); ok && (pe.exc.typ.isSub(IndexError) || pe.exc.typ.isSub(StopIteration)) {
				return Val{}, false, nil
			}
			return r, err == nil, err
		}
		r, _, err := vm.dunder(x.self, "__next__")
		if pe, ok := err.(*PyErr); ok && pe.exc.typ.isSub(StopIteration) {
			x.result = stopValue(pe.exc)
			return Val{}, false, nil
		}
		return r, err == nil, err
	case *countIter:
		v := x.n
		n, err := vm.binop(opAdd, x.n, x.step)
		if err != nil {
			return Val{}, false, err
		}
		x.n = n
		return v, true, nil
	default:
		return Val{}, false, &internalError{"next on a non-iterator"}
	}
	return Val{}, false, nil
}

// iterate collects all items of an iterable.
func (vm *VM) iterate(v Val) ([]Val, error) {
	switch x := v.O.(type) {
	case *List:
		return x.items(), nil
	case *Tuple:
		return x.items, nil
	}
	var out []Val
	if r, ok := v.O.(*BigRange); ok {
		n, err := r.len()
		if err != nil {
			return nil, err
		}
		if err := memCheckMul(uint64(n), valSize); err != nil {
			return nil, err
		}
	}
	if r, ok := v.O.(*Range); ok {
		n := rangeLen(r)
		if err := memCheckMul(uint64(n), valSize); err != nil {
			return nil, err
		}
		out = make([]Val, 0, n)
	}
	it, err := vm.iter(v)
	if err != nil {
		return nil, err
	}
	return vm.drain(it, out)
}

// drain appends the rest of iterator it's items to out.
func (vm *VM) drain(it Object, out []Val) ([]Val, error) {
	for {
		x, ok, err := vm.next(it)
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		if len(out) == cap(out) && uint64(len(out)) >= memBig/valSize {
			if err := memCheckMul(uint64(len(out))*9/4, valSize); err != nil {
				return nil, err
			}
		}
		if out == nil {
			// Room for a short generator's items at once: append from
			// nothing would allocate at 1, 2, 4, 8 and 16 items.
			out = make([]Val, 0, 8)
		}
		out = append(out, x)
	}
}

// joinItems collects str.join's argument. Only a value without an
// iterator is "not iterable": an error raised while iterating (by a
// generator, say) propagates as it is, as in CPython.
func (vm *VM) joinItems(v Val) ([]Val, error) {
	switch v.O.(type) {
	case *List, *Tuple:
		return vm.iterate(v)
	}
	it, err := vm.iter(v)
	if err != nil {
		// As PySequence_Fast: any TypeError getting the iterator (an
		// __iter__ that returned no iterator too).
		if pe, ok := err.(*PyErr); ok && pe.exc.typ.isSub(TypeError) {
			return nil, newErr(TypeError, "can only join an iterable")
		}
		return nil, err
	}
	return vm.drain(it, nil)
}

// notIterable reports whether err is iter's error for a value v that has
// no iterator at all.
func notIterable(err error, v Val) bool {
	pe, ok := err.(*PyErr)
	return ok && pe.exc.typ == TypeError && excStr(nil, pe.exc) == "'"+typeName(v)+"' object is not iterable"
}

// callableIter is iter(fn, sentinel): fn() until it returns a value equal
// to sentinel or raises StopIteration, after which the iterator stays
// exhausted (CPython's calliterobject).
func (vm *VM) callableIter(fn, sentinel Val) (Val, error) {
	if !vm.isCallable(fn) {
		return Val{}, newErr(TypeError, "iter(v, w): v must be callable")
	}
	done := false
	return ObjVal(&funcIter{name: "callable_iterator", next: func(vm *VM) (Val, bool, error) {
		if done {
			return Val{}, false, nil
		}
		r, err := vm.call(fn, nil, nil)
		if err != nil {
			if pe, ok := err.(*PyErr); ok && pe.exc.typ.isSub(StopIteration) {
				done = true
				return Val{}, false, nil
			}
			return Val{}, false, err
		}
		eq := vm.equal(sentinel, r)
		if err := vm.takePending(); err != nil {
			return Val{}, false, err
		}
		if eq {
			done = true
			return Val{}, false, nil
		}
		return r, true, nil
	}}), nil
}
