package interp

import (
	"fmt"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
	"github.com/copypatch/copypatch/uopref"
)

// Function traces: tier 2 for recursion.
//
// A function that calls itself by its global name counts its calls; once
// hot, the recorder (record.go, with lt.fn set) runs one call of it from the
// entry to its return, and every call of itself on the way becomes a
// call_self uop: a native call, not a return to Go. The callee's frame is a
// window a fixed number of slots above the caller's (its own slots, the
// trace's scratch slots, then the link slot call_self writes the return
// address and the call site into), so a chain of native calls is a stack of
// equal windows in the interpreter's slot stack, which native code never
// leaves and Go never has to allocate. The state's calls bound the depth:
// the recursion limit, or the end of the slot stack.
//
// Every way out of native code but the outermost return is a side exit at
// some depth N, which Go learns from calls. The N+1 windows are then made
// interpreter frames in place (vm.frames at the depths they would have
// had): the innermost resumes through its exit's snapshot, and each caller
// after its CALL (the link names it), with the callee's return value or
// exception, innermost first, in a loop rather than by Go recursion. So an
// int that overflows, the recursion limit (the call at the limit exits, and
// the interpreter raises RecursionError there), Ctrl-C (call_self leaves on
// the interrupt flag) and exceptions all happen in the interpreter, with
// the traceback a run without the JIT prints. call_self spends the
// safepoint budget too, so a long recursion reaches Go (and the GC) as a
// long loop does.
//
// Branches that leave often grow bridges as loop traces do. Calls of other
// Python functions, call-outs and loops stop the recording: then the
// function stays interpreted (after the usual retries).

// fnScratch is a function trace's scratch slots: few, since every native
// call's window pays for them.
const fnScratch = 8

// selfRecursive reports whether fn's code calls itself by its global name,
// which makes it worth a function trace, and whether it can have one.
func (vm *VM) selfRecursive(fn *Function) bool {
	co := fn.code
	if co.selfRec == 0 {
		co.selfRec = -1
		if co.simple && !co.isGenerator && fn.free == nil && len(co.excTable) == 0 && co.mod == vm.mod && !co.isModule {
			for i := range co.instrs {
				if in := &co.instrs[i]; in.Op == opLoadGlobal && co.mod.gnames[in.B] == co.name {
					co.selfRec = 1
					break
				}
			}
		}
	}
	return co.selfRec > 0
}

// callTraced is callDirect for a function that may have a function trace:
// when the trace runs (or is recorded) it returns the call's result and
// ok; otherwise the caller interprets the call.
//
// The arguments are regs and objs (a caller's slots), or vals when regs is
// nil.
func (vm *VM) callTraced(fn *Function, regs []templates.Value, objs []Object, vals []Val) (v Val, err error, ok bool) {
	if vm.threaded() || !vm.selfRecursive(fn) {
		// (Function traces live in their Code, which threads share, with
		// their counters and state: none once threads run.)
		return Val{}, nil, false
	}
	co := fn.code
	j := vm.jit
	lt := co.ftrace
	if lt == nil {
		line := 0
		if len(co.lines) > 0 {
			line = int(co.lines[0])
		}
		lt = &loopTrace{fn: true, fnName: co.name, file: co.filename, line: line, end: -1}
		co.ftrace = lt
		j.loops = append(j.loops, lt)
	}
	if lt.dead {
		return Val{}, nil, false
	}
	// (While a bridge is recorded, the calls it makes run the trace as it
	// is; no other recording starts.)
	compiled := lt.tr != nil || lt.ref != nil
	if !compiled && lt.recording {
		return Val{}, nil, false
	}
	if !compiled {
		if lt.calls++; lt.calls < j.hot {
			return Val{}, nil, false
		}
		lt.calls = 0
		if lt.wait > 0 {
			lt.wait--
			return Val{}, nil, false
		}
	}
	// The frame goes one slot up: the slot below it is its link, which
	// says native code that this call returns to Go.
	sp, depth := vm.sp, vm.depth
	base := sp + 1
	ext := co.nslots + fnScratch + 1 + co.nslots
	if base+ext > len(vm.stack) {
		return Val{}, nil, false
	}
	vm.stack[sp], vm.ostack[sp] = templates.Value{}, nil
	vm.sp = base
	nf := vm.callFrame(fn)
	if regs != nil {
		for i, r := range regs {
			if r.Tag == tagEmpty {
				vm.sp = sp
				return Val{}, nil, false // (the caller raises)
			}
			nf.regs[i] = r
			nf.objs[i] = objs[i]
		}
		if len(regs) < co.nparams {
			// callDirect's caller may leave trailing parameters to
			// their defaults (directArity).
			nf.setDefaults(fn, len(regs))
		}
	} else {
		for i, a := range vals {
			nf.set(int32(i), a)
		}
	}
	vm.depth++
	if compiled {
		v, err = vm.runFuncTrace(nf, lt, base)
	} else {
		v, err = vm.recordFunc(nf, lt, base)
	}
	vm.sp, vm.depth = sp, depth
	return v, err, true
}

