package interp

import "slices"

// Special methods of built-in values, as attributes: hasattr([], '__iter__'),
// (5).__add__(2), it.__next__(). minipy runs these operations directly, so a
// built-in value has no method objects for them; when a name is looked up
// and nothing else has it, builtinDunder makes one bound to the value that
// runs the operation, for the special methods the value's type has in
// CPython (typeDir, and the abc tables for the protocol methods).

var binDunderOps = map[string]Op{}

func init() {
	for op, names := range binDunders {
		if names[0] != "" {
			binDunderOps[names[0]] = Op(op)
			binDunderOps[names[1]] = Op(op)
		}
	}
}

// typeHasDunder says whether CPython's type named tname has special method
// name, as far as minipy knows the type.
func typeHasDunder(tname, name string) bool {
	if names, ok := typeDir[tname]; ok {
		return slices.Contains(names, name)
	}
	if _, kind, ok := builtinAttrKind(tname, name); ok && (kind == 'W' || kind == 'M') {
		return true // complex.__add__
	}
	for _, spec := range abcSpecs {
		if slices.Contains(spec.methods, name) && slices.Contains(spec.types, tname) {
			return true
		}
	}
	switch name {
	case "__str__", "__repr__", "__eq__", "__ne__", "__format__", "__init__", "__dir__":
		return true // object's, which every type inherits
	}
	return false
}

