package interp

// A frame object's f_locals and f_globals. f_locals is a snapshot dict of
// the frame's bound locals, taken when read (CPython 3.13's is a proxy
// that writes through: here reading is right, writing is not seen by the
// frame); at module level it is the globals, as in CPython. A frame that
// has returned gives the locals it returned with, when a frame object
// named it before, else those of its last read (or none).

// newFrameObj is the frame object for frame i of snapshot st: the frame
// will keep its locals when it returns.
func newFrameObj(st []frameInfo, i int) *frameObj {
	if e := st[i].exit; e != nil {
		e.keep = true
	}
	return &frameObj{stack: st, i: i}
}

// frameObjLocals is f_locals of fi.
func (vm *VM) frameObjLocals(fi frameInfo) Val {
	if fi.exit != nil && fi.exit.line > 0 {
		// Returned: what it returned with.
		if fi.exit.locals.T != tagEmpty {
			return fi.exit.locals
		}
		return ObjVal(newDict())
	}
	if vm.frameLive(fi) {
		if fi.code.nsSelf && fi.code.nsGlobals != nil {
			// exec's top level, or a program module's: its dict.
			vm.syncNSTop(fi.f, fi.code.nsGlobals)
			return ObjVal(fi.code.nsGlobals)
		}
		v := vm.frameLocals(fi.f)
		if fi.exit != nil {
			fi.exit.locals = v
		}
		return v
	}
	if fi.exit != nil && fi.exit.locals.T != tagEmpty {
		return fi.exit.locals
	}
	if fi.code.isModule {
		return vm.codeGlobals(fi.code)
	}
	return ObjVal(newDict())
}

// frameLive says whether fi's frame still holds fi's run: on the stack
// at its depth, or a generator's suspended frame.
func (vm *VM) frameLive(fi frameInfo) bool {
	if fi.f == nil || fi.f.code != fi.code || (fi.exit != nil && fi.f.exit != fi.exit) {
		return false
	}
	if fi.depth < vm.depth && vm.frameAt(fi.depth) == fi.f {
		return true
	}
	g := fi.f.gen
	return g != nil && g.frame == fi.f && g.started && !g.done
}

// codeGlobals is f_globals of a frame running co: the namespace of the
// module (or exec's dict) its code belongs to.
func (vm *VM) codeGlobals(co *Code) Val {
	if d, ok := vm.pylibNS[co.filename]; ok {
		return ObjVal(d)
	}
	if co.nsGlobals != nil {
		return ObjVal(co.nsGlobals)
	}
	return vm.globalsDict()
}
