package traceopt

import (
	"github.com/copypatch/copypatch/generated"
)

// EliminateGuards propagates slot types forward through the trace (a
// dataflow over its control flow: the peeled iteration, the loop body, the
// inner loops) and removes every guard whose answer is known on every path
// to it. In the loop body that removes the guards the first iteration
// proved, when the types hold around the loop.
func EliminateGuards(t *Trace) {
	n := len(t.Insts)
	// The types known on entry to each instruction, a slot an entry (nil:
	// not reached yet): dense rows rather than maps, since the dataflow
	// copies and meets them at every instruction (the maps made this pass
	// a good part of a bridge's recompile).
	width := int(t.maxSlot()) + 1
	sc := getScratch()
	defer sc.put()
	at, reached := byteRows[Type](sc, n, width)
	clear(at[0])
	reached[0] = true
	for s, v := range t.Consts {
		at[0][s] = TypeOfTag(v.Tag)
	}
	out := make([]Type, width)
	for changed := true; changed; {
		changed = false
		for i := 0; i < n; i++ {
			if !reached[i] {
				continue
			}
			copy(out, at[i])
			in := &t.Insts[i]
			stepDense(in, out)
			t.successors(i, func(s int) {
				from := out
				if in.InTrace && s == in.Target && in.Op != generated.OpLoop {
					// A guard's failed check jumps: what it proves does not
					// hold there.
					from = at[i]
				}
				if !reached[s] {
					copy(at[s], from)
					reached[s] = true
					changed = true
					return
				}
				row := at[s]
				for k, ty := range row {
					if ty != Unknown && from[k] != ty {
						row[k] = Unknown
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
		if g := Info(in.Op).Guard; g != Unknown && reached[i] && at[i][slotOf(in.Args[0])] == g {
			keep[i] = false
		}
	}
	t.compact(keep)
}

// stepDense updates known (a type per slot) for one instruction that
// continues.
func stepDense(in *Inst, known []Type) {
	info := Info(in.Op)
	if info.Guard != Unknown {
		known[slotOf(in.Args[0])] = info.Guard
		return
	}
	if d, ok := dst(in, info); ok {
		ty := Unknown
		if info.Result == ResCopy {
			ty = known[slotOf(in.Args[1])]
		} else {
			ty = resultType(in, info, nil)
		}
		known[d] = ty
	}
}

// maxSlot is the highest slot the trace's instructions or constants name.
func (t *Trace) maxSlot() int32 {
	var m int32
	for s := range t.Consts {
		m = max(m, s)
	}
	for i := range t.Insts {
		in := &t.Insts[i]
		info := Info(in.Op)
		for k, kind := range info.Args {
			if kind == Dst || kind == Src || kind == SrcDst {
				m = max(m, slotOf(in.Args[k]))
			}
		}
	}
	return m
}

// isGuard reports whether op is a type guard.
func isGuard(op generated.Op) bool {
	info := Info(op)
	return info != nil && info.Guard != Unknown
}
