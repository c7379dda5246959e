package interp

import "strings"

// operator: the operators as functions, itemgetter, attrgetter and
// methodcaller.

func operatorModule(vm *VM) *Module {
	m := newModule("operator")
	bin := func(name string, f func(vm *VM, a, b Val) (Val, error)) {
		fn := func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs(name, args, kwn, 2); err != nil {
				return Val{}, err
			}
			return f(vm, args[0], args[1])
		}
		m.def(name, fn)
		if !strings.HasPrefix(name, "i") || name == "is_" || name == "is_not" || name == "index" {
			m.attrs["__"+strings.TrimSuffix(name, "_")+"__"] = m.attrs[name]
		}
	}
	un := func(name string, f func(vm *VM, a Val) (Val, error)) {
		m.def(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs(name, args, kwn, 1); err != nil {
				return Val{}, err
			}
			return f(vm, args[0])
		})
		m.attrs["__"+strings.TrimSuffix(name, "_")+"__"] = m.attrs[name]
	}
	for name, op := range map[string]Op{"add": opAdd, "sub": opSub, "mul": opMul, "truediv": opTrueDiv,
		"floordiv": opFloorDiv, "mod": opMod, "pow": opPow, "lshift": opLshift, "rshift": opRshift,
		"and_": opBitAnd, "or_": opBitOr, "xor": opBitXor, "matmul": opMatMul} {
		bin(name, func(vm *VM, a, b Val) (Val, error) { return vm.binop(op, a, b) })
		iname := "i" + strings.TrimSuffix(name, "_")
		bin(iname, func(vm *VM, a, b Val) (Val, error) {
			if r, ok, err := vm.inplaceOp(op, a, b); ok || err != nil {
				return r, err
			}
			return vm.binop(op, a, b)
		})
	}
	// concat and iconcat take a built-in sequence first, whose own + runs,
	// or two objects with __getitem__ (CPython's PySequence_Concat).
	builtinSeq := func(a Val) bool {
		switch a.O.(type) {
		case *Str, *List, *Tuple, *Bytes, *PyArray:
			return a.T == tagObject
		}
		return false
	}
	isSeq := func(a Val) bool {
		if inst, ok := a.O.(*Instance); ok {
			_, has := inst.cls.lookup("__getitem__")
			return has
		}
		return builtinSeq(a)
	}
	concatable := func(a, b Val) error {
		if builtinSeq(a) || isSeq(a) && isSeq(b) {
			return nil
		}
		return newErr(TypeError, "'%s' object can't be concatenated", typeName(a))
	}
	bin("concat", func(vm *VM, a, b Val) (Val, error) {
		if err := concatable(a, b); err != nil {
			return Val{}, err
		}
		return vm.binop(opAdd, a, b)
	})
	bin("iconcat", func(vm *VM, a, b Val) (Val, error) {
		if err := concatable(a, b); err != nil {
			return Val{}, err
		}
		if r, ok, err := vm.inplaceOp(opAdd, a, b); ok || err != nil {
			return r, err
		}
		return vm.binop(opAdd, a, b)
	})
	m.def("length_hint", operatorLengthHint)
	// call(obj, /, *args, **kwargs) is obj(*args, **kwargs) (3.11).
	m.def("call", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) == len(kwn) {
			return Val{}, newErr(TypeError, "call() missing 1 required positional argument: 'obj'")
		}
		return vm.call(args[0], args[1:], kwn)
	})
	m.attrs["__call__"] = m.attrs["call"]
	m.attrs["__iconcat__"] = m.attrs["iconcat"]
	for name, op := range map[string]Op{"lt": opLt, "le": opLe, "gt": opGt, "ge": opGe} {
		bin(name, func(vm *VM, a, b Val) (Val, error) {
			r, err := vm.compare(op, a, b)
			return BoolVal(r), err
		})
	}
	bin("eq", func(vm *VM, a, b Val) (Val, error) {
		r := vm.equal(a, b)
		return BoolVal(r), vm.takePending()
	})
	bin("ne", func(vm *VM, a, b Val) (Val, error) {
		r := vm.equal(a, b)
		return BoolVal(!r), vm.takePending()
	})
	bin("is_", func(vm *VM, a, b Val) (Val, error) { return vm.binopIs(a, b, true) })
	bin("is_not", func(vm *VM, a, b Val) (Val, error) { return vm.binopIs(a, b, false) })
	bin("contains", func(vm *VM, a, b Val) (Val, error) {
		r, err := vm.contains(a, b)
		return BoolVal(r), err
	})
	bin("getitem", func(vm *VM, a, b Val) (Val, error) { return vm.getItem(a, b) })
	bin("delitem", func(vm *VM, a, b Val) (Val, error) { return NoneVal, vm.delItem(a, b) })
	bin("countOf", func(vm *VM, a, b Val) (Val, error) {
		items, err := vm.iterate(a)
		n := 0
		for _, x := range items {
			if vm.equal(x, b) {
				n++
			}
		}
		return IntVal(int64(n)), err
	})
	bin("indexOf", func(vm *VM, a, b Val) (Val, error) {
		items, err := vm.iterate(a)
		if err != nil {
			return Val{}, err
		}
		for i, x := range items {
			if vm.equal(x, b) {
				return IntVal(int64(i)), nil
			}
		}
		return Val{}, newErr(ValueError, "sequence.index(x): x not in sequence")
	})
	m.def("setitem", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("setitem", args, kwn, 3); err != nil {
			return Val{}, err
		}
		return NoneVal, vm.setItem(args[0], args[1], args[2])
	})
	un("neg", func(vm *VM, a Val) (Val, error) { return vm.unary(opNeg, a) })
	un("pos", func(vm *VM, a Val) (Val, error) { return vm.unary(opPos, a) })
	un("invert", func(vm *VM, a Val) (Val, error) { return vm.unary(opInvert, a) })
	m.attrs["inv"] = m.attrs["invert"]
	un("not_", func(vm *VM, a Val) (Val, error) { return BoolVal(!truthy(a)), vm.takePending() })
	un("truth", func(vm *VM, a Val) (Val, error) { return BoolVal(truthy(a)), vm.takePending() })
	un("abs", func(vm *VM, a Val) (Val, error) { return vm.call(vm.bi["abs"], []Val{a}, nil) })
	un("index", func(vm *VM, a Val) (Val, error) {
		if !isIntLike(a) {
			return vm.callIndex(a)
		}
		return a, nil
	})
	m.def("itemgetter", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) == 0 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "itemgetter expected 1 argument, got 0")
		}
		keys := append([]Val(nil), args...)
		kind := &nativeKind{typ: "operator.itemgetter", repr: func(vm *VM) string { return callRepr(vm, "operator.itemgetter", keys, nil) }}
		return ObjVal(&Builtin{name: "operator.itemgetter", native: kind, fn: func(vm *VM, a []Val, k []string) (Val, error) {
			if err := exactArgs("itemgetter", a, k, 1); err != nil {
				return Val{}, err
			}
			if len(keys) == 1 {
				return vm.getItem(a[0], keys[0])
			}
			out := make([]Val, len(keys))
			for i, key := range keys {
				v, err := vm.getItem(a[0], key)
				if err != nil {
					return Val{}, err
				}
				out[i] = v
			}
			return tupleOf(out), nil
		}}), nil
	})
	m.def("attrgetter", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) == 0 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "attrgetter expected 1 argument, got 0")
		}
		var paths [][]string
		for _, a := range args {
			s, ok := a.O.(*Str)
			if !ok {
				return Val{}, newErr(TypeError, "attribute name must be a string")
			}
			paths = append(paths, strings.Split(s.s, "."))
		}
		get := func(vm *VM, v Val, path []string) (Val, error) {
			for _, n := range path {
				var err error
				if v, err = vm.getAttr(v, n); err != nil {
					return Val{}, err
				}
			}
			return v, nil
		}
		names := append([]Val(nil), args...)
		kind := &nativeKind{typ: "operator.attrgetter", repr: func(vm *VM) string { return callRepr(vm, "operator.attrgetter", names, nil) }}
		return ObjVal(&Builtin{name: "operator.attrgetter", native: kind, fn: func(vm *VM, a []Val, k []string) (Val, error) {
			if err := exactArgs("attrgetter", a, k, 1); err != nil {
				return Val{}, err
			}
			if len(paths) == 1 {
				return get(vm, a[0], paths[0])
			}
			out := make([]Val, len(paths))
			for i, p := range paths {
				v, err := get(vm, a[0], p)
				if err != nil {
					return Val{}, err
				}
				out[i] = v
			}
			return tupleOf(out), nil
		}}), nil
	})
	m.def("methodcaller", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, _ := splitKw(args, kwn)
		if len(pos) == 0 {
			return Val{}, newErr(TypeError, "methodcaller needs at least one argument, the method name")
		}
		name, ok := pos[0].O.(*Str)
		if !ok {
			return Val{}, newErr(TypeError, "method name must be a string")
		}
		rest := append([]Val(nil), args[1:]...)
		kn := append([]string(nil), kwn...)
		made := append([]Val{pos[0]}, rest...) // args is the caller's stack: copied
		kind := &nativeKind{typ: "operator.methodcaller", repr: func(vm *VM) string {
			return callRepr(vm, "operator.methodcaller", made, kn)
		}}
		return ObjVal(&Builtin{name: "operator.methodcaller", native: kind, fn: func(vm *VM, a []Val, k []string) (Val, error) {
			if err := exactArgs("methodcaller", a, k, 1); err != nil {
				return Val{}, err
			}
			f, err := vm.getAttr(a[0], name.s)
			if err != nil {
				return Val{}, err
			}
			return vm.call(f, append([]Val(nil), rest...), kn)
		}}), nil
	})
	return m
}

// binopIs is a is b (is not, when want is false).
func (vm *VM) binopIs(a, b Val, want bool) (Val, error) {
	same := a.T == b.T && a.B == b.B && a.O == b.O
	return BoolVal(same == want), nil
}

// callIndex is operator.index for a non-int: its __index__.
func (vm *VM) callIndex(a Val) (Val, error) {
	if r, found, err := vm.dunder(a, "__index__"); found {
		if err == nil && !isIntLike(r) {
			return Val{}, newErr(TypeError, "__index__ returned non-int (type %s)", typeName(r))
		}
		return r, err
	}
	return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(a))
}
