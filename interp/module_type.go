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
