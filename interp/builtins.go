package interp

import (
	"math"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unsafe"

	"github.com/copypatch/copypatch/interp/internal/crmath"
)

// typeObj is a built-in type used as a constructor and in isinstance.
type typeObj struct {
	name string
	fn   func(vm *VM, args []Val, kwn []string) (Val, error)
	// module qualifies the name in repr (collections.defaultdict).
	module string
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
		if args[0].T == tagObject && !vm.mt {
			switch x := args[0].O.(type) {
			case *Tuple:
				return ObjVal(newList(x.items)), nil // newList copies
			case *List:
				return ObjVal(x.copyList()), nil
			}
		}
		items, err := vm.iterate(args[0])
		if _, ok := args[0].O.(*Tuple); ok {
			items = append([]Val(nil), items...)
		}
		return ObjVal(newList(items)), err
	})
	ty("tuple", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := noKw("tuple", kwn); err != nil {
			return Val{}, err
		}
		if len(args) > 1 {
			return Val{}, newErr(TypeError, "tuple expected at most 1 argument, got %d", len(args))
		}
		if len(args) == 0 {
			return ObjVal(&Tuple{}), nil
		}
		switch x := args[0].O.(type) {
		case *Tuple:
			return ObjVal(x), nil
		case *List:
			if args[0].T == tagObject {
				return ObjVal(tupleOfList(x)), nil
			}
		}
		items, err := vm.iterate(args[0])
		return ObjVal(&Tuple{items: items}), err
	})
	ty("set", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := noKw("set", kwn); err != nil {
			return Val{}, err
		}
		if len(args) > 1 {
			return Val{}, newErr(TypeError, "set expected at most 1 argument, got %d", len(args))
		}
		s := newSet()
		if len(args) > 0 {
			switch args[0].O.(type) {
			case *Set, *Dict:
				if err := s.update(args[0].O, nil); err != nil {
					return Val{}, err
				}
			default:
				// Streamed: a generator's items are added as they come.
				if err := vm.each(args[0], func(x Val) (bool, error) { return false, s.add(x) }); err != nil {
					return Val{}, err
				}
			}
		}
		return ObjVal(s), nil
	})
	ty("frozenset", biFrozenset)
	ty("dict", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		d := newDict()
		if len(pos) > 0 {
			if src, ok := pos[0].O.(*Dict); ok {
				for _, e := range src.live() {
					d.set(e.k, e.v)
				}
			} else if inst, ok := pos[0].O.(*Instance); ok && pos[0].T == tagObject && inst.hasMethod("keys") {
				// A mapping: its keys(), and an item for each (CPython's
				// PyDict_Merge on anything with keys).
				km, err := vm.getAttr(pos[0], "keys")
				if err != nil {
					return Val{}, err
				}
				keys, err := vm.call(km, nil, nil)
				if err != nil {
					return Val{}, err
				}
				ks, err := vm.iterate(keys)
				if err != nil {
					return Val{}, err
				}
				for _, k := range ks {
					v, err := vm.getItem(pos[0], k)
					if err != nil {
						return Val{}, err
					}
					if err := d.set(k, v); err != nil {
						return Val{}, err
					}
				}
			} else {
				items, err := vm.iterate(pos[0])
				if err != nil {
					return Val{}, err
				}
				for i, it := range items {
					kv, err := vm.iterate(it)
					if err != nil || len(kv) != 2 {
						return Val{}, newErr(ValueError, "dictionary update sequence element #%d has length %d; 2 is required", i, len(kv))
					}
					if err := d.set(kv[0], kv[1]); err != nil {
						return Val{}, err
					}
				}
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
	fn("reversed", func(vm *VM, args []Val, kwn []string) (Val, error) {
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
			}}), nil
		}
		// CPython reverses sequences and objects with __reversed__ only.
		notReversible := newErr(TypeError, "'%s' object is not reversible", typeName(args[0]))
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
		return ObjVal(&seqIter{items: out}), nil
	})
	fn("enumerate", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if len(pos) < 1 {
			return Val{}, newErr(TypeError, "enumerate() missing required argument 'iterable'")
		}
		it, err := vm.iter(pos[0])
		if err != nil {
			return Val{}, err
		}
		n := int64(0)
		if len(pos) > 1 {
			n = int64(pos[1].B)
		} else if s, ok := kw["start"]; ok {
			n = int64(s.B)
		}
		pair := func(vm *VM) (Val, Val, bool, error) {
			x, ok, err := vm.next(it)
			if !ok || err != nil {
				return Val{}, Val{}, false, err
			}
			n++
			return IntVal(n - 1), x, true, nil
		}
		return ObjVal(&funcIter{name: "enumerate", pair: pair, next: func(vm *VM) (Val, bool, error) {
			i, x, ok, err := pair(vm)
			if !ok {
				return Val{}, false, err
			}
			return ObjVal(pairOf(i, x)), true, nil
		}}), nil
	})
	fn("zip", func(vm *VM, args []Val, kwn []string) (Val, error) {
		its, err := vm.iters(args)
		if err != nil {
			return Val{}, err
		}
		z := &funcIter{name: "zip", next: func(vm *VM) (Val, bool, error) {
			if len(its) == 0 {
				return Val{}, false, nil
			}
			t := newTuple(len(its))
			for j, it := range its {
				// A list's iterator steps here as nextItem steps
				// it: zip(*rows) makes no call per item.
				if li, isList := it.(*listIter); isList && !vm.mt {
					if li.i >= li.l.Len() {
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
	fn("map", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) < 2 {
			return Val{}, newErr(TypeError, "map() must have at least two arguments.")
		}
		f := args[0]
		its, err := vm.iters(args[1:])
		if err != nil {
			return Val{}, err
		}
		return ObjVal(&funcIter{name: "map", next: func(vm *VM) (Val, bool, error) {
			cargs := make([]Val, len(its))
			for j, it := range its {
				x, ok, err := vm.next(it)
				if !ok || err != nil {
					return Val{}, false, err
				}
				cargs[j] = x
			}
			v, err := vm.call(f, cargs, nil)
			return v, err == nil, err
		}}), nil
	})
	fn("filter", func(vm *VM, args []Val, kwn []string) (Val, error) {
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
					v, err := vm.call(f, []Val{x}, nil)
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
	fn("divmod", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("divmod", args, 2, 2); err != nil {
			return Val{}, err
		}
		if a, b := args[0], args[1]; isIntLike(a) && isIntLike(b) && (a.T == tagObject || b.T == tagObject) {
			// Big ints: one division for both results.
			x := asBig(a, &vm.tmpA, &vm.bufA)
			y := asBig(b, &vm.tmpB, &vm.bufB)
			if y.Sign() == 0 {
				return Val{}, zeroDiv()
			}
			q, r := vm.bigDivMod(vm.newBigInt(), x, y)
			return ObjVal(&Tuple{items: []Val{q, r}}), nil
		}
		if r, found, err := vm.dunder(args[0], "__divmod__", args[1]); found && (err != nil || !isNotImplemented(r)) {
			return r, err
		}
		if r, found, err := vm.dunder(args[1], "__rdivmod__", args[0]); found && (err != nil || !isNotImplemented(r)) {
			return r, err
		}
		q, err := vm.binop(opFloorDiv, args[0], args[1])
		if err != nil {
			if pe, ok := err.(*PyErr); ok && pe.exc.typ == TypeError {
				return Val{}, newErr(TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", typeName(args[0]), typeName(args[1]))
			}
			return Val{}, err
		}
		r, err := vm.binop(opMod, args[0], args[1])
		return ObjVal(&Tuple{items: []Val{q, r}}), err
	})
	fn("pow", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("pow", args, 2, 3); err != nil {
			return Val{}, err
		}
		if len(args) == 3 {
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
		if args[0].T != tagInt && args[0].T != tagBool {
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[0]))
		}
		n := int64(args[0].B)
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
	fn("issubclass", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("issubclass", args, 2, 2); err != nil {
			return Val{}, err
		}
		switch args[0].O.(type) {
		case *Class, *ExcType, *typeObj:
		default:
			return Val{}, newErr(TypeError, "issubclass() arg 1 must be a class")
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
		case *Function, *Builtin, *BoundMethod, *typeObj, *ExcType, *Class, *Method, *StaticMethod:
			return True, nil
		case *Instance:
			_, ok := x.cls.lookup("__call__")
			return BoolVal(ok), nil
		}
		return False, nil
	})
	fn("iter", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("iter", args, 1, 1); err != nil {
			return Val{}, err
		}
		it, err := vm.iter(args[0])
		if err != nil {
			return Val{}, err
		}
		return ObjVal(it), nil
	})
	fn("next", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("next", args, 1, 2); err != nil {
			return Val{}, err
		}
		switch args[0].O.(type) {
		case *listIter, *rangeIter, *seqIter, *strIter, *bigRangeIter, *Generator, *countIter, *instIter, *dictIter, *setIter, *funcIter:
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
		v, ok, err := vm.next(args[0].O)
		if err != nil {
			return Val{}, err
		}
		if !ok {
			if len(args) == 2 {
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
		if err := nargs("property", args, 1, 2); err != nil {
			return Val{}, err
		}
		p := &Property{get: args[0]}
		if len(args) == 2 {
			p.set = args[1]
		}
		return ObjVal(p), nil
	})
	fn("getattr", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) < 2 {
			return Val{}, newErr(TypeError, "getattr expected at least 2 arguments, got %d", len(args))
		}
		v, err := vm.getAttr(args[0], vm.strOf(args[1]))
		if err != nil && len(args) == 3 {
			return args[2], nil
		}
		return v, err
	})
	fn("hasattr", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("hasattr", args, 2, 2); err != nil {
			return Val{}, err
		}
		_, err := vm.getAttr(args[0], vm.strOf(args[1]))
		return BoolVal(err == nil), nil
	})
	fn("setattr", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("setattr", args, 3, 3); err != nil {
			return Val{}, err
		}
		return NoneVal, vm.setAttr(args[0], vm.strOf(args[1]), args[2])
	})
	fn("delattr", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("delattr", args, 2, 2); err != nil {
			return Val{}, err
		}
		if !args[1].isStr() {
			return Val{}, newErr(TypeError, "attribute name must be string, not '%s'", typeName(args[1]))
		}
		return NoneVal, vm.delAttr(args[0], vm.strOf(args[1]))
	})
	fn("vars", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := nargs("vars", args, 1, 1); err != nil {
			return Val{}, err
		}
		if x, ok := args[0].O.(*Instance); ok && x.cls != objectClass && x.cls.hasDict() {
			return ObjVal(x.dict()), nil
		}
		return Val{}, newErr(TypeError, "vars() argument must have __dict__ attribute")
	})
	vm.moreBuiltins(b)
	vm.evalBuiltins(b)
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

func (vm *VM) isinstance(v, t Val) (Val, error) {
	switch x := t.O.(type) {
	case *Tuple:
		for _, it := range x.items {
			r, err := vm.isinstance(v, it)
			if err != nil || truthy(r) {
				return r, err
			}
		}
		return False, nil
	case *typeObj:
		n := typeName(v)
		if x.name == "int" && n == "bool" {
			return True, nil
		}
		if i, ok := v.O.(*Instance); ok && n != x.name {
			if b := vm.builtinBase(x.name); b != nil {
				return BoolVal(i.cls.isSub(b)), nil
			}
		}
		return BoolVal(n == x.name), nil
	case *ExcType:
		e, ok := v.O.(*Exception)
		return BoolVal(ok && e.typ.isSub(x)), nil
	case *Class:
		if x.meta != nil {
			if r, found, err := vm.metaDunder(x, "__instancecheck__", []Val{v}); found {
				return BoolVal(truthy(r)), err
			}
		}
		i, ok := v.O.(*Instance)
		return BoolVal(ok && i.cls.isSub(x)), nil
	}
	return Val{}, newErr(TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
}

// issubclass is issubclass(c, t) for a class c.
func (vm *VM) issubclass(c, t Val) (Val, error) {
	switch x := t.O.(type) {
	case *Tuple:
		for _, it := range x.items {
			r, err := vm.issubclass(c, it)
			if err != nil || truthy(r) {
				return r, err
			}
		}
		return False, nil
	case *typeObj:
		if x.name == "object" {
			return True, nil
		}
		y, ok := c.O.(*typeObj)
		return BoolVal(ok && (y.name == x.name || y.name == "bool" && x.name == "int")), nil
	case *ExcType:
		y, ok := c.O.(*ExcType)
		return BoolVal(ok && y.isSub(x)), nil
	case *Class:
		y, ok := c.O.(*Class)
		return BoolVal(ok && y.isSub(x)), nil
	}
	return Val{}, newErr(TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
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
		default:
			return Val{}, newErr(TypeError, "print() got an unexpected keyword argument '%s'", k)
		}
	}
	if vm.rt != nil && vm.rt.threaded.Load() {
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
		if !vm.rt.closed {
			w.WriteString(b.String())
			if w != vm.out {
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
	if w != vm.out {
		w.Flush() // stderr is unbuffered in effect: tracebacks must come after it
	}
	return NoneVal, nil
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

func biRange(vm *VM, args []Val, kwn []string) (Val, error) {
	if err := noKw("range", kwn); err != nil {
		return Val{}, err
	}
	if len(args) == 0 {
		return Val{}, newErr(TypeError, "range expected at least 1 argument, got 0")
	}
	if len(args) > 3 {
		return Val{}, newErr(TypeError, "range expected at most 3 arguments, got %d", len(args))
	}
	var ns [3]int64
	hasBig := false
	for i, a := range args {
		if r, ok, err := instInt(a, "__index__"); ok {
			if err != nil {
				return Val{}, err
			}
			args = append([]Val(nil), args...)
			args[i], a = r, r
		}
		n, ok := toInt64Arg(a)
		if !ok {
			if _, isBig := a.O.(*BigInt); isBig {
				hasBig = true
				continue
			}
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(a))
		}
		ns[i] = n
	}
	if hasBig {
		// Bounds beyond int64: iterate with big ints.
		bs := make([]*big.Int, len(args))
		for i, a := range args {
			x, _ := toBig(a)
			bs[i] = new(big.Int).Set(x)
		}
		r := &BigRange{start: big.NewInt(0), step: big.NewInt(1)}
		switch len(bs) {
		case 1:
			r.stop = bs[0]
		case 2:
			r.start, r.stop = bs[0], bs[1]
		case 3:
			r.start, r.stop, r.step = bs[0], bs[1], bs[2]
			if r.step.Sign() == 0 {
				return Val{}, newErr(ValueError, "range() arg 3 must not be zero")
			}
		}
		return ObjVal(r), nil
	}
	r := &Range{step: 1}
	switch len(args) {
	case 1:
		r.stop = ns[0]
	case 2:
		r.start, r.stop = ns[0], ns[1]
	case 3:
		r.start, r.stop, r.step = ns[0], ns[1], ns[2]
		if r.step == 0 {
			return Val{}, newErr(ValueError, "range() arg 3 must not be zero")
		}
	}
	return ObjVal(r), nil
}

func biInt(vm *VM, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	if len(pos) == 0 {
		return IntVal(0), nil
	}
	if len(pos) == 1 && len(kw) == 0 {
		if r, ok, err := instInt(pos[0], "__int__", "__index__"); ok {
			return r, err
		}
	}
	base := int64(10)
	hasBase := false
	if len(pos) > 1 {
		base, hasBase = int64(pos[1].B), true
	} else if b, ok := kw["base"]; ok {
		base, hasBase = int64(b.B), true
	}
	if hasBase {
		b := pos[len(pos)-1]
		if len(pos) < 2 {
			b = kw["base"]
		}
		if !isIntLike(b) {
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(b))
		}
		if bb, ok := b.O.(*BigInt); ok && b.T == tagObject {
			base = int64(bb.v.Sign()) << 40 // out of range either way
		}
		if base != 0 && (base < 2 || base > 36) {
			return Val{}, newErr(ValueError, "int() base must be >= 2 and <= 36, or 0")
		}
		if _, ok := pos[0].O.(*Str); !ok || pos[0].T != tagObject {
			return Val{}, newErr(TypeError, "int() can't convert non-string with explicit base")
		}
	}
	a := pos[0]
	switch a.T {
	case tagInt:
		return a, nil
	case tagBool:
		return IntVal(int64(a.B)), nil
	case tagFloat:
		f := a.F()
		if math.IsInf(f, 0) {
			return Val{}, newErr(OverflowError, "cannot convert float infinity to integer")
		}
		if math.IsNaN(f) {
			return Val{}, newErr(ValueError, "cannot convert float NaN to integer")
		}
		t := math.Trunc(f)
		if t >= -9.2e18 && t <= 9.2e18 {
			return IntVal(int64(t)), nil
		}
		bf, _ := new(big.Float).SetFloat64(t).Int(nil)
		return normBig(bf), nil
	}
	switch x := a.O.(type) {
	case *BigInt:
		return a, nil
	case *Str:
		s := strings.TrimSpace(x.s)
		t := strings.ReplaceAll(s, "_", "")
		b := int(base)
		neg := false
		if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") {
			neg = t[0] == '-'
			t = t[1:]
		}
		if b == 0 || b == 16 || b == 8 || b == 2 {
			low := strings.ToLower(t)
			for _, p := range []struct {
				pre string
				b   int
			}{{"0x", 16}, {"0o", 8}, {"0b", 2}} {
				if strings.HasPrefix(low, p.pre) && (b == 0 || b == p.b) {
					t, b = t[2:], p.b
				}
			}
			if b == 0 {
				b = 10
			}
		}
		if b >= 2 && b <= 36 {
			// CPython counts the digits up to the first character that is
			// not one, before it looks further.
			digits := 0
			for _, c := range t {
				if d := digitVal(c); d < 0 || d >= b {
					break
				}
				digits++
			}
			if err := vm.checkFromStr(digits, b); err != nil {
				return Val{}, err
			}
		}
		n, ok := new(big.Int).SetString(t, b)
		if !ok || t == "" || strings.HasPrefix(x.s, "_") || strings.Contains(x.s, "__") || strings.HasSuffix(s, "_") {
			return Val{}, newErr(ValueError, "invalid literal for int() with base %d: %s", base, strRepr(x.s))
		}
		if neg {
			n.Neg(n)
		}
		return normBig(n), nil
	}
	if hasBase {
		return Val{}, newErr(TypeError, "int() can't convert non-string with explicit base")
	}
	return Val{}, newErr(TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'", typeName(a))
}

func biFloat(vm *VM, args []Val, kwn []string) (Val, error) {
	if len(args) == 0 {
		return FloatVal(0), nil
	}
	a := args[0]
	if isNumber(a) {
		f, err := toFloat(a)
		return FloatVal(f), err
	}
	if s, ok := a.O.(*Str); ok {
		t := strings.ToLower(strings.TrimSpace(s.s))
		switch strings.TrimLeft(t, "+-") {
		case "inf", "infinity":
			if strings.HasPrefix(t, "-") {
				return FloatVal(math.Inf(-1)), nil
			}
			return FloatVal(math.Inf(1)), nil
		case "nan":
			return FloatVal(math.NaN()), nil
		}
		if t != "" && !strings.ContainsAny(t, "xp") && !strings.HasPrefix(t, "_") && !strings.HasSuffix(t, "_") && !strings.Contains(t, "__") {
			f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64)
			if err == nil || errorsIsRange(err) {
				return FloatVal(f), nil
			}
		}
		return Val{}, newErr(ValueError, "could not convert string to float: %s", strRepr(s.s))
	}
	if f, ok, err := instFloat(a); ok {
		return FloatVal(f), err
	}
	return Val{}, newErr(TypeError, "float() argument must be a string or a real number, not '%s'", typeName(a))
}

func errorsIsRange(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func biRound(vm *VM, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	if len(pos) == 0 {
		return Val{}, newErr(TypeError, "round() missing required argument 'number' (pos 1)")
	}
	x := pos[0]
	var nd Val = NoneVal
	if len(pos) > 1 {
		nd = pos[1]
	} else if v, ok := kw["ndigits"]; ok {
		nd = v
	}
	if _, ok := x.O.(*Instance); ok && x.T == tagObject {
		extra := []Val{}
		if nd.T != tagNone {
			extra = append(extra, nd)
		}
		if r, found, err := vm.dunder(x, "__round__", extra...); found {
			return r, err
		}
		return Val{}, newErr(TypeError, "type %s doesn't define __round__ method", typeName(x))
	}
	if isIntLike(x) {
		if nd.T == tagNone || int64(nd.B) >= 0 {
			if x.T == tagBool {
				return IntVal(int64(x.B)), nil
			}
			return x, nil
		}
		// Round to a negative number of digits, half to even.
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-int64(nd.B)), nil)
		b, _ := toBig(x)
		q, r := new(big.Int).DivMod(b, p, new(big.Int))
		twice := new(big.Int).Mul(r, big.NewInt(2))
		if c := twice.Cmp(p); c > 0 || c == 0 && q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
		return normBig(q.Mul(q, p)), nil
	}
	if x.T != tagFloat {
		return Val{}, newErr(TypeError, "type %s doesn't define __round__ method", typeName(x))
	}
	f := x.F()
	if nd.T == tagNone {
		if math.IsInf(f, 0) {
			return Val{}, newErr(OverflowError, "cannot convert float infinity to integer")
		}
		if math.IsNaN(f) {
			return Val{}, newErr(ValueError, "cannot convert float NaN to integer")
		}
		return biInt(vm, []Val{FloatVal(math.RoundToEven(f))}, nil)
	}
	n := int64(nd.B)
	if math.IsInf(f, 0) || math.IsNaN(f) || n > 300 {
		return x, nil
	}
	if n < -300 {
		return FloatVal(math.Copysign(0, f)), nil
	}
	if n >= 0 {
		s := strconv.FormatFloat(f, 'f', int(n), 64)
		r, _ := strconv.ParseFloat(s, 64)
		return FloatVal(r), nil
	}
	p := math.Pow(10, float64(-n))
	r := math.RoundToEven(f/p) * p
	return FloatVal(r), nil
}

// sortList sorts in place with optional key= and reverse=, stably.
func (vm *VM) sortList(l *List, kw map[string]Val) error {
	for k := range kw {
		if k != "key" && k != "reverse" {
			return newErr(TypeError, "sort() got an unexpected keyword argument '%s'", k)
		}
	}
	litems := l.items()
	keys := litems
	if key, ok := kw["key"]; ok && key.T != tagNone {
		keys = make([]Val, len(litems))
		for i, x := range litems {
			k, err := vm.call(key, []Val{x}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	reverse := false
	if r, ok := kw["reverse"]; ok {
		reverse = truthy(r)
	}
	idx := make([]int, len(litems))
	for i := range idx {
		idx[i] = i
	}
	var err error
	less := func(a, b Val) bool {
		if err != nil {
			return false
		}
		if a.T == tagInt && b.T == tagInt {
			return int64(a.B) < int64(b.B)
		}
		r, e := vm.compare(opLt, a, b)
		if e != nil {
			err = e
		}
		return r
	}
	sort.SliceStable(idx, func(i, j int) bool {
		if reverse {
			return less(keys[idx[j]], keys[idx[i]])
		}
		return less(keys[idx[i]], keys[idx[j]])
	})
	if err != nil {
		return err
	}
	out := make([]Val, len(idx))
	for i, j := range idx {
		out[i] = litems[j]
	}
	l.setItems(out)
	return nil
}

func mathModule() *Module {
	m := &Module{name: "math", attrs: map[string]Val{}}
	f1 := func(name string, f func(float64) float64) {
		m.attrs[name] = ObjVal(&Builtin{name: name, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 {
				return Val{}, newErr(TypeError, "math.%s() takes exactly one argument (%d given)", name, len(args))
			}
			x, err := toFloat(args[0])
			if err != nil {
				return Val{}, err
			}
			r := f(x)
			if math.IsNaN(r) && !math.IsNaN(x) {
				if name == "sqrt" || name == "log" || name == "log2" || name == "log10" {
					if x == 0 && name != "sqrt" {
						return Val{}, newErr(ValueError, "expected a positive input")
					}
					if name == "sqrt" {
						return Val{}, newErr(ValueError, "expected a nonnegative input, got %s", formatFloatRepr(x))
					}
					return Val{}, newErr(ValueError, "expected a positive input")
				}
				return Val{}, newErr(ValueError, "math domain error")
			}
			if math.IsInf(r, 0) && !math.IsInf(x, 0) {
				if (name == "log" || name == "log2" || name == "log10") && x == 0 {
					return Val{}, newErr(ValueError, "expected a positive input")
				}
				return Val{}, newErr(OverflowError, "math range error")
			}
			return FloatVal(r), nil
		}})
	}
	f1("sqrt", math.Sqrt)
	f1("sin", crmath.Sin)
	f1("cos", crmath.Cos)
	f1("tan", crmath.Tan)
	f1("asin", crmath.Asin)
	f1("acos", crmath.Acos)
	f1("atan", crmath.Atan)
	f1("sinh", crmath.Sinh)
	f1("cosh", crmath.Cosh)
	f1("tanh", crmath.Tanh)
	f1("exp", crmath.Exp)
	f1("log2", crmath.Log2)
	f1("log10", crmath.Log10)
	f1("fabs", math.Abs)
	f1("degrees", crmath.Degrees)
	f1("radians", crmath.Radians)
	m.attrs["log"] = ObjVal(&Builtin{name: "log", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) < 1 || len(args) > 2 {
			return Val{}, newErr(TypeError, "log expected 1 or 2 arguments, got %d", len(args))
		}
		x, err := toFloat(args[0])
		if err != nil {
			return Val{}, err
		}
		if x <= 0 {
			return Val{}, newErr(ValueError, "expected a positive input")
		}
		r := crmath.Log(x)
		if b, ok := args[0].O.(*BigInt); ok {
			r = crmath.Log(float64(len(b.v.Text(2))-1)*0 + x)
		}
		if len(args) == 2 {
			y, err := toFloat(args[1])
			if err != nil {
				return Val{}, err
			}
			r /= crmath.Log(y)
		}
		return FloatVal(r), nil
	}})
	intRes := func(name string, f func(float64) float64) {
		m.attrs[name] = ObjVal(&Builtin{name: name, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 {
				return Val{}, newErr(TypeError, "math.%s() takes exactly one argument (%d given)", name, len(args))
			}
			if isIntLike(args[0]) {
				return biInt(vm, args, nil)
			}
			if r, found, err := vm.dunder(args[0], "__"+name+"__"); found {
				return r, err
			}
			x, err := toFloat(args[0])
			if err != nil {
				return Val{}, err
			}
			return biInt(vm, []Val{FloatVal(f(x))}, nil)
		}})
	}
	intRes("floor", math.Floor)
	intRes("ceil", math.Ceil)
	intRes("trunc", math.Trunc)
	m.attrs["pow"] = ObjVal(&Builtin{name: "pow", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 2 {
			return Val{}, newErr(TypeError, "pow expected 2 arguments, got %d", len(args))
		}
		x, err := toFloat(args[0])
		if err != nil {
			return Val{}, err
		}
		y, err := toFloat(args[1])
		if err != nil {
			return Val{}, err
		}
		if x == 0 && y < 0 {
			return Val{}, newErr(ValueError, "math domain error")
		}
		r := powFloat(x, y)
		finite := !math.IsInf(x, 0) && !math.IsInf(y, 0)
		if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
			return Val{}, newErr(ValueError, "math domain error")
		}
		if math.IsInf(r, 0) && finite {
			return Val{}, newErr(OverflowError, "math range error")
		}
		return FloatVal(r), nil
	}})
	m.attrs["atan2"] = ObjVal(&Builtin{name: "atan2", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 2 {
			return Val{}, newErr(TypeError, "atan2 expected 2 arguments, got %d", len(args))
		}
		y, _ := toFloat(args[0])
		x, _ := toFloat(args[1])
		return FloatVal(crmath.Atan2(y, x)), nil
	}})
	m.attrs["hypot"] = ObjVal(&Builtin{name: "hypot", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		xs := make([]float64, len(args))
		for i, a := range args {
			x, err := toFloat(a)
			if err != nil {
				return Val{}, err
			}
			xs[i] = x
		}
		return FloatVal(crmath.Hypot(xs...)), nil
	}})
	m.attrs["gcd"] = ObjVal(&Builtin{name: "gcd", fn: mathGCD})
	m.attrs["factorial"] = ObjVal(&Builtin{name: "factorial", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "math.factorial() takes exactly one argument (%d given)", len(args))
		}
		if _, isBig := args[0].O.(*BigInt); args[0].T != tagInt && args[0].T != tagBool && !isBig {
			// No floats since 3.10: the argument goes through __index__.
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[0]))
		}
		if args[0].T != tagInt && args[0].T != tagBool {
			return Val{}, newErr(TypeError, "factorial() only accepts integral values")
		}
		n := int64(args[0].B)
		if n < 0 {
			return Val{}, newErr(ValueError, "factorial() not defined for negative values")
		}
		return normBig(new(big.Int).MulRange(1, max(n, 1))), nil
	}})
	m.attrs["isqrt"] = ObjVal(&Builtin{name: "isqrt", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "math.isqrt() takes exactly one argument (%d given)", len(args))
		}
		b, ok := toBig(args[0])
		if !ok || len(args) != 1 {
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[0]))
		}
		if b.Sign() < 0 {
			return Val{}, newErr(ValueError, "isqrt() argument must be nonnegative")
		}
		return normBig(new(big.Int).Sqrt(b)), nil
	}})
	m.attrs["isclose"] = ObjVal(&Builtin{name: "isclose", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		for i, name := range []string{"a", "b"} {
			if len(pos) <= i {
				if _, ok := kw[name]; !ok {
					return Val{}, newErr(TypeError, "isclose() missing required argument '%s' (pos %d)", name, i+1)
				}
				pos = append(pos, kw[name])
			}
		}
		if len(pos) > 2 {
			return Val{}, newErr(TypeError, "isclose() takes exactly 2 positional arguments (%d given)", len(pos))
		}
		a, _ := toFloat(pos[0])
		b, _ := toFloat(pos[1])
		rel, abs := 1e-9, 0.0
		if v, ok := kw["rel_tol"]; ok {
			rel, _ = toFloat(v)
		}
		if v, ok := kw["abs_tol"]; ok {
			abs, _ = toFloat(v)
		}
		if a == b {
			return True, nil
		}
		d := math.Abs(a - b)
		return BoolVal(d <= math.Max(rel*math.Max(math.Abs(a), math.Abs(b)), abs)), nil
	}})
	for _, n := range []string{"isnan", "isinf", "isfinite"} {
		n := n
		m.attrs[n] = ObjVal(&Builtin{name: n, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 {
				return Val{}, newErr(TypeError, "math.%s() takes exactly one argument (%d given)", n, len(args))
			}
			x, err := toFloat(args[0])
			if err != nil {
				return Val{}, err
			}
			switch n {
			case "isnan":
				return BoolVal(math.IsNaN(x)), nil
			case "isinf":
				return BoolVal(math.IsInf(x, 0)), nil
			}
			return BoolVal(!math.IsNaN(x) && !math.IsInf(x, 0)), nil
		}})
	}
	m.attrs["pi"] = FloatVal(math.Pi)
	m.attrs["e"] = FloatVal(math.E)
	m.attrs["tau"] = FloatVal(2 * math.Pi)
	m.attrs["inf"] = FloatVal(math.Inf(1))
	m.attrs["nan"] = FloatVal(math.NaN())
	mathExtras(m)
	return m
}

