package interp

// Assigning __class__ on an instance (d.__class__ = B), as CPython allows
// between classes whose instances are laid out alike. The instance moves
// to a shape of the new class with the same attribute names: inline
// caches and traces key on the shape (guard_shape), and a shape belongs
// to one class, so nothing cached for the old class applies to the
// instance any more.

func (vm *VM) setInstanceClass(x *Instance, v Val) error {
	to, ok := v.O.(*Class)
	if !ok || v.T != tagObject {
		switch v.O.(type) {
		case *typeObj, *ExcType:
			if v.T == tagObject {
				return newErr(TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses")
			}
		}
		return newErr(TypeError, "__class__ must be set to a class, not '%s' object", typeName(v))
	}
	from := x.cls
	if to.builtin || to == objectClass || from == nil || from.builtin || from == objectClass {
		return newErr(TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses")
	}
	if !sameLayout(from, to) {
		return newErr(TypeError, "__class__ assignment: '%s' object layout differs from '%s'", to.name, from.name)
	}
	if from == to {
		return nil
	}
	if s := x.shape; s != nil {
		var t *Shape
		if s.private {
			t = &Shape{cls: to, root: to.root, private: true, live: s.live}
			t.setNames(append([]string(nil), s.names...))
		} else {
			t = to.root
			for _, n := range s.names {
				t = t.with(n)
			}
		}
		x.shape = t
	}
	x.cls = to
	return nil
}

// sameLayout: instances of a and b hold the same built-in value (the same
// built-in classes in their MROs), the same exception type and the same
// __slots__, so either class's methods can work on the other's.
func sameLayout(a, b *Class) bool {
	if a.exc != b.exc {
		return false
	}
	sa, sb := a.slotState(), b.slotState()
	if sa.dict != sb.dict || len(sa.names) != len(sb.names) {
		return false
	}
	for n := range sa.names {
		if !sb.names[n] {
			return false
		}
	}
	var ba, bb []*Class
	for _, c := range a.mro {
		if c.builtin && c != objectClass {
			ba = append(ba, c)
		}
	}
	for _, c := range b.mro {
		if c.builtin && c != objectClass {
			bb = append(bb, c)
		}
	}
	if len(ba) != len(bb) {
		return false
	}
	for i := range ba {
		if ba[i] != bb[i] {
			return false
		}
	}
	return true
}
