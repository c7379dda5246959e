package interp

import (
	"fmt"
	"maps"
	"time"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
	"github.com/copypatch/copypatch/uopref"
)

// Inner loops: loops nested in the recorded one are recorded inside the
// trace, with in-trace branches and back-edges.

// innerLoop is a loop nested in the recorded one, recorded inside the
// trace: its check at the top jumps to the instruction after its back-edge.
type innerLoop struct {
	key  pcKey // its back-edge
	head int   // the first pc of its body
	top  int   // the IR index its back-edge jumps to
	done int   // the IR index of the check whose target is the loop's end
	// ended: the recording saw the loop end already, there is nothing to
	// run to finish it.
	ended bool
	// side: the loop's back-edge ends a side path of the loop, not its
	// body (record_side.go).
	side bool
}

// pcKey names an instruction of the frame being recorded.
type pcKey struct {
	depth int
	code  *Code
	pc    int
}

// pcIndex maps pcKeys to IR indexes: by pc, in a table for each frame
// (depth and code) the recording went through, which are few. A map keyed
// by the whole pcKey hashed it the generic way at every recorded
// instruction, and grew from empty in a run's first recordings (3% of
// levenshtein's JIT work instructions).
type pcIndex struct {
	frames []pcFrame
	spare  [][]int32 // tables of frames reset, reused
}

type pcFrame struct {
	depth int
	code  *Code
	at    []int32 // by pc: the IR index plus one, or 0
}

func (x *pcIndex) frame(k pcKey) *pcFrame {
	for i := range x.frames {
		if f := &x.frames[i]; f.code == k.code && f.depth == k.depth {
			return f
		}
	}
	return nil
}

func (x *pcIndex) get(k pcKey) (int, bool) {
	f := x.frame(k)
	if f == nil || k.pc < 0 || k.pc >= len(f.at) || f.at[k.pc] == 0 {
		return 0, false
	}
	return int(f.at[k.pc] - 1), true
}

func (x *pcIndex) set(k pcKey, i int) {
	if k.pc < 0 {
		panic("BUG: recorder: a negative pc")
	}
	f := x.frame(k)
	if f == nil {
		var at []int32
		if n := len(x.spare); n > 0 {
			at, x.spare = x.spare[n-1][:0], x.spare[:n-1]
		}
		x.frames = append(x.frames, pcFrame{depth: k.depth, code: k.code, at: at})
		f = &x.frames[len(x.frames)-1]
	}
	if k.pc >= len(f.at) {
		n := max(k.pc+1, len(k.code.instrs))
		if cap(f.at) >= n {
			f.at = f.at[:n]
		} else {
			f.at = append(f.at[:cap(f.at)], make([]int32, n-cap(f.at))...)
		}
	}
	f.at[k.pc] = int32(i) + 1
}

// reset forgets every index, keeping the tables for the next recording.
func (x *pcIndex) reset() {
	for i := range x.frames {
		f := &x.frames[i]
		clear(f.at)
		x.spare = append(x.spare, f.at[:0])
		*f = pcFrame{}
	}
	x.frames = x.frames[:0]
}

// keysAt maps IR indexes to pcKeys. A slice, as the indexes are dense: a
// map keyed by the index cost a hashed store per recorded instruction
// (startKey's, at every step that saves what is known).
type keysAt []keyAt

type keyAt struct {
	key pcKey
	ok  bool
}

func (k *keysAt) set(i int, key pcKey) {
	for len(*k) <= i {
		*k = append(*k, keyAt{})
	}
	(*k)[i] = keyAt{key, true}
}

// get is the key set at i, if any.
func (k keysAt) get(i int) (pcKey, bool) {
	if i < 0 || i >= len(k) {
		return pcKey{}, false
	}
	return k[i].key, k[i].ok
}

// at is the key set at i, or the zero key.
func (k keysAt) at(i int) pcKey {
	key, _ := k.get(i)
	return key
}

