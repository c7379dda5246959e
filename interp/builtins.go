package interp

import (
	"math"
	"math/big"
	"reflect"
	"strings"
	"unsafe"
)

// typeObj is a built-in type used as a constructor and in isinstance.
type typeObj struct {
	name string
	fn   func(vm *VM, args []Val, kwn []string) (Val, error)
	// module qualifies the name in repr (collections.defaultdict).
	module string
	// consumes: called with one iterable, it iterates it and keeps no
	// reference to it (list, set ...: gen_reuse.go).
	consumes bool
	// reversed marks the built-in reversed (fresh_reversed.go).
	reversed bool
	// enumerate marks the built-in enumerate (loop_enumerate.go).
	enumerate bool
	// isSet marks the built-in set, which opCall makes directly from
	// nothing or a set.
	isSet bool
	// attrs are the type's own attributes (itertools.chain.from_iterable).
	attrs map[string]Val
	// conv marks the built-in list and tuple types, which opCall converts
	// a tuple or list with directly (typeConvDirect).
	conv typeConv
}

func (*typeObj) typeName() string { return "type" }

func (t *typeObj) call(vm *VM, args []Val, kwn []string) (Val, error) { return t.fn(vm, args, kwn) }

func noKw(name string, kwn []string) error {
	if len(kwn) > 0 {
		return newErr(TypeError, "%s() takes no keyword arguments", name)
	}
	return nil
}

func nargs(name string, args []Val, lo, hi int) error {
	n := len(args)
	if n >= lo && n <= hi {
		return nil
	}
	if lo == hi {
		if lo == 1 {
			return newErr(TypeError, "%s() takes exactly one argument (%d given)", name, n)
		}
		return newErr(TypeError, "%s expected %d arguments, got %d", name, lo, n)
	}
	if n < lo {
		return newErr(TypeError, "%s expected at least %d argument%s, got %d", name, lo, plural(lo), n)
	}
	return newErr(TypeError, "%s expected at most %d argument%s, got %d", name, hi, plural(hi), n)
}

// splitKw separates positional args from keyword args.
func splitKw(args []Val, kwn []string) ([]Val, map[string]Val) {
	if len(kwn) == 0 {
		return args, nil
	}
	n := len(args) - len(kwn)
	kw := map[string]Val{}
	for i, k := range kwn {
		kw[k] = args[n+i]
	}
	return args[:n], kw
}

