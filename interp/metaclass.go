package interp

// Metaclasses: class C(metaclass=M), classes deriving from type, and
// type.__new__/__init__/__call__.
//
// A class statement runs its body into a provisional class as any other
// (class.go); when the class has a metaclass other than type, CLASS_DONE
// then turns that class's attributes into the namespace dict and calls
// M(name, bases, ns, **kw) as CPython's __build_class__ does. type.__new__
// makes the real class from the dict, whose meta is M: M's methods apply
// to the class (its __call__, __repr__, __len__, ... and plain methods
// and properties read through the class).

import "strings"

// typeClass stands for type as a base of metaclasses (class M(type)). It
// is shared by every run and never written (setAttr refuses, as for
// objectClass).
var typeClass = &Class{name: "type", attrs: map[string]Val{}}

func init() {
	typeClass.mro = []*Class{typeClass}
	typeClass.root = newRootShape(typeClass)
	typeClass.builtin = true
	for _, n := range []string{"__new__", "__init__", "__call__", "__prepare__"} {
		typeClass.order = append(typeClass.order, n)
	}
	// __new__ is a static method: the metaclass comes first.
	typeClass.attrs["__new__"] = ObjVal(&Builtin{name: "__new__", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) == 0 {
			return Val{}, newErr(TypeError, "type.__new__(): not enough arguments")
		}
		mc, ok := args[0].O.(*Class)
		if args[0].O == vm.bi["type"].O {
			mc, ok = typeClass, true
		}
		if !ok || !mc.isSub(typeClass) {
			return Val{}, newErr(TypeError, "type.__new__(X): X is not a type object (%s)", typeName(args[0]))
		}
		pos := args[1 : len(args)-len(kwn)]
		if len(pos) != 3 {
			return Val{}, newErr(TypeError, "type.__new__() takes exactly 3 arguments (%d given)", len(pos))
		}
		return vm.typeNew(mc, pos, args[len(args)-len(kwn):], kwn)
	}})
	// type.__init__ checks its arguments and does nothing else.
	typeClass.attrs["__init__"] = ObjVal(&Builtin{name: "__init__", method: true, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if n := len(args) - 1 - len(kwn); n != 1 && n != 3 {
			return Val{}, newErr(TypeError, "type.__init__() takes 1 or 3 arguments")
		}
		return NoneVal, nil
	}})
	// type.__prepare__ (a class method): an empty dict, whatever it is
	// given; a class statement asks only a metaclass's own (PREPARE_CLASS).
	typeClass.attrs["__prepare__"] = ObjVal(&Builtin{name: "__prepare__", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		return ObjVal(newDict()), nil
	}})
	// type.__call__: a metaclass's __call__ calling super().__call__ makes
	// the instance the ordinary way (__new__, then __init__).
	typeClass.attrs["__call__"] = ObjVal(&Builtin{name: "__call__", method: true, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) == 0 {
			return Val{}, newErr(TypeError, "descriptor '__call__' of 'type' object needs an argument")
		}
		c, ok := args[0].O.(*Class)
		if !ok {
			return vm.call(args[0], args[1:], kwn)
		}
		return vm.newInstance(c, args[1:], kwn)
	}})
}

// moduleName is the class's __module__.
func (c *Class) moduleName() string {
	// One the program assigned (in the class body or later) is in the
	// class's dict, as in CPython.
	if v, ok := c.own("__module__"); ok && v.T == tagObject {
		if s, ok := v.O.(*Str); ok {
			return s.s
		}
	}
	if c.module != "" {
		return c.module
	}
	return "__main__"
}

// isMetaclass says whether c derives from type.
func (c *Class) isMetaclass() bool { return c != typeClass && c.isSub(typeClass) }

// pyMeta is the metaclass of a class made by a metaclass deriving from
// type, or nil (type itself, or a native module's meta methods).
func (c *Class) pyMeta() *Class {
	if c.meta != nil && !c.meta.nativeMeta && c.meta.isMetaclass() {
		return c.meta
	}
	return nil
}

