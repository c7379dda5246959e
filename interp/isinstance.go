package interp

// claimsClass is classAttrIsSub for any class t (a built-in type, an
// exception class): an instance whose class defines __class__ is an
// instance of what that claims to be a subclass of.
func (vm *VM) claimsClass(v Val, i *Instance, t Val) (Val, error) {
	if !i.claimsClassAttr() {
		return False, nil
	}
	c, err := vm.getAttr(v, "__class__")
	if err != nil {
		return False, notAttributeError(err)
	}
	if c.T != tagObject || c.O == Object(i.cls) {
		return False, nil
	}
	switch c.O.(type) {
	case *Class, *typeObj, *ExcType:
		return vm.issubclass(c, t)
	}
	return False, nil
}

// classAttrIsSub is isinstance's second question, as CPython asks it:
// whether an instance whose class defines __class__ (a property: a mock
// with a spec) or __getattribute__ claims through it to be of class x.
func (vm *VM) classAttrIsSub(v Val, i *Instance, x *Class) (bool, error) {
	if !i.claimsClassAttr() {
		return false, nil
	}
	c, err := vm.getAttr(v, "__class__")
	if err != nil {
		return false, notAttributeError(err)
	}
	k, ok := c.O.(*Class)
	return ok && c.T == tagObject && k != i.cls && (k == x || k.isSub(x)), nil
}

// notAttributeError is err unless it is an AttributeError: isinstance
// takes a missing __class__ for none, but any other error from reading
// it is raised (CPython's abstract_get_class... object_isinstance).
func notAttributeError(err error) error {
	if pe, ok := err.(*PyErr); ok && pe.exc.typ.isSub(AttributeError) {
		return nil
	}
	return err
}

func (vm *VM) isinstance(v, t Val) (Val, error) {
	// An instance against a plain class first: the common case, and the
	// builtins look-up below (a Go map by name) was a tenth of its cost.
	if x, ok := t.O.(*Class); ok && x.meta == nil && t.T == tagObject {
		if i, ok := v.O.(*Instance); ok && !x.protocol && !x.protoClass {
			if i.cls == x {
				return True, nil
			}
			if anyAbstract.Load() && x.isABC() {
				return vm.abcIsInstance(v, i, x)
			}
			if i.cls.isSub(x) {
				return True, nil
			}
			is, err := vm.classAttrIsSub(v, i, x)
			return BoolVal(is), err
		}
	}
	// type is a *Builtin: other types skip the builtins' map.
	if _, ok := t.O.(*Builtin); ok && t.O == vm.bi["type"].O && t.T == tagObject {
		// Classes are instances of type.
		switch v.O.(type) {
		case *Class, *ExcType, *typeObj:
			return BoolVal(v.T == tagObject), nil
		}
		return BoolVal(v.O == t.O && v.T == tagObject), nil
	}
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
		if x.name == "object" {
			return True, nil // everything is an object
		}
		n := typeName(v)
		if l, ok := v.O.(*List); ok && v.T == tagObject && l.deque {
			n = "deque" // collections.deque, not a list
		}
		if d, ok := v.O.(*Dict); ok && v.T == tagObject && x.module == "collections" {
			// collections' dicts are dicts with a flag (typeName "dict").
			switch x.name {
			case "Counter":
				return BoolVal(d.counter), nil
			case "OrderedDict":
				return BoolVal(d.ordered), nil
			case "defaultdict":
				return BoolVal(d.factory.T != tagEmpty), nil
			}
		}
		if x.name == "int" && n == "bool" {
			return True, nil
		}
		if i, ok := v.O.(*Instance); ok && n != x.name {
			if b := vm.baseOf(x); b != nil && i.cls.isSub(b) {
				return True, nil
			}
			return vm.claimsClass(v, i, t)
		}
		return BoolVal(n == x.name), nil
	case *ExcType:
		e, ok := v.O.(*Exception)
		if i, isInst := v.O.(*Instance); isInst && !ok {
			return vm.claimsClass(v, i, t)
		}
		return BoolVal(ok && e.typ.isSub(x)), nil
	case *Class:
		if i, ok := v.O.(*Instance); ok && v.T == tagObject && i.cls == x {
			// An instance of exactly x: CPython answers before asking
			// any __instancecheck__.
			return True, nil
		}
		if x.meta != nil {
			if r, found, err := vm.metaDunder(x, "__instancecheck__", []Val{v}); found {
				return BoolVal(truthy(r)), err
			}
		}
		if x.protoClass && !x.protocol {
			return Val{}, errNotRuntimeProtocol()
		}
		if c, ok := v.O.(*Class); ok && v.T == tagObject {
			// A class is an instance of its metaclass.
			if c.meta != nil && c.meta.isSub(x) || x == typeClass {
				return True, nil
			}
			m := vm.nativeMetaOf(c)
			return BoolVal(m != nil && m.isSub(x)), nil
		}
		i, ok := v.O.(*Instance)
		if ok && i.cls == x {
			return True, nil
		}
		if m, isMod := v.O.(*Module); isMod {
			c := m.cls.Load()
			return BoolVal(c != nil && c.isSub(x) || x == vm.moduleBase()), nil
		}
		if anyAbstract.Load() && x.isABC() {
			if ok {
				return vm.abcIsInstance(v, i, x)
			}
			is, err := vm.abcIsSubclass(vm.typeOf(v), x)
			return BoolVal(is), err
		}
		if ok && i.cls.isSub(x) {
			return True, nil
		}
		if has, isProto := vm.protocolCheck(v, x); isProto {
			return BoolVal(has), nil
		}
		if ok {
			if r, err := vm.claimsClass(v, i, t); err != nil || truthy(r) {
				return r, err
			}
		}
		return False, nil
	}
	if _, ok := t.O.(*Instance); ok && t.T == tagObject {
		// A union (int | str) or an object whose class defines it.
		if r, found, err := vm.dunder(t, "__instancecheck__", v); found {
			return BoolVal(err == nil && truthy(r)), err
		}
	}
	return Val{}, newErr(TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
}