// innerRange records a FOR_RANGE that is not the recorded loop's
// back-edge: the first time (coming from RANGE_PREP) it is the top of an
// inner loop, the second time its back-edge.
func (r *recorder) innerRange(in *Instr, ctr, target, stop, step int32) int {
	k := r.key(r.pc)
	if n := len(r.inner); n > 0 && r.inner[n-1].key == k {
		return r.closeInner(r.inner[n-1])
	}
	if int(in.C) > r.pc {
		r.failf("FOR_RANGE jumps forward")
		return r.pc + 1
	}
	cmp, ok := r.rangeStep(ctr, stop, step)
	if !ok {
		return r.pc + 1
	}
	r.guardListsBefore(int(in.C), r.pc)
	top := len(r.insts)
	r.saveAt(top)
	if !r.branch(cmp, ctr, stop) {
		r.failf("an inner loop does not run on the recorded path")
		return r.pc + 1
	}
	done := len(r.insts) - 1
	r.insts[done].InTrace = true
	r.insts[done].Exit = traceopt.NoExit
	r.emit(traceopt.Inst{Op: generated.OpMove, Args: [4]uint64{traceopt.Slot(target), traceopt.Slot(ctr)}})
	r.emit(traceopt.Inst{Op: generated.OpIntAdd, Args: [4]uint64{traceopt.Slot(ctr), traceopt.Slot(ctr), traceopt.Slot(step)}, Exit: r.snap()})
	r.inner = append(r.inner, innerLoop{key: k, head: int(in.C), top: top, done: done})
	return int(in.C)
}

// guardListsBefore guards, before an inner loop's top, the lists the
// loop's body (instructions from to to of the root frame) names: typeOf
// would guard each at its first use, inside the body, where the guard
// cannot be proved on the way in when the slot is a call-out's result
// (levenshtein's `prev` and `cur`), so that it ran on every iteration.
// Guarded here, with the top's snapshot, the types hold around the inner
// loop (the body does not write them, or closeInner fails) and the body
// has no guard of them. Only lists: they are what the body indexes.
func (r *recorder) guardListsBefore(from, to int) {
	if len(r.frames) > 0 {
		return
	}
	code := r.rootCode
	for pc := from; pc < to && pc < len(code.instrs); pc++ {
		in := &code.instrs[pc]
		kinds := opInfo[in.Op].kinds
		for k := 0; k < len(kinds) && k < 5; k++ {
			if kinds[k] != 's' {
				continue
			}
			a := *in.operand(k)
			if a < 0 || int(a) >= code.nslots || int(a) >= len(r.regs) {
				continue
			}
			if _, ok := r.known[a]; ok {
				continue
			}
			if v := r.regs[a]; v.Tag == tagObject && objType(v.Bits) == traceopt.List {
				r.typeOf(a)
			}
		}
	}
}

// innerIter records FOR_ITER over a list the trace iterates itself (its
// GET_ITER was recorded): the first time as an inner loop's top, the second
// as its back-edge.
func (r *recorder) innerIter(in *Instr, iter, target int32) int {
	k := r.key(r.pc)
	if n := len(r.inner); n > 0 && r.inner[n-1].key == k {
		return r.closeInner(r.inner[n-1])
	}
	it, ok := r.iters[iter]
	if !ok || int(in.C) > r.pc {
		r.failf("iteration the trace did not start")
		return r.pc + 1
	}
	n := r.newScratch()
	r.emit(traceopt.Inst{Op: generated.OpListLen, Args: [4]uint64{traceopt.Slot(n), traceopt.Slot(it.list)}})
	top := len(r.insts)
	r.saveAt(top)
	if !r.cond(traceopt.Inst{Op: generated.OpIntJumpIfLt, Args: [4]uint64{traceopt.Slot(it.index), traceopt.Slot(n)}, Exit: r.snap()}) {
		r.failf("an inner loop does not run on the recorded path")
		return r.pc + 1
	}
	done := len(r.insts) - 1
	r.insts[done].InTrace = true
	r.insts[done].Exit = traceopt.NoExit
	if !r.nextElem(it, target) {
		return r.pc + 1
	}
	r.inner = append(r.inner, innerLoop{key: k, head: int(in.C), top: top, done: done})
	return int(in.C)
}

