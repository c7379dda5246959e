package interp

// The recording's driver: starting a recording at a hot back-edge,
// running it step by step, and judging what it made (compile, give up, or
// try again later). The recorder's translation of instructions into uops
// is in record.go.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// recordLoop records the loop whose back-edge at pc jumps to head, in
// frame f, compiles it, and tells the interpreter where to go on.
func (vm *VM) recordLoop(f *frame, lt *loopTrace, pc, head int) (int, error, bool) {
	base := vm.sp - len(f.regs)
	co := f.code
	if base < 0 || &vm.stack[base] != &f.regs[0] {
		lt.dead, lt.reason = true, "not the innermost frame"
		return 0, nil, false
	}
	n := int32(len(f.regs))
	if int(n)+scratchSlots+base > len(vm.stack) {
		lt.dead, lt.reason = true, "no room on the slot stack"
		return 0, nil, false
	}
	if lt.walls == nil {
		var walled bool
		if lt.walls, walled = siblingWalls(vm.loopsOf(co), lt, head); walled {
			// Another back-edge of this loop gave up at a wall: its
			// tries were this one's.
			lt.dead, lt.reason = true, "another back-edge of the loop met its walls"
			vm.jit.debugf("%s:%d: not recorded: %s", co.filename, co.lines[pc], lt.reason)
			return 0, nil, false
		}
	}
	if co.isGenerator && yieldsEveryIteration(co, head, pc) && !mayPayToYield(co, head, pc) {
		// (No recording could close: see yieldsEveryIteration. Or
		// one ending at the yield would not pay: gen_yield.go.)
		lt.dead, lt.reason = true, yieldInLoop
		lt.file, lt.line = co.filename, int(co.lines[pc])
		vm.jit.debugf("%s:%d: not recorded: %s, on its only path", co.filename, co.lines[pc], lt.reason)
		return 0, nil, false
	}
	if vm.whileInBridgedInner(co, head, pc) {
		lt.dead, lt.reason = true, sideWhile
		lt.file, lt.line = co.filename, int(co.lines[pc])
		vm.jit.debugf("%s:%d: not recorded: %s, as an inner loop's bridges show", co.filename, co.lines[pc], lt.reason)
		return 0, nil, false
	}
	*lt = loopTrace{root: co, active: lt.active, failed: lt.failed, benched: lt.benched, walls: lt.walls, walledOut: lt.walledOut, skew: lt.skew, endsMet: lt.endsMet, learnWide: lt.learnWide, relearned: lt.relearned, base: base, file: co.filename, line: int(co.lines[pc]), head: head, end: pc,
		scratchLo: n, scratchNext: n, extent: int(n) + scratchSlots, consts: map[int32]templates.Value{},
		branch: map[int]bool{}, tried: map[int]int{}, constSlots: map[int64]int32{},
		exitReads: map[int32]bool{}, wideSlots: map[int32]int32{}, convSlots: map[int32]int32{}}
	if lt.learnWide == nil {
		lt.learnWide = map[int32]bool{}
	}
	for i, c := range co.consts {
		if c.T == tagInt || c.T == tagFloat || c.T == tagBool || c.T == tagNone {
			lt.consts[int32(co.nlocals+i)] = templates.Value{Tag: c.T, Bits: c.B}
		}
	}
	r := vm.newRecorder(f, lt, head)
	defer r.release()
	if in := &co.instrs[pc]; in.Op == opForIter {
		// A for loop over a list: the trace iterates it itself.
		x, ok := vm.ostack[base+int(in.A)].(*listIter)
		if !ok {
			lt.dead, lt.reason = true, "a for loop over something other than a list"
			return 0, nil, false
		}
		it := iterSlot{slot: in.A, list: r.newScratch(), index: r.newScratch()}
		lt.entryIters = append(lt.entryIters, it)
		r.regs[it.list] = listSlot(x.l)
		r.regs[it.index] = templates.Value{Tag: tagInt, Bits: uint64(x.i)}
		r.iters[in.A] = virtualIter{list: it.list, index: it.index, entry: true}
		r.known[it.list], r.known[it.index] = traceopt.List, traceopt.Int
		r.knownReplaced()
		r.lists[it.list] = true
	}
	for s := range lt.learnWide {
		r.makeTraceWide(s) // (or recorded as what it holds now)
	}
	r.storedGlobals()
	r.snap() // snapshot 0: the loop head
	r.run()
	if r.abort == "" {
		lt.raw = append([]traceopt.Inst(nil), r.insts...)
		if err := vm.compileTrace(lt); err != nil {
			// The iteration ran to the back-edge: resume at the head.
			r.leaveAt(0, err.Error())
		} else {
			if vm.jit.cfg.JITDebug != nil {
				vm.jit.debugf("%s:%d: trace compiled: %s", co.filename, co.lines[pc], lt.describe())
			}
			vm.giveBack(lt)
			if r.exitAt >= 0 {
				// The iteration ran to a yield the trace ends at: the
				// interpreter goes on there (gen_yield.go).
				to, err := vm.restore(f, lt, lt.snaps[r.exitAt])
				return to, err, true
			}
			return head, nil, true
		}
	}
	vm.jit.stats.aborted++
	lt.reason = r.abort
	if r.relearn && !lt.relearned {
		// Learned something: record again at the next hot count.
		lt.relearned = true
	} else {
		lt.failed++
		lt.wait = 1<<lt.failed - 1
		if !pathDependent(r.abort) {
			// The same wall twice, in a row or not (a loop whose
			// iterations take two paths, each with its own wall, met
			// them in turn: 6 tries, each recording an iteration): an
			// operation the recorder cannot translate, not a path
			// that happened to go elsewhere. More tries would cost
			// the same for nothing.
			key := r.wallKey()
			if slices.Contains(lt.walls, key) || !r.branched() || r.hopeless || r.sideWall || r.typeWall {
				// (Or met on the only path there is: the recording
				// took no branch on its way to the wall, so every
				// iteration whose values have the same types meets
				// it. Or a path with less than half the native work
				// its call-outs need: see callOutsHopeless. Or met on
				// a side path of an inner loop, which the recording
				// found running that loop through all its iterations:
				// the next try runs it again, over much the same
				// values, and takes that path again. mandelbrot's
				// rows: every row's pixel loop has pixels that leave
				// the escape loop by its second test, a while loop in
				// a side path; the second try cost a whole recording,
				// a fifth of the run's JIT work. Or a str loaded from a
				// list, which no path translates: see typeWall. An
				// operator on an instance waits for its second meeting:
				// met on a rare path, as a loop's first iterations may
				// take, it would give up a loop whose common path
				// traces.)
				lt.failed = maxRecordFailures
				lt.walledOut = true
			}
			lt.walls = append(lt.walls, key)
		} else if r.abort == yieldInLoop {
			// A yield met on the only path there is (a generator
			// expression's loop, sum(p[0] for p in pixels)): every
			// iteration yields, so no recording of it can close.
			// raytracer tried each of three such loops six times.
			// Met at the same yield a second time, behind an if (`if
			// word: yield word`): the iterations that yield are most
			// of them, and a trace of the others would leave at that
			// if nearly every time. wordcount's tokens and graphs'
			// sum(1 for s in sizes if s == 1) made 6 and 5 recordings.
			key := r.wallKey()
			if !r.branched() || slices.Contains(lt.walls, key) {
				lt.failed = maxRecordFailures
				lt.walledOut = true
			}
			lt.walls = append(lt.walls, key)
		}
		if lt.failed >= maxRecordFailures {
			lt.dead = true
		}
	}
	if strings.HasPrefix(r.abort, loopEnds) {
		if lt.endsMet++; lt.endsMet >= maxEndsMet {
			lt.dead = true
		}
	}
	if strings.HasPrefix(r.abort, loopEnds) && lt.skew < vm.jit.hot/2 {
		// A loop of a few iterations a run, which the threshold divides
		// (for i in range(4): 64 back-edges are 16 whole runs), would
		// reach every next try at its last iteration again: one
		// back-edge sooner each time (through the waits between tries
		// too), a try records an iteration that goes round.
		lt.skew++
	}
	vm.counters(co)[pc] = lt.skew
	vm.jit.debugf("%s:%d: recording aborted at line %d: %s", co.filename, co.lines[pc], r.code().lines[r.pc], r.abort)
	if r.raised != nil {
		// A call-out raised: the frame is as the interpreter left it.
		lt.snaps, lt.checks, lt.slowChecks = nil, nil, false
		return r.pc + 1, r.raised, true
	}
	sn := lt.snaps[r.stopSnap()]
	lt.snaps, lt.checks, lt.slowChecks = nil, nil, false
	to, err := vm.restore(f, lt, sn)
	return to, err, true
}

