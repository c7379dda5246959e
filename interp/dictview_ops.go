package interp

// The set operators of dict.keys() and dict.items() views (-, &, |, ^),
// on either side, with any iterable on the other: the result is a set,
// built as CPython's dictobject.c builds it (dictviews_sub, _or, _xor,
// _PyDictView_Intersect) so that it iterates in the same order.

// setViewOperand reports whether v is a keys or items view: the views
// that are sets (a values view is not).
func setViewOperand(v Val) (*DictView, bool) {
	dv, ok := v.O.(*DictView)
	return dv, ok && v.T == tagObject && dv.kind != "values"
}

// dictViewSetOp is a OP b for op one of -, &, |, ^ where a or b is a keys
// or items view; ok is false when neither is.
func (vm *VM) dictViewSetOp(op Op, a, b Val) (r Val, ok bool, err error) {
	_, av := setViewOperand(a)
	_, bv := setViewOperand(b)
	if !av && !bv {
		return Val{}, false, nil
	}
	if op == opBitAnd {
		r, err = vm.dictViewIntersect(a, b)
		return r, true, err
	}
	// The left operand as a new set, then the right one applied to it
	// as set's in-place method would (any iterable).
	s, err := vm.setFrom(a)
	if err != nil {
		return Val{}, true, err
	}
	method := "symmetric_difference_update"
	switch op {
	case opSub:
		method = "difference_update"
	case opBitOr:
		method = "update"
	}
	if _, err := vm.setMethod(s, method, []Val{b}, nil); err != nil {
		return Val{}, true, err
	}
	return ObjVal(s), true, nil
}

// setFrom is set(v), a keys view read straight from its dict (CPython's
// dictviews_to_set sizes the set for the dict first).
func (vm *VM) setFrom(v Val) (*Set, error) {
	s := newSet()
	if dv, ok := v.O.(*DictView); ok && v.T == tagObject && dv.kind == "keys" {
		return s, s.update(dv.d, nil)
	}
	items, err := vm.iterate(v)
	if err != nil {
		return nil, err
	}
	return s, s.update(nil, items)
}

// dictViewIntersect is a & b with a view on one side: the view is "self";
// a set at least as large answers with its intersection method, else the
// smaller side's items are kept when the larger one holds them.
func (vm *VM) dictViewIntersect(a, b Val) (Val, error) {
	self, other := a, b
	if _, ok := setViewOperand(a); !ok {
		self, other = b, a
	}
	sv, _ := setViewOperand(self)
	if o, ok := other.O.(*Set); ok && other.T == tagObject && !o.frozen && sv.d.Len() <= o.Len() {
		return vm.setMethod(o, "intersection", []Val{self}, nil)
	}
	if ov, ok := setViewOperand(other); ok && ov.d.Len() > sv.d.Len() {
		self, other = other, self
	}
	items, err := vm.iterate(other)
	if err != nil {
		return Val{}, err
	}
	r := newSet()
	for _, it := range items {
		in, err := vm.contains(self, it)
		if err != nil {
			return Val{}, err
		}
		if in {
			if err := r.add(it); err != nil {
				return Val{}, err
			}
		}
	}
	return ObjVal(r), nil
}

// dictViewCompare is a == b (<, <=, >, >=) between a keys or items view and a
// set or another such view (CPython's dictview_richcompare: sizes, then
// whether every item of the smaller side is in the larger); ok is false
// for other operands.
func (vm *VM) dictViewCompare(op Op, a, b Val) (r, ok bool, err error) {
	_, av := setViewOperand(a)
	_, bv := setViewOperand(b)
	as, aset := a.O.(*Set)
	bs, bset := b.O.(*Set)
	if !(av || bv) || !(av || aset) || !(bv || bset) {
		return false, false, nil
	}
	size := func(v Val, s *Set) int {
		if s != nil {
			return s.Len()
		}
		return v.O.(*DictView).d.Len()
	}
	la, lb := size(a, as), size(b, bs)
	within := func(x, y Val) (bool, error) {
		items, err := vm.iterate(x)
		if err != nil {
			return false, err
		}
		for _, it := range items {
			if in, err := vm.contains(y, it); !in || err != nil {
				return false, err
			}
		}
		return true, nil
	}
	switch op {
	case opEq:
		if la != lb {
			return false, true, nil
		}
		r, err = within(a, b)
	case opLt, opLe:
		if la > lb || op == opLt && la == lb {
			return false, true, nil
		}
		r, err = within(a, b)
	case opGt, opGe:
		if la < lb || op == opGt && la == lb {
			return false, true, nil
		}
		r, err = within(b, a)
	default:
		return false, false, nil
	}
	return r, true, err
}

// registerDictViewMethods runs in methods_more.go's init, after
// extraMethods is made.
func registerDictViewMethods() {
	m := map[string]extraFn{"isdisjoint": dictViewIsDisjoint}
	extraMethods["dict_keys"] = m
	extraMethods["dict_items"] = m
}

// dictViewIsDisjoint is view.isdisjoint(iterable): whether no item of the
// iterable is in the view.
func dictViewIsDisjoint(vm *VM, self Val, args []Val, kwn []string) (Val, error) {
	if len(args) != 1 || len(kwn) > 0 {
		return Val{}, newErr(TypeError, "%s.isdisjoint() takes exactly one argument (%d given)", typeName(self), len(args)+len(kwn))
	}
	items, err := vm.iterate(args[0])
	if err != nil {
		return Val{}, err
	}
	for _, it := range items {
		if in, err := vm.contains(self, it); in || err != nil {
			return False, err
		}
	}
	return True, nil
}