// recordFunc records frame nf's call (its frame at slot base) from the
// entry, compiles the trace, and returns the call's result: the recording
// ran it, or the interpreter finished it where the recording stopped.
func (vm *VM) recordFunc(nf *frame, lt *loopTrace, base int) (Val, error) {
	co := nf.code
	j := vm.jit
	w := j.startWork() // (the interpreter finishing an aborted call is not the JIT's)
	n := int32(co.nslots)
	window := n + fnScratch + 1
	*lt = loopTrace{fn: true, fnName: lt.fnName, failed: lt.failed, base: base, file: lt.file, line: lt.line, end: -1,
		scratchLo: n, scratchNext: n, extent: int(window + n), window: window, consts: map[int32]templates.Value{},
		branch: map[int]bool{}, tried: map[int]int{}, constSlots: map[int64]int32{}, learnWide: map[int32]bool{},
		exitReads: map[int32]bool{}, wideSlots: map[int32]int32{}, convSlots: map[int32]int32{}}
	lt.recording = true
	r := vm.newRecorder(nf, lt, 0)
	defer r.release()
	r.snap() // snapshot 0: the entry
	// A native callee's frame has no constants until the trace loads
	// them; those of other types are objects to the trace.
	for i, c := range co.consts {
		s := int32(co.nlocals + i)
		switch c.T {
		case tagInt:
			r.emit(traceopt.Inst{Op: generated.OpLoadInt, Args: [4]uint64{traceopt.Slot(s), c.B}})
		case tagFloat:
			r.emit(traceopt.Inst{Op: generated.OpLoadFloat, Args: [4]uint64{traceopt.Slot(s), c.B}})
		default:
			r.objects[s] = c
			continue
		}
		lt.consts[s] = templates.Value{Tag: c.T, Bits: c.B}
	}
	r.run()
	lt.recording = false // (the rest of the call may record)
	if r.abort == "" {
		lt.raw = append([]traceopt.Inst(nil), r.insts...)
		if err := vm.compileTrace(lt); err != nil {
			j.debugf("%s:%d: function %s: trace not compiled: %v", co.filename, lt.line, co.name, err)
			lt.discard()
		} else {
			if j.cfg.JITDebug != nil {
				j.debugf("%s:%d: function %s: trace compiled: %s", co.filename, lt.line, co.name, lt.describe())
			}
		}
		vm.giveBack(lt)
		j.endWork(w)
		return r.retVal, nil
	}
	j.stats.aborted++
	lt.reason = r.abort
	if r.deferred {
		// A later call, one that returns before it calls itself, is
		// recorded instead: not a failure.
		lt.wait = 0
	} else {
		lt.failed++
	}
	lt.wait = 1<<lt.failed - 1
	if lt.failed >= maxRecordFailures || r.untraceable {
		// (An instruction no recording translates stops every recording
		// that reaches it: the function is left to the interpreter.)
		lt.dead = true
	}
	j.debugf("%s:%d: function %s: recording aborted at line %d: %s", co.filename, lt.line, co.name, co.lines[r.pc], r.abort)
	j.endWork(w)
	if r.raised != nil {
		// A call raised: the frame is as the interpreter left it.
		vm.giveBack(lt)
		lt.snaps, lt.checks, lt.slowChecks = nil, nil, false
		return vm.finishFrame(nf, r.pc+1, r.raised)
	}
	sn := lt.snaps[r.stopSnap()]
	lt.snaps, lt.checks, lt.slowChecks = nil, nil, false
	pc, err := vm.restore(nf, lt, sn)
	return vm.finishFrame(nf, pc, err)
}