// closeInner ends the inner loop il at its back-edge (r.pc): the loop uop
// back to its top, its check and the branches that leave it for the
// instruction after the back-edge jumping here; then the recording runs
// the loop to its end.
func (r *recorder) closeInner(il innerLoop) int {
	if il.side {
		return r.closeSide(il)
	}
	r.inner = r.inner[:len(r.inner)-1]
	r.hadInner = true
	// The body was recorded with what was known at its top; that holds on
	// every iteration only if the body leaves each of those types as it
	// found it.
	if !r.savedAt(il.top).saved {
		r.failf("BUG: no types recorded at an inner loop's top")
		return r.pc + 1
	}
	if !maps.Equal(r.tmpWides, r.savedAt(il.top).wides) {
		// (Values the trace keeps 128-bit across an inner loop must be
		// the same ones, in the same slots, on every iteration.)
		r.failf("an inner loop changes which values are 128-bit")
		return r.pc + 1
	}
	top := r.savedAt(il.top).known
	readFirst := r.readBeforeWrite(il.top)
	for s, ty := range top.all() {
		if r.known[s] != ty && readFirst(s) {
			r.failf("an inner loop changes %s to %s", aName(ty), aName(r.known[s]))
			return r.pc + 1
		}
	}
	// The body relied on the shapes checked before its top on every
	// iteration: it must leave each instance it reads in place.
	for s, sh := range r.savedAt(il.top).shapes {
		if r.shapes[s] != sh && readFirst(s) {
			r.failf("an inner loop changes the instance it found in a slot")
			return r.pc + 1
		}
	}
	// An object the trace knows a local holds at the top (the None of
	// `found = None` before `for s in shapes: ... found = s`) is what
	// exits in the body put back there: a body that writes the local
	// leaves it holding something else on later iterations. (A
	// temporary, such as range loaded for a loop in the body, is
	// written before it is read again.)
	for _, o := range r.savedAt(il.top).objects {
		if w, ok := r.objects[o.slot]; (!ok || !sameVal(w, o.v)) && r.isLocal(o.slot) {
			r.failf("an inner loop changes an object the trace knows")
			return r.pc + 1
		}
	}
	// After the loop, only what holds whether the body ran or not: the
	// loop may run zero times.
	r.knownReplaced()
	for s, ty := range r.known {
		if top.at(s) != ty {
			delete(r.known, s)
		}
	}
	for s, sh := range r.shapes {
		if r.savedAt(il.top).shapes[s] != sh {
			delete(r.shapes, s)
		}
	}
	for s, v := range r.cval {
		if w, ok := r.savedAt(il.top).cval.get(s); !ok || w != v {
			delete(r.cval, s)
		}
	}
	for s, at := range r.relied {
		v, was := r.savedAt(il.top).cval.get(s)
		if w, ok := r.cval[s]; at >= il.top && (!was || !ok || w != v) {
			r.failf("an inner loop changes a constant")
			return r.pc + 1
		}
	}
	r.emit(traceopt.Inst{Op: generated.OpLoop, Args: [4]uint64{uint64(r.snap())}, InTrace: true, Target: il.top})
	done := len(r.insts)
	if il.done >= 0 {
		r.insts[il.done].Target = done
	}
	after := r.key(r.pc + 1)
	for i := il.top; i < done; i++ {
		if in := &r.insts[i]; !in.InTrace && traceopt.Info(in.Op).Branch && r.alt.at(i) == after {
			in.InTrace, in.Target, in.Exit = true, done, traceopt.NoExit
		}
	}
	if !il.ended {
		r.finishInner(il)
	}
	return r.pc + 1
}

// other notes where the branch just emitted would have gone the other way.
func (r *recorder) other(pc int) {
	// Through unconditional jumps (a break is one): where it leads.
	code := r.code().instrs
	for k := 0; k < 8 && pc < len(code) && code[pc].Op == opJump; k++ {
		pc = int(code[pc].A)
	}
	// Only a branch this instruction emitted: a test the recorder folded
	// to a constant emitted none, and the branch before it has its own
	// other way (were it taken for the folded test's, an inner loop's
	// exit, closeInner would make that branch a jump out of the loop).
	if n := len(r.insts) - 1; n >= r.stepStart && n >= 0 && traceopt.Info(r.insts[n].Op).Branch {
		r.alt.set(n, r.key(pc))
	}
}

// innerTop is where the trace's copy of the inner loop whose body starts
// at head begins, or false (the recording stopped) when the recording did
// not go through that body or the loop would overlap an open one.
func (r *recorder) innerTop(head int) (int, bool) {
	if r.side != nil {
		// (Where the recording of head started may be the loop body's,
		// not this side path's.)
		r.failf(sideWhile)
		return 0, false
	}
	top, ok := r.firstAt.get(r.key(head))
	if !ok {
		r.failf("a loop the recording entered in the middle")
		return 0, false
	}
	if n := len(r.inner); n > 0 && r.inner[n-1].top >= top {
		r.failf("loops overlap")
		return 0, false
	}
	return top, true
}

