package interp

import (
	"slices"
	"strings"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/traceopt"
)

// Call-outs (instructions the interpreter runs in the middle of a trace)
// and bridges (side paths recorded from exits that got hot).

// callOutOps are the instructions a trace may leave for the interpreter to
// run, when it cannot translate them: none of them jumps, and each writes
// at most its A slot of the frame.
var callOutOps = map[Op]bool{
	opMove: true, opAdd: true, opSub: true, opMul: true, opTrueDiv: true, opFloorDiv: true, opMod: true, opPow: true,
	opLshift: true, opRshift: true, opBitAnd: true, opBitOr: true, opBitXor: true, opNeg: true, opPos: true, opInvert: true,
	opNot: true, opLt: true, opLe: true, opGt: true, opGe: true, opEq: true, opNe: true, opIs: true, opIsNot: true,
	opIn: true, opNotIn: true, opGetItem: true, opSetItem: true, opCall: true, opCallMethod: true, opBuildList: true,
	opBuildTuple: true, opBuildSlice: true, opBuildString: true, opFormat: true, opListAppend: true, opGetAttr: true,
	opLoadGlobal: true, opBuildDict: true, opDictSet: true, opSetAdd: true, opBuildSet: true, opSetAttr: true,
	opGetSlice: true, opSetSlice: true,
}

// callOutWritesA reports whether a call-out instruction writes its A slot
// (the others write into the object A holds).
func callOutWritesA(op Op) bool {
	switch op {
	case opSetItem, opSetSlice, opListAppend, opDictSet, opSetAdd, opSetAttr:
		return false
	}
	return true
}

// callOutOK reports whether the instruction the recording stopped at may
// be run by the interpreter in the middle of the trace instead: in the
// loop's own frame, outside inner loops (where a call-out every iteration
// would cost more than it saves).
func (r *recorder) callOutOK() bool {
	in := &r.code().instrs[r.pc]
	return len(r.frames) == 0 && len(r.inner) == 0 && callOutOps[in.Op] && !r.lt.fn
}

// callOut records the current instruction as a call-out and runs it in the
// interpreter now.
func (r *recorder) callOut() int {
	in := &r.code().instrs[r.pc]
	// A snapshot of its own: a guard that leaves through the
	// instruction's snapshot must not be taken for the call-out.
	if r.snapHere >= 0 && r.lt.snaps[r.snapHere].pc != r.pc {
		r.snapHere = -1
	}
	if _, ok := r.wides[in.A]; ok && callOutWritesA(in.Op) {
		// Refused before it runs: stopped after, the interpreter would
		// run the instruction (a dunder method's effects) a second time.
		r.failf("a write to a 128-bit accumulator")
		return r.pc + 1
	}
	c := *r.lt.snaps[r.snap()]
	r.lt.snaps = append(r.lt.snaps, &c)
	sn := len(r.lt.snaps) - 1
	if !r.runCallOut(sn) {
		return r.pc + 1
	}
	dst := r.newScratch()
	if callOutWritesA(in.Op) {
		dst = in.A
		r.wrote(dst)
	}
	r.insts = append(r.insts, traceopt.Inst{Op: generated.OpCallOut, Args: [4]uint64{uint64(sn), traceopt.Slot(dst)}, Exit: traceopt.NoExit})
	r.callOuts++
	// Go may have changed any instance's shape (and any class: entry
	// checks the classes again after every call-out), and any global.
	clear(r.shapes)
	r.refillGlobals()
	return r.pc + 1
}

// runCallOut runs, while recording, the instruction call-out snapshot sn
// names, as Go does when the trace runs. It reports false, the recording
// stopped, when the instruction raised.
func (r *recorder) runCallOut(sn int) bool {
	if st := r.lt.snaps[sn].store; st != nil {
		r.syncLists()
		r.vm.storeObject(r.lt, st)
		return true
	}
	r.syncLists()
	pc, err := r.vm.restore(r.root, r.lt, r.lt.snaps[sn])
	if err != nil {
		panic("BUG: restoring the root frame failed")
	}
	sp := r.vm.sp
	r.vm.sp = r.lt.base + int(r.extent) // calls get frames above the trace's slots
	err = r.vm.execOne(r.root, pc)
	r.vm.sp = sp
	if err != nil {
		r.raised = err
		r.pc = pc
		r.failf("%v raised", r.rootCode.instrs[pc].Op)
		return false
	}
	return true
}

// syncLists gives lt the slots that may hold lists native code wrote.
func (r *recorder) syncLists() {
	lt := r.lt
	lt.lists = lt.lists[:0]
	for s := range r.lists {
		lt.lists = append(lt.lists, s)
	}
	slices.Sort(lt.lists)
}

// bridgeAfter is how many times a branch must leave a trace before the
// other way is recorded as a side path of the trace (a bridge).
const bridgeAfter = 8

// maxBridges bounds the side paths of one trace.
const maxBridges = 12

// maxBridgeTries is how many times a bridge is recorded from one exit,
// each after 8 times as many exits as the last: a guard's exit is taken
// for several reasons (an instance of another shape, None at the end of
// the loop), and the first one recorded may not be the common one.
const maxBridgeTries = 3

