package interp

// Descriptors of built-in types read from the type itself: str.upper is
// a method_descriptor, printed and named as CPython's.

// methodDescrAttr is an attribute of a built-in type's method taken from
// the type (str.upper): its qualified name, the type, and __get__, which
// binds it to a value of that type as "abc".upper is bound.
func (vm *VM) methodDescrAttr(b *Builtin, name string) (Val, bool) {
	switch name {
	case "__qualname__":
		return StrVal(b.objclass + "." + b.name), true
	case "__objclass__":
		if t, ok := vm.bi[b.objclass]; ok {
			return t, true
		}
	case "__get__":
		return builtinFn("__get__", func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) < 1 || len(args) > 2 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "expected 1 or 2 arguments, got %d", len(args))
			}
			obj := args[0]
			if obj.T == tagNone {
				if len(args) == 2 && args[1].T != tagNone {
					return ObjVal(b), nil
				}
				return Val{}, newErr(TypeError, "__get__(None, None) is invalid")
			}
			if typeName(obj) != b.objclass && !(b.objclass == "int" && obj.T == tagBool) {
				if bv, ok := builtinValue(obj); !ok || typeName(bv) != b.objclass {
					return Val{}, newErr(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", b.name, b.objclass, typeName(obj))
				}
			}
			return vm.getAttr(obj, b.name)
		}), true
	}
	return Val{}, false
}

// inheritedMethodDescr is a method of the built-in type that class c
// derives from, read from c (class S(str): S.upper is str.upper).
func (vm *VM) inheritedMethodDescr(c *Class, name string) (Val, bool) {
	for _, k := range c.mro {
		if !vm.isBuiltinBase(k) {
			continue
		}
		for _, m := range methodNames[k.name] {
			if m == name {
				if v, err := vm.getAttr(vm.bi[k.name], name); err == nil {
					return v, true
				}
			}
		}
	}
	return Val{}, false
}
