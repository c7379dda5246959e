package traceopt

import (
	"math/bits"

	"github.com/copypatch/copypatch/generated"
)

// EliminateGuards propagates slot types forward through the trace (a
// dataflow over its control flow: the peeled iteration, the loop body, the
// inner loops) and removes every guard whose answer is known on every path
// to it. In the loop body that removes the guards the first iteration
// proved, when the types hold around the loop.
func EliminateGuards(t *Trace) {
	n := len(t.Insts)
	// The types known on entry to each block, a slot an entry: dense rows
	// rather than maps, since the dataflow copies and meets them (the
	// maps made this pass a good part of a bridge's recompile).
	width := int(t.maxSlot()) + 1
	sc := getScratch()
	defer sc.put()
	f := t.blocks(sc)
	at, reached := byteRows[Type](sc, len(f.starts), width)
	if n == 0 {
		return
	}
	clear(at[0])
	reached[0] = true
	for s, v := range t.Consts {
		at[0][s] = TypeOfTag(v.Tag)
	}
	out, before := make([]Type, width), make([]Type, width)
	steps := func(lo, hi int, row []Type) {
		for i := lo; i < hi; i++ {
			stepDense(&t.Insts[i], row)
		}
	}
	solveForward(t, f, at, reached, out, before, steps, meetTypes, true)
	keep := make([]bool, n)
	for i := range keep {
		keep[i] = true
	}
	visitForward(t, f, at, reached, out, func(lo, hi int, known []Type) {
		for i := lo; i < hi; i++ {
			in := &t.Insts[i]
			if g := Info(in.Op).Guard; g != Unknown && known[slotOf(in.Args[0])] == g {
				keep[i] = false
			}
			stepDense(in, known)
		}
	})
	t.compact(keep)
}

// meetTypes forgets in dst each type src does not have too.
func meetTypes(dst, src []Type) bool {
	changed := false
	for k, ty := range dst {
		if ty != Unknown && src[k] != ty {
			dst[k] = Unknown
			changed = true
		}
	}
	return changed
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
// The rows it sizes are wider than the slots a trace uses (spectral_norm's
// name slot 131 and use 27), but renumbering the slots densely for the
// passes and back after did not pay: it narrowed Fold's, SkipKnownTags'
// and EliminateGuards' rows for ~45 K instructions and cost more in its
// three walks of the trace, the new maps and the ExitDead wrapper
// (Optimize, callgrind: spectral_norm 1.194 -> 1.209 M in three runs
// each; levenshtein's count varies 1.47-1.57 M run to run; traces
// identical).
func (t *Trace) maxSlot() int32 {
	if t.bounded {
		return t.slotBound
	}
	var m int32
	for s := range t.Consts {
		m = max(m, s)
	}
	for i := range t.Insts {
		in := &t.Insts[i]
		var mask uint8
		if int(in.Op) < len(slotArgs) {
			mask = slotArgs[in.Op]
		} else if in.Op == OpClobber {
			mask = 1
		}
		for ; mask != 0; mask &= mask - 1 {
			m = max(m, slotOf(in.Args[bits.TrailingZeros8(mask)]))
		}
	}
	return m
}

// slotArgs (ztables.go) is, by op, a bit for each operand that names a
// slot: maxSlot reads it for every instruction, six to eight times a
// compile, rather than asking Info and testing four kinds (maxSlot in
// nbody's compiles: 297 K -> 225 K instructions, callgrind).

// slotArgMask is the bits of slotArgs for an op described by info.
func slotArgMask(info *OpInfo) uint8 {
	var mask uint8
	for k, kind := range info.Args {
		if kind == Dst || kind == Src || kind == SrcDst {
			mask |= 1 << k
		}
	}
	return mask
}

// isGuard reports whether op is a type guard.
func isGuard(op generated.Op) bool {
	info := Info(op)
	return info != nil && info.Guard != Unknown
}
