package traceopt

import (
	"maps"

	"github.com/copypatch/copypatch/generated"
)

// EliminateGuards propagates slot types forward through the trace (a
// dataflow over its control flow: the peeled iteration, the loop body, the
// inner loops) and removes every guard whose answer is known on every path
// to it. In the loop body that removes the guards the first iteration
// proved, when the types hold around the loop.
func EliminateGuards(t *Trace) {
	n := len(t.Insts)
	at := make([]map[int32]Type, n) // types known on entry to each instruction; nil: not reached yet
	at[0] = map[int32]Type{}
	for s, v := range t.Consts {
		at[0][s] = TypeOfTag(v.Tag)
	}
	for changed := true; changed; {
		changed = false
		for i := 0; i < n; i++ {
			if at[i] == nil {
				continue
			}
			out := maps.Clone(at[i])
			in := &t.Insts[i]
			step(in, out)
			t.successors(i, func(s int) {
				from := out
				if in.InTrace && s == in.Target && in.Op != generated.OpLoop {
					// A guard's failed check jumps: what it proves does not
					// hold there.
					from = at[i]
				}
				if at[s] == nil {
					at[s] = maps.Clone(from)
					changed = true
					return
				}
				for k, ty := range at[s] {
					if from[k] != ty {
						delete(at[s], k)
						changed = true
					}
				}
			})
		}
	}
	keep := make([]bool, n)
	for i := range t.Insts {
		in := &t.Insts[i]
		keep[i] = true
		if g := Info(in.Op).Guard; g != Unknown && at[i] != nil && at[i][slotOf(in.Args[0])] == g {
			keep[i] = false
		}
	}
	t.compact(keep)
}

// step updates known for one instruction that continues.
func step(in *Inst, known map[int32]Type) {
	info := Info(in.Op)
	if info.Guard != Unknown {
		known[slotOf(in.Args[0])] = info.Guard
		return
	}
	if d, ok := dst(in, info); ok {
		if ty := resultType(in, info, known); ty != Unknown {
			known[d] = ty
		} else {
			delete(known, d)
		}
	}
}

// isGuard reports whether op is a type guard.
func isGuard(op generated.Op) bool {
	info := Info(op)
	return info != nil && info.Guard != Unknown
}