// enteredMiddle reports whether the backward jump at r.pc goes to the head
// of a loop whose body the recording has not been through: a bridge that
// starts inside it (mandelbrot's trace, recorded for a point that escaped
// at the first test of its while loop's bottom, leaves there whenever a
// point takes a second turn; each bridge recorded from that exit stopped
// here, and the trace, leaving at once every entry, was thrown away and
// recorded again). The recording jumps into the body at its head and goes
// on as in the loop's first iteration.
func (r *recorder) enteredMiddle(head int) bool {
	if r.side != nil {
		return false // (innerTop stops it)
	}
	_, seen := r.firstAt.get(r.key(head))
	return !seen
}

// innerWhile records the taken backward branch at r.pc (its check just
// emitted) as the back-edge of an inner while loop whose body starts at
// head.
func (r *recorder) innerWhile(head int) int {
	if r.abort != "" {
		return r.pc + 1
	}
	if r.enteredMiddle(head) {
		// The loop goes on: its body is recorded from the head, and the
		// next pass through this branch closes it as an inner loop.
		r.other(r.pc + 1)
		return r.jumpTo(head)
	}
	top, ok := r.innerTop(head)
	if !ok {
		return r.pc + 1
	}
	done := len(r.insts) - 1
	r.insts[done].InTrace = true
	r.insts[done].Exit = traceopt.NoExit
	r.inner = append(r.inner, innerLoop{key: r.key(r.pc), top: top, done: done})
	return r.closeInner(r.inner[len(r.inner)-1])
}

// innerWhileEnded records the backward branch at r.pc, not taken (its
// check just emitted), as the back-edge of an inner while loop whose body,
// starting at head, ran once on the recorded path: the loop is in the
// trace, and has ended.
func (r *recorder) innerWhileEnded(head int) int {
	if r.abort != "" {
		return r.pc + 1
	}
	if _, ok := r.firstAt.get(r.key(head)); !ok {
		// Not a loop body this recording went through: leave when the
		// branch is taken.
		r.other(head)
		return r.pc + 1
	}
	top, ok := r.innerTop(head)
	if !ok {
		return r.pc + 1
	}
	done := len(r.insts) - 1
	in := &r.insts[done]
	in.Negate = !in.Negate // to the end when the loop ends
	in.InTrace, in.Exit = true, traceopt.NoExit
	r.inner = append(r.inner, innerLoop{key: r.key(r.pc), top: top, done: done, ended: true})
	return r.closeInner(r.inner[len(r.inner)-1])
}

// innerForever records JUMP_BACK at r.pc as the back-edge of an inner
// "while True" loop whose body starts at head: it ends only by the
// branches that break out of it.
func (r *recorder) innerForever(head int) int {
	if r.enteredMiddle(head) {
		return r.jumpTo(head)
	}
	top, ok := r.innerTop(head)
	if !ok {
		return r.pc + 1
	}
	r.inner = append(r.inner, innerLoop{key: r.key(r.pc), top: top, done: -1})
	return r.closeInner(r.inner[len(r.inner)-1])
}

// maxInnerSteps bounds the uops run to finish an inner loop while
// recording.
const maxInnerSteps = 4 << 20

// nativeAfterSteps is how many uops an inner loop runs on the uop
// reference, while the recording finishes it, before the rest is compiled
// and run natively. The reference takes 0.3-0.5 µs a uop here; compiling
// and freeing the native form 100-500 µs (mprotects, each a TLB
// shootdown). Most inner loops a recording meets end sooner (nbody's
// pairs, fannkuch's flips, levenshtein's first rows: 5-160 uops);
// mandelbrot's and sieve's run thousands and go native.
const nativeAfterSteps = 1 << 8

// finishInner runs the trace from the top of the inner loop il until the
// loop ends (control reaches the end of the trace so far). Where a branch
// goes the way the recording did not see, the recording follows it to the
// loop's back-edge (a side path) and the loop runs on; any other side exit
// stops the recording there.
//
// After a side path that a native run found, the loop goes on natively
// at once: it already ran nativeAfterSteps uops on the reference without
// leaving its path, so the paths the reference finds cheaply are behind
// it, and another nativeAfterSteps uops there before compiling again
// mostly found nothing (levenshtein's outer loop: 1246 reference uops ->
// 306, its JIT work 3% fewer instructions, the same trace).
func (r *recorder) finishInner(il innerLoop) {
	var after *sideState
	native := false // the last run went native
	for sides := 0; ; sides++ {
		before := r.innerNative
		r.innerNative = false
		left := r.runInner(il.top, sides == 0 && r.knownLong(il) || native)
		native = r.innerNative
		r.innerNative = r.innerNative || before
		if left < 0 || r.abort != "" {
			return
		}
		if after == nil {
			after = r.afterLoop(il)
		}
		if sides >= maxSidePaths || !r.sidePath(after, left) {
			r.leaveAt(left, fmt.Sprintf("the inner loop left its recorded path at line %d", r.lt.snaps[left].line))
			return
		}
		if r.abort != "" {
			return
		}
		r.vm.jit.debugf("%s:%d: side path from line %d: %d uops", r.lt.file, r.lt.line, r.lt.snaps[left].line, len(r.insts)-after.start)
	}
}