// finishFrame runs f from pc in the interpreter, after handling err as
// raised by the instruction before pc.
func (vm *VM) finishFrame(f *frame, pc int, err error) (Val, error) {
	if err != nil {
		if pc, err = vm.except(f, pc, err); err != nil {
			return Val{}, err
		}
	}
	return vm.runAt(f, pc)
}

// runFuncTrace runs lt natively (or on the uop reference) for the call in
// frame nf, its frame at slot base, and returns the call's result.
func (vm *VM) runFuncTrace(nf *frame, lt *loopTrace, base int) (Val, error) {
	j := vm.jit
	if !lt.checksHold(vm) {
		j.debugf("%s: a global the trace relies on changed: recording again", lt.where())
		lt.discard()
		return vm.runAt(nf, 0)
	}
	lt.base = base
	w := int(lt.window)
	// Native calls may go as deep as the recursion limit allows (a call
	// at depth vm.depth+k is refused once that reaches the limit) and the
	// slot stack holds.
	calls := min(vm.limit-vm.depth, (len(vm.stack)-base-lt.extent)/w)
	calls = max(calls, 0)
	j.st.Budget = jitBudget
	j.st.Calls = uint32(calls)
	vm.forgetBigs() // native code moves values past the notes (fresh_big.go)
	start := j.now()
	var ec templates.ExitCode
	var depth int
	if lt.tr != nil {
		ec = lt.tr.RunOn(0, &j.st, vm.stack[base:], j.stack)
		depth = calls - int(j.st.Calls)
	} else {
		fp := 0
		var err error
		if ec, fp, err = uopref.RunFrom(0, 1, lt.ref, &j.st, vm.stack[base-1:], 1<<62); err != nil {
			panic("BUG: uop reference: " + err.Error())
		}
		depth = (fp - 1) / w
	}
	j.addNative(start)
	j.stats.entries++
	lt.entries++
	switch ec.Reason() {
	case templates.ExitEnd:
		r := vm.stack[base]
		return Val{T: r.Tag, B: r.Bits}, nil // (native code returns no objects)
	case templates.ExitSide:
	default:
		// Evicted or freed (nothing ran): interpret it from now on.
		j.debugf("%s: trace invalid (%v), back to the interpreter", lt.where(), ec)
		lt.tr, lt.dead = nil, true
		return vm.runAt(nf, 0)
	}
	idx := int(ec.Index())
	if idx >= len(lt.snaps) {
		panic(fmt.Sprintf("BUG: function trace left with %v, it has %d snapshots", ec, len(lt.snaps)))
	}
	j.stats.exits++
	for len(lt.exits) < len(lt.snaps) {
		lt.exits = append(lt.exits, 0)
	}
	lt.exits[idx]++
	v, err := vm.unwindNative(nf, lt, base, depth, idx)
	// A trace that leaves at once on most calls was made for a path the
	// function seldom takes (and a bridge did not help): interpret it.
	if lt.entries >= shortTripEntries && 2*lt.exitTotal() > lt.entries && !lt.dead && (lt.tr != nil || lt.ref != nil) {
		j.debugf("%s: leaves on %d of %d calls: interpreted from now on", lt.where(), lt.exitTotal(), lt.entries)
		lt.dead = true
	}
	return v, err
}

func (lt *loopTrace) exitTotal() int {
	n := 0
	for _, x := range lt.exits {
		n += x
	}
	return n
}