// wallKey names where and why the recording stopped, for lt.walls.
func (r *recorder) wallKey() string {
	return fmt.Sprintf("%p %d: %s", r.code(), r.pc, r.abort)
}

// yieldsEveryIteration reports whether the body of the loop whose
// back-edge at end jumps to head runs straight to a yield: no jump, no
// return or raise, no exception handler over it. Every iteration yields
// there, so no recording of it can close; a generator expression's loop
// (raytracer's sum(p[0] for p in pixels), three of them) is given up
// without the recording that found it out.
func yieldsEveryIteration(co *Code, head, end int) bool {
	if head < 0 || head >= end || end > len(co.instrs) {
		return false
	}
	for _, e := range co.excTable {
		if int(e.start) < end && int(e.end) > head {
			return false
		}
	}
	yields := false
	for pc := head; pc < end; pc++ {
		switch co.instrs[pc].Op {
		case opYield:
			yields = true
		case opJump, opJumpBack, opJumpIfFalse, opJumpIfTrue,
			opJumpIfLt, opJumpIfLe, opJumpIfGt, opJumpIfGe, opJumpIfEq, opJumpIfNe,
			opJumpIfNotLt, opJumpIfNotLe, opJumpIfNotGt, opJumpIfNotGe, opJumpIfNotEq, opJumpIfNotNe,
			opForIter, opForRange, opReturn, opRaise, opRaiseFrom, opAssertFail, opWithExit, opYieldFromSend:
			return false
		}
	}
	return yields
}

