package traceopt

import "github.com/copypatch/copypatch/generated"

// PeeledSnap marks the safepoint index of an inner loop in the peeled
// loop body: the snapshot is the same as in the first iteration, but the
// runtime resumes each loop uop by its own index. Strip it to find the
// snapshot.
const PeeledSnap = 1 << 30

// Peel turns a recorded iteration B (ending in the loop uop) into B ++ B'
// with the loop jumping back to B': B runs once per entry with every guard,
// and B' is the loop body that later passes simplify with what B proved.
// Side paths recorded after the loop uop (bridges: other ways through the
// iteration, reached by in-trace branches) stay once, after both copies.
// A trace that is already peeled is left alone.
func Peel(t *Trace) {
	if t.Loop != 0 {
		return
	}
	n := t.mainEnd()
	body := t.Insts[:n]
	out := make([]Inst, 0, len(t.Insts)+n)
	shift := func(in Inst) Inst {
		if in.InTrace && in.Target > n {
			in.Target += n // into a side path, which moves down by n
		}
		return in
	}
	for _, in := range body {
		out = append(out, shift(in))
	}
	for _, in := range body {
		if in.InTrace && in.Target <= n {
			in.Target += n
		} else {
			in = shift(in)
		}
		if in.Op == generated.OpLoop || in.Op == generated.OpCallOut {
			// Every loop uop needs its own safepoint index, every
			// call-out its own resume point.
			in.Args[0] |= PeeledSnap
		}
		out = append(out, in)
	}
	for _, in := range t.Insts[n:] {
		out = append(out, shift(in))
	}
	t.Insts = out
	t.Loop = n
}
