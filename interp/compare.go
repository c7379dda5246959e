package interp

import (
	"cmp"
	"math"
	"math/big"
	"strings"

	"github.com/copypatch/copypatch/templates"
)

// dictEqual is == of two dicts (apart from equal, whose many returns would
// keep the defer here from being open-coded).
func (vm *VM) dictEqual(x, y *Dict) bool {
	if x.Len() != y.Len() {
		return false
	}
	if x == y {
		return true
	}
	if !vm.enterNest(" in comparison") {
		return false
	}
	defer vm.leaveNest()
	for i := range x.entries {
		e := &x.entries[i]
		if e.deleted() {
			continue
		}
		v, in, err := y.get(e.key())
		if err != nil {
			// A key's __eq__ raised: == raises it (the error goes
			// where eqItem's go).
			vm.pending = err
			return false
		}
		if !in || !vm.eqItem(e.val(), v) {
			return false
		}
	}
	return true
}

// sameSelf is a is b for the objects methods are bound to.
func sameSelf(a, b Val) bool {
	if a.T == tagObject || b.T == tagObject {
		return a.T == b.T && a.O == b.O
	}
	return a.T == b.T && a.B == b.B
}

// noEq says x's class and its bases define no __eq__, so x == y is x is y
// for another such instance.
func noEq(x *Instance) bool {
	if x.cls == nil {
		return false
	}
	_, has := x.cls.lookupSpecial(spEq)
	return !has
}

// equal is Python ==.
func (vm *VM) equal(a, b Val) bool {
	if a.T != tagObject && b.T != tagObject {
		if a.T == tagFloat || b.T == tagFloat {
			if !isNumber(a) || !isNumber(b) {
				return false
			}
			// Exactly, as CPython: float(2**53) != 2**53 + 1, which
			// converts to float(2**53).
			c, ok := numCmp(a, b)
			return ok && c == 0
		}
		if a.T == tagNone || b.T == tagNone {
			return a.T == b.T
		}
		return a.B == b.B
	}
	if x, ok := a.O.(*Instance); ok && a.T == tagObject {
		if y, ok := b.O.(*Instance); ok && b.T == tagObject && noEq(x) && noEq(y) {
			// Neither class has an __eq__: what the dunder round below
			// would end in, without its look-ups and argument slices
			// (list.remove and `in` over plain objects).
			return x == y
		}
	}
	if eq, ok := complexEqual(a, b); ok {
		return eq
	}
	if (a.T != tagObject || b.T != tagObject) && !isInstanceVal(a) && !isInstanceVal(b) {
		if isIntLike(a) && isIntLike(b) {
			return false // one small, one big: never equal once normalised
		}
		if a.T == tagFloat || b.T == tagFloat {
			if isNumber(a) && isNumber(b) {
				x, _ := toBig(a)
				if x == nil {
					x, _ = toBig(b)
				}
				f := a.F()
				if b.T == tagFloat {
					f = b.F()
				}
				if math.IsInf(f, 0) || math.IsNaN(f) || f != math.Trunc(f) {
					return false
				}
				bf, _ := new(big.Float).SetFloat64(f).Int(nil)
				return bf.Cmp(x) == 0
			}
		}
		return false
	}
	if r, ok, err := vm.dictViewCompare(opEq, a, b); ok {
		if err != nil && vm.pending == nil {
			vm.pending = err
		}
		return r
	}
	switch x := a.O.(type) {
	case *Str:
		if y, ok := b.O.(*Str); ok {
			return x.s == y.s
		}
		// else a str subclass may still be equal (below)
	case *BoundMethod:
		// The same function bound to the same object (CPython compares
		// __self__ by identity and __func__ by ==).
		y, ok := b.O.(*BoundMethod)
		return ok && x.name == y.name && sameSelf(x.self, y.self)
	case *Method:
		y, ok := b.O.(*Method)
		return ok && sameSelf(x.self, y.self) && vm.equal(x.fn, y.fn)
	case *BigInt:
		if y, ok := b.O.(*BigInt); ok {
			return x.v.Cmp(&y.v) == 0
		}
		// else an instance may still be equal through its __eq__ (below),
		// as may one for the other containers (mock's ANY)
	case *List:
		if y, ok := b.O.(*List); ok {
			return vm.listEqual(x, y)
		}
	case *Tuple:
		if y, ok := b.O.(*Tuple); ok {
			return x == y || vm.seqEqual(x.items, y.items)
		}
		// else an instance may still be equal through its __eq__ (below)
	case *Dict:
		y, ok := b.O.(*Dict)
		if !ok {
			break
		}
		if x.ordered && y.ordered && !vm.sameOrder(x, y) {
			return false
		}
		if x.counter && y.counter && a.T == tagObject && b.T == tagObject {
			eq, err := vm.counterCompare(opEq, x, y)
			if err != nil && vm.pending == nil {
				vm.pending = err
			}
			return eq
		}
		return vm.dictEqual(x, y)
	case *Set:
		y, ok := b.O.(*Set)
		if !ok {
			break
		}
		if x.Len() != y.Len() {
			return false
		}
		for _, k := range x.keys() {
			if in, _ := y.has(k); !in {
				return false
			}
		}
		return true
	case *Range:
		y, ok := b.O.(*Range)
		return ok && rangeEqual(x, y)
	case *SliceObj:
		// Slices compare as the tuples (start, stop, step).
		y, ok := b.O.(*SliceObj)
		return ok && (x == y || vm.seqEqual([]Val{x.lo, x.hi, x.step}, []Val{y.lo, y.hi, y.step}))
	case *Bytes:
		return bytesEqual(x, b)
	case *PyArray:
		return arrayEqual(vm, x, b)
	case *rePattern:
		y, ok := b.O.(*rePattern)
		return ok && x.re.Pattern == y.re.Pattern && x.re.Flags == y.re.Flags
	case *MemoryView:
		eq, _, err := x.equal(vm, b)
		if err != nil && vm.pending == nil {
			vm.pending = err
		}
		return eq
	case *Instance:
		// b of a proper subclass of a's class: b.__eq__ first (CPython's
		// do_richcompare), and not again after a's.
		first := subclassOperand(a, b)
		if first {
			if r, found, err := vm.dunderID(b, spEq, a); found {
				if err != nil {
					vm.pending = err
					return false
				}
				if !isNotImplemented(r) {
					return truthy(r)
				}
			}
		}
		if r, found, err := vm.dunderID(a, spEq, b); found {
			if err != nil {
				vm.pending = err
				return false
			}
			if !isNotImplemented(r) {
				return truthy(r)
			}
		}
		if first {
			return a.O == b.O
		}
		if _, inst := b.O.(*Instance); !inst || b.T != tagObject {
			// Both __eq__ said NotImplemented: a built-in b compares
			// by its type's ==, which sees a subclass of its type as
			// its built-in value (class J(int): J(3) == 3 is True).
			if av, ok := builtinValue(a); ok && a.O != b.O {
				return vm.equal(b, av)
			}
		}
	}
	if _, ok := b.O.(*Instance); ok && a.O != b.O {
		if r, found, err := vm.dunderID(b, spEq, a); found {
			if err != nil {
				vm.pending = err
				return false
			}
			if !isNotImplemented(r) {
				return truthy(r)
			}
		}
		if _, inst := a.O.(*Instance); !inst || a.T != tagObject {
			if bv, ok := builtinValue(b); ok {
				return vm.equal(a, bv)
			}
		}
	}
	return a.O == b.O
}