// recordBridge records, from the exit through branch snapshot idx at which
// the interpreter now stands (pc, frame f), the rest of the iteration
// along the way the branch now goes, adds it to the trace as a side path
// and recompiles the trace. It returns where the interpreter goes on.
// When the snapshot has inlined frames, pc is in the innermost one and
// nothing has run them: the recording goes on in them.
func (vm *VM) recordBridge(f *frame, lt *loopTrace, idx, pc int) (int, error) {
	sn := lt.snaps[idx]
	lt.tried[idx]++
	wides := len(lt.wides)
	r := vm.newRecorder(f, lt, pc)
	defer r.release()
	r.bridge = true
	// An exit inside inlined frames: the recording goes on in them (pc is
	// the innermost one's), their slots as restoreSlots left them.
	for _, fr := range sn.frames {
		rf := &recFrame{code: fr.code, fn: fr.fn, base: fr.base, callPC: fr.callPC, dest: fr.dest, bound: r.pools.slots.empty()}
		for i := fr.code.nparams; i < fr.code.nlocals; i++ {
			if s := fr.base + int32(i); !slices.Contains(sn.clear, s) {
				rf.bound[s] = true
			}
		}
		r.frames = append(r.frames, rf)
	}
	for _, o := range sn.objects {
		r.objects[o.slot] = o.v
	}
	for _, it := range sn.iters {
		r.iters[it.slot] = virtualIter{list: it.list, index: it.index}
	}
	for _, w := range sn.wides {
		r.tmpWides[w.slot] = w.wide
	}
	r.run()
	if r.abort == "" {
		lt.sides = append(lt.sides, sidePath{snap: idx, insts: append([]traceopt.Inst(nil), r.insts...)})
		if vm.linkBridge(lt, idx, r.insts) {
			vm.jit.stats.bridges++
			vm.jit.stats.linked++
			lt.tried[idx] = maxBridgeTries
			lt.entries, lt.iters, lt.callOuts, lt.stores = 0, 0, 0, 0
			vm.jit.debugf("%s: bridge from line %d compiled alone and linked: %d linked", lt.where(), sn.line, len(lt.linked))
			return vm.bridgeDone(f, lt, r)
		}
		old := lt.tr
		if err := vm.compileTrace(lt); err != nil {
			lt.sides = lt.sides[:len(lt.sides)-1]
			vm.jit.debugf("%s: bridge at line %d not compiled: %v", lt.where(), sn.line, err)
			vm.compileTrace(lt) // the trace as it was
		} else {
			vm.jit.stats.bridges++
			lt.tried[idx] = maxBridgeTries
			lt.entries, lt.iters, lt.callOuts, lt.stores = 0, 0, 0, 0 // a new trace, judged anew
			if vm.jit.cfg.JITDebug != nil {
				vm.jit.debugf("%s: bridge from line %d: %s", lt.where(), sn.line, lt.describe())
			}
		}
		if old != nil && old != lt.tr {
			vm.jit.release(old)
		}
		return vm.bridgeDone(f, lt, r)
	}
	vm.jit.stats.aborted++
	vm.jit.debugf("%s: bridge from line %d aborted at line %d: %s", lt.where(), sn.line, r.code().lines[r.pc], r.abort)
	if lt.branch[idx] && len(sn.frames) == 0 && len(r.frames) == 0 && leavesLoop(r.abort) && lt.decidedOnlyAt(r.insts, sn.pc) {
		// The branch this exit takes goes straight out of the loop (a
		// break, a return, the loop's own test), deciding nothing else
		// on the way: every exit through it goes the same way, and the
		// tries left would stop the same.
		lt.tried[idx] = maxBridgeTries
	}
	if r.abort == callOutsDontPay && lt.branch[idx] && !slices.Contains(lt.walled, idx) {
		// (A branch's: the way the values went, not a type or an
		// overflow that a new recording would take in its stride.)
		lt.walled = append(lt.walled, idx)
	}
	// The accumulators the failed bridge made 128-bit go back to the
	// interpreter now, and are no part of the trace.
	defer func() { lt.wides = lt.wides[:wides] }()
	if r.raised != nil {
		vm.giveBack(lt)
		return r.pc + 1, r.raised
	}
	return vm.restore(f, lt, lt.snaps[r.stopSnap()])
}

// leavesLoop reports whether a recording stopped because its path left the
// loop it records.
func leavesLoop(reason string) bool {
	return strings.HasPrefix(reason, loopEnds) || strings.HasPrefix(reason, leavesTheLoop) || reason == returnFromLoop || reason == yieldInLoop
}

// decidedOnlyAt reports whether every instruction of insts that may leave
// (a guard, a branch, an overflow check) leaves at pc of the root frame:
// the path they record took no turn that values decided but the one there.
func (lt *loopTrace) decidedOnlyAt(insts []traceopt.Inst, pc int) bool {
	for _, in := range insts {
		if in.Exit == traceopt.NoExit {
			continue
		}
		if in.Exit < 0 || in.Exit >= len(lt.snaps) {
			return false
		}
		if sn := lt.snaps[in.Exit]; sn.pc != pc || len(sn.frames) > 0 {
			return false
		}
	}
	return true
}
