package interp

import "slices"

// Functions that exec defines over a globals dict of its own keep the
// names they declare global in cells of exec's top level
// (nsGlobalsAsNonlocals); these keep that dict in step with their stores
// and deletes, as CPython's functions write their globals dict.

// collectNSGlobals adds to out the names a function body (not the
// functions nested in it) declares global over exec's dict.
func collectNSGlobals(body []Stmt, out map[string]bool) {
	for _, s := range body {
		if x, ok := s.(*Nonlocal); ok && x.nsGlobal {
			for _, n := range x.names {
				out[n] = true
			}
		}
		nestedBodies(s, func(b []Stmt, _ bool) { collectNSGlobals(b, out) })
	}
}

// nsDictStore follows a store of name from slot src into its cell with
// the same store into exec's dict, when name is one of those globals.
func (c *compiler) nsDictStore(name string, src int) {
	if c.nsDict == nil || !c.nsDictNames[name] || c.lookupOverlay(name) {
		return
	}
	c.emit(opSetItem, c.constSlot(ObjVal(c.nsDict)), c.constSlot(StrVal(name)), src)
}

// nsDictDel follows del of such a global (its cell emptied) by taking
// the name out of exec's dict, if there (during the exec, the top level
// has not written its names there yet).
func (c *compiler) nsDictDel(x *Name) {
	if c.nsDict == nil || !c.nsDictNames[x.id] || c.lookupOverlay(x.id) {
		return
	}
	d := c.nsDict
	drop := &Builtin{name: "<del global>", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		_, _, err := d.del(args[0])
		return NoneVal, err
	}}
	c.call(&Call{pos: x.pos, fn: &Const{x.pos, ObjVal(drop)}, args: []Expr{&Const{x.pos, StrVal(x.id)}}}, c.temp())
}

// storeGlobal is a store of global name from slot src: into exec's dict
// in code exec runs over one (the global slots of such code are shared
// by every dict, and hold builtins only), else the module's slot.
func (c *compiler) storeGlobal(name string, src int) {
	if c.nsDict != nil {
		c.emit(opSetItem, c.constSlot(ObjVal(c.nsDict)), c.constSlot(StrVal(name)), src)
		return
	}
	c.emit(opStoreGlobal, c.global(name), src)
}

// nsDictDelGlobal is del of global x.id in code exec runs over a dict.
func (c *compiler) nsDictDelGlobal(x *Name) {
	d := c.nsDict
	del := &Builtin{name: "<del global>", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		_, ok, err := d.del(args[0])
		if err == nil && !ok {
			err = newErr(NameError, "name '%s' is not defined", x.id)
		}
		return NoneVal, err
	}}
	c.call(&Call{pos: x.pos, fn: &Const{x.pos, ObjVal(del)}, args: []Expr{&Const{x.pos, StrVal(x.id)}}}, c.temp())
}

// lookupOverlay says whether name is a comprehension's own variable here.
func (c *compiler) lookupOverlay(name string) bool {
	for _, ov := range c.overlay {
		if _, ok := ov[name]; ok {
			return true
		}
	}
	return false
}

// Functions exec defines over a dict read the builtins through slots
// that the code of every such dict shares (nsGlobalPrefix), which hold
// the builtins. A dict that stores a builtin's name (g['len'] = f, or
// its top level's len = ...) empties that slot for good: every such
// function then reads the name from its own dict, else that dict's
// __builtins__ (globalMiss), as CPython's do.

// watchNSGlobals makes the builtins' names stored in gd, a globals dict
// exec runs code over, shadow the builtins for that code.
func (vm *VM) watchNSGlobals(gd *Dict) {
	switch l := gd.glive; {
	case l == nil:
		gd.glive = &liveGlobals{ns: vm.mod, bi: vm.bi}
	case l.m == nil && l.inst == nil && l.module == nil && l.placed == nil:
		l.ns, l.bi = vm.mod, vm.bi // cells only (tieCell)
	default:
		return
	}
	for _, k := range gd.keys() {
		vm.mod.nsShadow(k, vm.bi)
	}
}

// nsShadow empties the shared slot of builtin name k (a str key stored
// in a dict watchNSGlobals watches) for good.
func (m *moduleState) nsShadow(k Val, bi map[string]Val) {
	s, ok := k.O.(*Str)
	if !ok || k.T != tagObject {
		return
	}
	if _, ok := bi[s.s]; !ok {
		return
	}
	if _, done := m.nsShadowed.LoadOrStore(s.s, true); done {
		return
	}
	if i, ok := m.gindex[nsGlobalPrefix+s.s]; ok {
		m.storeSlot(int32(i), Val{})
	}
}

// loadName is LOAD_NAME, a read at exec's top level of a name it binds
// that is also a builtin's: the local while bound, else the global, else
// the builtin (a name never assigned, or deleted: CPython's reads of the
// namespace find the builtin then).
func (vm *VM) loadName(f *frame, in *Instr) error {
	if f.regs[in.B].Tag != tagEmpty {
		f.set(in.A, f.get(in.B))
		return nil
	}
	g := vm.mod.load(in.C)
	if g.T != tagEmpty {
		f.set(in.A, g)
		return nil
	}
	if in.D == 1 && f.code.nsGlobals != nil {
		// The dict is the locals, and has not had this one written back:
		// straight to its builtins.
		if v, ok := nsBuiltin(f.code.nsGlobals, globalBase(vm.mod.gnames[in.C])); ok {
			f.set(in.A, v)
			return nil
		}
		return newErr(NameError, "%s", vm.nameErrorMsg(f, vm.mod.gnames[in.C]))
	}
	g, err := vm.unboundGlobal(f, in.C)
	if err != nil {
		return err
	}
	f.set(in.A, g)
	return nil
}

// nsBuiltin is builtin name of the globals dict g: from its __builtins__.
func nsBuiltin(g *Dict, name string) (Val, bool) {
	b, _, _ := g.get(StrVal("__builtins__"))
	switch x := b.O.(type) {
	case *Module:
		return x.lookup(name)
	case *Dict:
		v, ok, err := x.get(StrVal(name))
		return v, ok && err == nil
	}
	return Val{}, false
}

// syncNSTop writes the names exec's top level (frame f) has bound so far
// into g, the dict that is its globals and locals, for globals() there,
// and takes out those it deleted.
func (vm *VM) syncNSTop(f *frame, g *Dict) {
	for i, name := range f.code.localNames {
		if !isIdentifier(name) {
			continue
		}
		v := f.get(int32(i))
		c, isCell := v.O.(*Cell)
		if isCell && v.T == tagObject {
			v = c.v
		}
		if v.T == tagEmpty {
			g.del(StrVal(name)) // deleted (or never there)
			continue
		}
		old, ok, _ := g.get(StrVal(name))
		if ok && old == v || !ok && isCell && vm.bi[name] == v {
			continue // as it was, or a cell still holding the builtin it started as
		}
		unmark(v)
		g.set(StrVal(name), v)
	}
}

// nsFreeBuiltin is what a function reads for a name of exec's top level
// (Code.nsFree) whose cell is empty (not yet bound, or deleted): the
// builtin of that name, as CPython's function, finding no global, reads
// the builtins.
func (vm *VM) nsFreeBuiltin(f *frame, slot int32) (Val, bool) {
	if !slices.Contains(f.code.nsFree, slot) {
		return Val{}, false
	}
	name := f.code.localNames[slot]
	if g := f.code.nsGlobals; g != nil {
		return nsBuiltin(g, name)
	}
	v, ok := vm.bi[name]
	return v, ok
}
