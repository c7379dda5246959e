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
// A trace that is already peeled is left alone.
func Peel(t *Trace) {
	if t.Loop != 0 {
		return
	}
	n := len(t.Insts) - 1
	body := t.Insts[:n]
	loop := t.Insts[n]
	out := make([]Inst, 0, 2*n+1)
	out = append(out, body...)
	for _, in := range body {
		if in.InTrace {
			in.Target += n
		}
		if in.Op == generated.OpLoop {
			// Every loop uop needs its own safepoint index.
			in.Args[0] |= PeeledSnap
		}
		out = append(out, in)
	}
	out = append(out, loop)
	t.Insts = out
	t.Loop = n
}