// builtinDunder is special method name bound to built-in value o, or false
// when o's type has no such method or minipy does not run it this way.
func builtinDunder(o Val, name string) (Val, bool) {
	tname := typeName(o)
	if !typeHasDunder(tname, name) {
		return Val{}, false
	}
	if _, kind, _ := builtinAttrKind(tname, name); kind == 'N' {
		return Val{}, false // [].__hash__ is None
	}
	arity := 0
	var run func(vm *VM, args []Val) (Val, error)
	switch name {
	case "__str__":
		run = func(vm *VM, _ []Val) (Val, error) { return StrVal(vm.strOf(o)), vm.takePending() }
	case "__repr__":
		run = func(vm *VM, _ []Val) (Val, error) { return StrVal(vm.repr(o)), vm.takePending() }
	case "__hash__":
		run = func(vm *VM, _ []Val) (Val, error) {
			h, err := hashOf(o)
			return IntVal(h), err
		}
	case "__len__":
		run = func(vm *VM, _ []Val) (Val, error) {
			n, err := vm.length(o)
			return IntVal(int64(n)), err
		}
	case "__iter__":
		run = func(vm *VM, _ []Val) (Val, error) {
			it, err := vm.iter(o)
			if err != nil {
				return Val{}, err
			}
			return ObjVal(it), nil
		}
	case "__next__":
		run = func(vm *VM, _ []Val) (Val, error) {
			return vm.call(vm.bi["next"], []Val{o}, nil)
		}
	case "__bool__":
		run = func(vm *VM, _ []Val) (Val, error) {
			t, err := vm.truth(o)
			return BoolVal(t), err
		}
	case "__init__":
		run = func(vm *VM, _ []Val) (Val, error) { return NoneVal, nil }
		arity = -1
	case "__dir__":
		run = func(vm *VM, _ []Val) (Val, error) { return vm.defaultDir(o) }
	case "__format__":
		arity = 1
		run = func(vm *VM, args []Val) (Val, error) {
			if !args[0].isStr() {
				return Val{}, newErr(TypeError, "%s.__format__() argument must be str, not %s", tname, typeName(args[0]))
			}
			s, err := vm.format(o, args[0].str().s)
			return StrVal(s), err
		}
	case "__getitem__":
		arity = 1
		run = func(vm *VM, args []Val) (Val, error) { return vm.getItem(o, args[0]) }
	case "__setitem__":
		arity = 2
		run = func(vm *VM, args []Val) (Val, error) { return NoneVal, vm.setItem(o, args[0], args[1]) }
	case "__delitem__":
		arity = 1
		run = func(vm *VM, args []Val) (Val, error) { return NoneVal, vm.delItem(o, args[0]) }
	case "__contains__":
		arity = 1
		run = func(vm *VM, args []Val) (Val, error) {
			in, err := vm.contains(o, args[0])
			return BoolVal(in), err
		}
	case "__eq__", "__ne__":
		arity = 1
		run = func(vm *VM, args []Val) (Val, error) {
			other := builtinOperand(args[0])
			if !sameBuiltinKind(o, other) {
				return vm.bi["NotImplemented"], nil
			}
			eq := vm.equal(o, other)
			if err := vm.takePending(); err != nil {
				return Val{}, err
			}
			return BoolVal(eq == (name == "__eq__")), nil
		}
	case "__lt__", "__le__", "__gt__", "__ge__":
		arity = 1
		op := map[string]Op{"__lt__": opLt, "__le__": opLe, "__gt__": opGt, "__ge__": opGe}[name]
		run = func(vm *VM, args []Val) (Val, error) {
			other := builtinOperand(args[0])
			if !sameBuiltinKind(o, other) {
				return vm.bi["NotImplemented"], nil
			}
			r, err := vm.compare(op, o, other)
			return BoolVal(r), err
		}
	case "__neg__", "__pos__", "__invert__":
		op := map[string]Op{"__neg__": opNeg, "__pos__": opPos, "__invert__": opInvert}[name]
		run = func(vm *VM, _ []Val) (Val, error) { return vm.unary(op, o) }
	case "__abs__", "__int__", "__float__", "__index__", "__complex__":
		conv := map[string]string{"__abs__": "abs", "__int__": "int", "__float__": "float", "__complex__": "complex"}[name]
		run = func(vm *VM, _ []Val) (Val, error) {
			if name == "__index__" {
				if o.T == tagBool {
					return IntVal(int64(o.B)), nil // True.__index__() is 1
				}
				return o, nil
			}
			return vm.call(vm.bi[conv], []Val{o}, nil)
		}
	case "__reversed__":
		run = func(vm *VM, _ []Val) (Val, error) { return vm.call(vm.bi["reversed"], []Val{o}, nil) }
	case "__copy__":
		run = func(vm *VM, _ []Val) (Val, error) { return vm.callMethod(o, "copy", nil, nil) }
	case "__iadd__", "__isub__", "__imul__", "__ior__", "__iand__", "__ixor__":
		// The augmented assignment's own form: the value changes in place.
		op := map[string]Op{"__iadd__": opAdd, "__isub__": opSub, "__imul__": opMul, "__ior__": opBitOr, "__iand__": opBitAnd, "__ixor__": opBitXor}[name]
		arity = 1
		run = func(vm *VM, args []Val) (Val, error) {
			r, ok, err := vm.inplaceOp(op, o, builtinOperand(args[0]))
			if err != nil || ok {
				return r, err
			}
			return vm.bi["NotImplemented"], nil
		}
	default:
		op, ok := binDunderOps[name]
		if !ok {
			return Val{}, false
		}
		reflected := binDunders[op][1] == name
		arity = 1
		run = func(vm *VM, args []Val) (Val, error) {
			repeat := op == opMul && isIntLike(args[0]) && !isNumber(o) // 'ab'.__mul__(2)
			// '%s-%d'.__mod__(('x', 3)): a str or bytes formats any operand.
			_, isBytes := o.O.(*Bytes)
			formats := op == opMod && !reflected && (o.isStr() || isBytes && o.T == tagObject)
			if !repeat && !formats && !sameBuiltinKind(o, args[0]) {
				return vm.bi["NotImplemented"], nil
			}
			if reflected {
				return vm.binop(op, args[0], o)
			}
			return vm.binop(op, o, args[0])
		}
	}
	slot := isSlotMethod(tname, name)
	return ObjVal(&Builtin{name: name, bound: o, slot: slot, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(kwn) > 0 {
			if slot {
				return Val{}, newErr(TypeError, "wrapper %s() takes no keyword arguments", name)
			}
			return Val{}, newErr(TypeError, "%s.%s() takes no keyword arguments", tname, name)
		}
		if arity >= 0 && len(args) != arity {
			switch name {
			case "__getitem__", "__contains__", "__format__":
				// Methods of their own in CPython, not slot wrappers.
				return Val{}, newErr(TypeError, "%s.%s() takes exactly one argument (%d given)", tname, name, len(args))
			}
			return Val{}, newErr(TypeError, "expected %d argument%s, got %d", arity, plural(arity), len(args))
		}
		return run(vm, args)
	}}), true
}