func (vm *VM) builtins() map[string]Val {
	b := map[string]Val{}
	fn := func(name string, f func(vm *VM, args []Val, kwn []string) (Val, error)) {
		b[name] = ObjVal(&Builtin{name: name, fn: f})
	}
	ty := func(name string, f func(vm *VM, args []Val, kwn []string) (Val, error)) {
		b[name] = ObjVal(&typeObj{name: name, fn: f})
	}
	// The builtins module's own names: code exec runs over a dict without
	// __name__ (and the functions it defines) reads builtins' name.
	b["__name__"] = StrVal("builtins")
	b["__package__"] = StrVal("")
	fn("print", biPrint)
	fn("len", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := noKw("len", kwn); err != nil {
			return Val{}, err
		}
		if err := nargs("len", args, 1, 1); err != nil {
			return Val{}, err
		}
		n, err := vm.length(args[0])
		return IntVal(int64(n)), err
	})
	b["len"].O.(*Builtin).isLen = true
	ty("range", biRange)
	ty("int", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		for k := range kw {
			if k != "base" {
				return Val{}, newErr(TypeError, "'%s' is an invalid keyword argument for int()", k)
			}
		}
		if len(args) > 2 {
			return Val{}, newErr(TypeError, "int() takes at most 2 arguments (%d given)", len(args))
		}
		if len(pos) == 0 && len(kw) > 0 {
			return Val{}, newErr(TypeError, "int() missing string argument")
		}
		if len(pos) == 2 && len(kw) > 0 {
			return Val{}, newErr(TypeError, "argument for int() given by name ('base') and position (2)")
		}
		return biInt(vm, args, kwn)
	})
	ty("float", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := noKw("float", kwn); err != nil {
			return Val{}, err
		}
		if len(args) > 1 {
			return Val{}, newErr(TypeError, "float expected at most 1 argument, got %d", len(args))
		}
		return biFloat(vm, args, kwn)
	})
	ty("str", biStr)
	ty("bool", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := noKw("bool", kwn); err != nil {
			return Val{}, err
		}
		if len(args) > 1 {
			return Val{}, newErr(TypeError, "bool expected at most 1 argument, got %d", len(args))
		}
		if len(args) == 0 {
			return False, nil
		}
		return BoolVal(truthy(args[0])), nil
	})
	ty("list", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := noKw("list", kwn); err != nil {
			return Val{}, err
		}
		if len(args) > 1 {
			return Val{}, newErr(TypeError, "list expected at most 1 argument, got %d", len(args))
		}
		if len(args) == 0 {
			return ObjVal(newList(nil)), nil
		}
		if r, ok := args[0].O.(*Range); ok && args[0].T == tagObject {
			return rangeList(r)
		}
		if args[0].T == tagObject && !vm.threaded() {
			switch x := args[0].O.(type) {
			case *Tuple:
				return ObjVal(newList(x.items)), nil // newList copies
			case *List:
				return ObjVal(x.copyList()), nil
			}
		}
		if it, hinted, err := vm.iterHinted(args[0]); hinted || err != nil {
			if err != nil {
				return Val{}, err
			}
			args = []Val{it}
		}
		items, err := vm.iterate(args[0])
		if _, ok := args[0].O.(*Tuple); ok {
			items = append([]Val(nil), items...)
		}
		return ObjVal(newList(items)), err
	})
	b["list"].O.(*typeObj).conv = convList
	ty("tuple", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := noKw("tuple", kwn); err != nil {
			return Val{}, err
		}
		if len(args) > 1 {
			return Val{}, newErr(TypeError, "tuple expected at most 1 argument, got %d", len(args))
		}
		if len(args) == 0 {
			return ObjVal(emptyTuple), nil
		}
		switch x := args[0].O.(type) {
		case *Tuple:
			return ObjVal(x), nil
		case *List:
			if args[0].T == tagObject {
				return ObjVal(tupleOfList(x)), nil
			}
		}
		if it, hinted, err := vm.iterHinted(args[0]); hinted || err != nil {
			if err != nil {
				return Val{}, err
			}
			args = []Val{it}
		}
		items, err := vm.iterate(args[0])
		return ObjVal(&Tuple{items: items}), err
	})
	b["tuple"].O.(*typeObj).conv = convTuple
	ty("set", biSet)
	ty("frozenset", biFrozenset)
	ty("dict", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		d := newDict()
		if len(pos) > 0 {
			if err := vm.mergeArg(d, pos[0]); err != nil {
				return Val{}, err
			}
		}
		for _, k := range kwn {
			d.set(StrVal(k), kw[k])
		}
		return ObjVal(d), nil
	})
	fn("repr", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("repr", args, 1, 1); err != nil {
			return Val{}, err
		}
		return StrVal(vm.repr(args[0])), nil
	})
	fn("ascii", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("ascii", args, 1, 1); err != nil {
			return Val{}, err
		}
		return StrVal(asciiRepr(vm.repr(args[0]))), nil
	})
	fn("abs", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("abs", args, 1, 1); err != nil {
			return Val{}, err
		}
		a := args[0]
		switch a.T {
		case tagFloat:
			return FloatVal(math.Abs(a.F())), nil
		case tagInt, tagBool:
			if int64(a.B) < 0 {
				return vm.unary(opNeg, a)
			}
			return IntVal(int64(a.B)), nil
		}
		if x, ok := a.O.(*BigInt); ok {
			return normBig(new(big.Int).Abs(&x.v)), nil
		}
		if r, found, err := vm.dunder(a, "__abs__"); found {
			return r, err
		}
		return Val{}, newErr(TypeError, "bad operand type for abs(): '%s'", typeName(a))
	})
	fn("min", func(vm *VM, args []Val, kwn []string) (Val, error) { return vm.minmax("min", opLt, args, kwn) })
	fn("max", func(vm *VM, args []Val, kwn []string) (Val, error) { return vm.minmax("max", opGt, args, kwn) })
	fn("sum", biSum)
	fn("sorted", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if len(pos) != 1 {
			return Val{}, newErr(TypeError, "sorted expected 1 argument, got %d", len(pos))
		}
		if len(kw) == 0 {
			if l, ok := vm.sortedInts(pos[0]); ok {
				return ObjVal(l), nil
			}
		}
		items, err := vm.iterate(pos[0])
		if err != nil {
			return Val{}, err
		}
		if _, ok := pos[0].O.(*Tuple); ok {
			items = append([]Val(nil), items...)
		}
		l := newList(items)
		if err := vm.sortList(l, kw); err != nil {
			return Val{}, err
		}
		return ObjVal(l), nil
	})
	ty("reversed", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("reversed", args, 1, 1); err != nil {
			return Val{}, err
		}
		if l, ok := args[0].O.(*List); ok && args[0].T == tagObject && !l.deque {
			// Lazy, as CPython's list_reverseiterator: no copy.
			i := l.Len() - 1
			return ObjVal(&funcIter{name: "list_reverseiterator", next: func(vm *VM) (Val, bool, error) {
				if i < 0 || i >= l.Len() {
					i = -1
					return Val{}, false, nil
				}
				i--
				return l.at(i + 1), true, nil
			}, left: func() int64 {
				if i < 0 || i >= l.Len() {
					return 0
				}
				return int64(i + 1)
			}}), nil
		}
		// CPython reverses sequences and objects with __reversed__ only;
		// a class setting __reversed__ = None (as Mapping does) opts out.
		notReversible := newErr(TypeError, "'%s' object is not reversible", typeName(args[0]))
		if inst, ok := args[0].O.(*Instance); ok && args[0].T == tagObject {
			if m, ok := inst.cls.lookup("__reversed__"); ok && m.T == tagNone {
				return Val{}, notReversible
			}
			if r, found, err := vm.dunder(args[0], "__reversed__"); found {
				return r, err
			}
		}
		switch typeName(args[0]) {
		case "set", "frozenset", "generator", "map", "filter", "zip", "enumerate":
			return Val{}, notReversible
		}
		items, err := vm.iterate(args[0])
		if err != nil {
			if pe, ok := err.(*PyErr); ok && pe.exc.typ == TypeError && excStr(vm, pe.exc) == "'"+typeName(args[0])+"' object is not iterable" {
				return Val{}, notReversible
			}
			return Val{}, err
		}
		out := make([]Val, len(items))
		for i, x := range items {
			out[len(items)-1-i] = x
		}
		return ObjVal(&seqIter{items: out, name: "reversed"}), nil
	})
	b["reversed"].O.(*typeObj).reversed = true
	ty("enumerate", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if len(pos) < 1 {
			return Val{}, newErr(TypeError, "enumerate() missing required argument 'iterable'")
		}
		it, err := vm.iter(pos[0])
		if err != nil {
			return Val{}, err
		}
		n := int64(0)
		startArg, given := kw["start"]
		if len(pos) > 1 {
			startArg, given = pos[1], true
		}
		if given {
			if startArg.T != tagInt && startArg.T != tagBool || int64(startArg.B) > math.MaxInt64/2 {
				// Counted in a big.Int: the count may pass 64 bits.
				return vm.enumerateFrom(it, startArg)
			}
			n = int64(startArg.B)
		}
		pair := func(vm *VM) (Val, Val, bool, error) {
			x, ok, err := vm.next(it)
			if !ok || err != nil {
				return Val{}, Val{}, false, err
			}
			n++
			return IntVal(n - 1), x, true, nil
		}
		return enumerateIter(pair), nil
	})
	b["enumerate"].O.(*typeObj).enumerate = true
	b["set"].O.(*typeObj).isSet = true
	ty("zip", func(vm *VM, args []Val, kwn []string) (Val, error) {
		args, kw := splitKw(args, kwn)
		strict := false
		for k, v := range kw {
			if k != "strict" {
				return Val{}, newErr(TypeError, "zip() got an unexpected keyword argument '%s'", k)
			}
			t, err := vm.truth(v)
			if err != nil {
				return Val{}, err
			}
			strict = t
		}
		its, err := vm.iters(args)
		if err != nil {
			return Val{}, err
		}
		if strict {
			return ObjVal(strictZip(its)), nil
		}
		z := &funcIter{name: "zip", next: func(vm *VM) (Val, bool, error) {
			if len(its) == 0 {
				return Val{}, false, nil
			}
			t := newTuple(len(its))
			for j, it := range its {
				// A list's iterator steps here as nextItem steps
				// it: zip(*rows) makes no call per item.
				if li, isList := it.(*listIter); isList && !vm.threaded() {
					if li.i >= li.l.Len() {
						li.exhaust()
						return Val{}, false, nil
					}
					t.items[j] = li.l.at(li.i)
					li.i++
					continue
				}
				x, ok, err := vm.next(it)
				if !ok || err != nil {
					return Val{}, false, err
				}
				t.items[j] = x
			}
			return ObjVal(t), true, nil
		}}
		if len(its) == 2 {
			z.pair = func(vm *VM) (Val, Val, bool, error) {
				a, ok, err := vm.next(its[0])
				if !ok || err != nil {
					return Val{}, Val{}, false, err
				}
				b, ok, err := vm.next(its[1])
				return a, b, ok, err
			}
		}
		return ObjVal(z), nil
	})
	ty("map", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) < 2 {
			return Val{}, newErr(TypeError, "map() must have at least two arguments.")
		}
		f := args[0]
		its, err := vm.iters(args[1:])
		if err != nil {
			return Val{}, err
		}
		return ObjVal(&funcIter{name: "map", next: func(vm *VM) (Val, bool, error) {
			// The arguments on the VM's argument stack, as CALL passes
			// them: no allocation per item.
			cargs := vm.pushArgs(len(its))
			for j, it := range its {
				x, ok, err := vm.next(it)
				if !ok || err != nil {
					vm.popArgs(len(its))
					return Val{}, false, err
				}
				cargs[j] = x
			}
			v, err := vm.call(f, cargs, nil)
			vm.popArgs(len(its))
			return v, err == nil, err
		}}), nil
	})
	ty("filter", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("filter", args, 2, 2); err != nil {
			return Val{}, err
		}
		f := args[0]
		it, err := vm.iter(args[1])
		if err != nil {
			return Val{}, err
		}
		return ObjVal(&funcIter{name: "filter", next: func(vm *VM) (Val, bool, error) {
			for {
				x, ok, err := vm.next(it)
				if !ok || err != nil {
					return Val{}, false, err
				}
				keep := truthy(x)
				if f.T != tagNone {
					cargs := vm.pushArgs(1)
					cargs[0] = x
					v, err := vm.call(f, cargs, nil)
					vm.popArgs(1)
					if err != nil {
						return Val{}, false, err
					}
					keep = truthy(v)
				}
				if keep {
					return x, true, nil
				}
			}
		}}), nil
	})
	fn("any", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("any", args, 1, 1); err != nil {
			return Val{}, err
		}
		found, err := vm.findTruth(args[0], true)
		return BoolVal(found), err
	})
	fn("all", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("all", args, 1, 1); err != nil {
			return Val{}, err
		}
		found, err := vm.findTruth(args[0], false)
		return BoolVal(!found), err
	})
	fn("round", biRound)
	fn("divmod", biDivmod)
	fn("pow", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(kwn) > 0 {
			a, err := kwArgs("pow", args, kwn, []string{"base", "exp", "mod"}, 2)
			if err != nil {
				return Val{}, err
			}
			args = a[:2]
			if a[2].T != tagEmpty {
				args = a
			}
		}
		switch {
		case len(args) > 3:
			return Val{}, newErr(TypeError, "pow() takes at most 3 arguments (%d given)", len(args))
		case len(args) == 1:
			return Val{}, newErr(TypeError, "pow() missing required argument 'exp' (pos 2)")
		case len(args) == 0:
			return Val{}, newErr(TypeError, "pow() missing required argument 'base' (pos 1)")
		}
		if len(args) == 3 && args[2].T == tagNone {
			args = args[:2] // pow(b, e, None) is b ** e
		}
		if len(args) == 3 {
			for i, a := range args {
				if bv, ok := builtinValue(a); ok && isIntLike(bv) {
					// An int subclass's value (IntEnum): int.__pow__.
					args = append([]Val(nil), args...)
					args[i] = bv
				}
			}
			if r, ok := powMod64(args[0], args[1], args[2]); ok {
				return IntVal(r), nil
			}
			a, ok1 := toBig(args[0])
			e, ok2 := toBig(args[1])
			m, ok3 := toBig(args[2])
			if !ok1 || !ok2 || !ok3 {
				if !isNumber(args[0]) || !isNumber(args[1]) || !isNumber(args[2]) {
					return Val{}, newErr(TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", typeName(args[0]), typeName(args[1]), typeName(args[2]))
				}
				return Val{}, newErr(TypeError, "pow() 3rd argument not allowed unless all arguments are integers")
			}
			if m.Sign() == 0 {
				return Val{}, newErr(ValueError, "pow() 3rd argument cannot be 0")
			}
			// Go inverts a negative base wrongly: reduce it first.
			r := new(big.Int).Exp(new(big.Int).Mod(a, new(big.Int).Abs(m)), e, m)
			if r == nil {
				return Val{}, newErr(ValueError, "base is not invertible for the given modulus")
			}
			if r.Sign() != 0 && m.Sign() < 0 {
				r.Add(r, m)
			}
			return normBig(r), nil
		}
		return vm.binop(opPow, args[0], args[1])
	})
	fn("ord", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("ord", args, 1, 1); err != nil {
			return Val{}, err
		}
		s, ok := args[0].O.(*Str)
		if !ok || args[0].T != tagObject {
			return Val{}, newErr(TypeError, "ord() expected string of length 1, but %s found", typeName(args[0]))
		}
		if s.length() != 1 {
			return Val{}, newErr(TypeError, "ord() expected a character, but string of length %d found", s.length())
		}
		r := []rune(s.s)
		return IntVal(int64(r[0])), nil
	})
	fn("chr", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("chr", args, 1, 1); err != nil {
			return Val{}, err
		}
		n, err := vm.clampedIntArg(args[0])
		if err != nil {
			return Val{}, err
		}
		if n < 0 || n > 0x10ffff {
			return Val{}, newErr(ValueError, "chr() arg not in range(0x110000)")
		}
		return StrVal(string(rune(n))), nil
	})
	fn("hex", func(vm *VM, args []Val, kwn []string) (Val, error) { return intBase(args, 16, "0x") })
	fn("oct", func(vm *VM, args []Val, kwn []string) (Val, error) { return intBase(args, 8, "0o") })
	fn("bin", func(vm *VM, args []Val, kwn []string) (Val, error) { return intBase(args, 2, "0b") })
	fn("isinstance", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("isinstance", args, 2, 2); err != nil {
			return Val{}, err
		}
		return vm.isinstance(args[0], args[1])
	})
	b["isinstance"].O.(*Builtin).isInstance = true
	fn("issubclass", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("issubclass", args, 2, 2); err != nil {
			return Val{}, err
		}
		switch args[0].O.(type) {
		case *Class, *ExcType, *typeObj:
		default:
			if args[0].O != vm.bi["type"].O || args[0].T != tagObject { // type is a *Builtin
				return Val{}, newErr(TypeError, "issubclass() arg 1 must be a class")
			}
		}
		return vm.issubclass(args[0], args[1])
	})
	fn("type", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) == 3 && len(kwn) == 0 {
			return vm.type3(args)
		}
		if len(args) != 1 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "type() takes 1 or 3 arguments")
		}
		return vm.typeOf(args[0]), nil
	})
	fn("hash", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("hash", args, 1, 1); err != nil {
			return Val{}, err
		}
		h, err := hashOf(args[0])
		return IntVal(h), err
	})
	fn("id", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := noKw("id", kwn); err != nil {
			return Val{}, err
		}
		if err := nargs("id", args, 1, 1); err != nil {
			return Val{}, err
		}
		return IntVal(objectID(args[0])), nil
	})
	fn("callable", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("callable", args, 1, 1); err != nil {
			return Val{}, err
		}
		switch x := args[0].O.(type) {
		case *Builtin:
			return BoolVal(x.data == dataNone), nil
		case *Function, *BoundMethod, *typeObj, *ExcType, *Class, *Method, *StaticMethod:
			return True, nil
		case *Instance:
			_, ok := x.cls.lookup("__call__")
			return BoolVal(ok), nil
		}
		return False, nil
	})
	fn("iter", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := noKw("iter", kwn); err != nil {
			return Val{}, err
		}
		if err := nargs("iter", args, 1, 2); err != nil {
			return Val{}, err
		}
		if len(args) == 2 {
			return vm.callableIter(args[0], args[1])
		}
		it, err := vm.iter(args[0])
		if err != nil {
			return Val{}, err
		}
		if ii, ok := it.(*instIter); ok && !ii.index {
			return ii.self, nil // the iterator __iter__ gave, not a wrapper
		}
		return ObjVal(it), nil
	})
	fn("next", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("next", args, 1, 2); err != nil {
			return Val{}, err
		}
		switch x := args[0].O.(type) {
		case *Generator:
			if k := x.fn.code.genKind; k == genCoroutine || k == genAsyncGen {
				return Val{}, newErr(TypeError, "'%s' object is not an iterator", x.typeName())
			}
		case *listIter, *rangeIter, *seqIter, *strIter, *bigRangeIter, *countIter, *instIter, *dictIter, *setIter, *funcIter:
		case *Instance:
			if r, found, err := vm.dunder(args[0], "__next__"); found {
				if pe, ok := err.(*PyErr); ok && pe.exc.typ.isSub(StopIteration) && len(args) == 2 {
					return args[1], nil
				}
				return r, err
			}
			return Val{}, newErr(TypeError, "'%s' object is not an iterator", typeName(args[0]))
		default:
			return Val{}, newErr(TypeError, "'%s' object is not an iterator", typeName(args[0]))
		}
		var v Val
		var ok bool
		var err error
		if g, isGen := args[0].O.(*Generator); isGen {
			v, ok, err = g.next(vm) // keeps what it returned, for the StopIteration
		} else {
			v, ok, err = vm.next(args[0].O)
		}
		if err != nil {
			return Val{}, err
		}
		if !ok {
			if len(args) == 2 {
				if g, ok := args[0].O.(*Generator); ok {
					g.takeResult(vm) // the default replaces its StopIteration
				}
				return args[1], nil
			}
			if g, ok := args[0].O.(*Generator); ok {
				return Val{}, stopIteration(g.takeResult(vm))
			}
			return Val{}, newErrVal(StopIteration)
		}
		return v, nil
	})
	fn("__apply__", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return vm.call(args[0], args[1].O.(*Tuple).items, nil)
	})
	fn("format", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("format", args, 1, 2); err != nil {
			return Val{}, err
		}
		spec := ""
		if len(args) == 2 {
			spec = vm.strOf(args[1])
		}
		s, err := vm.format(args[0], spec)
		return StrVal(s), err
	})
	for _, t := range excTypes {
		b[t.name] = ObjVal(t)
	}
	b["EOFError"] = ObjVal(EOFErrorT)
	b["NotImplemented"] = ObjVal(&Builtin{name: "NotImplemented", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		return Val{}, newErr(TypeError, "'NotImplementedType' object is not callable")
	}})
	ty("object", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) > 0 {
			return Val{}, newErr(TypeError, "object() takes no arguments")
		}
		return ObjVal(&Instance{cls: objectClass, shape: objectClass.root}), nil
	})
	ty("staticmethod", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 {
			// funcobject.c unpacks its one argument with PyArg_UnpackTuple.
			return Val{}, newErr(TypeError, "staticmethod expected 1 argument, got %d", len(args))
		}
		return ObjVal(&StaticMethod{fn: args[0]}), nil
	})
	ty("classmethod", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 {
			// funcobject.c unpacks its one argument with PyArg_UnpackTuple.
			return Val{}, newErr(TypeError, "classmethod expected 1 argument, got %d", len(args))
		}
		return ObjVal(&ClassMethod{fn: args[0]}), nil
	})
	ty("property", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("property", args, kwn, []string{"fget", "fset", "fdel", "doc"}, 0)
		if err != nil {
			return Val{}, err
		}
		p, err := vm.newProperty(a[0], a[1], a[2], a[3])
		return ObjVal(p), err
	})
	fn("getattr", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("getattr", args, 2, 3); err != nil {
			return Val{}, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return Val{}, err
		}
		v, err := vm.getAttr(args[0], name)
		if err != nil && len(args) == 3 && isAttrErr(err) {
			// Only AttributeError gives the default; a property's
			// ValueError (or a failing __annotate__) propagates.
			return args[2], nil
		}
		return v, err
	})
	fn("hasattr", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("hasattr", args, 2, 2); err != nil {
			return Val{}, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return Val{}, err
		}
		_, err = vm.getAttr(args[0], name)
		if err != nil && !isAttrErr(err) {
			return Val{}, err
		}
		return BoolVal(err == nil), nil
	})
	fn("setattr", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("setattr", args, 3, 3); err != nil {
			return Val{}, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return Val{}, err
		}
		return NoneVal, vm.setAttr(args[0], name, args[2])
	})
	fn("delattr", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("delattr", args, 2, 2); err != nil {
			return Val{}, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return Val{}, err
		}
		return NoneVal, vm.delAttr(args[0], name)
	})
	fn("vars", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("vars", args, 0, 1); err != nil {
			return Val{}, err
		}
		if len(args) == 0 {
			return vm.globalsDict(), nil // in a function, vars() is LOCALS (evalCall)
		}
		if x, ok := args[0].O.(*Instance); ok && args[0].T == tagObject {
			if _, ga := x.getAttribute(); ga {
				// Its own __getattribute__ answers for __dict__.
				d, err := vm.getAttr(args[0], "__dict__")
				if err != nil && isAttrErr(err) {
					return Val{}, newErr(TypeError, "vars() argument must have __dict__ attribute")
				}
				return d, err
			}
		}
		if x, ok := args[0].O.(*Instance); ok && x.cls != objectClass && x.cls.hasDict() {
			return x.dictVal(), nil
		}
		if _, ok := args[0].O.(*Instance); !ok && args[0].T == tagObject {
			// Classes, modules, functions: whatever their __dict__ is.
			if d, err := vm.getAttr(args[0], "__dict__"); err == nil {
				return d, nil
			}
		}
		return Val{}, newErr(TypeError, "vars() argument must have __dict__ attribute")
	})
	vm.moreBuiltins(b)
	vm.evalBuiltins(b)
	vm.importBuiltins(b)
	vm.dirBuiltins(b)
	markConsumers(b)
	return b
}