// siblingWalls returns the walls the recordings of the other back-edges of
// the loop at head met (a while loop whose test is `a or b` jumps back
// from each operand), and whether one of them gave up at its walls: they
// record the same body from the same head, so their tries are one
// loop's (tasks' dispatch loop: six recordings, three from each
// back-edge, each stopping at a deque method).
func siblingWalls(loops []*loopTrace, lt *loopTrace, head int) (walls []string, walledOut bool) {
	for _, o := range loops {
		if o != nil && o != lt && o.root != nil && o.head == head && !o.fn {
			walls = append(walls, o.walls...)
			walledOut = walledOut || o.walledOut
		}
	}
	return walls, walledOut
}

// branched reports whether the recording so far took a branch whose other
// way it did not follow (an if, a loop's test, an and/or).
func (r *recorder) branched() bool {
	return slices.ContainsFunc(r.insts, func(in traceopt.Inst) bool { return traceopt.Info(in.Op).Branch })
}

// callOutsDontPay is why a recording stops when its path has too little
// native work for its call-outs.
const callOutsDontPay = "call-outs more than the loop's native work pays for"

// loopEnds is why a recording stops when its iteration is the loop's last.
const loopEnds = "the loop ends on the recorded path"

// returnFromLoop is why a recording stops at a return of the loop's own
// frame.
const returnFromLoop = "return from the loop"

// yieldInLoop is why a recording stops at a yield of a generator's loop:
// a path that went another way (an if around the yield) may not yield.
const yieldInLoop = "a yield in the loop"

// leavesTheLoop is why a recording stops when its path jumps out of the loop
// elsewhere (a break).
const leavesTheLoop = "the recorded path leaves the loop"

// pathDependent reports whether a recording stopped for a reason the next
// iteration may not have (where its path went, what its values were), so
// that the same reason twice in a row does not end the tries.
func pathDependent(reason string) bool {
	for _, p := range []string{loopEnds, leavesTheLoop, yieldInLoop, "the inner loop left its recorded path"} {
		if strings.HasPrefix(reason, p) {
			return true
		}
	}
	return strings.HasSuffix(reason, " raised") || strings.Contains(reason, "would leave the trace")
}

