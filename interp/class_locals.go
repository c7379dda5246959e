package interp

// locals() in a class statement's body is the class's namespace so far,
// as in CPython: a dict of the attributes the body has bound (refreshed
// at each call), whose stores and deletes become the class's (the idiom
// locals()[name] = value). vars() is the same, dir() its sorted names,
// and exec(s)/eval(s) run with it as their locals. Once the body has run
// the dict is a plain one.

// classBodyCall compiles locals(), vars(), dir(), eval(s) and exec(s) in
// a class body (not in a comprehension there) when the name is the
// builtin's.
func (c *compiler) classBodyCall(x *Call, dst int) bool {
	nm, ok := x.fn.(*Name)
	if !ok || c.classNames == nil || c.classComp != 0 || len(c.overlay) > 0 || len(x.kwvals) > 0 || hasStar(x.args) {
		return false
	}
	if c.classBound[nm.id] || c.classGlobals[nm.id] || c.isFunc && (c.globals[nm.id] || c.lookup(nm.id) >= 0 || c.resolveFree(nm.id) >= 0) {
		return false
	}
	return c.namespaceCall(x, nm.id, dst, func() { c.emit(opClassLocals, dst, c.classSlot) })
}

// bodyClass is the class whose body is running in slot value v (an
// exception class is an *ExcType over it).
func bodyClass(v Val) *Class {
	switch x := v.O.(type) {
	case *Class:
		return x
	case *ExcType:
		return x.cls
	}
	return nil
}

// classBodyLocals is CLASS_LOCALS: the namespace __prepare__ made, or
// the dict standing for the class's attributes, refreshed from them.
func (vm *VM) classBodyLocals(v Val) Val {
	cls := bodyClass(v)
	if cls == nil {
		return ObjVal(newDict())
	}
	if cls.prepared.T != tagEmpty {
		return cls.prepared
	}
	d := cls.bodyLocals
	if d == nil {
		d = newDict()
		cls.bodyLocals = d
	}
	vm.refreshClassLocals(cls, d)
	d.glive = &liveGlobals{class: cls}
	return ObjVal(d)
}

// refreshClassLocals makes d hold the attributes of cls, in CPython's
// order: __module__ and __qualname__ (which minipy's class keeps apart)
// first, then the names in the order the body bound them.
func (vm *VM) refreshClassLocals(cls *Class, d *Dict) {
	d.glive = nil // the refresh is not a store into the class
	names := []string{"__module__", "__qualname__"}
	vals := []Val{vm.mustAttr(ObjVal(cls), "__module__"), StrVal(cls.qualName())}
	cls.attrsMu.RLock()
	for _, n := range cls.order {
		if n != "__module__" && n != "__qualname__" {
			names = append(names, n)
			vals = append(vals, cls.attrs[n])
		}
	}
	cls.attrsMu.RUnlock()
	live := map[string]bool{}
	for i, n := range names {
		live[n] = true
		d.set(StrVal(n), vals[i])
	}
	for _, k := range d.keys() {
		if s, ok := k.O.(*Str); ok && k.T == tagObject && !live[s.s] {
			d.del(k)
		}
	}
}

// endClassLocals detaches the body's locals() from the class once the
// body has run, with the names the body bound after the last call.
func (vm *VM) endClassLocals(v Val) {
	if cls := bodyClass(v); cls != nil && cls.bodyLocals != nil {
		vm.refreshClassLocals(cls, cls.bodyLocals)
		cls.bodyLocals = nil
	}
}

// bodyStore is a store (or delete) of key k made through the body's
// locals(): a str key becomes (or stops being) the class's attribute.
func (c *Class) bodyStore(k, v Val, del bool) {
	s, ok := k.O.(*Str)
	if !ok || k.T != tagObject {
		return
	}
	if del {
		c.vm.objectDelAttr(ObjVal(c), s.s)
		return
	}
	c.vm.objectSetAttr(ObjVal(c), s.s, v)
}