var EOFErrorT = &ExcType{name: "EOFError", base: Exception_}

func intBase(args []Val, base int, prefix string) (Val, error) {
	if len(args) != 1 {
		return Val{}, newErr(TypeError, "expected one argument")
	}
	if r, ok, err := instInt(args[0], "__index__"); ok {
		if err != nil {
			return Val{}, err
		}
		args = []Val{r}
	}
	b, ok := toBig(args[0])
	if !ok {
		return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[0]))
	}
	s := new(big.Int).Abs(b).Text(base)
	if b.Sign() < 0 {
		return StrVal("-" + prefix + s), nil
	}
	return StrVal(prefix + s), nil
}

// iterHinted is iter(v) then v's __len__ for an instance that has one,
// in the order CPython's list() and tuple() ask them to size the result
// (a mock records both calls); a TypeError from __len__ is ignored, as
// there. hinted is false for everything else.
func (vm *VM) iterHinted(v Val) (it Val, hinted bool, err error) {
	inst, ok := v.O.(*Instance)
	if !ok || v.T != tagObject {
		return Val{}, false, nil
	}
	m, ok := inst.cls.lookupSpecial(spLen)
	if !ok {
		return Val{}, false, nil
	}
	i, err := vm.iter(v)
	if err != nil {
		return Val{}, true, err
	}
	_, err = vm.callWithSelf(m, v, nil, nil)
	if pe, ok := err.(*PyErr); ok && pe.exc.typ.isSub(TypeError) {
		err = nil
	}
	return ObjVal(i), true, err
}