// newRecorder starts a recording of lt at pc of frame f, which holds what
// lt's snapshot or head says.
func (vm *VM) newRecorder(f *frame, lt *loopTrace, pc int) *recorder {
	r := &recorder{vm: vm, lt: lt, rootCode: f.code, root: f, regs: vm.stack[lt.base:], head: lt.head, end: lt.end,
		consts: lt.consts, scratch: lt.scratchNext, scratchLo: lt.scratchLo,
		extent: int32(lt.extent), pc: pc, snapHere: -1, resume: -1, exitAt: -1}
	m := vm.jit.recMaps
	vm.jit.recMaps = nil // (a call-out may record another loop meanwhile)
	if m == nil {
		m = &recMaps{known: map[int32]traceopt.Type{}, cval: map[int32]templates.Value{},
			objects: map[int32]Val{}, lists: map[int32]bool{},
			iters: map[int32]virtualIter{}, wides: map[int32]int32{}, tmpWides: map[int32]int32{},
			shapes: map[int32]*Shape{},
			relied: map[int32]int{}}
	} else {
		m.clear()
	}
	r.recMaps, r.mapsBox = *m, m
	for _, w := range lt.wides {
		r.wides[w.slot] = w.wide
	}
	for _, it := range lt.entryIters {
		r.iters[it.slot] = virtualIter{list: it.list, index: it.index, entry: true}
		r.known[it.list], r.known[it.index] = traceopt.List, traceopt.Int
	}
	for s, v := range lt.consts {
		r.cval[s] = v
	}
	r.knownReplaced()
	for _, s := range lt.lists {
		r.lists[s] = true
	}
	vm.fillGlobals(lt) // (a bridge's: the interpreter ran since the exit)
	vm.jit.stats.recorded++
	// The instructions go into the buffer of the recording before, taken
	// (a call-out may record another loop meanwhile) and given back by
	// release: every recording grew its own by doubling, on fresh pages.
	r.insts, vm.jit.recInsts = vm.jit.recInsts[:0], nil
	if r.insts == nil {
		// The run's first recording: room for a trace at once (pages
		// not written cost nothing), not a doubling at a time on fresh
		// pages, each copy a page or more.
		r.insts = make([]traceopt.Inst, 0, firstRecInsts)
	}
	return r
}

// firstRecInsts is the room of the run's first recording buffer (16 KB).
const firstRecInsts = 256

// release gives the recording's instruction buffer back for the next
// one. The recorder is done: whatever keeps its instructions copied them.
func (r *recorder) release() {
	j := r.vm.jit
	if cap(r.insts) > cap(j.recInsts) {
		j.recInsts = r.insts[:0]
	}
	r.insts = nil
	*r.mapsBox = r.recMaps
	j.recMaps = r.mapsBox
}

// run records until the trace closes or the recording stops, and leaves
// in lt what the trace uses.
func (r *recorder) run() {
	r.recordSteps()
	lt := r.lt
	lt.extent = int(r.extent)
	lt.scratchNext = r.scratch
	r.syncLists()
	// A loop's own recording is judged with its inner loops' iterations,
	// their uops taken as instructions (runInner ran them): strings'
	// tokenizer, 8 call-outs (str methods, slices, appends) in 42
	// instructions and more in its inner loops, ran 7% more instructions
	// with its trace than without. An inner loop long enough to finish
	// natively pays for them; a bridge with inner loops is not judged
	// (its loop paid once).
	steps, callOuts := r.steps+r.innerUops, r.callOuts+r.innerCallOuts
	if r.abort == "" && (callOuts > 0 || r.stores > 0) && (!r.hadInner || !r.bridge && !r.innerNative) {
		if !callOutsPay(steps, callOuts, r.stores) {
			// The iteration ran to the back-edge: resume at the head.
			r.vm.jit.debugf("%s:%d: %d call-outs and %d object stores for %d instructions", lt.file, lt.line, callOuts, r.stores, steps)
			r.leaveAt(0, callOutsDontPay)
			r.hopeless = callOutsHopeless(steps, callOuts, r.stores)
		} else if lt.stepsPerIter >= 0 && !r.hadInner {
			// A bridge's path pays for its call-outs as the loop's
			// own does: an iteration runs at least its instructions.
			lt.stepsPerIter = max(lt.stepsPerIter, r.steps)
		}
	}
	if r.abort == "" && r.hadInner && !r.bridge {
		lt.stepsPerIter = -1 // (call-outs beside inner loops: not judged)
	}
	if r.abort == "" && !r.bridge {
		lt.iterSteps = r.steps
	}
}

