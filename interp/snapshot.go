package interp

import (
	"math"
	"math/big"
	"math/bits"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// A snapshot is what the interpreter needs to resume where a trace left:
// the bytecode pc, the frames the trace had inlined, and the slots whose
// Go-side half (objs) native code could not keep. Slot numbers are
// relative to the trace's root frame.
type snapshot struct {
	// known are the slot types the trace had proved here (function traces
	// only): a bridge from here starts knowing them.
	known map[int32]traceopt.Type
	pc    int // resume pc, in the innermost frame
	// The frames, locals to clear, objects and iterators, shared with
	// the snapshots before that have the same (never nil: noParts when
	// none). One pointer, not four slices: a snapshot was 152 bytes,
	// levenshtein's 250 of them 11 of its JIT work's page faults.
	*snapParts
	// wides holds slots whose value is a 128-bit int in a private slot
	// here: the interpreter gets a Python int.
	wides []wideSlot
	line  int // source line, for --jit-debug and --jit-stats
	// store, on a call-out's snapshot, is the attribute store Go does
	// there instead of running the instruction (record_objstore.go).
	store *objStore
}

// snapParts are the slices of a snapshot. Nothing changes them once the
// snapshot is made (freshSnap's copies share them too), so a snapshot
// whose parts are those of the one made before shares them: most
// snapshots of a recording have the same inlined frames, objects and
// iterators, and a copy of each in every snapshot was a tenth of what
// recording allocated.
type snapParts struct {
	frames []inlineFrame // inlined calls, outermost first
	// clear holds callee locals the recorded path had not yet bound at this
	// point: they are unbound again in the interpreter.
	clear []int32
	// objects holds slots that must hold these objects here (functions
	// and modules loaded by the recorded path: native code writes no
	// objects but lists).
	objects []slotObject
	// iters holds slots that must hold list iterators the trace kept as
	// a list slot and an index slot.
	iters []iterSlot
}

// noParts are the parts of a snapshot with none. Never written.
var noParts = &snapParts{}

type iterSlot struct {
	slot, list, index int32
}

type inlineFrame struct {
	code   *Code
	fn     *Function
	base   int32 // first slot
	callPC int   // the CALL in the parent frame
	dest   int32 // the parent's slot that receives the result
	// op, when the call is an operator's special method (not opNop), is
	// the operator, of the values in the parent's slots left and right:
	// a NotImplemented returned asks the reflected method (finishFrames).
	op          Op
	left, right int32
}

type slotObject struct {
	slot int32
	v    Val
}

// listAt is the list whose address native code left in a slot's bits.
// The list is alive: native code copied the address from a slot or a list
// element that still holds it, and the collector does not move objects.
func listAt(bits uint64) *List {
	p := uintptr(bits)
	return *(**List)(unsafe.Pointer(&p))
}

// instanceAt is the instance whose address (plus templates.InstanceBit)
// native code left in a slot's bits: alive as a list is in listAt, copied
// from a slot, a list element or an attribute slot that still holds it
// (attr_store never overwrites an object).
func instanceAt(bits uint64) *Instance {
	p := uintptr(bits - templates.InstanceBit)
	return *(**Instance)(unsafe.Pointer(&p))
}

// holdsAt reports whether o is already the object objectAt(bits) names:
// giveBack then skips the store (and its write barrier), which call-outs
// would pay for every list slot at every instruction. It compares o's
// interface words with the address and kind the bits hold, not the
// type: giveBack asks it for every list slot at every exit and call-out,
// and with a type switch it took scheduler's giveBack 950 instructions an
// exit, 830 now (callgrind).
func holdsAt(o Object, bits uint64) bool {
	w := (*ifaceWords)(unsafe.Pointer(&o))
	if uintptr(w.data) != uintptr(bits&^7) {
		return false
	}
	switch bits & 7 {
	case 0, templates.PackedKind:
		return w.tab == listTab
	case templates.InstanceBit:
		return w.tab == instTab
	case templates.StrBit:
		return w.tab == strTab
	case templates.TupleBit:
		return w.tab == tupleTab
	}
	return false
}

// objectAt is the list, instance, str or tuple an object slot's nonzero
// bits name.
func objectAt(bits uint64) Object {
	switch {
	case bits&templates.InstanceBit != 0:
		return instanceAt(bits)
	case bits&7 == templates.StrBit:
		return strAt(bits)
	case bits&7 == templates.TupleBit:
		return tupleAt(bits)
	}
	return listAt(bits &^ 7) // a list's, or a packed list's (packed.go)
}

// restore makes the frames right for the interpreter after a trace left
// through snapshot sn, runs the inlined frames to their returns, and
// returns the pc at which the root frame resumes, or the error an inlined
// frame raised (from the CALL at pc-1).
func (vm *VM) restore(root *frame, tr *loopTrace, sn *snapshot) (int, error) {
	// (The frames run below may enter other traces: tr's fields are read
	// before they do.)
	base := tr.base
	vm.restoreSlots(tr, sn)
	if len(sn.frames) == 0 {
		return sn.pc, nil
	}
	return vm.finishFrames(root, base, sn, sn.pc)
}

// finishFrames runs the inlined frames of snapshot sn to their returns in
// the interpreter, the innermost from pc, and returns the pc at which the
// root frame (whose slots start at base) resumes, or the error an inlined
// frame raised (from the CALL at pc-1).
func (vm *VM) finishFrames(root *frame, base int, sn *snapshot, pc int) (int, error) {
	regs := vm.stack[base:]
	objs := vm.ostack[base:]
	// Inlined frames finish in the interpreter, innermost first; each
	// return value goes to its caller's destination, and an exception
	// is raised at its caller's CALL.
	var v Val
	var err error
	sp, d0 := vm.sp, vm.depth
	// Every frame is in place before the innermost runs: what it runs
	// may walk its callers (sys._getframe, f_back, f_locals, tracebacks),
	// which are each at the call the trace was in, not a frame left at
	// that depth by an earlier call.
	root.pc = int32(sn.frames[0].callPC + 1)
	for k := range sn.frames {
		fr := &sn.frames[k]
		co := fr.code
		f := &vm.frames[d0+k]
		f.code, f.fn, f.gen, f.exit = co, fr.fn, nil, nil
		lo := base + int(fr.base)
		f.regs = vm.stack[lo : lo+co.nslots : lo+co.nslots]
		f.objs = vm.ostack[lo : lo+co.nslots : lo+co.nslots]
		if k+1 < len(sn.frames) {
			f.pc = int32(sn.frames[k+1].callPC + 1)
		}
	}
	for k := len(sn.frames) - 1; k >= 0; k-- {
		// Frame k runs at the depth it would have had: tracebacks and
		// the recursion limit see the calls.
		fr := &sn.frames[k]
		co := fr.code
		f := &vm.frames[d0+k]
		lo := base + int(fr.base)
		for i, c := range co.consts {
			f.regs[co.nlocals+i] = templates.Value{Tag: c.T, Bits: c.B}
			f.objs[co.nlocals+i] = c.O
		}
		vm.sp = lo + co.nslots
		vm.depth = d0 + k + 1
		if err != nil {
			pc, err = vm.except(f, pc, err)
		}
		if err == nil {
			v, err = vm.runAt(f, pc)
		}
		pc = fr.callPC + 1
		if err == nil && fr.op != opNop && isNotImplemented(v) {
			v, err = vm.reflected(fr.op, valAt(regs, objs, fr.left), valAt(regs, objs, fr.right))
		}
		if err == nil {
			regs[fr.dest] = templates.Value{Tag: v.T, Bits: v.B}
			objs[fr.dest] = v.O
		}
	}
	vm.depth = d0
	vm.sp = sp
	return pc, err
}

// restoreSlots makes every slot of the trace's frames (the root's and
// the inlined ones' windows) what the interpreter expects at snapshot sn,
// and runs nothing: restore then finishes the inlined frames, or a bridge
// recorded from inside them (recordBridge) goes on from there itself.
func (vm *VM) restoreSlots(tr *loopTrace, sn *snapshot) {
	vm.giveBackBelow(tr, tr.liveTop(sn))
	if len(sn.objects)+len(sn.iters)+len(sn.wides)+len(sn.clear) == 0 {
		return // (most call-outs' snapshots: nothing to slice the stacks for)
	}
	regs := vm.stack[tr.base:]
	objs := vm.ostack[tr.base:]
	for _, so := range sn.objects {
		regs[so.slot] = templates.Value{Tag: so.v.T, Bits: so.v.B}
		objs[so.slot] = so.v.O
	}
	for _, it := range sn.iters {
		regs[it.slot] = templates.Value{Tag: tagObject}
		objs[it.slot] = &listIter{l: listAt(regs[it.list].Bits), i: int(int64(regs[it.index].Bits))}
	}
	for _, w := range sn.wides {
		v := regs[w.wide]
		x := vm.from128(uint64(v.Tag), v.Bits)
		regs[w.slot] = templates.Value{Tag: x.T, Bits: x.B}
		objs[w.slot] = x.O
	}
	for _, s := range sn.clear {
		regs[s] = templates.Value{}
		objs[s] = nil
	}
}

// giveBack gives the interpreter back what tr kept its own way:
// the Go half of slots native code left lists, instances or strs in, the ints it kept as 128
// bits, and the positions of the list iterators it iterated itself.
func (vm *VM) giveBack(tr *loopTrace) { vm.giveBackBelow(tr, math.MaxInt32) }

// giveBackBelow is giveBack for the list slots below top only (tr.lists
// is sorted): those above are dead (liveTop).
func (vm *VM) giveBackBelow(tr *loopTrace, top int32) {
	if len(tr.lists)+len(tr.entryIters)+len(tr.wides)+len(tr.globals) == 0 {
		return // (it runs at every call-out: nothing to slice the stacks for)
	}
	if len(tr.lists) > 0 {
		regs := vm.stack[tr.base:]
		objs := vm.ostack[tr.base:]
		for _, s := range tr.lists {
			if s >= top {
				break
			}
			if r := regs[s]; r.Tag == tagObject && r.Bits != 0 && !holdsAt(objs[s], r.Bits) {
				objs[s] = objectAt(r.Bits)
			}
		}
	}
	for _, it := range tr.entryIters {
		if x, ok := vm.ostack[tr.base+int(it.slot)].(*listIter); ok {
			x.i = int(int64(vm.stack[tr.base+int(it.index)].Bits))
		}
	}
	for _, w := range tr.wides {
		v := vm.stack[tr.base+int(w.wide)]
		x := vm.from128(uint64(v.Tag), v.Bits)
		vm.stack[tr.base+int(w.slot)] = templates.Value{Tag: x.T, Bits: x.B}
		vm.ostack[tr.base+int(w.slot)] = x.O
	}
	vm.storeGlobals(tr)
}

// liveTop is the first slot past those the interpreter may read after a
// loop trace left through sn: the root frame's, the trace's scratch
// slots, and the windows of the inlined frames sn finishes (outermost
// first, each above the last). The windows of inlined calls that had
// returned are dead: the interpreter's next frames there write a slot
// before they read it (initFrame unbinds the locals), as the trace does
// when it enters again. Giving their list slots back at every exit took
// scheduler, whose methods the trace inlines, most of giveBack's work.
// A function trace's frames are laid out its own way: all of its slots.
func (tr *loopTrace) liveTop(sn *snapshot) int32 {
	if tr.fn {
		return math.MaxInt32
	}
	if n := len(sn.frames); n > 0 {
		fr := &sn.frames[n-1]
		return fr.base + int32(fr.code.nslots)
	}
	return tr.scratchLo + tr.scratchSize()
}

// wideSlot is an int a trace keeps as 128 bits in a private slot.
type wideSlot struct {
	slot, wide int32
}

// to128 returns x as the two words of a 128-bit two's complement int.
func to128(x *big.Int) (hi, lo uint64, ok bool) {
	if x.BitLen() > 127 {
		return 0, 0, false
	}
	// Bits is the magnitude (x.Abs copied it: an allocation a trace
	// entry with an LCG's state paid).
	words := x.Bits()
	var h, l uint64
	if len(words) > 0 {
		l = uint64(words[0])
	}
	if len(words) > 1 {
		h = uint64(words[1])
	}
	if x.Sign() < 0 {
		// Negate the magnitude: invert and add one.
		l, h = ^l, ^h
		var c uint64
		l, c = bits.Add64(l, 1, 0)
		h += c
	}
	return h, l, true
}

// from128 is the Python int a 128-bit two's complement value is. A big
// one comes from newBigInt, its digits in its own buf: one slab slot, where
// a big.Int of its own took two allocations (its digits, then the BigInt
// copied around it), the most of an exit that gives an LCG's state back.
func (vm *VM) from128(hi, lo uint64) Val {
	if int64(hi) == int64(lo)>>63 {
		return IntVal(int64(lo))
	}
	neg := int64(hi) < 0
	if neg {
		lo, hi = ^lo, ^hi
		var c uint64
		lo, c = bits.Add64(lo, 1, 0)
		hi += c
	}
	x := vm.newBigInt()
	x.v.SetBits(append(x.buf[:0], big.Word(lo), big.Word(hi)))
	if neg {
		x.v.Neg(&x.v)
	}
	return Val{T: tagObject, O: x}
}

// strAt is the str whose address plus templates.StrBit bits are: alive for
// the reasons listAt's list is.
func strAt(bits uint64) *Str {
	p := uintptr(bits - templates.StrBit)
	return *(**Str)(unsafe.Pointer(&p))
}

// tupleAt is the tuple whose address plus templates.TupleBit bits are:
// alive for the reasons listAt's list is.
func tupleAt(bits uint64) *Tuple {
	p := uintptr(bits - templates.TupleBit)
	return *(**Tuple)(unsafe.Pointer(&p))
}

// listSlot is the frame slot value of list l, its bits the address native
// code reads it through.
func listSlot(l *List) templates.Value {
	v := ObjVal(l)
	return templates.Value{Tag: v.T, Bits: v.B}
}

// tempDead reports whether slot (relative to the trace's root frame, whose
// code is root) is a bytecode temporary that no frame of sn uses where it
// resumes: the compiler had released it there, so the value the trace
// leaves in it is never read. Scratch slots and anything unsure: false.
func (sn *snapshot) tempDead(root *Code, slot int32) bool {
	co, base := root, int32(0)
	pc := sn.pc
	if len(sn.frames) > 0 {
		pc = sn.frames[0].callPC + 1
	}
	// The innermost frame whose slots hold slot: frames are laid out above
	// their callers'.
	for k, fr := range sn.frames {
		if slot < fr.base {
			break
		}
		co, base = fr.code, fr.base
		pc = sn.pc
		if k+1 < len(sn.frames) {
			pc = sn.frames[k+1].callPC + 1
		}
	}
	rel := slot - base
	if co == nil || rel >= int32(co.nslots) || pc < 0 || pc >= len(co.tempsInUse) {
		return false
	}
	first := int32(co.nlocals + len(co.consts))
	if rel < first {
		return false
	}
	return rel >= first+co.tempsInUse[pc] || writtenFirst(co, pc, rel)
}

// writtenFirst reports whether the straight-line instructions from pc on
// write the temporary slot rel before any of them reads it. The compiler
// allocates a statement's temporaries before the instructions that fill
// them (`a[i], a[j] = a[j], a[i]` holds both from its first GET_ITEM on),
// so tempsInUse counts them in use there, where the interpreter resuming
// at pc writes them first. Only instructions that write slot A, read
// single slots, and leave no way but the next instruction or a raise
// count (fresh.go's writesA and singleSlots, less the jumps): a handler
// reads no temporary of the statement it interrupted, as the compiler's
// temporaries are a stack (what outlives a statement, a for loop's
// iterator, was allocated below them). fannkuch's swaps are fused
// (traceopt/swap.go) only once their two temporaries are dead at the
// exits after them.
func writtenFirst(co *Code, pc int, rel int32) bool {
	for ; pc < len(co.instrs); pc++ {
		in := &co.instrs[pc]
		if !writesA[in.Op] || !singleSlots[in.Op] {
			return false
		}
		for k, kind := range opInfo[in.Op].kinds {
			if k > 0 && kind == 's' && *in.operand(k) == rel {
				return false
			}
		}
		if in.A == rel {
			return true
		}
	}
	return false
}

// valAt is the value slot s of regs and objs holds.
func valAt(regs []templates.Value, objs []Object, s int32) Val {
	r := regs[s]
	o := objs[s]
	if r.Tag == tagObject && r.Bits != 0 && !holdsAt(o, r.Bits) {
		o = objectAt(r.Bits)
	}
	return Val{T: r.Tag, B: r.Bits, O: o}
}
