package interp

import (
	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// Instances made in a trace (`Vector(x, y, z)` in Vector.__sub__): native
// code never allocates, so the trace leaves for Go at the call, Go makes
// the instance and the trace goes on after it, as at an object store
// (record_objstore.go). Only a class whose __init__ does nothing but store
// its arguments (or constants) as attributes of self is made so: Go then
// builds the instance at its final shape in one step, nothing it does can
// raise or be seen by other code, and it may stand in an inlined frame.

// objNew is the instance an allocation call-out makes: of class cls, at
// shape, attribute slot i holding the value of slot vals[i] (or konsts[i]
// when that is not nil).
type objNew struct {
	cls    *Class
	shape  *Shape
	vals   []int32
	konsts []*Val
}

// initStore is one store of a plain __init__: self.name = the argument
// in parameter slot param, or konst.
type initStore struct {
	name  string
	param int32
	konst *Val
}

// plainInit returns the stores of fn, an __init__ of nparams parameters
// (self first), when its body is nothing but stores into self of its
// parameters or constants followed by a return of None; false otherwise.
func plainInit(fn *Function) ([]initStore, bool) {
	co := fn.code
	if !co.simple || co.isGenerator || fn.free != nil || len(co.excTable) > 0 {
		return nil, false
	}
	constOf := func(s int32) (*Val, bool) {
		i := int(s) - co.nlocals
		if i < 0 || i >= len(co.consts) {
			return nil, false
		}
		return &co.consts[i], true
	}
	var stores []initStore
	for pc := range co.instrs {
		in := &co.instrs[pc]
		switch in.Op {
		case opNop:
		case opSetAttr:
			if in.A != 0 {
				return nil, false
			}
			st := initStore{name: co.names[in.B], param: -1}
			if in.C > 0 && int(in.C) < co.nparams {
				st.param = in.C
			} else if k, ok := constOf(in.C); ok {
				st.konst = k
			} else {
				return nil, false
			}
			stores = append(stores, st)
		case opReturn:
			k, ok := constOf(in.A)
			return stores, ok && k.T == tagNone && pc == len(co.instrs)-1
		default:
			return nil, false
		}
	}
	return nil, false
}

// newObject translates A = cls(args...) as an allocation call-out, and
// reports false (nothing recorded) for a class it cannot make so.
func (r *recorder) newObject(a int32, cls *Class, arg func(int) int32, argc int) bool {
	if cls.meta != nil || cls.protocol || r.vm.threaded() {
		return false
	}
	if anyAbstract.Load() && r.vm.abstractCheck(cls) != nil {
		return false // (what it has abstract is the class's: its version)
	}
	if _, ok := cls.lookupSpecial(spNew); ok {
		return false
	}
	if _, ok := cls.lookup("__setattr__"); ok {
		return false
	}
	if _, ok := cls.lookup("__getattribute__"); ok {
		return false
	}
	if len(cls.slotState().names) > 0 {
		return false
	}
	init, ok := cls.lookupSpecial(spInit)
	fn, isFn := init.O.(*Function)
	if !ok || !isFn || fn.code.nparams != argc+1 {
		return false
	}
	stores, ok := plainInit(fn)
	if !ok {
		return false
	}
	nw := &objNew{cls: cls, shape: cls.root}
	for _, st := range stores {
		if p, onClass := cls.lookup(st.name); onClass {
			switch p.O.(type) {
			case *Property, *Instance: // maybe a descriptor's __set__
				return false
			}
		}
		src, konst := int32(-1), st.konst
		if konst == nil {
			src = arg(int(st.param) - 1)
			if v, known := r.objects[src]; known {
				konst = &v
			} else if r.typeOf(src) == traceopt.Unknown {
				return false
			}
		}
		i := nw.shape.slot(st.name)
		if i < 0 {
			nw.shape = nw.shape.with(st.name)
			if nw.shape.private || nw.shape.live != nil {
				return false
			}
			nw.vals = append(nw.vals, src)
			nw.konsts = append(nw.konsts, konst)
			continue
		}
		nw.vals[i], nw.konsts[i] = src, konst
	}
	if r.abort != "" {
		return true // (a guard of an argument's type stopped it)
	}
	r.classCheck(cls)
	sn := r.snap()
	cp := *r.lt.snaps[sn]
	cp.store = &objStore{inst: a, alloc: nw}
	r.lt.snaps = append(r.lt.snaps, &cp)
	sn = len(r.lt.snaps) - 1
	// Done now, as the trace will do it.
	r.syncLists()
	r.vm.storeObject(r.lt, cp.store)
	r.insts = append(r.insts, traceopt.Inst{Op: generated.OpCallOut, Args: [4]uint64{uint64(sn), traceopt.Slot(a)}, Exit: traceopt.NoExit})
	r.stores++
	r.wrote(a)
	r.known[a] = traceopt.Instance
	r.noteKnown(a)
	r.lists[a] = true
	r.shapes[a] = nw.shape
	r.lt.shapes = append(r.lt.shapes, nw.shape)
	return true
}

// allocObject makes the instance nw says into slot dst of the trace lt
// (storeObject has given every slot native code wrote its Go half).
func (vm *VM) allocObject(lt *loopTrace, nw *objNew, dst int32) {
	regs := vm.stack[lt.base:]
	objs := vm.ostack[lt.base:]
	n := len(nw.vals)
	x := newInstanceOf(nw.cls, n)
	x.vals, x.objs = x.vals[:n], x.objs[:n]
	for i, s := range nw.vals {
		if k := nw.konsts[i]; k != nil {
			x.setAt(int32(i), *k)
			continue
		}
		v := regs[s]
		x.vals[i] = v
		if v.Tag == tagObject && v.Bits != 0 {
			o := objs[s]
			if !holdsAt(o, v.Bits) {
				o = objectAt(v.Bits)
			}
			x.objs[i] = o
		}
	}
	x.shape = nw.shape
	if k := int32(n); k > nw.cls.nattrs.Load() {
		nw.cls.nattrs.Store(k)
	}
	v := ObjVal(x)
	regs[dst] = templates.Value{Tag: v.T, Bits: v.B}
	objs[dst] = x
}
