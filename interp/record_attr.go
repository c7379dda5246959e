package interp

import (
	"unsafe"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// Instance attributes in traces: an attribute read, an attribute store and
// a method call on an instance are recorded as the inline caches do them
// (inline_cache.go), with the cache's key as guards: the instance's shape
// (guard_shape, in native code) and its class's version (checked by Go on
// entry and after every call-out, as globals are). What the cache would
// find is then a slot (attr_load, attr_store), a class constant, a property
// getter or a method, which is inlined as a call of a function.

// shaped returns the instance slot s holds, guarded as an instance with the
// shape it has now, or false (the recording stopped).
func (r *recorder) shaped(s int32) (*Instance, bool) {
	if t := r.typeOf(s); t != traceopt.Instance {
		r.failf("attribute of %s", aName(t))
		return nil, false
	}
	x := instanceAt(r.regs[s].Bits)
	if x.shape == nil || !cacheable(x) {
		r.failf("attribute of an instance no cache can know")
		return nil, false
	}
	r.classCheck(x.cls)
	if r.shapes[s] != x.shape {
		in := traceopt.Inst{Op: generated.OpGuardShape, Args: [4]uint64{traceopt.Slot(s), uint64(uintptr(unsafe.Pointer(x.shape)))}, Exit: r.snap()}
		r.exec(&in)
		r.insts = append(r.insts, in)
		r.shapes[s] = x.shape
		r.lt.shapes = append(r.lt.shapes, x.shape)
	}
	return x, true
}

// classCheck makes every entry of the trace check that cls is at the
// version it has now.
func (r *recorder) classCheck(cls *Class) {
	for i := range r.lt.checks {
		if r.lt.checks[i].cls == cls {
			return
		}
	}
	r.addCheck(globalCheck{index: -1, cls: cls, version: cls.version.Load()})
}

// getAttr translates A = B.name for an instance in B, and returns the next
// pc (0: into an inlined property getter).
func (r *recorder) getAttr(a, b int32, name string) int {
	next := r.pc + 1
	x, ok := r.shaped(b)
	if !ok {
		return next
	}
	e, ok := loadEntry(x, name)
	if !ok {
		r.failf("attribute %s not found as caches find it", name)
		return next
	}
	switch e.kind {
	case cacheSlot:
		ty := traceopt.TypeOf(x.vals[e.slot])
		if ty == traceopt.Unknown {
			r.failf("attribute %s holds an object native code cannot read", name)
			return next
		}
		r.emit(traceopt.Inst{Op: generated.OpAttrLoad, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b),
			uint64(e.slot) * templates.SlotSize, uint64(traceopt.Kind(ty))}, Exit: r.snap()})
	case cacheClassVal:
		switch e.val.T {
		case tagInt:
			r.emit(traceopt.Inst{Op: generated.OpLoadInt, Args: [4]uint64{traceopt.Slot(a), e.val.B}})
		case tagFloat:
			r.emit(traceopt.Inst{Op: generated.OpLoadFloat, Args: [4]uint64{traceopt.Slot(a), e.val.B}})
		default:
			r.failf("class attribute %s is a %s", name, typeName(e.val))
		}
	case cacheProperty:
		return r.call(a, e.val, b, 1, false)
	default:
		r.failf("attribute %s is a method", name)
	}
	return next
}

// setAttr translates A.name = C for an instance in A whose attribute name
// exists: an int, float, bool or None stored over anything but an object.
func (r *recorder) setAttr(a int32, name string, c int32) {
	x, ok := r.shaped(a)
	if !ok {
		return
	}
	if p, onClass := x.cls.lookup(name); onClass {
		if _, isProp := p.O.(*Property); isProp {
			r.failf("store into property %s", name)
			return
		}
		if _, isInst := p.O.(*Instance); isInst {
			r.failf("store into %s, maybe a descriptor's", name)
			return
		}
	}
	i := x.shape.slot(name)
	if i < 0 {
		r.failf("store adds attribute %s", name)
		return
	}
	if v, known := r.objects[c]; known {
		// A value the trace knows (an inlined function's None or str
		// constant, a folded test): Go stores it as it is.
		r.storeObjectAttr(a, i, c, &v)
		return
	}
	t := r.typeOf(c)
	if t != traceopt.Int && t != traceopt.Float && t != traceopt.Bool && t != traceopt.None && !objectType(t) {
		r.failf("store of %s into attribute %s", aName(t), name)
		return
	}
	if objectType(t) || x.vals[i].Tag == tagObject {
		// A Go pointer to write or to clear: Go does the store
		// (record_objstore.go).
		r.storeObjectAttr(a, i, c, nil)
		return
	}
	r.emit(traceopt.Inst{Op: generated.OpAttrStore, Args: [4]uint64{traceopt.Slot(a), uint64(i) * templates.SlotSize, traceopt.Slot(c)}, Exit: r.snap()})
}