// rangeEqual compares ranges as the sequences they are, as CPython does:
// range(3, 4) == range(3, 5, 7).
func rangeEqual(x, y *Range) bool {
	n := rangeLen(x)
	switch {
	case n != rangeLen(y):
		return false
	case n == 0:
		return true
	case n == 1:
		return x.start == y.start
	}
	return x.start == y.start && x.step == y.step
}

func (vm *VM) seqEqual(a, b []Val) bool {
	if len(a) != len(b) {
		return false
	}
	if !vm.enterNest(" in comparison") {
		return false
	}
	defer vm.leaveNest()
	for i := range a {
		if !vm.eqItem(a[i], b[i]) {
			return false
		}
	}
	return true
}

// less is Python < (for sorting and comparisons), with Python's TypeError.
func (vm *VM) compare(op Op, a, b Val) (bool, error) {
	if isNumber(a) && isNumber(b) {
		c, ok := numCmp(a, b)
		if !ok {
			return false, nil // NaN
		}
		return cmpResult(op, c), nil
	}
	switch x := a.O.(type) {
	case *Str:
		if y, ok := b.O.(*Str); ok {
			return cmpResult(op, strings.Compare(x.s, y.s)), nil
		}
	case *List:
		if y, ok := b.O.(*List); ok {
			return vm.seqCompare(op, x.items(), y.items())
		}
	case *Tuple:
		if y, ok := b.O.(*Tuple); ok {
			return vm.seqCompare(op, x.items, y.items)
		}
	case *SliceObj:
		if y, ok := b.O.(*SliceObj); ok {
			return vm.seqCompare(op, []Val{x.lo, x.hi, x.step}, []Val{y.lo, y.hi, y.step})
		}
	case *Bytes:
		if r, ok := bytesCompare(op, x, b); ok {
			return r, nil
		}
	case *Set:
		if y, ok := b.O.(*Set); ok {
			sub := func(p, q *Set) bool {
				for _, k := range p.keys() {
					if in, _ := q.has(k); !in {
						return false
					}
				}
				return true
			}
			switch op {
			case opLe:
				return sub(x, y), nil
			case opGe:
				return sub(y, x), nil
			case opLt:
				return sub(x, y) && x.Len() < y.Len(), nil
			case opGt:
				return sub(y, x) && x.Len() > y.Len(), nil
			}
		}
	}
	if r, ok, err := vm.dictViewCompare(op, a, b); ok {
		return r, err
	}
	if x, y, ok := counterPair(a, b); ok {
		return vm.counterCompare(op, x, y)
	}
	if ids := cmpSpecials[op]; ids[0] != spNone {
		first := subclassOperand(a, b)
		if first {
			if r, found, err := vm.dunderID(b, ids[1], a); found && (err != nil || !isNotImplemented(r)) {
				return truthy(r), err
			}
		}
		if r, found, err := vm.dunderID(a, ids[0], b); found && (err != nil || !isNotImplemented(r)) {
			return truthy(r), err
		}
		if !first {
			if r, found, err := vm.dunderID(b, ids[1], a); found && (err != nil || !isNotImplemented(r)) {
				return truthy(r), err
			}
		}
	}
	return false, newErr(TypeError, "'%s' not supported between instances of '%s' and '%s'", opSymbols[op], shownTypeName(a), shownTypeName(b))
}