// runInner runs the trace from instruction from, an inner loop's top,
// until the loop ends (control reaches the end of the trace so far), and
// returns -1; or the snapshot of the exit that left it instead (a branch
// that went the other way, a guard that failed). long: the loop is known
// to run long enough that it goes native at once (knownLong).
func (r *recorder) runInner(from int, long bool) int {
	end := len(r.insts)
	r.st.Budget = 1 << 62
	native := false // tried: a region with a call-out has no native form
	for i, steps := from, 0; i < end && r.abort == ""; steps++ {
		if i == from && (steps >= nativeAfterSteps || long) && !native {
			// Long enough that compiling pays: the rest runs natively
			// from the loop's top, where the uop reference left every
			// slot.
			native = true
			if ran, left := r.finishInnerNative(from); ran {
				r.innerNative = true
				return left
			}
		}
		in := &r.insts[i]
		if in.Op == traceopt.OpClobber {
			i++
			continue
		}
		if in.Op == generated.OpCallOut {
			r.innerCallOuts++
			if !r.runCallOut(int(in.Args[0])) {
				return -1
			}
			i++
			continue
		}
		r.innerUops++
		r.vm.jit.stats.innerRefUops++
		next, err := r.refStep(in)
		if err != nil {
			panic("BUG: recorder: " + err.Error())
		}
		info := traceopt.Info(in.Op)
		switch {
		case next == uopref.Leave && in.Op == generated.OpListAppend:
			// Its slow half: the call-out Go runs.
			r.innerCallOuts++
			if !r.runCallOut(int(in.Args[0])) {
				return -1
			}
			i++
		case in.Op == generated.OpLoop:
			if steps > maxInnerSteps {
				// Stopped at a back-edge, whose snapshot is the
				// interpreter's state there (as a native run's
				// safepoint exit): stopped anywhere else, the slots
				// would be half-way through an iteration.
				r.leaveAt(int(in.Args[0]), "an inner loop too long to record")
				return -1
			}
			i = in.Target
		case info.Branch:
			if (next == uopref.Jump) == in.Negate {
				i++
			} else if in.InTrace {
				i = in.Target
			} else {
				return in.Exit
			}
		case next == uopref.Exit:
			return in.Exit
		default:
			i++
		}
	}
	return -1
}

// knownLong reports whether the inner loop il has a trace of its own,
// without bridges, whose entries ran, on average, at least
// nativeAfterSteps uops of the loop as recorded here: its run to the end
// goes native at once rather than after nativeAfterSteps uops on the
// reference, which take 0.3-0.5 µs each (spectral_norm's outer loops: 256
// uops of a 200-iteration inner loop, ~70 K instructions a recording, for
// nothing). A loop whose trace grew bridges takes other paths, which the
// reference finds as side paths more cheaply than a native run compiled
// again after each (levenshtein's rows).
func (r *recorder) knownLong(il innerLoop) bool {
	loops := r.vm.loopsOf(il.key.code)
	if il.key.pc >= len(loops) {
		return false
	}
	o := loops[il.key.pc]
	if o == nil || o.fn || len(o.sides) > 0 {
		return false
	}
	perIter := int64(len(r.insts) - il.top)
	if o.allEntries == 0 {
		// No trace of its own: it was left to this loop with that
		// many iterations still to run (leaveToOuter).
		return o.tripGuess*perIter >= nativeAfterSteps
	}
	return o.allIters/int64(o.allEntries)*perIter >= nativeAfterSteps
}

