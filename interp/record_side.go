package interp

import (
	"maps"
	"reflect"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// Side paths of inner loops. While the outer loop is recorded, an inner
// loop is run to its end from what its first iteration recorded (record_
// loops.go); a later iteration whose if goes the other way used to stop
// the recording, so an outer loop around such an inner loop (levenshtein's
// rows around its columns) was never traced. Now the recording follows
// that branch as the interpreter would, from the instruction the branch
// belongs to through the rest of the body to the loop's back-edge, which
// jumps back to the loop's top: the branch jumps to that path in the
// trace, and the loop runs on. The path is laid out after the loop's
// back-edge, and what left the loop for its end now leaves it for the
// end after the path.

// maxSidePaths bounds the side paths one inner loop gets in a recording.
const maxSidePaths = 8

// sideState is what the side paths of one inner loop share while they are
// recorded.
type sideState struct {
	il    innerLoop
	start int  // where the side path being recorded begins
	done  bool // the side path reached the loop's back-edge
	// What holds after the loop on every path to its end: what the
	// recorder knew when the loop closed, less what a side path changes.
	known   map[int32]traceopt.Type
	cval    map[int32]templates.Value
	shapes  map[int32]*Shape
	objects map[int32]Val
	iters   map[int32]virtualIter
	// What side paths took as known from the loop's top without a guard:
	// every path round the loop must leave it so.
	assumed  map[int32]bool
	assumedC map[int32]templates.Value
	// segs are the loop's body and its side paths as recorded, each
	// linear.
	segs []sideSeg
}

// sideSeg is the loop's body or one of its side paths: instructions
// [start, end), on a path that wrote or guarded the slots of prefix before
// start.
type sideSeg struct {
	start, end int
	prefix     map[int32]bool
}

// afterLoop keeps what the recorder knows after the inner loop il closed.
func (r *recorder) afterLoop(il innerLoop) *sideState {
	p := &r.pools
	return &sideState{il: il, known: p.known.copyOf(r.known), cval: p.cval.copyOf(r.cval), shapes: p.shapes.copyOf(r.shapes),
		objects: p.objects.copyOf(r.objects), iters: p.iters.copyOf(r.iters), assumed: p.slots.empty(), assumedC: p.cval.empty(),
		segs: []sideSeg{{start: il.top, end: len(r.insts), prefix: p.slots.empty()}}}
}

// sidePath records the path from the branch that left the inner loop
// through snapshot left to the loop's back-edge, and reports true; or
// false, having recorded nothing, when that path is not one it records (a
// guard's exit, an exit inside an inlined call or a nested loop, values
// kept 128-bit). A recording that stops on the path stops the whole one.
func (r *recorder) sidePath(after *sideState, left int) bool {
	il := after.il
	sn := r.lt.snaps[left]
	if r.side != nil || il.head == 0 || il.done < 0 || il.key.depth != 0 || len(r.frames) != 0 || !r.lt.branch[left] ||
		len(sn.frames) != 0 || len(sn.wides) != 0 || len(r.tmpWides) != 0 || len(r.savedAt(il.top).wides) != 0 ||
		sn.pc < il.head || sn.pc > il.key.pc || len(r.insts) > maxTraceInsts/2 {
		return false
	}
	b := -1
	for i := il.top; i < len(r.insts); i++ {
		in := &r.insts[i]
		if in.Op == generated.OpLoop && in.InTrace && in.Target != il.top {
			return false // a nested loop: its back-edge would be taken for a new loop's top
		}
		if in.Exit == left && !in.InTrace && traceopt.Info(in.Op).Branch {
			if b >= 0 {
				return false
			}
			b = i
		}
	}
	if b < 0 {
		return false
	}
	// The path starts over at the instruction the branch belongs to, from
	// what was known where its recording started on the branch's path.
	var seg *sideSeg
	for i := range after.segs {
		if sg := &after.segs[i]; sg.start <= b && b < sg.end {
			seg = sg
		}
	}
	k := b
	for ; seg != nil && k >= seg.start; k-- {
		if _, ok := r.startKey.get(k); ok {
			break
		}
	}
	if key, _ := r.startKey.get(k); seg == nil || k < seg.start || key != r.key(sn.pc) || !r.savedAt(k).saved || len(r.savedAt(k).wides) != 0 {
		return false
	}
	// Of that, a later iteration has for sure what the path wrote or
	// guarded since the loop's top; the rest held at the top, and holds
	// on every iteration only if every path round the loop leaves it so.
	fixed := r.pools.slots.copyOf(seg.prefix)
	for i := seg.start; i < k; i++ {
		in := &r.insts[i]
		if d, ok := in.Writes(); ok {
			fixed[d] = true
		}
		if isGuardOp(in.Op) {
			fixed[int32(in.Args[0]/templates.SlotSize)] = true
		}
	}
	top := r.savedAt(il.top).known
	// (The recorder's own maps are cleared, not replaced: nothing else
	// holds them, and new ones for every side path were fresh pages.)
	clear(r.known)
	clear(r.cval)
	clear(r.shapes)
	r.knownReplaced()
	for s, ty := range r.savedAt(k).known.all() {
		if fixed[s] {
			r.known[s] = ty
		} else if top.at(s) == ty && after.known[s] == ty {
			r.known[s] = ty
			after.assumed[s] = true
		}
	}
	for s, v := range r.savedAt(k).cval.all() {
		if fixed[s] {
			r.cval[s] = v
		} else if w, ok := r.savedAt(il.top).cval.get(s); ok && w == v && after.cval[s] == v {
			r.cval[s] = v
			after.assumedC[s] = v
		}
	}
	for s, sh := range r.savedAt(k).shapes {
		if !fixed[s] && r.savedAt(il.top).shapes[s] == sh && after.shapes[s] == sh {
			r.shapes[s] = sh
			after.assumed[s] = true
		}
	}
	clear(r.objects)
	for _, o := range sn.objects {
		r.objects[o.slot] = o.v
	}
	clear(r.iters)
	for _, it := range r.lt.entryIters {
		r.iters[it.slot] = virtualIter{list: it.list, index: it.index, entry: true}
	}
	for _, it := range sn.iters {
		r.iters[it.slot] = virtualIter{list: it.list, index: it.index}
	}
	after.start, after.done = len(r.insts), false
	after.segs = append(after.segs, sideSeg{start: after.start, end: -1, prefix: fixed})
	r.side = after
	r.pc, r.snapHere = sn.pc, -1
	r.inner = append(r.inner, innerLoop{key: il.key, head: il.head, top: il.top, done: -1, side: true})
	r.recordSteps()
	r.side = nil
	if r.abort != "" {
		r.sideWall = true
		return true
	}
	if !after.done {
		r.failf("BUG: a side path ended before the loop's back-edge")
		return true
	}
	end := len(r.insts)
	after.segs[len(after.segs)-1].end = end
	for i := il.top; i < after.start; i++ {
		if in := &r.insts[i]; in.InTrace && in.Op != generated.OpLoop && in.Target == after.start {
			in.Target = end
		}
	}
	in := &r.insts[b]
	to := after.start
	if sb := &r.insts[to]; sb.Op == in.Op && sb.Args == in.Args && sb.Negate != in.Negate && !sb.InTrace {
		// The path starts with the branch again, recorded the other way:
		// coming from the branch it never leaves, so the branch jumps
		// past it.
		to++
	}
	in.InTrace, in.Target, in.Exit = true, to, traceopt.NoExit
	refill(r.known, after.known)
	refill(r.cval, after.cval)
	refill(r.shapes, after.shapes)
	r.knownReplaced()
	refill(r.objects, after.objects)
	refill(r.iters, after.iters)
	r.pc, r.snapHere = il.key.pc, -1
	return true
}

// closeSide ends the side path being recorded at the inner loop's
// back-edge (r.pc): a loop uop back to the loop's top, once the path is
// seen to leave what the loop relies on at its top as it found it. It
// returns -1: the side path's recording is over.
func (r *recorder) closeSide(il innerLoop) int {
	r.inner = r.inner[:len(r.inner)-1]
	after := r.side
	if !maps.Equal(r.tmpWides, r.savedAt(il.top).wides) {
		r.failf("a side path changes which values are 128-bit")
		return -1
	}
	readFirst := r.readBeforeWrite(il.top)
	for s, ty := range r.savedAt(il.top).known.all() {
		if r.known[s] != ty && (after.assumed[s] || readFirst(s)) {
			r.failf("a side path changes %s to %s", aName(ty), aName(r.known[s]))
			return -1
		}
	}
	for s, sh := range r.savedAt(il.top).shapes {
		if r.shapes[s] != sh && (after.assumed[s] || readFirst(s)) {
			r.failf("a side path changes the instance it found in a slot")
			return -1
		}
	}
	for s, v := range after.assumedC {
		if w, ok := r.cval[s]; !ok || w != v {
			r.failf("a side path changes a constant")
			return -1
		}
	}
	for s, at := range r.relied {
		v, was := r.savedAt(il.top).cval.get(s)
		if w, ok := r.cval[s]; at >= il.top && (!was || !ok || w != v) {
			r.failf("a side path changes a constant")
			return -1
		}
	}
	r.emit(traceopt.Inst{Op: generated.OpLoop, Args: [4]uint64{uint64(r.snap())}, InTrace: true, Target: il.top})
	end := len(r.insts)
	out := r.key(r.pc + 1)
	for i := after.start; i < end; i++ {
		if in := &r.insts[i]; !in.InTrace && traceopt.Info(in.Op).Branch && r.alt.at(i) == out {
			in.InTrace, in.Target, in.Exit = true, end, traceopt.NoExit
		}
	}
	// After the loop holds only what this path leaves too.
	for s, ty := range after.known {
		if r.known[s] != ty {
			delete(after.known, s)
		}
	}
	for s, v := range after.cval {
		if w, ok := r.cval[s]; !ok || w != v {
			delete(after.cval, s)
		}
	}
	for s, sh := range after.shapes {
		if r.shapes[s] != sh {
			delete(after.shapes, s)
		}
	}
	for s, v := range after.objects {
		if w, ok := r.objects[s]; !ok || !sameVal(v, w) {
			delete(after.objects, s)
		}
	}
	for s, it := range after.iters {
		if jt, ok := r.iters[s]; !ok || jt != it {
			delete(after.iters, s)
		}
	}
	after.done = true
	return -1
}

// sameVal reports whether a and b are the same value (the same object,
// for objects).
func sameVal(a, b Val) bool {
	if a.T != b.T || a.B != b.B {
		return false
	}
	if a.O == nil || b.O == nil {
		return a.O == b.O
	}
	if ta := reflect.TypeOf(a.O); ta != reflect.TypeOf(b.O) || !ta.Comparable() {
		return false
	}
	return a.O == b.O
}

// isGuardOp reports whether op is a type guard on its first operand.
func isGuardOp(op generated.Op) bool {
	info := traceopt.Info(op)
	return info != nil && info.Guard != traceopt.Unknown
}
