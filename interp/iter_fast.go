package interp

import (
	"math"

	"github.com/copypatch/copypatch/templates"
)

// Loops over pairs and small tuples without waste (issue 10).
//
// `for a, b in zip(x, y)`, `for i, v in enumerate(x)` and
// `for k, v in d.items()` compile to FOR_ITER into a temporary followed
// by UNPACK of that temporary: the interpreter sees the pair and writes
// both items straight into their slots (nextPair), so no tuple is made.
// Tuples that are made get their items in the same allocation (newTuple).

// tupleIn is a tuple whose items, an array A, live in the same
// allocation: one allocation, and a lookup that compares a tuple key
// reads one block instead of two.
type tupleIn[A any] struct {
	t Tuple
	a A
}

// emptyTuple is the one empty tuple, as CPython's: `() is ()` and
// `tuple() is ()` hold, and making one allocates nothing. It has no items
// to change, and its cached hash is the same for every user.
var emptyTuple = &Tuple{}

// newTuple is a tuple of n items (zero Vals to fill), one allocation for
// up to twelve (a 3×3 board or an 8-puzzle state is nine).
func newTuple(n int) *Tuple {
	switch n {
	case 0:
		return emptyTuple
	case 1:
		x := &tupleIn[[1]Val]{}
		x.t.items = x.a[:]
		return &x.t
	case 2:
		x := &tupleIn[[2]Val]{}
		x.t.items = x.a[:]
		return &x.t
	case 3:
		x := &tupleIn[[3]Val]{}
		x.t.items = x.a[:]
		return &x.t
	case 4:
		x := &tupleIn[[4]Val]{}
		x.t.items = x.a[:]
		return &x.t
	case 5:
		x := &tupleIn[[5]Val]{}
		x.t.items = x.a[:]
		return &x.t
	case 6:
		x := &tupleIn[[6]Val]{}
		x.t.items = x.a[:]
		return &x.t
	case 7:
		x := &tupleIn[[7]Val]{}
		x.t.items = x.a[:]
		return &x.t
	case 8:
		x := &tupleIn[[8]Val]{}
		x.t.items = x.a[:]
		return &x.t
	case 9:
		x := &tupleIn[[9]Val]{}
		x.t.items = x.a[:]
		return &x.t
	case 10:
		x := &tupleIn[[10]Val]{}
		x.t.items = x.a[:]
		return &x.t
	case 11:
		x := &tupleIn[[11]Val]{}
		x.t.items = x.a[:]
		return &x.t
	case 12:
		x := &tupleIn[[12]Val]{}
		x.t.items = x.a[:]
		return &x.t
	}
	return &Tuple{items: make([]Val, n)}
}

// pairOf is the tuple (a, b).
func pairOf(a, b Val) *Tuple {
	if a.O == nil && b.O == nil {
		return flatPair(a, b)
	}
	x := &tupleIn[[2]Val]{a: [2]Val{a, b}}
	x.t.items = x.a[:]
	return &x.t
}

// tupleOfList is tuple(l): l's items copied straight into a new tuple.
func tupleOfList(l *List) *Tuple {
	vals, objs := l.vals, l.objs
	if objs == nil {
		if len(vals) == 0 {
			return emptyTuple
		}
		// No objects: a flat tuple, tag and bits only.
		t := newFlatTuple(len(vals))
		items := t.items[:len(vals)]
		for i, r := range vals {
			items[i].T, items[i].B = r.Tag, r.Bits
		}
		return t
	}
	t := newTuple(len(vals))
	items := t.items[:len(vals)]
	objs = objs[:len(vals)]
	for i, r := range vals {
		items[i] = Val{T: r.Tag, B: r.Bits, O: objs[i]}
	}
	return t
}

// buildTuple is BUILD_TUPLE: the n slots from first on as a tuple.
func (vm *VM) buildTuple(f *frame, dst, first int32, n int) error {
	if n > 4 {
		if err := memCheckMul(uint64(n)+2, valSize); err != nil {
			return err
		}
	}
	regs := f.regs[first : first+int32(n)]
	if n > 0 && !hasObject(regs) {
		// Numbers and None only (a grid position): a flat tuple.
		t := newFlatTuple(n)
		for i, r := range regs {
			if r.Tag == tagEmpty {
				return f.unbound(first + int32(i))
			}
			t.items[i].T, t.items[i].B = r.Tag, r.Bits
		}
		f.set(dst, ObjVal(t))
		return nil
	}
	t := newTuple(n)
	for i := range t.items {
		r := f.regs[first+int32(i)]
		if r.Tag == tagEmpty {
			return f.unbound(first + int32(i))
		}
		t.items[i] = Val{T: r.Tag, B: r.Bits}
		if r.Tag == tagObject {
			t.items[i].O = f.objs[first+int32(i)]
		}
	}
	f.set(dst, ObjVal(t))
	return nil
}