// finishInnerNative is runInner compiled: the inner loop, as recorded so
// far, laid out alone and run natively, its end an exit. It reports false
// when it cannot (no native code here, a call-out inside, the code cache
// full), and runInner runs the loop on the uop reference.
func (r *recorder) finishInnerNative(from int) (ran bool, left int) {
	j := r.vm.jit
	end := len(r.insts)
	if j.cache == nil || end-from < 2 {
		return false, -1
	}
	for i := from; i < end; i++ {
		if op := r.insts[i].Op; op == generated.OpCallOut || op == generated.OpListAppend {
			// (Looked for before the snapshot is made: a try that
			// fails adds none.)
			return false, -1
		}
	}
	done := r.freshSnap()
	// The region and its uops are buffers the compiles share, given back
	// once the runtime has copied the code: each made afresh was fresh
	// pages, and took the buffers the trace's own compile then had to
	// make again.
	region := traceopt.NewInsts(end - from)
	defer func() { traceopt.RecycleInsts(region) }()
	for i := from; i < end; i++ {
		in := r.insts[i]
		if in.InTrace {
			if in.Target >= end {
				in.InTrace, in.Exit = false, done
			} else {
				in.Target -= from
			}
		}
		region = append(region, in)
	}
	last := &region[len(region)-1]
	if last.Op != generated.OpLoop || !last.InTrace || last.Target != 0 {
		return false, -1
	}
	last.InTrace = false // the region's own loop
	uops, err := traceopt.Lower(&traceopt.Trace{Insts: region})
	if err != nil {
		return false, -1
	}
	if r.vm.threaded() {
		// The plain forms would store beside a thread that is moving
		// the list's storage (a lost update) and read it half changed.
		sharedListForms(uops)
	}
	tr, err := j.cache.Compile(uops)
	traceopt.RecycleUops(uops) // (the runtime copied what it keeps)
	if err != nil {
		return false, -1
	}
	defer tr.Free()
	// On the VM's state, which no trace uses while recording: Ctrl-C
	// stops this loop too.
	start := j.now()
	var cpu0 time.Duration
	if j.cfg.JITStats != nil {
		cpu0, _ = threadCPU()
	}
	ec := tr.RunLoopOn(&j.st, r.regs[:r.extent], jitBudget, j.stack) // (the VM's stack: no trace of it runs meanwhile)
	if j.cfg.JITStats != nil {
		d := time.Since(start)
		j.stats.recordNative += d
		j.stats.nativeTime += d
		if cpu1, ok := threadCPU(); ok && cpu1 > cpu0 {
			j.stats.recordNativeCPU += cpu1 - cpu0
		}
	}
	switch idx := int(ec.Index()); {
	case ec.Reason() == templates.ExitSafepoint:
		r.leaveAt(idx, "interrupted")
	case ec.Reason() != templates.ExitSide:
		r.failf("an inner loop's native run left with %v", ec)
	case idx != done:
		return true, idx
	}
	return true, -1
}

// leaveAt stops the recording, to resume through snapshot s.
func (r *recorder) leaveAt(s int, why string) {
	r.failf("%s", why)
	r.resume = s
}

// readBeforeWrite reports whether the trace from instruction from on
// reads slot s before it writes it. It finds the set at its first call:
// its callers ask only about a slot whose type or instance changed, most
// often none, and a set built each time was a fifth of a side path's
// recording (levenshtein).
func (r *recorder) readBeforeWrite(from int) func(s int32) bool {
	var read []bool
	return func(s int32) bool {
		if read == nil {
			read = r.slotsReadBeforeWrite(from)
		}
		return int(s) < len(read) && s >= 0 && read[s]
	}
}

// slotsReadBeforeWrite is, by slot, whether the trace from instruction
// from on reads it before it writes it (never nil).
func (r *recorder) slotsReadBeforeWrite(from int) []bool {
	// 0: untouched, 1: read first, 2: written first.
	state := make([]uint8, 0, 64)
	mark := func(s int32, v uint8) {
		if s < 0 {
			return
		}
		for int(s) >= len(state) {
			state = append(state, 0)
		}
		if state[s] == 0 {
			state[s] = v
		}
	}
	for i := from; i < len(r.insts); i++ {
		in := &r.insts[i]
		in.Reads(func(s int32) { mark(s, 1) })
		if d, ok := in.Writes(); ok {
			mark(d, 2)
		}
	}
	read := make([]bool, len(state)+1)
	for s, v := range state {
		read[s] = v == 1
	}
	return read
}

// isLocal reports whether slot s is a local variable of the root frame or
// of an inlined frame.
func (r *recorder) isLocal(s int32) bool {
	if s >= 0 && int(s) < r.rootCode.nlocals {
		return true
	}
	for _, fr := range r.frames {
		if s >= fr.base && s < fr.base+int32(fr.code.nlocals) {
			return true
		}
	}
	return false
}
