package interp

import "math/big"

// __length_hint__ of the built-in iterators and operator.length_hint:
// how many items an iterator has left, which code sizing a buffer asks
// (PEP 424).

// iterLengthHint is the number of items built-in iterator o has left;
// false for an object that is none of them.
func iterLengthHint(o Object) (int64, bool) {
	switch x := o.(type) {
	case *listIter:
		return max(int64(x.l.Len())-int64(x.i), 0), true
	case *seqIter:
		return max(int64(len(x.items))-int64(x.i), 0), true
	case *strIter:
		return max(int64(x.s.length())-int64(x.i), 0), true
	case *rangeIter:
		switch {
		case x.step > 0 && x.i < x.stop:
			return (x.stop - x.i + x.step - 1) / x.step, true
		case x.step < 0 && x.i > x.stop:
			return (x.i - x.stop - x.step - 1) / -x.step, true
		}
		return 0, true
	case *bigRangeIter:
		span := new(big.Int).Sub(x.stop, x.i)
		step := new(big.Int).Set(x.step)
		if step.Sign() < 0 {
			span.Neg(span)
			step.Neg(step)
		}
		if span.Sign() <= 0 {
			return 0, true
		}
		span.Add(span, step).Sub(span, big.NewInt(1)).Quo(span, step)
		if !span.IsInt64() {
			return 0, false // CPython's overflows too
		}
		return span.Int64(), true
	case *dictIter:
		// A dict changed in size, or an exhausted iterator, has none left.
		if x.n != x.d.Len() || x.i >= len(x.d.entries) {
			return 0, true
		}
		return int64(x.left), true
	case *funcIter:
		if x.left == nil {
			return 0, false
		}
		return x.left(), true
	case *setIter:
		if x.n != x.s.used {
			return 0, true
		}
		n := int64(0)
		for i := x.i; i < len(x.s.table); i++ {
			if x.s.table[i].live() {
				n++
			}
		}
		return n, true
	}
	return 0, false
}

// lengthHintMethod is o.__length_hint__ for a built-in iterator o.
func lengthHintMethod(o Val) (Val, bool) {
	if _, ok := iterLengthHint(o.O); !ok {
		return Val{}, false
	}
	return ObjVal(&Builtin{name: "__length_hint__", bound: o, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("__length_hint__", args, kwn, 0); err != nil {
			return Val{}, err
		}
		n, _ := iterLengthHint(o.O)
		return IntVal(n), nil
	}}), true
}

// operatorLengthHint is operator.length_hint(obj, default=0): len(obj)
// if it has one, else obj.__length_hint__() unless that is missing or
// returns NotImplemented, else default.
func operatorLengthHint(vm *VM, args []Val, kwn []string) (Val, error) {
	if err := noKw("length_hint", kwn); err != nil {
		return Val{}, err
	}
	if err := nargs("length_hint", args, 1, 2); err != nil {
		return Val{}, err
	}
	def := IntVal(0)
	if len(args) == 2 {
		def = args[1]
		if def.T != tagInt && def.T != tagBool {
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(def))
		}
	}
	o := args[0]
	n, err := vm.length(o)
	if err == nil {
		return IntVal(int64(n)), nil
	}
	if pe, ok := err.(*PyErr); !ok || !pe.exc.typ.isSub(TypeError) {
		return Val{}, err
	}
	if h, ok := iterLengthHint(o.O); ok {
		return IntVal(h), nil
	}
	r, found, err := vm.dunder(o, "__length_hint__")
	if !found {
		return def, nil
	}
	if err != nil {
		return Val{}, err
	}
	if isNotImplemented(r) {
		return def, nil
	}
	if r.T != tagInt && r.T != tagBool {
		return Val{}, newErr(TypeError, "__length_hint__ must be an integer, not %s", typeName(r))
	}
	if int64(r.B) < 0 {
		return Val{}, newErr(ValueError, "__length_hint__() should return >= 0")
	}
	return r, nil
}