// sameBuiltinKind says whether a built-in type's binary special method
// takes b as its other operand rather than returning NotImplemented: the
// same type, or numbers a float or int method accepts.
// builtinOperand is v's built-in value when v is an instance of a
// subclass of a built-in type: tuple.__lt__(t, Rev((1, 2))) compares the
// two tuples, as CPython does, where the subclass's own __lt__ (which may
// well call tuple.__lt__) is not asked again.
func builtinOperand(v Val) Val {
	if b, ok := builtinValue(v); ok {
		return b
	}
	return v
}

func sameBuiltinKind(a, b Val) bool {
	ta, tb := typeName(a), typeName(b)
	switch {
	case ta == tb:
		return true
	case ta == "float":
		return isNumber(b)
	case ta == "complex":
		return isNumber(b) || tb == "complex"
	case ta == "int" || ta == "bool":
		return isIntLike(b)
	}
	return false
}

// objectDunder is object's special method name bound to instance o whose
// class does not define it (c.__str__(), hasattr(c, '__init__')).
func objectDunder(o Val, x *Instance, name string) (Val, bool) {
	var run nativeFn
	cname := x.cls.name
	switch name {
	case "__str__":
		run = func(vm *VM, args []Val, _ []string) (Val, error) {
			if len(args) != 0 {
				return Val{}, newErr(TypeError, "expected 0 arguments, got %d", len(args))
			}
			// object.__str__ is repr: a __str__ that calls it must not
			// come back to itself.
			return StrVal(vm.repr(o)), vm.takePending()
		}
	case "__repr__":
		run = func(vm *VM, args []Val, _ []string) (Val, error) {
			if len(args) != 0 {
				return Val{}, newErr(TypeError, "expected 0 arguments, got %d", len(args))
			}
			// Not the class's own __repr__ (unittest's safe_repr falls
			// back on this when that one raises).
			return StrVal(objectRepr(x)), nil
		}
	case "__hash__":
		run = func(vm *VM, args []Val, _ []string) (Val, error) {
			if len(args) != 0 {
				return Val{}, newErr(TypeError, "expected 0 arguments, got %d", len(args))
			}
			// object.__hash__ is by identity, whatever the class's own
			// __hash__ says (it may be what calls this).
			return IntVal(pointerHash(o.O)), nil
		}
	case "__init__":
		run = func(vm *VM, args []Val, _ []string) (Val, error) {
			if len(args) != 0 {
				return Val{}, newErr(TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)", cname)
			}
			return NoneVal, nil
		}
	case "__dir__":
		run = func(vm *VM, args []Val, _ []string) (Val, error) {
			if len(args) != 0 {
				return Val{}, newErr(TypeError, "object.__dir__() takes no arguments (%d given)", len(args))
			}
			return vm.defaultDir(o)
		}
	case "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__":
		run = func(vm *VM, args []Val, _ []string) (Val, error) {
			if len(args) != 1 {
				return Val{}, newErr(TypeError, "expected 1 argument, got %d", len(args))
			}
			switch name {
			case "__eq__":
				if same(o, args[0]) {
					return True, nil
				}
			case "__ne__":
				// object's != inverts the class's == unless that declines.
				if eq, ok := x.cls.lookup("__eq__"); ok {
					r, err := vm.call(eq, []Val{o, args[0]}, nil)
					if err != nil || isNotImplemented(r) {
						return r, err
					}
					t, err := vm.truth(r)
					return BoolVal(!t), err
				}
				if same(o, args[0]) {
					return False, nil
				}
			}
			return vm.bi["NotImplemented"], nil
		}
	case "__getstate__":
		run = func(vm *VM, args []Val, _ []string) (Val, error) {
			if len(args) != 0 {
				return Val{}, newErr(TypeError, "object.__getstate__() takes no arguments (%d given)", len(args))
			}
			return vm.pickleCall("_object_getstate", o, ObjVal(x.cls))
		}
	case "__reduce_ex__", "__reduce__":
		run = func(vm *VM, args []Val, _ []string) (Val, error) {
			proto := IntVal(0)
			if name == "__reduce_ex__" {
				if len(args) != 1 || args[0].T != tagInt {
					return Val{}, newErr(TypeError, "__reduce_ex__() takes exactly one int argument")
				}
				proto = args[0]
				// A class's own __reduce__ is what object.__reduce_ex__
				// asks, as CPython's does.
				if r, ok := x.cls.lookup("__reduce__"); ok {
					return vm.callWithSelf(r, o, nil, nil)
				}
			} else if len(args) != 0 {
				return Val{}, newErr(TypeError, "object.__reduce__() takes no arguments (%d given)", len(args))
			}
			return vm.pickleCall("_reduce_object", o, proto)
		}
	case "__init_subclass__", "__subclasshook__":
		// object's class methods, read through an instance: bound to its
		// class, as C.__init_subclass__ is.
		cls := ObjVal(x.cls)
		return ObjVal(&Builtin{name: name, bound: cls, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			m, err := vm.getAttr(cls, name)
			if err != nil {
				return Val{}, err
			}
			return vm.call(m, args, kwn)
		}}), true
	case "__sizeof__":
		run = func(vm *VM, args []Val, _ []string) (Val, error) {
			if len(args) != 0 {
				return Val{}, newErr(TypeError, "object.__sizeof__() takes no arguments (%d given)", len(args))
			}
			// CPython's basic size: the object header, and a pointer
			// for each __slots__ name.
			return IntVal(16 + 8*int64(len(x.cls.slotState().names))), nil
		}
	case "__format__":
		run = func(vm *VM, args []Val, _ []string) (Val, error) {
			if len(args) != 1 || !args[0].isStr() {
				return Val{}, newErr(TypeError, "__format__() argument must be str")
			}
			if args[0].str().s != "" {
				return Val{}, newErr(TypeError, "unsupported format string passed to %s.__format__", cname)
			}
			return StrVal(vm.strOf(o)), vm.takePending()
		}
	case "__setattr__", "__delattr__", "__getattribute__":
		// object's, bound: o.__setattr__('x', 1).
		f := objectMethod(name)
		run = func(vm *VM, args []Val, kwn []string) (Val, error) {
			return f(vm, append([]Val{o}, args...), kwn)
		}
	default:
		return Val{}, false
	}
	return ObjVal(&Builtin{name: name, bound: o, slot: isSlotMethod("object", name), fn: run}), true
}