func biPrint(vm *VM, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	if _, has := kw["file"]; !has {
		if f, ok := vm.stdoutOverride(); ok {
			kw = withFile(kw, f)
		}
	}
	sep, end := " ", "\n"
	w := vm.out
	flush := false
	for k, v := range kw {
		switch k {
		case "sep":
			if v.T != tagNone {
				s, ok := v.O.(*Str)
				if !ok {
					return Val{}, newErr(TypeError, "sep must be None or a string, not %s", typeName(v))
				}
				sep = s.s
			}
		case "end":
			if v.T != tagNone {
				s, ok := v.O.(*Str)
				if !ok {
					return Val{}, newErr(TypeError, "end must be None or a string, not %s", typeName(v))
				}
				end = s.s
			}
		case "file":
			if v.T != tagNone {
				st, ok := v.O.(*Stream)
				if !ok {
					return vm.printTo(v, pos, kw)
				}
				w = st.w
			}
		case "flush":
			// flush=True writes stdout through now: a program killed
			// later has still shown the line.
			flush = truthy(v)
		default:
			return Val{}, newErr(TypeError, "print() got an unexpected keyword argument '%s'", k)
		}
	}
	if threadChecks && vm.rt != nil && vm.rt.threaded.Load() {
		// Other threads print too: the line goes out whole, under the
		// output lock.
		var b strings.Builder
		var err error
		for i, a := range pos {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(vm.strOf(a))
			if vm.pending != nil {
				err = vm.takePending()
				break
			}
		}
		if err == nil {
			b.WriteString(end)
		}
		vm.rt.outMu.Lock()
		// Once the run ends only daemon threads are silenced: the main
		// thread still prints from its atexit functions.
		if !vm.rt.closed || vm.thread == nil {
			w.WriteString(b.String())
			if w != vm.out || flush {
				w.Flush()
			}
		}
		vm.rt.outMu.Unlock()
		if err != nil {
			return Val{}, err
		}
		return NoneVal, nil
	}
	for i, a := range pos {
		if i > 0 {
			w.WriteString(sep)
		}
		s := vm.strOf(a)
		if vm.pending != nil {
			// str() of this argument failed: CPython has written what came before.
			return Val{}, vm.takePending()
		}
		w.WriteString(s)
	}
	w.WriteString(end)
	if w != vm.out || flush {
		w.Flush() // stderr is unbuffered in effect: tracebacks must come after it
	}
	return NoneVal, nil
}