// unwindNative makes the native frames of a function trace that left
// through snapshot idx at native depth n interpreter frames, runs them to
// their returns, innermost first, and returns the outermost one's result.
// The root frame nf (at slot base) is vm.frames[vm.depth-1].
func (vm *VM) unwindNative(nf *frame, lt *loopTrace, base, n, idx int) (Val, error) {
	co := nf.code
	// The calls the frames make may record lt again: the frames are
	// restored as the trace that ran left them.
	ran := *lt
	w := int(lt.window)
	d0 := vm.depth - 1
	var v Val
	var err error
	for k := n; k >= 0; k-- {
		f := nf
		lo := base + k*w
		if k > 0 {
			f = &vm.frames[d0+k]
			f.code, f.fn, f.gen = co, nf.fn, nil
			f.regs = vm.stack[lo : lo+co.nslots : lo+co.nslots]
			f.objs = vm.ostack[lo : lo+co.nslots : lo+co.nslots]
		}
		// Native code loads only the int and float constants.
		for i, c := range co.consts {
			f.regs[co.nlocals+i] = templates.Value{Tag: c.T, Bits: c.B}
			f.objs[co.nlocals+i] = c.O
		}
		ran.base = lo
		vm.depth = d0 + k + 1
		vm.sp = lo + ran.extent // the interpreter's calls go above the window
		var pc int
		if k == n {
			sn := ran.snaps[idx]
			pc, err = vm.restore(f, &ran, sn)
			if err == nil && lt.exits[idx]%bridgeAfter == 0 && !vm.sigint.Load() && !lt.recording && lt.branch[idx] && lt.tried[idx] == 0 &&
				len(sn.frames) == 0 && len(lt.sides) < maxBridges && (lt.tr != nil || lt.ref != nil) && len(lt.snaps) == len(ran.snaps) {
				lt.base = lo
				var done bool
				if v, pc, err, done = vm.recordFuncBridge(f, lt, idx, pc); done {
					continue
				}
			}
		} else {
			// The caller resumes after its CALL, which the callee's
			// link names, with the callee's result or exception.
			csn := ran.snaps[int(vm.stack[lo+w-1].Bits)]
			vm.restore(f, &ran, csn)
			if err == nil {
				f.set(co.instrs[csn.pc].A, v)
			}
			pc = csn.pc + 1
		}
		v, err = vm.finishFrame(f, pc, err)
	}
	vm.depth = d0 + 1
	return v, err
}

// recordFuncBridge records, from the exit through branch snapshot idx at
// which frame f (a native frame made an interpreter one) now stands at pc,
// the rest of the call along the way the branch now goes, adds it to the
// trace as a side path and recompiles it. When ran, the recording ran the
// call to its return, with result v (or raised err); otherwise the
// interpreter goes on at pc (err raised by the instruction before it).
func (vm *VM) recordFuncBridge(f *frame, lt *loopTrace, idx, pc int) (v Val, to int, err error, ran bool) {
	j := vm.jit
	defer j.endWork(j.startWork())
	sn := lt.snaps[idx]
	lt.tried[idx] = maxBridgeTries // (one try: a function trace has no guard bridges)
	lt.recording = true
	defer func() { lt.recording = false }()
	r := vm.newRecorder(f, lt, pc)
	defer r.release()
	r.bridge = true
	for _, o := range sn.objects {
		r.objects[o.slot] = o.v
	}
	// What the trace proved before the exit holds in the bridge: only
	// the branch that left decides it.
	for s, t := range sn.known {
		r.known[s] = t
	}
	r.knownReplaced()
	r.left = lt.leaving(idx)
	r.run()
	if r.abort == "" {
		lt.sides = append(lt.sides, sidePath{snap: idx, insts: append([]traceopt.Inst(nil), r.insts...)})
		old := lt.tr
		if err := vm.compileTrace(lt); err != nil {
			lt.sides = lt.sides[:len(lt.sides)-1]
			j.debugf("%s: bridge at line %d not compiled: %v", lt.where(), sn.line, err)
			vm.compileTrace(lt) // the trace as it was
		} else {
			j.stats.bridges++
			if j.cfg.JITDebug != nil {
				j.debugf("%s: bridge from line %d: %s", lt.where(), sn.line, lt.describe())
			}
		}
		if old != nil && old != lt.tr {
			j.release(old)
		}
		vm.giveBack(lt)
		return r.retVal, 0, nil, true
	}
	j.stats.aborted++
	j.debugf("%s: bridge from line %d aborted at line %d: %s", lt.where(), sn.line, r.code().lines[r.pc], r.abort)
	if r.raised != nil {
		vm.giveBack(lt)
		return Val{}, r.pc + 1, r.raised, false
	}
	to, err = vm.restore(f, lt, lt.snaps[r.stopSnap()])
	return Val{}, to, err, false
}

// loopsBack reports whether in (at pc) may jump backwards: a loop.
func loopsBack(in *Instr, pc int) bool {
	switch in.Op {
	case opJumpBack, opForRange, opForIter:
		return true
	case opJump:
		return int(in.A) <= pc
	case opJumpIfFalse, opJumpIfTrue:
		return int(in.B) <= pc
	case opJumpIfNotLt, opJumpIfNotLe, opJumpIfNotGt, opJumpIfNotGe, opJumpIfNotEq, opJumpIfNotNe,
		opJumpIfLt, opJumpIfLe, opJumpIfGt, opJumpIfGe, opJumpIfEq, opJumpIfNe:
		return int(in.C) <= pc
	}
	return false
}