// objectSpecials are object's special methods a class inherits.
var objectSpecials = []string{"__init__", "__str__", "__repr__", "__hash__", "__eq__", "__ne__", "__lt__",
	"__le__", "__gt__", "__ge__", "__format__", "__new__", "__setattr__", "__delattr__", "__dir__",
	"__reduce_ex__", "__reduce__", "__getstate__", "__sizeof__", "__getattribute__"}

// objectAttr is object's special method name, unbound (object.__init__,
// C.__repr__), one object per VM so that C.__init__ is object.__init__.
func (vm *VM) objectAttr(name string) (Val, bool) {
	if !slices.Contains(objectSpecials, name) {
		return Val{}, false
	}
	return vm.typeObjs.get("object."+name, func() Val {
		return objectDescr(name, vm.objectSpecial(name))
	}), true
}

// objectDescr makes object's function for special method name print and
// type as CPython's: a slot wrapper (<slot wrapper '__init__' of 'object'
// objects>) or a method_descriptor (__format__, __dir__).
func objectDescr(name string, f Val) Val {
	if b, ok := f.O.(*Builtin); ok {
		if _, kind, ok := builtinAttrKind("object", name); ok && (kind == 'W' || kind == 'M') {
			b.objclass, b.slot = "object", kind == 'W'
		}
	}
	return f
}