// lenOf is len(o) of the containers whose length is a field (length
// has them all), false for any other object.
func lenOf(o Object) (int, bool) {
	switch x := o.(type) {
	case *Str:
		if x.kind == 1 {
			return len(x.s), true
		}
	case *List:
		return len(x.vals), true
	case *Tuple:
		return len(x.items), true
	case *Dict:
		return x.used, true
	case *Set:
		return x.used, true
	}
	return 0, false
}

func (vm *VM) length(v Val) (int, error) {
	switch x := v.O.(type) {
	case *BigRange:
		return x.len()
	case *Str:
		return x.length(), nil
	case *Bytes:
		return len(x.b), nil
	case *List:
		return x.Len(), nil
	case *Tuple:
		return len(x.items), nil
	case *Dict:
		return x.Len(), nil
	case *Set:
		return x.Len(), nil
	case *Range:
		return int(rangeLen(x)), nil
	case *DictView:
		return x.d.Len(), nil
	}
	if r, found, err := vm.dunder(v, "__len__"); found {
		if err != nil {
			return 0, err
		}
		// typeobject.c slot_sq_length: an index-sized int, not negative.
		switch {
		case r.T == tagInt || r.T == tagBool:
		case isBigInt(r):
			return 0, newErr(OverflowError, "cannot fit 'int' into an index-sized integer")
		default:
			return 0, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(r))
		}
		if int64(r.B) < 0 {
			return 0, newErr(ValueError, "__len__() should return >= 0")
		}
		return int(int64(r.B)), nil
	}
	return 0, newErr(TypeError, "object of type '%s' has no len()", typeName(v))
}