// callMethod translates A = B.name(B+1 .. B+argc) for an instance in B
// whose class has name as a plain function: the function is inlined with
// the instance as its first argument, as the interpreter calls it.
func (r *recorder) callMethod(a, b int32, argc int, name string, kw bool) int {
	next := r.pc + 1
	if kw {
		r.failf("call with keywords")
		return next
	}
	if r.appendsNatively(b, argc, name) {
		return r.listAppend(a, b)
	}
	x, ok := r.shaped(b)
	if !ok {
		return next
	}
	if x.shape.slot(name) >= 0 {
		r.failf("call of attribute %s", name)
		return next
	}
	e, ok := loadEntry(x, name)
	if !ok || e.kind != cacheMethod {
		r.failf("call of %s, not a method", name)
		return next
	}
	return r.call(a, e.val, b, argc+1, false)
}

// isinstance translates A = isinstance(B, C) for C a plain class the
// trace knows (a global, checked on entry): the answer is a constant once
// B's type is guarded, an instance's class by its shape (and the class's
// version, which a change of its bases moves). A value of a builtin type
// is no instance of a class defined in Python.
func (r *recorder) isinstance(a, b, c int32) {
	cv, known := r.objects[c]
	cls, ok := cv.O.(*Class)
	if !known || !ok || cv.T != tagObject || cls.meta != nil || cls.protocol || cls.protoClass {
		r.failf("isinstance against no plain class")
		return
	}
	if anyAbstract.Load() && cls.isABC() {
		// Registered classes and __subclasshook__ answer too
		// (mod_abc_register.go): not a constant of the shape.
		r.failf("isinstance against an ABC")
		return
	}
	var yes bool
	switch t := r.typeOf(b); t {
	case traceopt.Instance:
		x, ok := r.shaped(b)
		if !ok {
			return
		}
		yes = x.cls == cls || x.cls.isSub(cls)
		if _, found := x.cls.lookupSpecial(spClass); !yes && found {
			// A __class__ of its own may name cls (isinstanceFast).
			r.failf("isinstance of an instance with its own __class__")
			return
		}
		r.classCheck(cls)
	case traceopt.Int, traceopt.Float, traceopt.Bool, traceopt.None, traceopt.List, traceopt.Str, traceopt.Tuple:
	default:
		r.failf("isinstance of %s", aName(t))
		return
	}
	r.wrote(a)
	r.objects[a] = BoolVal(yes)
	r.clobber(a)
}

// instanceAt reports whether slot s holds an instance the trace may read
// (without guarding it yet).
func (r *recorder) instanceAt(s int32) bool {
	if _, ok := r.objects[s]; ok {
		return false
	}
	if _, ok := r.iters[s]; ok {
		return false
	}
	if _, ok := r.wides[s]; ok {
		return false
	}
	if _, ok := r.tmpWides[s]; ok {
		return false
	}
	v := r.regs[s]
	return v.Tag == tagObject && objType(v.Bits) == traceopt.Instance
}

// instanceBinary translates A = B op C for an instance in B whose class's
// method for op is a plain function of (self, other), and C a number or an
// instance of the same class, as the interpreter's instanceBinop does it:
// the method is inlined with B and C as its arguments. It returns the
// next pc (0: into the method).
func (r *recorder) instanceBinary(op Op, a, b, c int32) int {
	next := r.pc + 1
	x, ok := r.shaped(b)
	if !ok {
		return next
	}
	switch tc := r.typeOf(c); tc {
	case traceopt.Int, traceopt.Float, traceopt.Bool, traceopt.None:
	case traceopt.Instance:
		// (Of a subclass, its reflected method might go first.)
		y, ok := r.shaped(c)
		if !ok {
			return next
		}
		if y.cls != x.cls {
			r.failf("%v on instances of %s and %s", op, x.cls.name, y.cls.name)
			return next
		}
	default:
		r.failOperands(op, traceopt.Instance, tc)
		return next
	}
	m, found := x.cls.lookupSpecial(binSpecials[op][0])
	fn, isFn := m.O.(*Function)
	if !found || !isFn || fn.code.nparams != 2 {
		r.failOperands(op, traceopt.Instance, r.typeOf(c))
		return next
	}
	args := [2]int32{b, c}
	pc := r.callWith(a, m, func(i int) int32 { return args[i] }, 2)
	if pc == 0 {
		fr := r.frames[len(r.frames)-1]
		fr.op, fr.left, fr.right = op, b, c
	}
	return pc
}