// objectSpecial is the function objectAttr gives for name.
func (vm *VM) objectSpecial(name string) Val {
	if f := objectMethod(name); f != nil {
		return builtinFn(name, f)
	}
	return builtinFn(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) == 0 {
			return Val{}, newErr(TypeError, "descriptor '%s' of 'object' object needs an argument", name)
		}
		self := args[0]
		if _, isInst := self.O.(*Instance); !isInst || self.T != tagObject {
			// object's own repr, and str as the type's repr, for any
			// value (an exception's is not its args').
			switch name {
			case "__repr__":
				if len(args) != 1 || len(kwn) > 0 {
					return Val{}, newErr(TypeError, "expected 0 arguments, got %d", len(args)-1)
				}
				return StrVal(vm.objectReprOf(self)), nil
			case "__str__":
				if len(args) != 1 || len(kwn) > 0 {
					return Val{}, newErr(TypeError, "expected 0 arguments, got %d", len(args)-1)
				}
				return StrVal(vm.repr(self)), vm.takePending()
			}
		}
		var m Val
		var ok bool
		if inst, isInst := self.O.(*Instance); isInst && self.T == tagObject {
			m, ok = objectDunder(self, inst, name)
		} else {
			m, ok = builtinDunder(self, name)
		}
		if !ok {
			return Val{}, newErr(TypeError, "descriptor '%s' for 'object' objects doesn't apply to a '%s' object", name, typeName(self))
		}
		return vm.call(m, args[1:], kwn)
	})
}

// pickleCall calls one of pickle's own functions (pylib/pickle.py), which
// know what an instance is made of: object.__getstate__ and
// object.__reduce_ex__ are those.
func (vm *VM) pickleCall(fn string, args ...Val) (Val, error) {
	if _, err := vm.importByName("pickle"); err != nil {
		return Val{}, err
	}
	ns := vm.pylibNS[pylibFile+"pickle>"]
	if ns == nil {
		return Val{}, newErr(RuntimeError, "pickle's namespace is missing")
	}
	f, ok, _ := ns.get(StrVal(fn))
	if !ok {
		return Val{}, newErr(RuntimeError, "pickle has no %s", fn)
	}
	return vm.call(f, args, nil)
}

// objectReprOf is object.__repr__(v): `<module.Qualname object at 0x...>`,
// the module left out for builtins, whatever repr v's type defines.
func (vm *VM) objectReprOf(v Val) string {
	if inst, ok := v.O.(*Instance); ok && v.T == tagObject {
		return objectRepr(inst)
	}
	t := vm.typeOf(v)
	name := typeName(v)
	if q, err := vm.getAttr(t, "__qualname__"); err == nil && q.isStr() {
		name = q.str().s
	}
	if m, err := vm.getAttr(t, "__module__"); err == nil && m.isStr() && m.str().s != "builtins" {
		name = m.str().s + "." + name
	}
	return "<" + name + " object at 0x7f0000000000>"
}

// isSlotMethod says whether built-in type tname's special method name is
// a slot wrapper, bound a method-wrapper ((1).__add__), rather than a
// method (list.__getitem__, __format__, __reduce__ ...).
func isSlotMethod(tname, name string) bool {
	if _, kind, ok := builtinAttrKind(tname, name); ok {
		return kind == 'W'
	}
	switch name {
	case "__format__", "__sizeof__", "__reduce__", "__reduce_ex__", "__getstate__", "__dir__",
		"__reversed__", "__getnewargs__", "__round__", "__trunc__", "__floor__", "__ceil__",
		"__length_hint__", "__copy__", "__deepcopy__", "__enter__", "__exit__", "__class_getitem__":
		return false
	}
	return true
}
