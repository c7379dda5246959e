package interp

import (
	"slices"
	"time"

	"github.com/copypatch/copypatch/generated"
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/traceopt"
	"github.com/copypatch/copypatch/uopref"
)

// Bridges compiled on their own (issue 8's "linked to its parent by
// patching the exit's jump").
//
// The first way to add a bridge was to recompile the whole trace with the
// bridge inside (merged): the optimizer then sees the bridge after the
// peeled iteration and after the loop body, so the bridge drops every
// guard the loop proved, rejoins the loop body (past the hoisted guards
// and loads) without checking anything again, and a branch jumps straight
// into it. But every bridge costs a compile of the whole loop again:
// fannkuch compiled its main loop 5 times, levenshtein 7.
//
// A linked bridge is optimized and compiled alone: it starts from the
// state the exit leaves (the trace's own form: virtual iterators, 128-bit
// accumulators and globals in their slots), guards what it relies on
// itself, and at its end jumps to the parent trace's first uop, the peeled
// iteration, which checks again everything the loop body assumes and
// computes again what it hoisted (so the bridge may write any slot). The
// parent's exits through the snapshot are patched to jump to it (one
// protection change of the parent's page); in uops mode the bridge's
// instructions are appended to the reference trace and its exit
// instructions become jumps. A bridge's own exits may grow linked bridges
// in turn. The merged recompile stays for what a linked bridge cannot do
// yet: function traces, and a bridge whose exit the parent lost; and the
// merged recompile is kept where it pays, for hot exits (hotBridgeIters). A
// bridge's call-outs and inner loops resume in the bridge's code (the
// resume tables name the trace: resumeHold).

// hotBridgeIters: an exit taken at least once in this many iterations of
// the trace so far gets a merged bridge, whatever it costs to compile: a
// linked bridge runs the peeled iteration after it (all of its guards and
// what the loop hoisted), which costs a hot path more than the recompile
// (monte_carlo's "inside the circle" branch, 3 iterations in 4: 7-10%
// slower linked). Colder exits (fannkuch's, levenshtein's: one in 140 to
// one in 300,000 iterations) are linked.
const hotBridgeIters = 64

// linkedBridge is a bridge compiled on its own, held as long as the
// loop's trace may jump into it.
type linkedBridge struct {
	tr   *jit.Trace
	hold jit.Hold
}

// bridgePasses are the optimizer's passes that hold for a bridge alone:
// the loop passes (peel, hoist) do not apply, and the passes that judge a
// slot dead by the reads of this trace (coalesce, dead) would not see the
// parent's reads after the bridge's end.
var bridgePasses = func() []traceopt.Pass {
	var out []traceopt.Pass
	for _, p := range traceopt.Passes {
		switch p.Name {
		case "peel", "hoist", "coalesce", "dead":
			continue
		}
		out = append(out, p)
	}
	return out
}()

// linkable reports why a recorded bridge cannot be compiled on its own,
// or "" when it can.
func linkable(insts []traceopt.Inst) string {
	n := len(insts)
	if n == 0 || insts[n-1].Op != generated.OpLoop || insts[n-1].InTrace {
		return "it does not end at the back-edge"
	}
	for _, in := range insts[:n-1] {
		if in.Op == generated.OpLoop && !in.InTrace {
			return "it has a second back-edge"
		}
	}
	return ""
}

// Resume points (a call-out's next uop, an inner loop's top after a
// safepoint) name the trace they are in: uop | linked bridge's number+1
// << resumeShift, 0 for the loop's own trace (and in uops mode, where the
// bridges are appended to the reference trace).
const resumeShift = 26

// resumeHold returns the hold of the trace resume point at is in, and the
// uop there.
func (lt *loopTrace) resumeHold(hold *jit.Hold, at int) (*jit.Hold, int) {
	if b := at >> resumeShift; b > 0 {
		return &lt.linked[b-1].hold, at & (1<<resumeShift - 1)
	}
	return hold, at
}