func isBigInt(v Val) bool {
	_, ok := v.O.(*BigInt)
	return ok
}

func toInt64Arg(v Val) (int64, bool) {
	if v.T == tagInt || v.T == tagBool {
		return int64(v.B), true
	}
	return 0, false
}

type BigRange struct{ start, stop, step *big.Int }

func (*BigRange) typeName() string { return "range" }

// funcIter is a lazy iterator whose items a Go function computes on
// demand: the enumerate, zip, map and filter objects.
type funcIter struct {
	name string
	next func(vm *VM) (Val, bool, error)
	// pair, when set, is next for an iterator of pairs giving the two
	// items without a tuple (see nextPair).
	pair func(vm *VM) (Val, Val, bool, error)
	// left, when set, counts the items left: __length_hint__.
	left func() int64
	// enum is the loop's enumerate this is part of (loop_enumerate.go),
	// whose pairs over a list nextPair steps without the calls.
	enum *enumIter
}

func (x *funcIter) typeName() string { return x.name }

// iters calls iter on each value.
func (vm *VM) iters(vs []Val) ([]Object, error) {
	its := make([]Object, len(vs))
	// The iterators of lists in one allocation: zip(*rows) over a dozen
	// rows made a dozen.
	nl := 0
	for _, v := range vs {
		if _, ok := v.O.(*List); ok && v.T == tagObject {
			nl++
		}
	}
	var lits []listIter
	if nl > 1 {
		lits = make([]listIter, 0, nl)
	}
	for i, v := range vs {
		if l, ok := v.O.(*List); ok && v.T == tagObject && lits != nil {
			lits = append(lits, listIter{l: l})
			its[i] = &lits[len(lits)-1]
			continue
		}
		it, err := vm.iter(v)
		if err != nil {
			return nil, err
		}
		its[i] = it
	}
	return its, nil
}

