package interp

import (
	"unsafe"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/stencil"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// Slice call-outs that reuse their last list. `perm = perm1[:]` in a traced
// loop is a call-out (native code cannot allocate), and each one made a new
// list, so the loop allocated a list per iteration and dropped the last
// one: fannkuch's 362880 copies of a 9-element list were a third of its run
// (malloc, and the page faults of a heap growing through ~80 MB of garbage).
//
// When the list a call-out made in this entry of the trace is still the one
// in its slot at the next run of the same call-out, nothing else can hold it
// if the trace never lets the slot's value go anywhere: every instruction
// reading the slot only guards it as a list, reads its length or elements,
// or stores into its elements (never stores the list itself, moves it,
// passes it to a call or compares it), and every call-out is such a slice
// that reads other slots. Then the call-out copies the new slice into that
// list instead, and the list made on the first iteration serves the whole
// entry. (The list held on entry was made before it and may be shared: it is
// never reused.)

// Native copies. A slice call-out that may reuse its list and slices a
// whole list (`perm = perm1[:]`) is compiled as list_copy instead: native
// code copies the elements into the list the call-out made last in this
// entry when that list is still in the slot (the same conditions as
// reuseSlice), and leaves through the call-out's own exit otherwise, where
// Go runs the slice as before. Native code learns which list that is from
// lt.freshBits: per slot, the bits of lt.fresh's list (0: none), which Go
// writes whenever lt.fresh changes.

// nativeSliceCopies puts list_copy in place of those call-outs in uops.
func (lt *loopTrace) nativeSliceCopies(uops []jit.Uop) {
	var n int32
	for _, s := range lt.reuse {
		n = max(n, s)
	}
	if n == 0 {
		return
	}
	// The words native code reads: allocated once per compile, so their
	// addresses hold for the trace's life (a linked bridge's list copies
	// read the words of the trace it is linked to: linkBridge).
	words := lt.freshBits
	if len(words) < int(n) {
		words = make([]uint64, n)
	}
	for i, u := range uops {
		if generated.Op(u.Op) != generated.OpCallOut {
			continue
		}
		sn := int(u.Operands[0] &^ traceopt.PeeledSnap)
		if sn >= len(lt.reuse) || lt.reuse[sn] == 0 || !wholeSlice(lt.root, lt.snaps[sn].pc) {
			continue
		}
		in := &lt.root.instrs[lt.snaps[sn].pc]
		uops[i] = jit.Uop{Op: stencil.Op(generated.OpListCopy), Exit: int(u.Operands[0]),
			Operands: [4]uint64{traceopt.Slot(in.A), traceopt.Slot(in.B), uint64(uintptr(unsafe.Pointer(&words[in.A])))}}
	}
	lt.freshBits = words
}

// wholeSlice reports whether the instruction at pc of co is a GET_SLICE
// whose bounds are three Nones the instructions just before it put there
// (the compiler's form of x[:]), so that they are None whenever it runs.
func wholeSlice(co *Code, pc int) bool {
	if pc < 3 || pc >= len(co.instrs) || co.instrs[pc].Op != opGetSlice {
		return false
	}
	c := co.instrs[pc].C
	for k := range int32(3) {
		mv := &co.instrs[pc-3+int(k)]
		i := int(mv.B) - co.nlocals
		if mv.Op != opMove || mv.A != c+k || i < 0 || i >= len(co.consts) || co.consts[i].T != tagNone {
			return false
		}
	}
	return true
}

// setFresh makes l the list made last in slot a, for reuseSlice and
// list_copy.
func (lt *loopTrace) setFresh(a int32, l *List) {
	for int(a) >= len(lt.fresh) {
		lt.fresh = append(lt.fresh, nil)
	}
	lt.fresh[a] = l
	if int(a) < len(lt.freshBits) {
		lt.freshBits[a] = 0
		if l != nil {
			lt.freshBits[a] = ObjVal(l).B
		}
	}
}

// sliceReuse finds, in the recorded iteration and bridges (parts, in any
// order: each instruction is judged alone, so a linked bridge is judged
// with its parent's parts without merging them into one trace), the
// slice call-outs that may reuse their list: per snapshot, the slot plus
// one.
func (lt *loopTrace) sliceReuse(parts ...[]traceopt.Inst) []int32 {
	var reuse []int32
	code := lt.root.instrs
	for _, insts := range parts {
		for _, in := range insts {
			if in.Op != generated.OpCallOut {
				continue
			}
			sn := int(in.Args[0])
			if sn >= len(lt.snaps) || len(lt.snaps[sn].frames) > 0 || lt.snaps[sn].pc >= len(code) {
				return nil
			}
			bc := &code[lt.snaps[sn].pc]
			if bc.Op != opGetSlice || traceopt.Slot(bc.A) != in.Args[1] {
				return nil // a call-out that may read any slot
			}
			for len(reuse) <= sn {
				reuse = append(reuse, 0)
			}
			reuse[sn] = bc.A + 1
		}
	}
	for sn, s := range reuse {
		for _, insts := range parts {
			if s != 0 && !sliceSlotKept(insts, code, lt.snaps, s-1) {
				reuse[sn], s = 0, 0
			}
		}
	}
	return reuse
}

// sliceSlotKept reports whether the list in slot s never leaves it in
// insts: see above.
func sliceSlotKept(insts []traceopt.Inst, code []Instr, snaps []*snapshot, s int32) bool {
	at := traceopt.Slot(s)
	for i := range insts {
		in := &insts[i]
		if in.Op == generated.OpCallOut {
			bc := &code[snaps[in.Args[0]].pc]
			if bc.B == s || (s >= bc.C && s <= bc.C+2) {
				return false
			}
			continue
		}
		if traceopt.Info(in.Op) == nil {
			return false
		}
		reads := false
		in.Reads(func(slot int32) { reads = reads || slot == s })
		if !reads {
			continue
		}
		switch in.Op {
		case generated.OpGuardList:
		case generated.OpListLen:
			if in.Args[1] != at {
				return false
			}
		case generated.OpListLoad, generated.OpListLoadMt:
			if in.Args[1] != at || in.Args[2] == at {
				return false
			}
		case generated.OpListStore, generated.OpListStoreMt:
			if in.Args[0] != at || in.Args[1] == at || in.Args[2] == at {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// reuseSlice runs the slice call-out at pc of f, through snapshot sn, into
// the list it made last in this entry when lt allows that and the list is
// still there; it reports false, having done nothing, otherwise.
func (vm *VM) reuseSlice(f *frame, lt *loopTrace, sn, pc int) (bool, error) {
	if sn >= len(lt.reuse) || lt.reuse[sn] == 0 || vm.threaded() {
		return false, nil
	}
	in := &f.code.instrs[pc]
	if int(in.A) >= len(lt.fresh) {
		return false, nil
	}
	dst := lt.fresh[in.A]
	if dst == nil {
		return false, nil
	}
	if r := f.regs[in.A]; r.Tag != tagObject || f.objs[in.A] != Object(dst) {
		return false, nil
	}
	src, ok := f.objs[in.B].(*List)
	if !ok || f.regs[in.B].Tag != tagObject || src == dst || src.deque || dst.deque {
		return false, nil
	}
	s := SliceObj{f.get(in.C), f.get(in.C + 1), f.get(in.C + 2)}
	lo, hi, step, err := vm.sliceIndices(&s, int64(src.Len()))
	if err != nil {
		return true, err
	}
	src.sliceInto(dst, lo, hi, step)
	f.set(in.A, ObjVal(dst))
	return true, nil
}

// noteSlice remembers the list the slice call-out through snapshot sn just
// left in slot A of f, for reuseSlice (per slot: two call-outs on two paths
// may make the list the other one finds).
func (lt *loopTrace) noteSlice(f *frame, sn, pc int) {
	if sn >= len(lt.reuse) || lt.reuse[sn] == 0 {
		return
	}
	a := f.code.instrs[pc].A
	l, _ := f.objs[a].(*List)
	lt.setFresh(a, l)
}

// sliceInto makes dst l[lo:hi:step], reusing dst's arrays.
func (l *List) sliceInto(dst *List, lo, hi, step int64) {
	n := sliceLen(lo, hi, step)
	if cap(dst.vals) < n {
		dst.vals = make([]templates.Value, n)
	}
	dst.vals = dst.vals[:n]
	for j, i := 0, lo; j < n; j, i = j+1, i+step {
		dst.vals[j] = l.vals[i]
	}
	if l.objs == nil {
		dst.objs = nil
		return
	}
	if cap(dst.objs) < n {
		dst.objs = make([]Object, n)
	}
	dst.objs = dst.objs[:n]
	for j, i := 0, lo; j < n; j, i = j+1, i+step {
		dst.objs[j] = l.objs[i]
	}
}
