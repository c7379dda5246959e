package traceopt

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
	out = append(out, body...)
	out = append(out, loop)
	t.Insts = out
	t.Loop = n
}