// recordSteps records instruction after instruction until the recording
// stops or an instruction ends it (the trace's back-edge, or a side
// path's: record_side.go).
func (r *recorder) recordSteps() {
	for r.abort == "" {
		if len(r.insts) > maxTraceInsts {
			r.failf("trace too long")
			break
		}
		// (Outside inner loops the look-up would decide nothing.)
		k, inInner, seen := r.key(r.pc), len(r.inner) > 0, false
		if inInner {
			_, seen = r.firstAt.get(k)
		}
		if !seen || !inInner || r.side != nil {
			if !seen || !inInner {
				r.firstAt.set(k, len(r.insts))
			}
			if r.needsSave() {
				r.startKey.set(len(r.insts), r.key(r.pc))
				r.saveAt(len(r.insts))
			}
		}
		r.steps++
		next := r.step()
		if r.abort != "" && r.resume < 0 && r.raised == nil && r.callOutOK() {
			r.vm.jit.debugf("%s:%d: call-out at line %d: %s", r.lt.file, r.lt.line, r.code().lines[r.pc], r.abort)
			r.abort, r.typeWall = "", false
			next = r.callOut()
		}
		if r.abort != "" || next < 0 {
			break
		}
		if n := len(r.inner); n > 0 {
			// A break out of an inner loop the recording is inside: the
			// loop never reached its back-edge, and has no end in the trace.
			il := &r.inner[n-1]
			if len(r.frames) == il.key.depth && r.code() == il.key.code && (next < il.head || next > il.key.pc) {
				r.failf("the recorded path breaks out of an inner loop")
				break
			}
		}
		r.pc = next
		r.snapHere = -1
	}
}

// callOutSteps is how many instructions a loop without inner loops must run
// natively per call-out for its trace to pay. Measured on loops of n
// instructions around one call-out, 3 million iterations, min CPU of 5,
// JIT on vs off, since call-outs run their own loop (jit_callout.go): a
// dict store breaks even at n=6 (0.15 vs 0.16 s) and wins at 9 (0.16 vs
// 0.21 s); a method call whose receiver is moved by a call-out of its own
// (d.get: two call-outs) breaks even near n=19, 9.5 per call-out. (Before,
// enter's loop restored the frame at every call-out and the dict store
// went the generic way: 1.3x the interpreter's time at n=8, level at 14.)
const callOutSteps = 8

// storeSteps is callOutSteps for an object store Go does in the middle of
// a trace (record_objstore.go): it leaves native code and enters again,
// but restores nothing and runs no instruction. Measured on a loop of two
// such stores and a swap, 2 million iterations, JIT on vs off: 1.55x the
// interpreter's time (about 35 ns a store, where the interpreter takes 7
// ns an instruction); a queue's take and put inlined, 7 stores in 49
// instructions, 1 million iterations: 0.79x.
const storeSteps = 5

// callOutsPay reports whether an iteration of steps instructions, callOuts
// of them call-outs and stores of them object stores, has native work
// enough to pay for them.
func callOutsPay(steps, callOuts, stores int) bool {
	return steps >= (callOutSteps+1)*callOuts+(storeSteps+1)*stores
}

// callOutsHopeless reports whether an iteration that did not pay for its
// call-outs fell short by more than half, so that the loop's other paths,
// which share its test and its call-outs' instructions, are not worth a
// second recording. Over the 30 benchmark programs no loop whose first
// recording stopped at callOutsPay ever compiled at a later try; a second
// try was half the recordings of memo, rational and sudoku.
func callOutsHopeless(steps, callOuts, stores int) bool {
	return 2*steps < (callOutSteps+1)*callOuts+(storeSteps+1)*stores
}

// stopSnap is the snapshot to resume through after the recording stopped.
func (r *recorder) stopSnap() int {
	if r.exitAt >= 0 {
		return r.exitAt // (loopEndsHere: the loop ended, whatever stopped the bridge after)
	}
	if r.resume >= 0 {
		return r.resume
	}
	if r.snapHere >= 0 && r.lt.snaps[r.snapHere].pc != r.pc {
		r.snapHere = -1
	}
	return r.snap()
}

func countGuards(t *traceopt.Trace) int {
	n := 0
	for _, in := range t.Insts {
		if info := traceopt.Info(in.Op); info.Exits || info.Branch {
			n++
		}
	}
	return n
}
