package interp

// types.ModuleType: type(sys) called as module(name, doc=None) makes an
// empty module, whose attributes are stored and read as any module's.

// newModuleValue is module(name, doc=None).
func newModuleValue(vm *VM, args []Val, kwn []string) (Val, error) {
	a, err := kwArgs("module", args, kwn, []string{"name", "doc"}, 1)
	if err != nil {
		return Val{}, err
	}
	name, ok := a[0].O.(*Str)
	if !ok || a[0].T != tagObject {
		return Val{}, newErr(TypeError, "module() argument 'name' must be str, not %s", typeName(a[0]))
	}
	doc := a[1]
	if doc.T == tagEmpty {
		doc = NoneVal
	}
	m := newModule(name.s)
	m.made = true
	m.attrs["__name__"] = a[0]
	m.attrs["__doc__"] = doc
	for _, n := range []string{"__package__", "__loader__", "__spec__"} {
		m.attrs[n] = NoneVal
	}
	return ObjVal(m), nil
}

// madeModuleRepr is the repr of a module made by ModuleType: its
// __name__ (or '?'), and its __file__ if one was stored.
func madeModuleRepr(m *Module) string {
	name := "'?'"
	if v, ok := m.lookup("__name__"); ok {
		if s, ok := v.O.(*Str); ok && v.T == tagObject {
			name = strRepr(s.s)
		}
	}
	if f, ok := m.lookup("__file__"); ok {
		if s, ok := f.O.(*Str); ok && f.T == tagObject {
			return "<module " + name + " from " + strRepr(s.s) + ">"
		}
	}
	return "<module " + name + ">"
}

// Subclasses of types.ModuleType. Their instances are modules (a
// *Module whose cls is the subclass), made by the base's __new__ and
// named by its __init__; a module's __class__ may be set to such a class
// (sys.modules[__name__].__class__ = M), which is how a module gets
// properties. Attribute reads of such a module go through its class
// (subclassedModuleAttr); the fast paths that read a module's table
// (moduleAttr) leave it to getAttr.

// moduleBase is the class standing for types.ModuleType as a base.
func (vm *VM) moduleBase() *Class {
	return vm.typeObjs.get("base:module", func() Val {
		c, err := vm.nativeClass("module", nil, map[string]nativeFn{"__init__": moduleInit})
		if err != nil {
			panic(&internalError{"types.ModuleType base: " + err.Error()})
		}
		c.module = "builtins"
		vm.setAttr(ObjVal(c), "__new__", ObjVal(&Builtin{name: "__new__", method: true, fn: moduleNew}))
		return ObjVal(c)
	}).O.(*Class)
}

// moduleNew is ModuleType.__new__(cls, ...): a module of class cls with
// the attributes every module has, unnamed until __init__ runs.
func moduleNew(vm *VM, args []Val, kwn []string) (Val, error) {
	if len(args) == 0 {
		return Val{}, newErr(TypeError, "module.__new__(): not enough arguments")
	}
	cls, ok := args[0].O.(*Class)
	if !ok || !cls.isSub(vm.moduleBase()) {
		return Val{}, newErr(TypeError, "module.__new__(X): X is not a subtype of module")
	}
	m := newModule("?")
	m.made = true
	for _, n := range []string{"__name__", "__doc__", "__package__", "__loader__", "__spec__"} {
		m.attrs[n] = NoneVal
	}
	m.cls.Store(cls)
	return ObjVal(m), nil
}

// moduleInit is ModuleType.__init__(self, name, doc=None).
func moduleInit(vm *VM, args []Val, kwn []string) (Val, error) {
	m, ok := args[0].O.(*Module)
	if !ok {
		return Val{}, newErr(TypeError, "descriptor '__init__' requires a 'module' object but received a '%s'", typeName(args[0]))
	}
	made, err := newModuleValue(vm, args[1:], kwn)
	if err != nil {
		return Val{}, err
	}
	mm := made.O.(*Module)
	m.name = mm.name
	for _, n := range []string{"__name__", "__doc__", "__package__", "__loader__", "__spec__"} {
		if err := m.setAttr(vm, n, mm.attrs[n]); err != nil {
			return Val{}, err
		}
	}
	return NoneVal, nil
}

// subclassedModuleAttr is getattr(m, name) for a module whose class is
// cls: a data descriptor of the class first, then the module's own
// attributes, then the class's (methods bound to the module), then a
// module-level __getattr__, then the class's __getattr__.
func (vm *VM) subclassedModuleAttr(m *Module, cls *Class, o Val, name string) (Val, error) {
	d, inClass := cls.lookup(name)
	if inClass && isDataDescriptor(d) {
		return vm.bindClassAttr(d, o, cls, true)
	}
	if v, ok := m.lookup(name); ok {
		return v, nil
	}
	switch name {
	case "__dict__":
		return ObjVal(m.dictOf()), nil
	case "__class__":
		return ObjVal(cls), nil
	}
	if inClass {
		return vm.bindClassAttr(d, o, cls, true)
	}
	if ga, ok := m.lookup("__getattr__"); ok {
		return vm.call(ga, []Val{StrVal(name)}, nil)
	}
	if ga, ok := cls.lookup("__getattr__"); ok {
		return vm.call(ga, []Val{o, StrVal(name)}, nil)
	}
	return Val{}, attrErr(o, name)
}

// setModuleClass is m.__class__ = v: a subclass of ModuleType, or
// ModuleType itself to make it a plain module again.
func (vm *VM) setModuleClass(m *Module, v Val) error {
	switch c := v.O.(type) {
	case *Class:
		if v.T == tagObject && c.isSub(vm.moduleBase()) {
			m.cls.Store(c)
			return nil
		}
	case *typeObj:
		if c.name == "module" {
			m.cls.Store(nil)
			return nil
		}
	}
	if !isTypeVal(v) {
		return newErr(TypeError, "__class__ must be set to a class, not '%s' object", typeName(v))
	}
	return newErr(TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses")
}

// isTypeVal says whether v is a class or built-in type.
func isTypeVal(v Val) bool {
	switch v.O.(type) {
	case *Class, *ExcType, *typeObj:
		return v.T == tagObject
	}
	b, ok := v.O.(*Builtin)
	return ok && b.name == "type"
}

// subclassedModuleSet runs a property's setter (or refuses a read-only
// one) for m.name = v when m's class defines name as a data descriptor;
// handled says whether it did.
func (vm *VM) subclassedModuleSet(m *Module, name string, v Val) (handled bool, err error) {
	cls := m.cls.Load()
	if cls == nil {
		return false, nil
	}
	d, ok := cls.lookup(name)
	if !ok {
		return false, nil
	}
	if prop, ok := d.O.(*Property); ok {
		if prop.set.T == tagEmpty {
			return true, prop.missingOn(cls.name, "setter")
		}
		_, err := vm.call(prop.set, []Val{ObjVal(m), v}, nil)
		return true, err
	}
	return false, nil
}

// moduleHook finds the __setattr__ or __delattr__ (hook) that the class
// of a ModuleType subclass's module o defines: m.x = v and del m.x go
// through it, as for instances (a module made read-only this way is the
// common use).
func (vm *VM) moduleHook(o Val, hook string) (Val, bool) {
	m, ok := o.O.(*Module)
	if !ok || o.T != tagObject {
		return Val{}, false
	}
	cls := m.cls.Load()
	if cls == nil {
		return Val{}, false
	}
	return cls.lookup(hook)
}