// linkBridge compiles the bridge recorded from snapshot idx on its own and
// links it to the exits through idx, or reports false (nothing changed)
// where it cannot: the caller recompiles the whole trace instead.
func (vm *VM) linkBridge(lt *loopTrace, idx int, insts []traceopt.Inst) bool {
	j := vm.jit
	if lt.fn || len(lt.snaps) == 0 {
		return false
	}
	if idx < len(lt.exits) && int64(lt.exits[idx])*hotBridgeIters > lt.allIters {
		j.debugf("%s: bridge merged: its exit was taken %d times in %d iterations", lt.where(), lt.exits[idx], lt.allIters)
		return false
	}
	if why := linkable(insts); why != "" {
		j.debugf("%s: bridge not linked: %s", lt.where(), why)
		return false
	}
	uopsMode := j.cfg.JIT == JITUops
	var holder *jit.Trace
	if uopsMode {
		if lt.ref == nil || !slices.ContainsFunc(lt.ref, func(in uopref.Instr) bool { return in.Op == "exit" && in.Operands[0] == uint64(idx) }) {
			return false
		}
	} else {
		if lt.tr == nil {
			return false
		}
		if lt.tr.HasExit(uint64(idx)) {
			holder = lt.tr
		}
		for _, b := range lt.linked {
			if holder == nil && b.tr.HasExit(uint64(idx)) {
				holder = b.tr
			}
		}
		if holder == nil {
			j.debugf("%s: bridge not linked: no trace leaves through snapshot %d", lt.where(), idx)
			return false
		}
	}
	start := time.Now()
	// Slice call-outs that may copy into the list they made last: the
	// whole trace with this bridge must keep every one the trace already
	// compiled that way, in the words it reads (slice_reuse.go).
	reuse := lt.reuse
	if !vm.threaded() && lt.root != nil {
		parts := make([][]traceopt.Inst, 0, 1+len(lt.sides))
		parts = append(parts, lt.raw)
		for _, sd := range lt.sides {
			parts = append(parts, sd.insts)
		}
		reuse = lt.sliceReuse(parts...)
		var n int32
		for sn, s := range reuse {
			n = max(n, s)
			if sn < len(lt.reuse) && lt.reuse[sn] != 0 && s != lt.reuse[sn] {
				n = -1
				break
			}
		}
		for sn, s := range lt.reuse {
			if s != 0 && (sn >= len(reuse) || reuse[sn] != s) {
				n = -1
			}
		}
		if n < 0 || len(lt.freshBits) > 0 && int(n) > len(lt.freshBits) {
			j.debugf("%s: bridge not linked: it changes which slices reuse their list", lt.where())
			return false
		}
	}
	// The bridge's back-edge leaves at a safepoint through a snapshot of
	// its own (the loop head's), which resumes at the parent's first uop.
	k := len(lt.snaps)
	body := append(traceopt.NewInsts(len(insts)), insts...)
	body[len(body)-1].Args[0] = uint64(k)
	t := &traceopt.Trace{Insts: body, Consts: lt.consts, PrivateFrom: lt.scratchLo, PrivateTo: lt.scratchLo + lt.scratchSize(),
		ExitReads: lt.exitReads, ExitDead: func(snap int, slot int32) bool {
			return snap >= 0 && snap < len(lt.snaps) && lt.snaps[snap].tempDead(lt.root, slot)
		}, Shared: vm.threaded()}
	for _, p := range bridgePasses {
		p.Run(t)
	}
	j.stats.optTime += time.Since(start)
	uops, err := traceopt.Lower(t)
	if err != nil {
		j.debugf("%s: bridge not linked: lowering: %v", lt.where(), err)
		traceopt.RecycleInsts(t.Insts)
		return false
	}
	if vm.threaded() {
		sharedListForms(uops)
	}
	lt.reuse = reuse
	lt.nativeSliceCopies(uops)
	last := -1
	for i := range uops {
		if generated.Op(uops[i].Op) == generated.OpLoop {
			last = i
		}
	}
	if last < 0 {
		return false
	}
	if uopsMode {
		off := len(lt.ref)
		ref := traceopt.RefInstrs(uops)
		for i := range ref {
			if i != last {
				ref[i].Target += off
			}
			ref[i].ExitStub += off
		}
		for i := range lt.ref[:off] {
			if in := &lt.ref[i]; in.Op == "exit" && in.Operands[0] == uint64(idx) {
				*in = uopref.Instr{Op: "jump", Target: off}
			}
		}
		lt.ref = append(lt.ref, ref...)
		lt.bridgeResumes(uops, last, off)
	} else {
		uops[last].Far = lt.tr.Addr()
		tr, err := j.cache.Compile(uops)
		if err != nil {
			j.debugf("%s: bridge not linked: %v", lt.where(), err)
			return false
		}
		hold, ok := tr.Hold()
		if !ok {
			tr.Free()
			return false
		}
		if n, err := holder.PatchExits(uint64(idx), tr.Addr()); err != nil || n == 0 {
			hold.Release()
			tr.Free()
			return false
		}
		lt.linked = append(lt.linked, linkedBridge{tr: tr, hold: hold})
		lt.bridgeResumes(uops, last, len(lt.linked)<<resumeShift)
		j.traces = append(j.traces, tr)
		j.stats.codeBytes += tr.Stats().CodeBytes
		lt.unshared = lt.unshared || slices.ContainsFunc(uops, func(u jit.Uop) bool { return unsharedOp(generated.Op(u.Op)) })
		lt.instances = lt.instances || slices.ContainsFunc(uops, func(u jit.Uop) bool { return instanceOp(generated.Op(u.Op)) })
	}
	lt.snaps = append(lt.snaps, lt.snaps[0])
	lt.loopTops.set(uint64(k), 0)
	traceopt.RecycleInsts(t.Insts)
	traceopt.RecycleUops(uops)
	j.stats.compileTime += time.Since(start)
	j.stats.compiled++
	j.stats.uops += len(uops)
	return true
}

// bridgeResumes adds the resume points of a bridge's call-outs and inner
// loops (uops but the last, its back-edge) to lt's tables, each uop
// index plus add.
func (lt *loopTrace) bridgeResumes(uops []jit.Uop, last, add int) {
	for i, u := range uops {
		switch generated.Op(u.Op) {
		case generated.OpCallOut, generated.OpListAppend:
			lt.resumes.set(u.Operands[0], add+i+1)
		case generated.OpLoop:
			if i != last {
				lt.loopTops.set(u.Operands[0], add+u.Jump)
			}
		}
	}
}

// dropLinked lets the linked bridges of lt's trace go (the trace that
// jumped into them was replaced or is being freed).
func (j *jitState) dropLinked(lt *loopTrace) {
	for _, b := range lt.linked {
		b.hold.Release()
		j.release(b.tr)
	}
	lt.linked = nil
}