// selfCallable reports whether a call of fv in a function trace's own
// frame is a native call of the trace.
func (r *recorder) selfCallable(fv Val) bool {
	fn, ok := fv.O.(*Function)
	return ok && r.lt.fn && len(r.frames) == 0 && fn.code == r.rootCode
}

// selfCall translates a call of the traced function by itself, into slot
// a, with argc arguments from slot args on: the arguments go to the
// callee's window, call_self calls the trace there, and the result comes
// back into a, guarded (another path of the callee may return another
// type). While recording, the interpreter runs the call.
func (r *recorder) selfCall(a, args int32, argc int, kw bool, fn *Function) int {
	callPC := r.pc
	if !r.bridge {
		// The interpreter would run the whole recursion below this call
		// while the trace is recorded: record a call that returns first,
		// and this path as a bridge later.
		r.deferred = true
		r.failf("a call of %s before a return", fn.code.name)
		return callPC + 1
	}
	if kw || argc != r.rootCode.nparams {
		r.failf("call of %s with other arguments", fn.code.name)
		return callPC + 1
	}
	w := r.lt.window
	for i := 0; i < argc; i++ {
		switch t := r.typeOf(args + int32(i)); t {
		case traceopt.Unknown:
			r.failf("call of %s with an object argument", fn.code.name)
			return callPC + 1
		case traceopt.List, traceopt.Instance, traceopt.Str:
			r.lists[int32(i)] = true // (the callee's parameter)
		}
	}
	site := r.snap()
	for i := 0; i < argc; i++ {
		r.move(w+int32(i), args+int32(i))
	}
	if r.abort != "" {
		return callPC + 1
	}
	vals := make([]Val, argc)
	for i := range vals {
		x := r.regs[w+int32(i)]
		vals[i] = Val{T: x.Tag, B: x.Bits}
		if x.Tag == tagObject {
			vals[i].O = objectAt(x.Bits)
		}
	}
	// The callee's frame goes where the native one will be.
	vm := r.vm
	sp, base := vm.sp, r.lt.base
	vm.sp = base + int(w)
	v, err := vm.callFunction(fn, vals, nil)
	vm.sp, r.lt.base = sp, base
	if err != nil {
		r.raised = err
		r.failf("the call raised")
		return callPC + 1
	}
	if v.T == tagObject || v.T == tagEmpty {
		// Native code cannot return it: the interpreter goes on after the
		// call with it.
		r.wrote(a)
		r.objects[a] = v
		r.pc, r.snapHere = callPC+1, -1
		r.failf("the call returned an object")
		return callPC + 1
	}
	r.regs[w] = templates.Value{Tag: v.T, Bits: v.B}
	r.insts = append(r.insts, traceopt.Inst{Op: generated.OpCallSelf, Args: [4]uint64{traceopt.Slot(w), uint64(site)}, Exit: site})
	r.move(a, w)
	// The guard leaves after the call, the result in a.
	delete(r.known, a)
	r.noteKnown(a)
	r.pc, r.snapHere = callPC+1, -1
	r.typeOf(a)
	return callPC + 1
}

// fnReturn ends a function trace's path at a return of slot a.
func (r *recorder) fnReturn(a int32) int {
	switch t := r.typeOf(a); t {
	case traceopt.Int, traceopt.Float, traceopt.Bool, traceopt.None:
	default:
		r.failf("return of %s", aName(t))
		return r.pc + 1
	}
	if r.abort != "" {
		return r.pc + 1
	}
	r.insts = append(r.insts, traceopt.Inst{Op: generated.OpRet, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(r.lt.window)}, Exit: traceopt.NoExit})
	x := r.regs[a]
	r.retVal = Val{T: x.Tag, B: x.Bits}
	return -1
}

// leaving is the branch of lt that leaves through snapshot idx, or nil.
func (lt *loopTrace) leaving(idx int) *traceopt.Inst {
	for _, insts := range append([][]traceopt.Inst{lt.raw}, sideInsts(lt.sides)...) {
		for i := range insts {
			if in := &insts[i]; in.Exit == idx && !in.InTrace && traceopt.Info(in.Op).Branch {
				return in
			}
		}
	}
	return nil
}

func sideInsts(sides []sidePath) [][]traceopt.Inst {
	out := make([][]traceopt.Inst, len(sides))
	for i, sd := range sides {
		out[i] = sd.insts
	}
	return out
}
