package interp

// Virtual subclasses of abc's classes: ABC.register (ABCMeta.register for
// a class made by the metaclass) and __subclasshook__, which isinstance
// and issubclass ask after the MRO, as CPython's ABCMeta.__subclasscheck__
// does: the hook first, then the classes registered with the ABC, then
// those registered with its subclasses.

// isABC reports whether c derives from abc.ABC or was made by ABCMeta.
func (c *Class) isABC() bool {
	for _, k := range c.mro {
		if k.abcRoot {
			return true
		}
		if m := k.pyMeta(); m != nil {
			for _, mk := range m.mro {
				if mk.abcRoot {
					return true
				}
			}
		}
	}
	return false
}

// abcRegister is ABC.register(sub): sub becomes a virtual subclass of
// cls (the registry is replaced whole, never changed in place: other
// threads read it without a lock).
func (vm *VM) abcRegister(cls *Class, sub Val) (Val, error) {
	switch sub.O.(type) {
	case *Class, *typeObj, *ExcType:
	default:
		return Val{}, newErr(TypeError, "Can only register classes")
	}
	if r, err := vm.issubclass(sub, ObjVal(cls)); err != nil || truthy(r) {
		return sub, err // already a subclass, real or virtual
	}
	if c, ok := sub.O.(*Class); ok {
		if r, err := vm.issubclass(ObjVal(cls), ObjVal(c)); err != nil {
			return Val{}, err
		} else if truthy(r) {
			return Val{}, newErr(RuntimeError, "Refusing to create an inheritance cycle")
		}
	}
	for {
		old := cls.abcRegistry.Load()
		var next []Val
		if old != nil {
			next = append(next, *old...)
		}
		next = append(next, sub)
		if cls.abcRegistry.CompareAndSwap(old, &next) {
			break
		}
	}
	cls.changed()
	return sub, nil
}

// abcVirtual answers issubclass(sub, cls) for an ABC cls once the MRO has
// said no: found is false when nothing beyond the MRO decides.
func (vm *VM) abcVirtual(sub Val, cls *Class) (is bool, err error) {
	if hook, ok := cls.lookup("__subclasshook__"); ok && hook.T == tagObject {
		if _, isCM := hook.O.(*ClassMethod); isCM {
			h, err := vm.getAttr(ObjVal(cls), "__subclasshook__")
			if err != nil {
				return false, err
			}
			r, err := vm.call(h, []Val{sub}, nil)
			if err != nil {
				return false, err
			}
			if !isNotImplemented(r) {
				return truthy(r), nil
			}
		}
	}
	if reg := cls.abcRegistry.Load(); reg != nil {
		for _, r := range *reg {
			if r.O == sub.O {
				return true, nil
			}
			if res, err := vm.issubclass(sub, r); err != nil || truthy(res) {
				return err == nil, err
			}
		}
	}
	for _, s := range cls.liveSubclasses() {
		if s.abcRegistry.Load() == nil && len(s.liveSubclasses()) == 0 {
			continue
		}
		if is, err := vm.abcVirtual(sub, s); err != nil || is {
			return is, err
		}
	}
	return false, nil
}
