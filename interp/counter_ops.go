package interp

// Counter arithmetic: c + d, c - d, c | d and c & d keep only positive
// counts, in the order CPython's Counter builds them (the left operand's
// elements first, then the right's new ones).

func (vm *VM) counterOp(op Op, x, y *Dict) (Val, error) {
	r := newDict()
	r.counter = true
	pos := func(k, n Val) error {
		if gt, err := vm.compare(opGt, n, IntVal(0)); err != nil || !gt {
			return err
		}
		return r.set(k, n)
	}
	for _, e := range x.live() {
		other, ok, err := y.get(e.k)
		if err != nil {
			return Val{}, err
		}
		if !ok {
			other = IntVal(0)
		}
		var n Val
		switch op {
		case opAdd:
			n, err = vm.binop(opAdd, e.v, other)
		case opSub:
			n, err = vm.binop(opSub, e.v, other)
		case opBitOr, opBitAnd:
			lt, cerr := vm.compare(opLt, e.v, other)
			n, err = e.v, cerr
			if lt == (op == opBitOr) {
				n = other
			}
		}
		if err != nil {
			return Val{}, err
		}
		if err := pos(e.k, n); err != nil {
			return Val{}, err
		}
	}
	if op == opBitAnd {
		return ObjVal(r), nil
	}
	for _, e := range y.live() {
		if _, ok, err := x.get(e.k); ok || err != nil {
			if err != nil {
				return Val{}, err
			}
			continue
		}
		n := e.v
		if op == opSub {
			var err error
			if n, err = vm.binop(opSub, IntVal(0), e.v); err != nil {
				return Val{}, err
			}
		}
		if err := pos(e.k, n); err != nil {
			return Val{}, err
		}
	}
	return ObjVal(r), nil
}

// counterOperands says whether a op b is Counter arithmetic.
func counterOperands(op Op, a, b Val) (*Dict, *Dict, bool) {
	if op != opAdd && op != opSub && op != opBitOr && op != opBitAnd {
		return nil, nil, false
	}
	return counterPair(a, b)
}

// counterAdjust is Counter.update and Counter.subtract: counts from an
// iterable or a mapping, and from keyword arguments, added or taken away.
func (vm *VM) counterAdjust(d *Dict, name string, args []Val, kwn []string) (Val, error) {
	pos, kw := args[:len(args)-len(kwn)], args[len(args)-len(kwn):]
	if len(pos) > 1 {
		return Val{}, newErr(TypeError, "expected at most 1 argument, got %d", len(pos))
	}
	var srcs []Val
	if len(pos) == 1 {
		srcs = append(srcs, pos[0])
	}
	if len(kw) > 0 {
		kd := newDict()
		for i, k := range kwn {
			kd.set(StrVal(k), kw[i])
		}
		srcs = append(srcs, ObjVal(kd))
	}
	for _, src := range srcs {
		if name == "update" {
			if err := vm.counterUpdate(d, src); err != nil {
				return Val{}, err
			}
			continue
		}
		var es []dictEntry
		if s, ok := src.O.(*Dict); ok && src.T == tagObject {
			es = s.live()
		} else {
			items, err := vm.iterate(src)
			if err != nil {
				return Val{}, err
			}
			for _, x := range items {
				es = append(es, dictEntry{k: x, v: IntVal(1)})
			}
		}
		for _, e := range es {
			cur, ok, err := d.get(e.k)
			if err != nil {
				return Val{}, err
			}
			if !ok {
				cur = IntVal(0)
			}
			n, err := vm.binop(opSub, cur, e.v)
			if err != nil {
				return Val{}, err
			}
			if err := d.set(e.k, n); err != nil {
				return Val{}, err
			}
		}
	}
	return NoneVal, nil
}

// counterUnary is +c (the positive counts) and -c (the negative ones,
// negated).
func (vm *VM) counterUnary(neg bool, x *Dict) (Val, error) {
	r := newDict()
	r.counter = true
	for _, e := range x.live() {
		n := e.v
		if neg {
			var err error
			if n, err = vm.binop(opSub, IntVal(0), n); err != nil {
				return Val{}, err
			}
		}
		if gt, err := vm.compare(opGt, n, IntVal(0)); err != nil {
			return Val{}, err
		} else if gt {
			r.set(e.k, n)
		}
	}
	return ObjVal(r), nil
}

// counterCompare is Counter's rich comparison (3.10+): two Counters
// compare as multisets, a missing element counting as zero, so
// Counter(a=0) == Counter(); < and > also need the two to differ.
func (vm *VM) counterCompare(op Op, x, y *Dict) (bool, error) {
	// each: x[e] cmp y[e] for every element e of either.
	each := func(cmp Op) (bool, error) {
		for i, d := range [2]*Dict{x, y} {
			for _, e := range d.live() {
				other, ok, err := [2]*Dict{y, x}[i].get(e.k)
				if err != nil {
					return false, err
				}
				if !ok {
					other = IntVal(0)
				}
				l, r := e.v, other
				if i == 1 {
					l, r = other, e.v
				}
				var holds bool
				if cmp == opEq {
					holds = vm.equal(l, r)
					err = vm.takePending()
				} else {
					holds, err = vm.compare(cmp, l, r)
				}
				if err != nil || !holds {
					return false, err
				}
			}
		}
		return true, nil
	}
	switch op {
	case opEq:
		return each(opEq)
	case opNe:
		eq, err := each(opEq)
		return !eq, err
	case opLe, opGe:
		return each(op)
	}
	// opLt, opGt: the non-strict form and not equal.
	le, err := each(map[Op]Op{opLt: opLe, opGt: opGe}[op])
	if err != nil || !le {
		return false, err
	}
	eq, err := each(opEq)
	return !eq, err
}

// counterPair reports whether a and b are both Counters (not instances
// of subclasses, which go through their class's methods).
func counterPair(a, b Val) (*Dict, *Dict, bool) {
	x, ok := a.O.(*Dict)
	if !ok || !x.counter || a.T != tagObject {
		return nil, nil, false
	}
	y, ok := b.O.(*Dict)
	if !ok || !y.counter || b.T != tagObject {
		return nil, nil, false
	}
	return x, y, true
}
