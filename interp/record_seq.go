package interp

import (
	"unsafe"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// rangeCall translates range(...) into counter, stop and step slots when
// the next instruction is the RANGE_PREP that unpacks it into them.
func (r *recorder) rangeCall(a, args int32, argc int) int {
	co := r.code()
	if r.pc+1 >= len(co.instrs) || co.instrs[r.pc+1].Op != opRangePrep || r.abs(co.instrs[r.pc+1].A) != a || argc < 1 || argc > 3 {
		r.failf("range() not in a for loop")
		return r.pc + 1
	}
	var vals [3]int32
	for i := 0; i < argc; i++ {
		if r.typeOf(args+int32(i)) != traceopt.Int {
			r.failf("range() of %s", aName(r.typeOf(args+int32(i))))
			return r.pc + 1
		}
		// Through scratch slots: the arguments may overlap a, a+1, a+2.
		vals[i] = r.newScratch()
		r.emit(traceopt.Inst{Op: generated.OpMove, Args: [4]uint64{traceopt.Slot(vals[i]), traceopt.Slot(args + int32(i))}})
	}
	load := func(v int64) int32 {
		return r.constInt(v)
	}
	var start, stop, step int32
	switch argc {
	case 1:
		start, stop, step = load(0), vals[0], load(1)
	case 2:
		start, stop, step = vals[0], vals[1], load(1)
	case 3:
		start, stop, step = vals[0], vals[1], vals[2]
		if r.cond(traceopt.Inst{Op: generated.OpIntJumpIfEq, Args: [4]uint64{traceopt.Slot(step), traceopt.Slot(load(0))}, Exit: r.snap()}) {
			r.failf("range() step 0")
			return r.pc + 1
		}
	}
	if r.abort != "" {
		return r.pc + 1
	}
	r.emit(traceopt.Inst{Op: generated.OpMove, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(start)}})
	r.emit(traceopt.Inst{Op: generated.OpMove, Args: [4]uint64{traceopt.Slot(a + 1), traceopt.Slot(stop)}})
	r.emit(traceopt.Inst{Op: generated.OpMove, Args: [4]uint64{traceopt.Slot(a + 2), traceopt.Slot(step)}})
	return r.pc + 2
}

// forIter ends the trace at the loop's own FOR_ITER over a list: the next
// element into target, or out when the list is done.
func (r *recorder) forIter(iter, target int32) {
	it, ok := r.iters[iter]
	if !ok {
		r.failf("iteration the trace did not start")
		return
	}
	n := r.newScratch()
	r.emit(traceopt.Inst{Op: generated.OpListLen, Args: [4]uint64{traceopt.Slot(n), traceopt.Slot(it.list)}})
	if !r.cond(traceopt.Inst{Op: generated.OpIntJumpIfLt, Args: [4]uint64{traceopt.Slot(it.index), traceopt.Slot(n)}, Exit: r.snap()}) {
		r.failf(loopEnds)
		return
	}
	if r.nextElem(it, target) {
		r.closeLoop()
	}
}

// nextElem emits target = the element at it's index, and the index's
// increment; false when the recording stopped.
func (r *recorder) nextElem(it virtualIter, target int32) bool {
	if !r.loadElem(target, it.list, it.index) {
		return false
	}
	one := r.constInt(1)
	r.emit(traceopt.Inst{Op: generated.OpIntAdd, Args: [4]uint64{traceopt.Slot(it.index), traceopt.Slot(it.index), traceopt.Slot(one)}, Exit: r.snap()})
	return true
}

// sharedList is the list a list uop reads or writes, when other threads
// may be changing it; else nil.
func (r *recorder) sharedList(op generated.Op, in *traceopt.Inst) *List {
	if !r.vm.threaded() {
		return nil
	}
	var a uint64
	switch op {
	case generated.OpListLen, generated.OpListLoad:
		a = in.Args[1]
	case generated.OpListStore:
		a = in.Args[0]
	default:
		return nil
	}
	v := r.regs[a/templates.SlotSize]
	if v.Tag != tagObject || v.Bits == 0 || v.Bits&7 != 0 {
		return nil
	}
	return listAt(v.Bits)
}

// loadElem emits dst = list[index] (slots holding a list and an int,
// counted from the end when negative), expecting the type the element has
// now; false, the recording stopped, for an index out of range or an
// element native code cannot read.
func (r *recorder) loadElem(dst, list, index int32) bool {
	l := listAt(r.regs[list].Bits)
	i := int64(r.regs[index].Bits)
	var ty traceopt.Type
	var isStr bool
	ok := func() bool {
		if r.vm.threaded() {
			// Another thread may be changing the list.
			h := r.vm.lockRead(l)
			defer h.unlock(r.vm)
		}
		if i < 0 {
			i += int64(len(l.vals))
		}
		if i < 0 || i >= int64(len(l.vals)) {
			return false
		}
		ty = traceopt.TypeOf(l.vals[i])
		isStr = l.vals[i].Tag == tagObject && l.vals[i].Bits&7 == templates.StrBit
		return true
	}()
	if !ok {
		r.failf("index out of range")
		return false
	}
	if ty == traceopt.Unknown {
		// A str from a list is a wall no later try passes (typeWall):
		// a list that holds strs holds strs (wordcount's lists of
		// words, each loop over them recorded twice).
		if r.abort == "" {
			r.typeWall = isStr
		}
		r.failf("list element is an object native code cannot read")
		return false
	}
	if r.vm.threaded() && objectType(ty) {
		// A native load keeps no object alive, and another thread may
		// drop the list's reference to it (list_load_mt.c).
		r.failf("an object from a list while threads run")
		return false
	}
	r.emit(traceopt.Inst{Op: generated.OpListLoad, Args: [4]uint64{traceopt.Slot(dst), traceopt.Slot(list), traceopt.Slot(index), uint64(traceopt.Kind(ty))}, Exit: r.snap()})
	return true
}

