package interp

// The attributes of staticmethod and classmethod objects: __func__ (and
// __wrapped__, since 3.10), the wrapped function's __name__, __qualname__,
// __doc__ and __module__, __isabstractmethod__, and __get__, which binds
// as a class attribute does (a descriptor calling another's __get__, as
// functools.partialmethod does, needs it).

// wrapperAttr is attribute name of o, a staticmethod (class false) or a
// classmethod wrapping fn; false when it has no such attribute.
func (vm *VM) wrapperAttr(o, fn Val, class bool, name string) (Val, bool, error) {
	switch name {
	case "__func__", "__wrapped__":
		return fn, true, nil
	case "__name__", "__qualname__", "__doc__", "__module__":
		v, err := vm.getAttr(fn, name)
		if err != nil && isAttrErr(err) {
			return Val{}, false, nil
		}
		return v, true, err
	case "__isabstractmethod__":
		v, err := vm.getAttr(fn, name)
		if err != nil {
			if isAttrErr(err) {
				return False, true, nil
			}
			return Val{}, true, err
		}
		t, err := vm.truth(v)
		return BoolVal(t), true, err
	case "__get__":
		return ObjVal(&Builtin{name: "__get__", bound: o, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(kwn) > 0 {
				return Val{}, newErr(TypeError, "__get__() takes no keyword arguments")
			}
			if len(args) < 1 || len(args) > 2 {
				return Val{}, newErr(TypeError, "expected 1 or 2 arguments, got %d", len(args))
			}
			if !class {
				return fn, nil
			}
			owner := NoneVal
			if len(args) == 2 {
				owner = args[1]
			}
			if owner.T == tagNone {
				if args[0].T == tagNone {
					return Val{}, newErr(TypeError, "__get__(None, None) is invalid")
				}
				owner = vm.typeOf(args[0])
			}
			return ObjVal(&Method{self: owner, fn: fn}), nil
		}}), true, nil
	}
	return Val{}, false, nil
}