// nativeMetaOf is type(c) for a class of a native module's metaclass:
// enum's EnumType for an Enum, abc's ABCMeta for an ABC (abc.ABC's
// subclasses and collections.abc's classes). Nil for the others, whose
// type is type.
func (vm *VM) nativeMetaOf(c *Class) *Class {
	if c.meta != nil && c.meta.nativeMeta {
		return c.meta
	}
	abc := c.isABC()
	for _, k := range c.mro {
		// collections.abc's classes answer through a meta of their own.
		abc = abc || k.meta != nil && k.meta.name == "ABCMeta"
	}
	if abc {
		if m, err := vm.importLib("abc"); err == nil {
			if meta, ok := m.attrs["ABCMeta"].O.(*Class); ok {
				return meta
			}
		}
	}
	return nil
}

// finishClass ends a class statement: with a metaclass (given, or the
// bases'), the class is remade by it from the namespace the body filled;
// else the provisional class is the class (__set_name__, abstract methods
// and __init_subclass__ with the statement's keywords).
func (vm *VM) finishClass(cv, meta, kw Val) (Val, error) {
	cls, ok := cv.O.(*Class)
	if !ok {
		return cv, vm.classDone(cv, nil, nil)
	}
	var kwn []string
	var kwv []Val
	if d, ok := kw.O.(*Dict); ok && kw.T == tagObject {
		for _, e := range d.live() {
			kwn = append(kwn, e.k.str().s)
			kwv = append(kwv, e.v)
		}
	}
	if meta.T == tagEmpty {
		// The most derived of the bases' metaclasses.
		var winner *Class
		for _, b := range cls.bases {
			m := b.pyMeta()
			if m == nil {
				continue
			}
			switch {
			case winner == nil || m.isSub(winner):
				winner = m
			case winner.isSub(m):
			default:
				return Val{}, newErr(TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
			}
		}
		if winner == nil {
			return cv, vm.classDone(cv, kwn, kwv)
		}
		meta = ObjVal(winner)
	}
	if meta.O == vm.bi["type"].O {
		return cv, vm.classDone(cv, kwn, kwv)
	}
	if m, ok := meta.O.(*Class); ok && m.isMetaclass() {
		for _, b := range cls.bases {
			bm := b.pyMeta()
			if bm != nil && !m.isSub(bm) {
				if bm.isSub(m) {
					meta = ObjVal(bm) // a base's metaclass is more derived: it wins
					continue
				}
				return Val{}, newErr(TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
			}
		}
	}
	// The provisional class goes: the metaclass makes the one that stays.
	for _, b := range cls.bases {
		b.removeSubclass(cls)
	}
	cls.provisional = true
	ns := ObjVal(newDict())
	if cls.prepared.T != tagEmpty {
		// The body ran in __prepare__'s namespace: the metaclass gets it.
		ns, cls.prepared = cls.prepared, Val{}
	} else {
		d := ns.O.(*Dict)
		d.set(StrVal("__module__"), StrVal(cls.moduleName()))
		d.set(StrVal("__qualname__"), StrVal(cls.qualName()))
		cls.attrsMu.RLock()
		for _, n := range cls.order {
			d.set(StrVal(n), cls.attrs[n])
		}
		cls.attrsMu.RUnlock()
	}
	bases := make([]Val, len(cls.bases))
	for i, b := range cls.bases {
		bases[i] = ObjVal(b)
		if b.builtin && b != typeClass {
			bases[i] = vm.bi[b.name]
		}
		if b == typeClass {
			bases[i] = vm.bi["type"]
		}
	}
	args := append([]Val{StrVal(cls.name), tupleOf(bases), ns}, kwv...)
	r, err := vm.call(meta, args, kwn)
	if c, ok := r.O.(*Class); ok && err == nil && c != cls {
		cls.final = c // the __class__ of functions the body made (class_cell.go)
	}
	return r, err
}

// typeNew is type.__new__(mc, name, bases, ns, **kw): a class of
// metaclass mc (nil: type) with ns's items as its attributes.
func (vm *VM) typeNew(mc *Class, args, kwv []Val, kwn []string) (Val, error) {
	name, ok := args[0].O.(*Str)
	if !ok {
		return Val{}, newErr(TypeError, "type.__new__() argument 1 must be str, not %s", typeName(args[0]))
	}
	bases, ok := args[1].O.(*Tuple)
	if !ok {
		return Val{}, newErr(TypeError, "type.__new__() argument 2 must be tuple, not %s", typeName(args[1]))
	}
	ns, ok := args[2].O.(*Dict)
	if b, isSub := builtinValue(args[2]); !ok && isSub {
		ns, ok = b.O.(*Dict) // a dict subclass's (__prepare__'s namespace)
	}
	if !ok {
		return Val{}, newErr(TypeError, "type.__new__() argument 3 must be dict, not %s", typeName(args[2]))
	}
	cv, err := vm.buildClass(name.s, append([]Val(nil), bases.items...))
	if err != nil {
		return Val{}, err
	}
	cls, isCls := cv.O.(*Class)
	if isCls {
		// type(name, bases, ns) adds __module__ after ns's names.
		_, hasModule, _ := ns.get(StrVal("__module__"))
		cls.moduleLast = !hasModule
	}
	for _, e := range ns.live() {
		k, ok := e.k.O.(*Str)
		if !ok {
			continue
		}
		switch k.s {
		case "__module__":
			// "__main__" is the default: a library module names its classes
			// itself (pyModule).
			if m, ok := e.v.O.(*Str); ok && isCls && e.v.T == tagObject && m.s != "__main__" {
				cls.module = m.s
			}
			continue
		case "__qualname__":
			q, ok := e.v.O.(*Str)
			if !ok {
				return Val{}, newErr(TypeError, "type __qualname__ must be a str, not %s", typeName(e.v))
			}
			if isCls && q.s != name.s {
				cls.qual = q.s
			}
			continue
		}
		// Functions the class body made belong to this class now:
		// their super() and __class__ see it.
		switch f := e.v.O.(type) {
		case *Function:
			if f.cls != nil && f.cls.provisional {
				f.cls = nil
			}
		case *ClassMethod:
			if fn, ok := f.fn.O.(*Function); ok && fn.cls != nil && fn.cls.provisional {
				fn.cls = nil
			}
		case *StaticMethod:
			if fn, ok := f.fn.O.(*Function); ok && fn.cls != nil && fn.cls.provisional {
				fn.cls = nil
			}
		}
		if err := vm.setAttr(cv, k.s, e.v); err != nil {
			return Val{}, err
		}
	}
	if !isCls {
		return cv, nil
	}
	if mc != nil && mc != typeClass {
		cls.meta = mc
	}
	return cv, vm.classDone(cv, kwn, kwv)
}

// classNamespaceGet is a class body's read of a name it binds: the
// class's own attribute (not its bases'), as LOAD_NAME reads the
// namespace before the globals.
func (vm *VM) classNamespaceGet(cv Val, name string) (Val, bool) {
	switch c := cv.O.(type) {
	case *Class:
		if c.prepared.T != tagEmpty {
			return vm.preparedGet(c, name)
		}
		if v, ok := c.own(name); ok {
			return v, true
		}
		switch name {
		case "__qualname__":
			return StrVal(c.qualName()), true
		case "__module__":
			return StrVal(c.moduleName()), true
		}
	case *ExcType:
		if c.cls != nil {
			return vm.classNamespaceGet(ObjVal(c.cls), name)
		}
	}
	return Val{}, false
}

// metaAttr reads an attribute of a class through its metaclass (a method
// of M bound to the class, a property of M, a class variable of M).
func (vm *VM) metaAttr(c *Class, name string) (Val, bool, error) {
	m := c.pyMeta()
	if m == nil {
		return Val{}, false, nil
	}
	v, ok := m.lookup(name)
	if !ok {
		return Val{}, false, nil
	}
	if b, isB := v.O.(*Builtin); isB && m.isSub(typeClass) && strings.HasPrefix(b.name, "__") {
		// type's own methods: bound to the class.
		return ObjVal(&Method{self: ObjVal(c), fn: v}), true, nil
	}
	r, err := vm.bindClassAttr(v, ObjVal(c), m, true)
	return r, true, err
}