// buildList is BUILD_LIST: the n slots from first on as a list, copied
// straight into its arrays.
func (vm *VM) buildList(f *frame, dst, first int32, n int) error {
	if n > 4 {
		if err := memCheckMul(uint64(n)+2, valSize); err != nil {
			return err
		}
	}
	var l *List
	switch {
	case n == 0:
		if l = vm.spareList; l != nil {
			vm.spareList = nil
		} else {
			l = newEmptyList()
		}
	case hasObject(f.regs[first : first+int32(n)]):
		l = newListObjs(n)
	default:
		l = vm.smallList(n)
	}
	for i := range l.vals {
		r := f.regs[first+int32(i)]
		if r.Tag == tagEmpty {
			return f.unbound(first + int32(i))
		}
		l.vals[i] = r
		if r.Tag == tagObject {
			l.objs[i] = f.objs[first+int32(i)]
		}
	}
	// A producer of fresh lists ([x] + tail drops it: fresh.go).
	vm.noteFresh(l)
	f.set(dst, ObjVal(l))
	return nil
}

// hasObject says whether any of regs holds an object.
func hasObject(regs []templates.Value) bool {
	for _, r := range regs {
		if r.Tag == tagObject {
			return true
		}
	}
	return false
}

// nextPair is FOR_ITER over it fused with the UNPACK into base and base+1
// that follows it: applicable says whether it is an iterator of pairs
// that can do so, ok whether an item came.
func (vm *VM) nextPair(f *frame, it Object, base int32) (applicable, ok bool, err error) {
	var a, b Val
	switch x := it.(type) {
	case *funcIter:
		if e := x.enum; e != nil {
			if i, v, ok := e.listPair(vm); ok {
				f.regs[base] = templates.Value{Tag: tagInt, Bits: uint64(i)}
				f.objs[base] = nil
				f.set(base+1, v)
				return true, true, nil
			}
		}
		if x.pair == nil {
			return false, false, nil
		}
		a, b, ok, err = x.pair(vm)
	case *dictIter:
		if x.kind != "items" {
			return false, false, nil
		}
		var e *dictSlot
		if e, err = x.step(); e != nil {
			a, b, ok = e.key(), e.val(), true
		}
	default:
		return false, false, nil
	}
	if ok {
		f.set(base, a)
		f.set(base+1, b)
	}
	return true, ok, err
}

// step is the next live entry of a dict iterator, nil at the end, with
// CPython's errors for a dict changed while iterated.
func (x *dictIter) step() (*dictSlot, error) {
	if x.d.Len() != x.n {
		x.n = -1 // stays broken, as CPython's iterator does
		return nil, newErr(RuntimeError, "dictionary changed size during iteration")
	}
	for x.i < len(x.d.entries) {
		e := &x.d.entries[x.i]
		x.i++
		if e.deleted() {
			continue
		}
		if x.left == 0 {
			x.i = math.MaxInt // exhausted from now on, as CPython's
			return nil, newErr(RuntimeError, "dictionary keys changed during iteration")
		}
		x.left--
		return e, nil
	}
	return nil, nil
}

// opContains is IN and NOT_IN: a set or dict container is asked directly.
func (vm *VM) opContains(f *frame, in *Instr) error {
	if f.regs[in.C].Tag == tagObject && f.regs[in.B].Tag != tagEmpty {
		var found bool
		var err error
		switch c := f.objs[in.C].(type) {
		case *Set:
			found, err = c.has(f.get(in.B))
		case *Dict:
			_, found, err = c.get(f.get(in.B))
		default:
			return vm.generic(f, in)
		}
		if err != nil {
			return err
		}
		f.regs[in.A] = templates.Value{Tag: tagBool, Bits: b2u(found == (in.Op == opIn))}
		return nil
	}
	return vm.generic(f, in)
}

// typeConv says which conversion a built-in type's typeObj makes.
type typeConv uint8

const (
	convNone typeConv = iota
	convList
	convTuple
)

// typeConvDirect is list(o) or tuple(o) (as conv says) when o is a tuple
// or list, made as the types' own functions make it; nil for any other
// argument, which takes the call. 8-puzzle searches do list(state) and
// tuple(cells) per move: the call's argument stack was a third of it.
func typeConvDirect(conv typeConv, o Object) Object {
	switch x := o.(type) {
	case *Tuple:
		if conv == convList {
			return newList(x.items)
		}
		return x
	case *List:
		if conv == convTuple {
			return tupleOfList(x)
		}
		return x.copyList()
	}
	return nil
}