func cmpResult(op Op, c int) bool {
	switch op {
	case opLt:
		return c < 0
	case opLe:
		return c <= 0
	case opGt:
		return c > 0
	case opGe:
		return c >= 0
	}
	return false
}

// numCmp compares two numbers exactly; ok is false when either is NaN.
func numCmp(a, b Val) (int, bool) {
	if (a.T == tagInt || a.T == tagBool) && (b.T == tagInt || b.T == tagBool) {
		x, y := int64(a.B), int64(b.B)
		switch {
		case x < y:
			return -1, true
		case x > y:
			return 1, true
		}
		return 0, true
	}
	if a.T == tagFloat && b.T == tagFloat {
		x, y := a.F(), b.F()
		switch {
		case x < y:
			return -1, true
		case x > y:
			return 1, true
		case x == y:
			return 0, true
		}
		return 0, false
	}
	if a.T == tagFloat || b.T == tagFloat {
		var f float64
		var other Val
		sign := 1
		if a.T == tagFloat {
			f, other = a.F(), b
		} else {
			f, other = b.F(), a
			sign = -1
		}
		if math.IsNaN(f) {
			return 0, false
		}
		if math.IsInf(f, 0) {
			if f > 0 {
				return sign, true
			}
			return -sign, true
		}
		if other.T == tagInt || other.T == tagBool {
			o := int64(other.B)
			if o > -1<<53 && o < 1<<53 {
				of := float64(o)
				switch {
				case f < of:
					return -sign, true
				case f > of:
					return sign, true
				}
				return 0, true
			}
		}
		ob, _ := toBig(other)
		fr := new(big.Rat)
		fr.SetFloat64(f)
		c := fr.Cmp(new(big.Rat).SetInt(ob))
		return c * sign, true
	}
	// A big int lies outside int64: its sign decides against a small one.
	if a.T != tagObject {
		if y, ok := b.O.(*BigInt); ok {
			return -y.v.Sign(), true
		}
	}
	if b.T != tagObject {
		if x, ok := a.O.(*BigInt); ok {
			return x.v.Sign(), true
		}
	}
	x, _ := toBig(a)
	y, _ := toBig(b)
	return x.Cmp(y), true
}

func (vm *VM) seqCompare(op Op, a, b []Val) (bool, error) {
	// Leading ints, strs and tuples of them (a heap entry's (priority,
	// count, item), a sort key's (-count, word)) are compared here: no
	// user code can run, so no nesting guard is needed.
	i := 0
	for ; i < len(a) && i < len(b); i++ {
		c, ok := plainOrder(&a[i], &b[i], 0)
		if !ok {
			break
		}
		if c != 0 {
			return cmpResult(op, c), nil
		}
	}
	if i == len(a) || i == len(b) {
		return cmpResult(op, len(a)-len(b)), nil
	}
	return vm.seqCompareFrom(op, a, b, i)
}

// plainOrderDepth bounds how deep plainOrder follows nested tuples before
// it leaves the rest to the general comparison.
const plainOrderDepth = 8