var _ = unicode.IsSpace

// BigRange is a range whose bounds do not fit int64.
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
}

func (x *funcIter) typeName() string { return x.name }

// iters calls iter on each value.
func (vm *VM) iters(vs []Val) ([]Object, error) {
	its := make([]Object, len(vs))
	for i, v := range vs {
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
	if i, ok := v.O.(*Instance); ok {
		return ObjVal(i.cls)
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
	}
	if t, ok := vm.bi[n]; ok {
		if _, ok := t.O.(*typeObj); ok {
			return t
		}
	}
	return vm.typeObjs.get(n, func() Val {
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
	name, ok := args[0].O.(*Str)
	if !ok {
		return Val{}, newErr(TypeError, "type.__new__() argument 1 must be str, not %s", typeName(args[0]))
	}
	bases, ok := args[1].O.(*Tuple)
	if !ok {
		return Val{}, newErr(TypeError, "type.__new__() argument 2 must be tuple, not %s", typeName(args[1]))
	}
	ns, ok := args[2].O.(*Dict)
	if !ok {
		return Val{}, newErr(TypeError, "type.__new__() argument 3 must be dict, not %s", typeName(args[2]))
	}
	cv, err := vm.buildClass(name.s, append([]Val(nil), bases.items...))
	if err != nil {
		return Val{}, err
	}
	for _, e := range ns.live() {
		k, ok := e.k.O.(*Str)
		if !ok {
			continue
		}
		if err := vm.setAttr(cv, k.s, e.v); err != nil {
			return Val{}, err
		}
	}
	return cv, nil
}
