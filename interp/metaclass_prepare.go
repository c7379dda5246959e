package interp

// Metaclass __prepare__: class C(metaclass=M) whose M defines
// __prepare__(name, bases, **kw) runs its body in the mapping that
// returns. PREPARE_CLASS (after BUILD_CLASS, only for statements with
// bases or keywords) makes it; the body's stores still reach the
// provisional class (which its own methods' super() and the like need)
// and also go through the mapping's __setitem__, its reads go through the
// mapping's __getitem__ (a __missing__ answers names the body never
// bound), and CLASS_DONE hands the mapping itself to the metaclass.
// Classes without such a metaclass pay one look-up of their bases'.

// prepareClass is PREPARE_CLASS.
func (vm *VM) prepareClass(cv, meta, kw Val) error {
	cls, ok := cv.O.(*Class)
	if !ok || cv.T != tagObject {
		return nil
	}
	var m *Class
	if meta.T != tagEmpty {
		mc, ok := meta.O.(*Class)
		if !ok || meta.T != tagObject || !mc.isMetaclass() {
			return nil // type itself, or a function as metaclass: no __prepare__
		}
		m = mc
	}
	for _, b := range cls.bases {
		if bm := b.pyMeta(); bm != nil && (m == nil || bm.isSub(m)) {
			m = bm
		}
	}
	if m == nil {
		return nil
	}
	if p, ok := m.lookup("__prepare__"); !ok || p.O == typeClass.attrs["__prepare__"].O {
		return nil // type's: the ordinary namespace
	}
	prep, err := vm.getAttr(ObjVal(m), "__prepare__")
	if err != nil {
		return err
	}
	bases := make([]Val, len(cls.bases))
	for i, b := range cls.bases {
		bases[i] = ObjVal(b)
		if b.builtin && b != typeClass {
			bases[i] = vm.bi[b.name]
		}
	}
	args := []Val{StrVal(cls.name), tupleOf(bases)}
	var kwn []string
	if d, ok := kw.O.(*Dict); ok && kw.T == tagObject {
		for _, e := range d.live() {
			kwn = append(kwn, e.k.str().s)
			args = append(args, e.v)
		}
	}
	ns, err := vm.call(prep, args, kwn)
	if err != nil {
		return err
	}
	if !vm.isMapping(ns) {
		return newErr(TypeError, "%s.__prepare__() must return a mapping, not %s", m.name, typeName(ns))
	}
	// What CPython's class body stores first.
	for _, kv := range [][2]Val{{StrVal("__module__"), StrVal(cls.moduleName())}, {StrVal("__qualname__"), StrVal(cls.qualName())}} {
		if err := vm.setItem(ns, kv[0], kv[1]); err != nil {
			return err
		}
	}
	cls.prepared = ns
	return nil
}

// preparedGet is a class body's read of name from __prepare__'s
// namespace; a KeyError (or any failure) leaves it to the globals.
func (vm *VM) preparedGet(c *Class, name string) (Val, bool) {
	v, err := vm.getItem(c.prepared, StrVal(name))
	if err != nil {
		return Val{}, false
	}
	return v, true
}

// isMapping says whether v has the methods a class namespace needs.
func (vm *VM) isMapping(v Val) bool {
	if _, ok := v.O.(*Dict); ok && v.T == tagObject {
		return true
	}
	_, err := vm.getAttr(v, "__getitem__")
	return err == nil
}