// plainOrder orders x and y (-1, 0, 1) when both are ints, both floats
// other than NaN, both strs, or both tuples whose items are such pairs,
// where == and < cannot run user code and agree with each other: a
// tuple's order is its first unequal items' order, as in CPython. ok is
// false for anything else (a NaN, unordered and unequal even to itself,
// included), which the caller compares in full.
func plainOrder(x, y *Val, depth int) (c int, ok bool) {
	if x.T == tagInt && y.T == tagInt {
		return cmp.Compare(int64(x.B), int64(y.B)), true
	}
	if x.T == tagFloat && y.T == tagFloat {
		f, g := x.F(), y.F()
		if f != f || g != g {
			return 0, false
		}
		return cmp.Compare(f, g), true
	}
	if x.T != tagObject || y.T != tagObject {
		return 0, false
	}
	switch a := x.O.(type) {
	case *Str:
		if b, isStr := y.O.(*Str); isStr {
			return strings.Compare(a.s, b.s), true
		}
	case *Tuple:
		if b, isTuple := y.O.(*Tuple); isTuple {
			return tupleOrder(a, b, depth)
		}
	}
	return 0, false
}

// tupleOrder is plainOrder of two tuples: their first unequal items'
// order, or their lengths'.
func tupleOrder(a, b *Tuple, depth int) (c int, ok bool) {
	if depth >= plainOrderDepth {
		return 0, false
	}
	n := min(len(a.items), len(b.items))
	for i := 0; i < n; i++ {
		p, q := &a.items[i], &b.items[i]
		if p.T == tagInt && q.T == tagInt {
			// ((priority, node) entries): the common item, inline.
			if p.B != q.B {
				return cmp.Compare(int64(p.B), int64(q.B)), true
			}
			continue
		}
		if c, ok := plainOrder(p, q, depth+1); !ok || c != 0 {
			return c, ok
		}
	}
	return cmp.Compare(len(a.items), len(b.items)), true
}

// seqCompareFrom is seqCompare from item i on.
func (vm *VM) seqCompareFrom(op Op, a, b []Val, i int) (bool, error) {
	if !vm.enterNest(" in comparison") {
		return false, vm.takePending()
	}
	defer vm.leaveNest()
	for ; i < len(a) && i < len(b); i++ {
		if !vm.eqItem(a[i], b[i]) {
			if vm.pending != nil {
				return false, vm.takePending()
			}
			return vm.compare(op, a[i], b[i])
		}
	}
	return cmpResult(op, len(a)-len(b)), nil
}

// contains is Python's `in`.
func (vm *VM) contains(container, item Val) (bool, error) {
	switch c := container.O.(type) {
	case *Str:
		s, ok := item.O.(*Str)
		if !ok {
			if bv, isSub := builtinValue(item); isSub && bv.isStr() {
				s, ok = bv.str(), true
			}
		}
		if !ok || item.T != tagObject {
			return false, newErr(TypeError, "'in <string>' requires string as left operand, not %s", typeName(item))
		}
		return strings.Contains(c.s, s.s), nil
	case *List:
		if c.objs == nil && (item.T == tagInt || item.T == tagFloat || item.T == tagBool) {
			// Numbers only: compare without building Vals.
			for _, r := range c.vals {
				if r == (templates.Value{Tag: item.T, Bits: item.B}) || vm.equal(Val{T: r.Tag, B: r.Bits}, item) {
					return true, nil
				}
			}
			return false, nil
		}
		for i := 0; i < c.Len(); i++ {
			if eq, err := vm.eqItemErr(c.at(i), item); eq || err != nil {
				return eq, err
			}
		}
		return false, nil
	case *Tuple:
		for _, x := range c.items {
			if eq, err := vm.eqItemErr(x, item); eq || err != nil {
				return eq, err
			}
		}
		return false, nil
	case *Dict:
		_, ok, err := c.get(item)
		return ok, err
	case *Set:
		return c.has(item)
	case *Bytes:
		return vm.bytesContains(c, item)
	case *DictView:
		if c.kind == "keys" {
			_, ok, err := c.d.get(item)
			return ok, err
		}
		for _, x := range c.items() {
			if eq, err := vm.eqItemErr(x, item); eq || err != nil {
				return eq, err
			}
		}
		return false, nil
	case *Range:
		i, err := vm.rangeFind(c, item)
		return i >= 0, err
	case *BigRange:
		// An int is tested by arithmetic, as range_contains_long does
		// (a scan of range(10**20) would never end); other items are
		// compared one by one below.
		if x, ok := toBig(item); ok {
			return c.holds(x), nil
		}
	}
	if r, found, err := vm.dunder(container, "__contains__", item); found {
		return truthy(r), err
	}
	// No __contains__: the items __iter__ (or the old __getitem__
	// protocol) gives, as CPython searches them.
	if container.T == tagObject {
		it, err := vm.iter(container)
		if err == nil {
			for {
				x, ok, err := vm.next(it)
				if err != nil || !ok {
					return false, err
				}
				if eq, err := vm.eqItemErr(x, item); eq || err != nil {
					return eq, err
				}
			}
		}
		if pe := toPyErr(err); pe == nil || !pe.exc.typ.isSub(TypeError) {
			return false, err
		}
	}
	return false, newErr(TypeError, "argument of type '%s' is not a container or iterable", typeName(container))
}
