package interp

import "sync/atomic"

// Subclasses of int, float, str, tuple and bytes: as for list, dict and
// set (subclass_builtin.go) the instance keeps a value of the built-in
// type, but it is made once, by __new__ (the base's, or the subclass's
// through super().__new__(cls, ...)), and the base class forwards the
// operators of the immutable type: arithmetic for numbers, hashing,
// str() for str. Results are of the built-in type, as CPython's are
// (I(5) + 1 is an int).

var immutableBase = map[string]bool{"int": true, "float": true, "str": true, "tuple": true, "bytes": true, "frozenset": true}

// anyNew is set once any class gets a __new__ (every class attribute is
// stored through objectSetAttr): until then instantiation skips looking
// for one. sys's struct sequences set it at start-up, so instantiation
// then asks the class (lookupSpecial(spNew), an index per class version).
var anyNew atomic.Bool

// builtinValue is the built-in value an instance of a subclass of a
// built-in type keeps.
func builtinValue(v Val) (Val, bool) {
	inst, ok := v.O.(*Instance)
	if !ok || v.T != tagObject {
		return Val{}, false
	}
	return inst.get(builtinValueAttr)
}

// newViaNew instantiates cls when it (or a base) defines __new__: __new__
// gets the class and the arguments; __init__ runs on what it returns when
// that is an instance of cls.
func (vm *VM) newViaNew(cls *Class, nw Val, args []Val, kwn []string) (Val, error) {
	if sm, ok := nw.O.(*StaticMethod); ok {
		nw = sm.fn
	}
	all := append([]Val{ObjVal(cls)}, args...)
	r, err := vm.call(nw, all, kwn)
	if err != nil {
		return Val{}, err
	}
	// The class of what __new__ made: an instance's, or a module's whose
	// class subclasses types.ModuleType.
	var made *Class
	switch x := r.O.(type) {
	case *Instance:
		made = x.cls
	case *Module:
		made = x.cls.Load()
	}
	if made == nil || !made.isSub(cls) {
		// A metaclass's __new__ made a class: its __init__ runs when
		// the class is one of the metaclass's.
		if c, isCls := r.O.(*Class); !isCls || c.meta == nil || !c.meta.isSub(cls) {
			return r, nil
		}
	}
	// The __init__ of what __new__ made (a subclass's, maybe), as CPython
	// calls type(obj).__init__.
	initCls := cls
	if made != nil {
		initCls = made
	}
	if init, ok := initCls.lookup("__init__"); ok {
		res, err := vm.callWithSelf(init, r, args, kwn)
		if err != nil {
			return Val{}, err
		}
		if res.T != tagNone {
			return Val{}, newErr(TypeError, "__init__() should return None, not '%s'", typeName(res))
		}
	}
	return r, nil
}

// objectNew is object.__new__(cls): a bare instance.
func objectNew(vm *VM, args []Val, kwn []string) (Val, error) {
	if len(args) == 0 {
		return Val{}, newErr(TypeError, "object.__new__(): not enough arguments")
	}
	c, ok := args[0].O.(*Class)
	if !ok {
		return Val{}, newErr(TypeError, "object.__new__(X): X is not a type object (%s)", typeName(args[0]))
	}
	if s := unsafeObjectNew(c); s != nil {
		return Val{}, newErr(TypeError, "object.__new__(%s) is not safe, use %s.__new__()", c.name, s.name)
	}
	return vm.newInstancePlain(c), nil
}