// findTruth consumes v's items until one whose truth is want, reporting
// whether it found one: any and all stop there, as CPython's do.
func (vm *VM) findTruth(v Val, want bool) (found bool, err error) {
	err = vm.each(v, func(x Val) (bool, error) {
		found = truthy(x) == want
		return found, nil
	})
	return found, err
}

// uintptrOfObject is an object's address, stable for its life (Go's heap
// does not move objects).
func uintptrOfObject(o Object) uintptr {
	return reflect.ValueOf(o).Pointer()
}

// typeOf is type(v).
func (vm *VM) typeOf(v Val) Val {
	if e, ok := v.O.(*Exception); ok {
		return ObjVal(e.typ)
	}
	if m, ok := v.O.(*Module); ok {
		if c := m.cls.Load(); c != nil {
			return ObjVal(c)
		}
	}
	if c, ok := v.O.(*Class); ok && v.T == tagObject {
		if m := c.pyMeta(); m != nil {
			return ObjVal(m)
		}
		if m := vm.nativeMetaOf(c); m != nil {
			return ObjVal(m)
		}
	}
	if i, ok := v.O.(*Instance); ok {
		if i.cls == objectClass {
			if o, ok := vm.bi["object"]; ok {
				return o // type(object()) is object
			}
		}
		return ObjVal(i.cls)
	}
	if l, ok := v.O.(*List); ok && v.T == tagObject && l.deque {
		if vm.rt != nil && vm.rt.threaded.Load() {
			vm.rt.mu.Lock()
			defer vm.rt.mu.Unlock()
		}
		if m := vm.modules["collections"]; m != nil {
			if t, ok := m.attrs["deque"]; ok {
				return t
			}
		}
	}
	if d, ok := v.O.(*Dict); ok && v.T == tagObject {
		// The dicts with a flag are collections' own types.
		n := ""
		switch {
		case d.counter:
			n = "Counter"
		case d.ordered:
			n = "OrderedDict"
		case d.factory.T != tagEmpty:
			n = "defaultdict"
		}
		if n != "" {
			if vm.rt != nil && vm.rt.threaded.Load() {
				vm.rt.mu.Lock()
				defer vm.rt.mu.Unlock()
			}
			if m := vm.modules["collections"]; m != nil {
				if t, ok := m.attrs[n]; ok {
					return t
				}
			}
		}
	}
	n := typeName(v)
	if b, ok := v.O.(*Builtin); ok && b.name == "type" && vm.bi["type"].O == v.O {
		n = "type" // type itself is a type
	} else if ok && isNotImplemented(v) {
		n = "NotImplementedType"
	}
	if t, ok := vm.bi[n]; ok {
		if _, ok := t.O.(*typeObj); ok {
			return t
		}
		if n == "type" {
			return t // type(int) is type
		}
	}
	return vm.typeObjs.get(n, func() Val {
		if n == "module" {
			return ObjVal(&typeObj{name: n, fn: newModuleValue})
		}
		return ObjVal(&typeObj{name: n, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			return Val{}, newErr(TypeError, "cannot create '%s' instances", n)
		}})
	})
}

