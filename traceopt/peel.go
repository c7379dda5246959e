package traceopt

import "github.com/copypatch/copypatch/generated"

// PeeledSnap marks the safepoint index of an inner loop, and the resume
// point of a call-out, in the loop body's copy of the code: the snapshot
// is the same as in the first iteration, but the runtime resumes each
// loop uop and call-out by its own index. Strip it to find the snapshot.
const PeeledSnap = 1 << 30

// Peel turns a recorded iteration B (ending in the loop uop) into B ++ B'
// with the loop jumping back to B': B runs once per entry with every guard,
// and B' is the loop body that later passes simplify with what B proved.
// Side paths recorded after the loop uop (bridges: other ways through the
// iteration, reached by in-trace branches) follow twice: once as S for the
// branches of B, and once as S' for those of B' (and of S' itself), so that
// a bridge taken in the loop body knows what B proved too (the types of
// the slots B guarded after its branch into the bridge, which a copy shared
// with B could not assume). A trace that is already peeled is left alone.
func Peel(t *Trace) {
	if t.Loop != 0 {
		return
	}
	n := t.mainEnd()
	body := t.Insts[:n]
	sides := t.Insts[n+1:]
	s := len(sides)
	out := NewInsts(2 * len(t.Insts))
	// into maps a target of the recorded trace into the copy of B (or S)
	// when body is false, of B' (or S') when it is true.
	into := func(target int, body bool) int {
		switch {
		case target <= n && body:
			return target + n
		case target <= n:
			return target
		case body:
			return target + n + s // (the loop uop at n, then S, then S')
		default:
			return target + n
		}
	}
	copyOf := func(insts []Inst, body bool) {
		for _, in := range insts {
			if in.InTrace {
				in.Target = into(in.Target, body)
			}
			if body && (in.Op == generated.OpLoop || Info(in.Op) != nil && Info(in.Op).CallOut) {
				// Every loop uop needs its own safepoint index, every
				// call-out its own resume point.
				in.Args[0] |= PeeledSnap
			}
			out = append(out, in)
		}
	}
	copyOf(body, false)
	copyOf(body, true)
	out = append(out, t.Insts[n]) // the loop uop, to B'
	copyOf(sides, false)
	copyOf(sides, true)
	t.Insts = out
	t.Loop = n
}