// unpack translates n slots from A on = the items of the tuple in slot b
// (`x, y = point`, `for dx, dy in moves:`): the tuple guarded with its
// length, then each item loaded as the kind it has now.
func (r *recorder) unpack(a, b int32, n int, star int32) {
	if star >= 0 {
		r.failf("starred unpacking")
		return
	}
	if t := r.typeOf(b); t != traceopt.Tuple {
		r.failf("unpacking of %s", aName(t))
		return
	}
	if b >= a && b < a+int32(n) {
		r.failf("unpacking a tuple over itself")
		return
	}
	items := tupleAt(r.regs[b].Bits).items
	if len(items) != n {
		r.failf("unpacking %d items into %d names", len(items), n)
		return
	}
	g := traceopt.Inst{Op: generated.OpGuardTuple, Args: [4]uint64{traceopt.Slot(b), uint64(n)}, Exit: r.snap()}
	if k := len(r.insts); k == 0 || r.insts[k-1].Op != g.Op || r.insts[k-1].Args != g.Args {
		r.exec(&g)
		r.insts = append(r.insts, g)
	}
	for i, it := range items {
		ty := traceopt.TypeOf(templates.Value{Tag: it.T, Bits: it.B})
		if ty == traceopt.Unknown {
			r.failf("tuple item is an object native code cannot read")
			return
		}
		if r.vm.threaded() && objectType(ty) {
			r.failf("an object from a tuple while threads run")
			return
		}
		r.emit(traceopt.Inst{Op: generated.OpTupleLoad, Args: [4]uint64{traceopt.Slot(a + int32(i)), traceopt.Slot(b),
			uint64(i) * uint64(unsafe.Sizeof(Val{})), uint64(traceopt.Kind(ty))}, Exit: r.snap()})
		if r.abort != "" {
			return
		}
	}
}

// rangeStep guards a range loop's counter, stop and step as ints and the
// step's sign as the one it has now (unless it is a constant), and returns
// the comparison that keeps the loop going.
func (r *recorder) rangeStep(ctr, stop, step int32) (Op, bool) {
	if r.typeOf(ctr) != traceopt.Int || r.typeOf(stop) != traceopt.Int || r.typeOf(step) != traceopt.Int {
		r.failf("range over non-ints")
		return 0, false
	}
	up := int64(r.regs[step].Bits) >= 0
	if _, ok := r.cval[step]; ok {
		r.reliesOn(step)
	} else if up {
		r.branch(opGt, step, r.constInt(0))
	} else {
		r.branch(opLt, step, r.constInt(0))
	}
	if up {
		return opLt, true
	}
	return opGt, true
}

func (r *recorder) forRange(ctr, target, stop, step int32) {
	cmp, ok := r.rangeStep(ctr, stop, step)
	if !ok {
		return
	}
	if !r.branch(cmp, ctr, stop) {
		r.failf(loopEnds)
		return
	}
	r.emit(traceopt.Inst{Op: generated.OpMove, Args: [4]uint64{traceopt.Slot(target), traceopt.Slot(ctr)}})
	r.emit(traceopt.Inst{Op: generated.OpIntAdd, Args: [4]uint64{traceopt.Slot(ctr), traceopt.Slot(ctr), traceopt.Slot(step)}, Exit: r.snap()})
	r.closeLoop()
}

func (r *recorder) getItem(a, b, c int32) {
	if r.packedList(b) {
		if r.typeOf(c) != traceopt.Int {
			r.failf("subscript of a packed list by %s", aName(r.typeOf(c)))
			return
		}
		r.emit(traceopt.Inst{Op: generated.OpListLoadPkT, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(c)}, Exit: r.snap()})
		return
	}
	if r.typeOf(b) == traceopt.Str && r.typeOf(c) == traceopt.Int {
		r.emit(traceopt.Inst{Op: generated.OpStrChar, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(c), charTable}, Exit: r.snap()})
		return
	}
	if r.typeOf(b) != traceopt.List || r.typeOf(c) != traceopt.Int {
		r.failf("subscript of %s by %s", aName(r.typeOf(b)), aName(r.typeOf(c)))
		return
	}
	r.loadElem(a, b, c)
}

func (r *recorder) setItem(a, b, c int32) {
	if r.packedList(a) {
		if tb, tc := r.typeOf(b), r.typeOf(c); tb != traceopt.Int || tc != traceopt.Bool {
			// (The interpreter unpacks the list for such a store.)
			r.failf("store into a packed list by %s of %s", aName(tb), aName(tc))
			return
		}
		r.emit(traceopt.Inst{Op: generated.OpListStorePk, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(c)}, Exit: r.snap()})
		return
	}
	ta, tb, tc := r.typeOf(a), r.typeOf(b), r.typeOf(c)
	if ta != traceopt.List || tb != traceopt.Int || !(tc == traceopt.Int || tc == traceopt.Float || tc == traceopt.Bool || tc == traceopt.None) {
		r.failf("store into %s by %s of %s", aName(ta), aName(tb), aName(tc))
		return
	}
	in := traceopt.Inst{Op: generated.OpListStore, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(c)}, Exit: r.snap()}
	r.emit(in)
}

// packedList reports whether slot s holds a packed bool list
// (packed.go), which list_load_pk and list_store_pk read and write: they
// check its kind bits themselves, so no guard names the slot.
func (r *recorder) packedList(s int32) bool {
	if _, ok := r.objects[s]; ok {
		return false
	}
	v := r.regs[s]
	if v.Tag != tagObject || v.Bits&7 != templates.PackedKind || r.vm.threaded() {
		return false
	}
	r.touch(s)
	return true
}