// objectID is id(v): a heap object's address, which Go's collector never
// moves; an unboxed value (minipy's ints, floats, None, bools have no
// object) gets a number from its tag and bits, equal for equal values as
// CPython's cached small ints are.
func objectID(v Val) int64 {
	if v.T == tagObject && v.O != nil {
		return int64((*[2]uintptr)(unsafe.Pointer(&v.O))[1])
	}
	return int64(v.B*8+uint64(v.T)) & (1<<62 - 1)
}

// biStr is str(object, encoding, errors): with an encoding or
// errors the object is bytes-like and decoded.
func biStr(vm *VM, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	if len(args) > 3 {
		return Val{}, newErr(TypeError, "str() takes at most 3 arguments (%d given)", len(args))
	}
	names := []string{"object", "encoding", "errors"}
	vals := make([]Val, 3)
	copy(vals, pos)
	for k, v := range kw {
		i := indexOf(names, k)
		if i < 0 {
			return Val{}, newErr(TypeError, "'%s' is an invalid keyword argument for str()", k)
		}
		if i < len(pos) {
			return Val{}, newErr(TypeError, "argument for str() given by name ('%s') and position (%d)", k, i+1)
		}
		vals[i] = v
	}
	if vals[1].T == tagEmpty && vals[2].T == tagEmpty {
		if vals[0].T == tagEmpty {
			return StrVal(""), nil
		}
		return StrVal(vm.strOf(vals[0])), nil
	}
	for i, what := range []string{"encoding", "errors"} {
		if v := vals[i+1]; v.T != tagEmpty {
			if _, ok := v.O.(*Str); !ok {
				return Val{}, newErr(TypeError, "str() argument '%s' must be str, not %s", what, typeName(v))
			}
		}
	}
	if vals[0].T == tagEmpty {
		return StrVal(""), nil
	}
	switch vals[0].O.(type) {
	case *Bytes, *PyArray:
	case *Str:
		return Val{}, newErr(TypeError, "decoding str is not supported")
	default:
		return Val{}, newErr(TypeError, "decoding to str: need a bytes-like object, %s found", typeName(vals[0]))
	}
	var dargs []Val
	var dkw []string
	if vals[1].T != tagEmpty {
		dargs = append(dargs, vals[1])
		dkw = append(dkw, "encoding")
	}
	if vals[2].T != tagEmpty {
		dargs = append(dargs, vals[2])
		dkw = append(dkw, "errors")
	}
	b := vals[0]
	if a, ok := b.O.(*PyArray); ok {
		b = ObjVal(&Bytes{b: append([]byte(nil), a.b...)})
	}
	return vm.callMethod(b, "decode", dargs, dkw)
}

// type3 is type(name, bases, dict): a class made as a class statement
// would make it, its attributes taken from dict in order.
func (vm *VM) type3(args []Val) (Val, error) {
	return vm.typeNew(nil, args, nil, nil)
}

// biSet is set(iterable=()), also what frozenset builds on (not through
// builtins.set, which a program may rebind).
func biSet(vm *VM, args []Val, kwn []string) (Val, error) {
	if err := noKw("set", kwn); err != nil {
		return Val{}, err
	}
	if len(args) > 1 {
		return Val{}, newErr(TypeError, "set expected at most 1 argument, got %d", len(args))
	}
	if len(args) == 0 {
		return ObjVal(newSet()), nil
	}
	var s *Set
	switch args[0].O.(type) {
	case *Set, *Dict:
		s = newSet()
		if err := s.update(args[0].O, nil); err != nil {
			return Val{}, err
		}
	default:
		// Streamed: a generator's items are added as they come, into
		// a set and tables len() may have given back (set_reuse.go).
		var p *setPool
		if !vm.threaded() {
			p = &vm.setPool
			s = p.newSet()
		} else {
			s = newSet()
		}
		if g, ok := args[0].O.(*Generator); ok && args[0].T == tagObject && p != nil {
			if err := vm.fillSetFromGen(s, g, p); err != nil {
				return Val{}, err
			}
		} else if err := vm.each(args[0], func(x Val) (bool, error) { return false, s.addFrom(x, p) }); err != nil {
			return Val{}, err
		}
	}
	return ObjVal(s), nil
}

// attrName is the name getattr, setattr, hasattr and delattr are given,
// checked before anything is looked up: a str or a str subclass's value
// (whatever its __str__ says).
func attrName(v Val) (string, error) {
	if s, ok := v.O.(*Str); ok && v.T == tagObject {
		return s.s, nil
	}
	if b, ok := builtinValue(v); ok {
		if s, ok := b.O.(*Str); ok {
			return s.s, nil
		}
	}
	return "", newErr(TypeError, "attribute name must be string, not '%s'", shownTypeName(v))
}
