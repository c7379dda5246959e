package interp

// Classes written in Go for the standard modules (namedtuple, Fraction,
// StringIO, ...): ordinary classes built through buildClass, whose methods
// are built-in functions that bind to the instance as Python functions do.

type nativeFn = func(vm *VM, args []Val, kwn []string) (Val, error)

// nativeClass builds a class with the given methods (self is args[0]).
// Names in classMethods are bound to the class instead.
func (vm *VM) nativeClass(name string, bases []Val, methods map[string]nativeFn, classMethods ...string) (*Class, error) {
	cv, err := vm.buildClass(name, bases)
	if err != nil {
		return nil, err
	}
	cls := cv.O.(*Class)
	isCM := map[string]bool{}
	for _, n := range classMethods {
		isCM[n] = true
	}
	for _, key := range sortedNames(methods) {
		n, sig := splitSig(key, name)
		b := &Builtin{name: n, fn: methods[key], method: true}
		v := ObjVal(b)
		if isCM[n] {
			b.method = false
			v = ObjVal(&ClassMethod{fn: v})
		} else {
			// Called through the class with nothing for self
			// (C.m()), as CPython's Python-level methods refuse it.
			fn, qual := b.fn, name+"."+n
			b.fn = func(vm *VM, a []Val, k []string) (Val, error) {
				if len(a) == len(k) {
					return Val{}, newErr(TypeError, "%s() missing 1 required positional argument: 'self'", qual)
				}
				if sig != nil {
					if err := sig.check(n, a, k); err != nil {
						return Val{}, err
					}
				}
				return fn(vm, a, k)
			}
		}
		if err := vm.setAttr(cv, n, v); err != nil {
			return nil, err
		}
	}
	return cls, nil
}

func sortedNames[T any](m map[string]T) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func tupleOf(items []Val) Val { return ObjVal(&Tuple{items: items}) }

func strsTuple(names []string) Val {
	items := make([]Val, len(names))
	for i, n := range names {
		items[i] = StrVal(n)
	}
	return tupleOf(items)
}

// classDone runs when a class statement's body has run: the nearest
// __init_subclass__ of its bases (a classmethod implicitly) gets the new
// class, as CPython's type.__new__ does.
func (vm *VM) classDone(cv Val, kwn []string, kwv []Val) error {
	cls, ok := cv.O.(*Class)
	if !ok {
		if t, isExc := cv.O.(*ExcType); isExc && t.cls != nil {
			if err := vm.setNames(t.cls); err != nil {
				return err
			}
		}
		if len(kwn) > 0 {
			return newErr(TypeError, "%s.__init_subclass__() takes no keyword arguments", typeName(cv))
		}
		return nil
	}
	if err := vm.setNames(cls); err != nil {
		return err
	}
	if anyAbstract.Load() {
		vm.abstractMethods(cls) // fixed now, as ABCMeta does
	}
	for _, k := range cls.mro[1:] {
		if k == objectClass {
			break
		}
		v, ok := k.attrs["__init_subclass__"]
		if !ok {
			continue
		}
		fn := v
		switch w := v.O.(type) {
		case *ClassMethod:
			fn = w.fn
		case *Builtin:
			_, err := w.fn(vm, append([]Val{cv}, kwv...), kwn)
			return err
		}
		_, err := vm.call(fn, append([]Val{cv}, kwv...), kwn)
		return err
	}
	if len(kwn) > 0 {
		// object.__init_subclass__ takes none.
		return newErr(TypeError, "%s.__init_subclass__() takes no keyword arguments", cls.name)
	}
	return nil
}

// objectMethod is object.__setattr__ or object.__delattr__ (self first),
// what a class's own __setattr__ calls to store for real.
func objectMethod(name string) nativeFn {
	switch name {
	case "__new__":
		return objectNew
	case "__setattr__":
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 3 || !args[1].isStr() {
				return Val{}, newErr(TypeError, "expected 3 arguments (self, name, value)")
			}
			return NoneVal, vm.objectSetAttr(args[0], args[1].str().s, args[2])
		}
	case "__dir__":
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) == 0 {
				return Val{}, newErr(TypeError, "unbound method object.__dir__() needs an argument")
			}
			if len(args) != 1 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "object.__dir__() takes no arguments (%d given)", len(args)-1)
			}
			return vm.defaultDir(args[0])
		}
	case "__delattr__":
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 2 || !args[1].isStr() {
				return Val{}, newErr(TypeError, "expected 2 arguments (self, name)")
			}
			return NoneVal, vm.objectDelAttr(args[0], args[1].str().s)
		}
	case "__getattribute__":
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 2 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "expected 2 arguments (self, name)")
			}
			if !args[1].isStr() {
				return Val{}, newErr(TypeError, "attribute name must be string, not '%s'", typeName(args[1]))
			}
			return vm.objectGetAttribute(args[0], args[1].str().s)
		}
	}
	return nil
}

// objectGetAttribute is object.__getattribute__(o, name): the attribute
// found the ordinary way, without the class's __getattr__ to fall back on.
func (vm *VM) objectGetAttribute(o Val, name string) (Val, error) {
	x, ok := o.O.(*Instance)
	if !ok || o.T != tagObject {
		return vm.getAttr(o, name)
	}
	if v, ok, err := vm.instanceAttr(x, o, name); ok || err != nil {
		return v, err
	}
	if name == "__class__" {
		return vm.typeOf(o), nil
	}
	if name == "__dict__" && x.cls != objectClass && x.cls.hasDict() {
		return x.dictVal(), nil
	}
	if m, ok := objectDunder(o, x, name); ok {
		return m, nil
	}
	if v, ok := builtinBaseAttr(vm, x, o, name); ok {
		return v, nil
	}
	return Val{}, withAttrInfo(newErr(AttributeError, "%s", instAttrErrorMsg(x, name)), o, name)
}

// builtinBaseAttr is what an instance of a subclass of a built-in type
// finds on that type (list.append): the attribute of its built-in value,
// through the class standing for the type, which the generic look-up
// reaches without the subclass's own __getattr__.
func builtinBaseAttr(vm *VM, x *Instance, o Val, name string) (Val, bool) {
	for _, k := range x.cls.mro {
		if k.builtin {
			return vm.superBuiltinAttr(k, o, name)
		}
	}
	return Val{}, false
}