func (vm *VM) immutableBaseMethods(name string, typ Val, methods map[string]nativeFn, on func(func(vm *VM, b Val, args []Val) (Val, error)) nativeFn, other func(vm *VM, v Val) Val) {
	methods["__new__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) == 0 {
			return Val{}, newErr(TypeError, "%s.__new__(): not enough arguments", name)
		}
		c, ok := args[0].O.(*Class)
		if !ok {
			return Val{}, newErr(TypeError, "%s.__new__(X): X is not a type object (%s)", name, typeName(args[0]))
		}
		v, err := vm.call(typ, args[1:], kwn)
		if err != nil {
			return Val{}, err
		}
		if b, ok := builtinValue(v); ok {
			v = b
		}
		inst := vm.newInstancePlain(c)
		inst.O.(*Instance).set(builtinValueAttr, v)
		return inst, nil
	}
	// The value was made by __new__: __init__ takes anything, as
	// object.__init__ does when __new__ is overridden.
	methods["__init__"] = func(vm *VM, args []Val, kwn []string) (Val, error) { return NoneVal, nil }
	methods["__hash__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.call(vm.bi["hash"], []Val{b}, nil) })
	if name == "int" || name == "float" || name == "str" {
		// The type's own format for a spec; an empty one is str(self)
		// (object.__format__), which a subclass's __str__ or __repr__ decides.
		methods["__format__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
			spec := ""
			if len(args) > 1 {
				spec = vm.strOf(args[1])
			}
			if spec == "" {
				return StrVal(vm.strOf(args[0])), vm.takePending()
			}
			s, err := vm.format(other(vm, args[0]), spec)
			return StrVal(s), err
		}
	}
	methods["__getnewargs__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return tupleOf([]Val{b}), nil })
	bin := func(op Op, rev bool) nativeFn {
		return on(func(vm *VM, b Val, a []Val) (Val, error) {
			if rev {
				return vm.binop(op, other(vm, a[0]), b)
			}
			return vm.binop(op, b, other(vm, a[0]))
		})
	}
	switch name {
	case "str":
		methods["__str__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return b, nil })
		methods["__mod__"] = bin(opMod, false)
		methods["__rmod__"] = bin(opMod, true)
	case "bytes":
		methods["__mod__"] = bin(opMod, false)
		methods["__bytes__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return b, nil })
	case "int", "float":
		for n, op := range map[string]Op{"add": opAdd, "sub": opSub, "mul": opMul, "truediv": opTrueDiv,
			"floordiv": opFloorDiv, "mod": opMod, "pow": opPow} {
			methods["__"+n+"__"] = bin(op, false)
			methods["__r"+n+"__"] = bin(op, true)
		}
		if name == "int" {
			for n, op := range map[string]Op{"and": opBitAnd, "or": opBitOr, "xor": opBitXor, "lshift": opLshift, "rshift": opRshift} {
				methods["__"+n+"__"] = bin(op, false)
				methods["__r"+n+"__"] = bin(op, true)
			}
			methods["__index__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return b, nil })
			methods["__invert__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.unary(opInvert, b) })
		}
		methods["__neg__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.unary(opNeg, b) })
		methods["__pos__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.unary(opPos, b) })
		methods["__abs__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.call(vm.bi["abs"], []Val{b}, nil) })
		methods["__int__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return biInt(vm, []Val{b}, nil) })
		methods["__float__"] = on(func(vm *VM, b Val, a []Val) (Val, error) {
			f, err := toFloat(b)
			return FloatVal(f), err
		})
		methods["__round__"] = on(func(vm *VM, b Val, a []Val) (Val, error) {
			return vm.call(vm.bi["round"], append([]Val{b}, a...), nil)
		})
		methods["__divmod__"] = on(func(vm *VM, b Val, a []Val) (Val, error) {
			return vm.call(vm.bi["divmod"], []Val{b, other(vm, a[0])}, nil)
		})
	}
	// Only str has a __str__ of its own: str() of the others is their repr,
	// so a subclass's __repr__ shows in print() as in CPython.
	if name != "str" {
		delete(methods, "__str__")
	}
}

// unsafeObjectNew is the class CPython's object.__new__(c) tells to use
// instead when c derives from a built-in type (list, int ...), whose
// value object's __new__ cannot make: the first class from c up its
// first bases without a __new__ of its own. Nil when c is object's to make.
func unsafeObjectNew(c *Class) *Class {
	derived := false
	for _, k := range c.mro {
		if k.builtin && k != typeClass {
			derived = true
			break
		}
	}
	if !derived {
		return nil
	}
	k := c
	for {
		nw, ok := k.attrs["__new__"]
		if !ok || len(k.bases) == 0 {
			break
		}
		if _, native := nw.O.(*Builtin); native {
			break
		}
		k = k.bases[0]
	}
	if k.builtin {
		if t, ok := k.builtinType.O.(*typeObj); ok {
			return &Class{name: t.name}
		}
	}
	return k
}
