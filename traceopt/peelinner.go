package traceopt

import "github.com/copypatch/copypatch/generated"

// maxInnerPeel bounds the inner loop bodies PeelInner copies, so that a
// long one does not double a trace's code for little gain.
const maxInnerPeel = 96

// PeelInner gives each innermost loop of the loop body (and of its side
// paths) its own peeled first iteration, as Peel gives the trace's loop:
// the inner body H..B (its head H, its back-edge loop uop B) becomes a
// copy of H..B-1 that control enters from before the loop and that falls
// through into H..B, which the back-edges keep. The dataflow passes after
// it then see the inner loop's head reached from an iteration that already
// ran, not only from the code before the loop, so what the body computes
// the same way every time (the constants and the argument copies of an
// inlined call, spectral_norm's eval_a in times_u) is available at the head
// and RemoveRedundant drops it, and the tags it writes are known there
// (SkipKnownTags). Without it, an inner loop of a trace whose outer loop
// got hot kept all of that in every inner iteration, where the inner
// loop's own trace had it hoisted.
//
// An inner loop with a call-out, a call or another loop in it is left
// alone: each of those needs an index of its own (PeeledSnap), and a copy
// would share it. The copy has no loop uop, so the first iteration skips
// one safepoint, which bounds nothing less: the next iteration passes it.
// It runs after Hoist, which wants the body an exact copy of the peeled
// iteration.
func PeelInner(t *Trace) {
	if t.Loop == 0 {
		return
	}
	for b := len(t.Insts) - 1; b > t.Loop; b-- {
		in := &t.Insts[b]
		if in.Op != generated.OpLoop || !in.InTrace {
			continue
		}
		h := in.Target
		if h <= t.Loop || h >= b || b-h > maxInnerPeel || !peelable(t.Insts[h:b]) {
			continue
		}
		t.peelInner(h, b)
		b = h // (loops after h are done; the next one ends before h)
	}
}

// peelable reports whether an inner loop body can be copied.
func peelable(body []Inst) bool {
	for i := range body {
		info := Info(body[i].Op)
		if body[i].Op == generated.OpLoop || info.CallOut || info.Call || info.Return {
			return false
		}
	}
	return true
}

// peelInner inserts a copy of Insts[h:b] before h, for the inner loop
// whose back-edge is b. Jumps forward into h from before it enter the copy;
// back-edges and jumps from after h go to the body, as do jumps from the
// copy to h or to the back-edge. Jumps from the copy to the rest of the
// body go to the copy's own instructions.
func (t *Trace) peelInner(h, b int) {
	l := b - h
	old := t.Insts
	shift := func(k int) int {
		if k >= h {
			return k + l
		}
		return k
	}
	// The copy goes in place when the buffer has room (Peel's usually
	// has: NewInsts leaves half again), moving H.. up by l, so that
	// H..B-1 holds the copy already. A fresh buffer for each inner loop
	// peeled was 40% of what the optimizer allocated on the bench
	// programs.
	var res []Inst
	if len(old)+l <= cap(old) {
		res = old[:len(old)+l]
	} else {
		res = NewInsts(len(old) + l)[:len(old)+l]
		copy(res, old[:b])
	}
	copy(res[b:], old[h:]) // (overlapping in place: copy moves it right)
	for i := range res[:h] {
		// From before the loop: its head (h) is now the copy's.
		if in := &res[i]; in.InTrace && in.Target > h {
			in.Target += l
		}
	}
	for i := range res[h:b] {
		// The copy, at h..b-1: its jumps inside the body stay in it.
		if in := &res[h+i]; in.InTrace && !(in.Target > h && in.Target < b) {
			in.Target = shift(in.Target)
		}
	}
	for i := range res[b:] {
		if in := &res[b+i]; in.InTrace {
			in.Target = shift(in.Target)
		}
	}
	t.Insts = res
}