// nativeLineage answers __mro__, __bases__ and __base__ of a native type
// as issubclass sees it: bool derives from int, the others from object.
func (vm *VM) nativeLineage(o Val, t *typeObj, name string) Val {
	mro := []Val{o}
	for cur := t; cur.name != "object"; {
		next := vm.bi["object"]
		if cur.name == "bool" {
			next = vm.bi["int"]
		}
		if _, _, ok := dictTypeKind(cur); ok {
			next = vm.bi["dict"] // OrderedDict, Counter, defaultdict
		}
		mro = append(mro, next)
		cur = next.O.(*typeObj)
	}
	switch {
	case name == "__mro__":
		return tupleOf(mro)
	case len(mro) == 1 && name == "__base__":
		return NoneVal
	case name == "__base__":
		return mro[1]
	}
	return tupleOf(mro[1:min(2, len(mro))])
}

// issubclass is issubclass(c, t) for a class c.
func (vm *VM) issubclass(c, t Val) (Val, error) {
	if t.O == vm.bi["type"].O && t.T == tagObject {
		k, ok := c.O.(*Class)
		return BoolVal(ok && k.isSub(typeClass) || c.O == t.O), nil
	}
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
		if k, ok := c.O.(*Class); ok {
			// A class deriving from the type (class C(list)).
			b := vm.baseOf(x)
			return BoolVal(b != nil && k.isSub(b)), nil
		}
		y, ok := c.O.(*typeObj)
		if ok && x.name == "dict" && collectionsDict(y) {
			return True, nil // OrderedDict, defaultdict and Counter are dicts
		}
		return BoolVal(ok && (y.name == x.name || y.name == "bool" && x.name == "int")), nil
	case *ExcType:
		y, ok := c.O.(*ExcType)
		return BoolVal(ok && y.isSub(x)), nil
	case *Class:
		if x.meta != nil {
			if r, found, err := vm.metaDunder(x, "__subclasscheck__", []Val{c}); found {
				return BoolVal(truthy(r)), err
			}
		}
		if x.protoClass && !x.protocol {
			return Val{}, errNotRuntimeProtocol()
		}
		if anyAbstract.Load() && x.isABC() {
			is, err := vm.abcIsSubclass(c, x)
			return BoolVal(is), err
		}
		y, ok := c.O.(*Class)
		if ok && y.isSub(x) {
			return True, nil
		}
		if has, isProto := vm.protocolCheck(c, x); isProto {
			return BoolVal(has), nil
		}
		return False, nil
	}
	if _, ok := t.O.(*Instance); ok && t.T == tagObject {
		if r, found, err := vm.dunder(t, "__subclasscheck__", c); found {
			return BoolVal(err == nil && truthy(r)), err
		}
	}
	return Val{}, newErr(TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
}
