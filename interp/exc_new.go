package interp

import "syscall"

// An exception class's own __new__: E(...) and raise E call it with the
// class and the arguments, and run __init__ on what it returns when that
// is an instance of E, as CPython's type_call does. Its super().__new__
// (or BaseException.__new__, ValueError.__new__ ...) makes a bare
// instance holding the arguments.

// ownExcNew returns the __new__ a class written in Python defines along
// t's bases, or false.
func ownExcNew(t *ExcType) (Val, bool) {
	if t.cls == nil {
		return Val{}, false // a built-in type's is newException itself
	}
	return t.lookup("__new__")
}

// newExceptionVia is calling t when its class defines __new__ as nw.
func (vm *VM) newExceptionVia(t *ExcType, nw Val, args []Val, kwn []string) (Val, error) {
	all := append([]Val{ObjVal(t)}, args...)
	r, err := vm.call(nw, all, kwn)
	if err != nil {
		return Val{}, err
	}
	e, ok := r.O.(*Exception)
	if !ok || r.T != tagObject || !e.typ.isSub(t) {
		return r, nil // not an instance of t: no __init__
	}
	if init, ok := t.lookup("__init__"); ok {
		v, err := vm.call(init, append([]Val{r}, args...), kwn)
		if err != nil {
			return Val{}, err
		}
		if v.T != tagNone {
			return Val{}, newErr(TypeError, "__init__() should return None, not '%s'", typeName(v))
		}
		return r, nil
	}
	// BaseException.__init__: keeps the positional arguments, refuses
	// keywords.
	if len(kwn) > 0 {
		return Val{}, newErr(TypeError, "%s() takes no keyword arguments", t.name)
	}
	e.args = append([]Val(nil), args...)
	return r, nil
}

// excNewMethod is owner.__new__ of a built-in exception type owner (or
// of a class that inherits it): owner.__new__(cls, *args) makes a bare
// instance of cls, a subtype of owner, without running __init__.
func excNewMethod(owner *ExcType) Val {
	return ObjVal(&Builtin{name: "__new__", bound: ObjVal(owner), fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		on := owner.name
		if len(args) == 0 {
			return Val{}, newErr(TypeError, "%s.__new__(): not enough arguments", on)
		}
		t, ok := args[0].O.(*ExcType)
		if !ok || args[0].T != tagObject {
			switch args[0].O.(type) {
			case *Class, *typeObj:
				if args[0].T == tagObject {
					n := vm.strOf(vm.mustAttr(args[0], "__name__"))
					return Val{}, newErr(TypeError, "%s.__new__(%s): %s is not a subtype of %s", on, n, n, on)
				}
			}
			return Val{}, newErr(TypeError, "%s.__new__(X): X is not a type object (%s)", on, typeName(args[0]))
		}
		if !t.isSub(owner) {
			return Val{}, newErr(TypeError, "%s.__new__(%s): %s is not a subtype of %s", on, t.name, t.name, on)
		}
		pos := args[1 : len(args)-len(kwn)]
		if isGroupType(t) {
			e, err := vm.newExcGroup(t, pos, nil, true)
			if err != nil {
				return Val{}, err
			}
			return ObjVal(e), nil
		}
		if t == OSError && len(pos) >= 2 && pos[0].T == tagInt {
			t = osErrorFor(syscall.Errno(pos[0].I())) // as OSError(2, ...)
		}
		return ObjVal(&Exception{typ: t, args: append([]Val(nil), pos...)}), nil
	}})
}

// builtinExcBase is the nearest built-in exception type among t and its
// bases: the one whose __new__ t inherits when no class defines one.
func builtinExcBase(t *ExcType) *ExcType {
	for t.cls != nil && t.base != nil {
		t = t.base
	}
	return t
}

// superExcTypeAttr is super().name in a class method or __new__ of an
// exception class, whose self is the class t: the attribute after the
// class the method belongs to (after), or the built-in base's __new__.
func (vm *VM) superExcTypeAttr(t *ExcType, after *Class, name string) (Val, bool, error) {
	past := false
	for x := t; x != nil; x = x.base {
		if past && x.cls != nil {
			if v, ok := x.cls.attrs[name]; ok {
				r, err := vm.bindExcClassAttr(v, ObjVal(t), t, false)
				return r, true, err
			}
		}
		if past && x.cls == nil && name == "__new__" {
			return excNewMethod(x), true, nil
		}
		past = past || x.cls == after
	}
	return Val{}, false, nil
}
