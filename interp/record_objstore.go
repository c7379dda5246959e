package interp

import (
	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/traceopt"
)

// Attribute stores that write or overwrite an object (`self.head =
// pkt.link`, `pkt.link = None` over a packet): native code never writes a
// Go pointer, so the trace leaves for Go at such a store, Go does it, and
// the trace goes on after it. It is a call-out without the interpreter:
// nothing is restored and no instruction is decoded, so it may stand in an
// inlined frame and in an inner loop, where call-outs may not.

// objStore is the store a call-out snapshot stands for: the instance in
// slot inst gets the value in slot val (or konst, a value the trace knows
// and keeps out of the slots) as its attribute slot index.
type objStore struct {
	inst, val int32
	index     int32
	konst     *Val
	alloc     *objNew // an instance Go makes into slot inst instead (record_alloc.go)
}

// storeObjectAttr records A.name = C as a store Go does: the instance in A
// is guarded by its shape, which has attribute slot i; the value in C is
// of a type native code has in tag+bits form, or konst.
func (r *recorder) storeObjectAttr(a int32, i int32, c int32, konst *Val) {
	sn := r.snap()
	cp := *r.lt.snaps[sn]
	cp.store = &objStore{inst: a, val: c, index: i, konst: konst}
	r.lt.snaps = append(r.lt.snaps, &cp)
	sn = len(r.lt.snaps) - 1
	// Done now, as the trace will do it.
	r.syncLists()
	r.vm.storeObject(r.lt, cp.store)
	r.insts = append(r.insts, traceopt.Inst{Op: generated.OpCallOut, Args: [4]uint64{uint64(sn), traceopt.Slot(r.newScratch())}, Exit: traceopt.NoExit})
	r.stores++
	// The store changes no shape, no class and no global: what the
	// recorder knows of the slots holds.
}

// storeObject does st for the trace lt, whose slots (from lt.base) native
// code has been running on.
func (vm *VM) storeObject(lt *loopTrace, st *objStore) {
	regs := vm.stack[lt.base:]
	objs := vm.ostack[lt.base:]
	// The store may drop the last heap reference to an object native code
	// still holds in a slot's bits (take's `self.head = pkt.link` drops
	// pkt): every such slot gets its Go half first, as at an exit. Native
	// code never clears a Go half, so what it loads or copies afterwards
	// stays reachable.
	for _, s := range lt.lists {
		if v := regs[s]; v.Tag == tagObject && v.Bits != 0 && !holdsAt(objs[s], v.Bits) {
			objs[s] = objectAt(v.Bits)
		}
	}
	if st.alloc != nil {
		vm.allocObject(lt, st.alloc, st.inst)
		return
	}
	x := instanceAt(regs[st.inst].Bits)
	if st.konst != nil {
		x.setAt(st.index, *st.konst)
		return
	}
	v := regs[st.val]
	val := Val{T: v.Tag, B: v.Bits}
	if v.Tag == tagObject {
		val.O = objs[st.val]
		if !holdsAt(val.O, v.Bits) {
			val.O = objectAt(v.Bits)
		}
	}
	x.setAt(st.index, val)
}
