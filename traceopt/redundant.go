package traceopt

import "maps"

// fact is what a pure instruction establishes when control passes it: its
// destination holds its result, or its condition held.
type fact struct {
	op     uint16
	args   [4]uint64
	negate bool
}

// RemoveRedundant drops every pure instruction (arithmetic, guard, branch
// that leaves) whose identical copy ran on every path to it with nothing
// since changing its inputs or its destination: an available-expressions
// dataflow over the trace's control flow, back-edges and side paths
// included. It finds what Hoist cannot once bridges join the loop body: a
// check both the main path and the bridge made before the loop top.
func RemoveRedundant(t *Trace) {
	n := len(t.Insts)
	if n == 0 {
		return
	}
	at := make([]map[fact]bool, n)
	at[0] = map[fact]bool{}
	for changed := true; changed; {
		changed = false
		for i := 0; i < n; i++ {
			if at[i] == nil {
				continue
			}
			out := transfer(&t.Insts[i], at[i])
			t.successors(i, func(s int) {
				if at[s] == nil {
					at[s] = maps.Clone(out)
					changed = true
					return
				}
				for f := range at[s] {
					if !out[f] {
						delete(at[s], f)
						changed = true
					}
				}
			})
		}
	}
	keep := make([]bool, n)
	for i := range t.Insts {
		in := &t.Insts[i]
		f, ok := factOf(in)
		keep[i] = !(ok && at[i] != nil && at[i][f])
	}
	t.compact(keep)
}

// factOf is the fact in establishes, if it is an instruction this pass
// may drop.
func factOf(in *Inst) (fact, bool) {
	info := Info(in.Op)
	if info == nil || !info.Pure || in.InTrace || info.CallOut {
		return fact{}, false
	}
	if d, ok := dst(in, info); ok {
		self := false
		srcs(in, info, func(s int32) { self = self || s == d })
		if self {
			return fact{}, false // x = x + 1 does not hold after itself
		}
	}
	return fact{op: uint16(in.Op), args: in.Args, negate: in.Negate}, true
}

// transfer returns the facts after in, given those before.
func transfer(in *Inst, before map[fact]bool) map[fact]bool {
	if f, ok := factOf(in); ok && before[f] {
		// It will go: its destination already holds its result, so it
		// changes nothing.
		return before
	}
	out := maps.Clone(before)
	if d, ok := in.Writes(); ok {
		for f := range out {
			if factTouches(f, d) {
				delete(out, f)
			}
		}
	}
	if f, ok := factOf(in); ok {
		out[f] = true
	}
	return out
}

// factTouches reports whether slot s is an input or the destination of f.
func factTouches(f fact, s int32) bool {
	in := Inst{Op: opOf(f.op), Args: f.args}
	touches := false
	in.Reads(func(r int32) { touches = touches || r == s })
	if d, ok := in.Writes(); ok && d == s {
		touches = true
	}
	return touches
}
