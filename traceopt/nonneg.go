package traceopt

import (
	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

// List indexes known >= 0. A list uop adds the length to a negative index
// (Python's a[-1]) before its bounds test: four instructions of the dozen
// a list_load_k spends, eight of list_swap's thirty. Most indexes in a
// loop cannot be negative: a counter from 0 up, or a slot that a compare
// with one of those just put above it (fannkuch's `while i < j: perm[i],
// perm[j] = perm[j], perm[i]; i += 1; j -= 1`). The _nn and kn forms
// compare the index with the length as unsigned and nothing else, so an
// index that was negative after all would leave the trace, never read
// outside the list.

// nonNegForms (ztables.go) are the forms for indexes known >= 0, indexed
// by the uop they stand for, with the operands that are indexes, a bit
// each (ok where there is one). Arrays, as opDense is, not maps: the pass
// asks them of every instruction, and the analysis on every round.
// nonNegBase is, by op, the uop stepNonNeg reasons about, where it is
// another (ok): a _bits variant's (tags.go) uop, unvaried.

// nonNegForm is an entry of nonNegForms.
type nonNegForm struct {
	op      generated.Op
	indexes uint8
	ok      bool
}

// UseNonNegIndexes puts the form for indexes known >= 0 in place of every
// list_swap, list_load_k and list_store_k whose indexes are on every path
// to it. What is known is a forward must-analysis over the trace's control
// flow: an int constant >= 0, a length, a result of such slots that
// cannot go below them (x + k for k >= 0, x + y, x * y, x & y, x >> k, x
// % y, abs(x): an overflow exits), a copy of one, and the slot a compare
// put above one (i < j, i <= j and i == j go on with j >= 0 when i is).
// Control that arrives from Go knows nothing: at the trace's first uop
// (bridges enter there) and after a call-out or a call (the interpreter
// may rewrite any slot there); a safepoint resumes at a loop top with the
// frame as it left it. Runs last: the kind variants are picked before.
// Not in Shared traces, which have no kind variants and no swaps.
func UseNonNegIndexes(t *Trace) {
	if t.Shared || !t.hasNonNegForm() {
		return
	}
	width := int(t.maxSlot()) + 1
	sc := getScratch()
	defer sc.put()
	// The constants' row, what holds where control arrives from Go, and
	// the two rows the analysis works in, from one piece of scratch.
	rows := grow(&sc.nonNeg, 3*width)
	constNN, out, before := rows[:width], rows[width:2*width], rows[2*width:]
	clear(constNN)
	for s, v := range t.Consts {
		if v.Tag == templates.TagInt && int64(v.Bits) >= 0 {
			constNN[s] = 1
		}
	}
	f := t.blocks(sc)
	at, reached := byteRows[uint8](sc, len(f.starts), width)
	copy(at[0], constNN)
	reached[0] = true
	steps := func(lo, hi int, row []uint8) {
		for i := lo; i < hi; i++ {
			stepNonNeg(&t.Insts[i], row, constNN)
		}
	}
	solveForward(t, f, at, reached, out, before, steps, meetAll, true)
	visitForward(t, f, at, reached, out, func(lo, hi int, known []uint8) {
		for i := lo; i < hi; i++ {
			in := &t.Insts[i]
			useNonNegForm(in, known)
			// (The row of the next instruction is the same with the
			// form in place: it stands for its uop in the analysis too.)
			stepNonNeg(in, known, constNN)
		}
	})
}

// useNonNegForm puts in's form for indexes known >= 0 in its place, if it
// has one and known says its indexes are.
func useNonNegForm(in *Inst, known []uint8) {
	if int(in.Op) >= len(nonNegForms) || !nonNegForms[in.Op].ok {
		return
	}
	form := &nonNegForms[in.Op]
	for k := range in.Args {
		if form.indexes&(1<<k) != 0 && known[slotOf(in.Args[k])] == 0 {
			return
		}
	}
	in.Op = form.op
}

// hasNonNegForm reports whether some instruction has a form for indexes
// known >= 0: most traces have none (no list swap or kind-specialized
// list uop), and the analysis would cost them a tenth of the optimizer.
func (t *Trace) hasNonNegForm() bool {
	for i := range t.Insts {
		if op := t.Insts[i].Op; int(op) < len(nonNegForms) && nonNegForms[op].ok {
			return true
		}
	}
	return false
}

// meetAll keeps in dst only what src holds too, for rows of 0 (not
// known) and 1 (known).
func meetAll(dst, src []uint8) bool {
	changed := false
	for k, v := range dst {
		if v != 0 && src[k] == 0 {
			dst[k] = 0
			changed = true
		}
	}
	return changed
}

// stepNonNeg updates known (1: the slot holds an int >= 0) for one
// instruction that continues. Constants keep what constNN (1: an int >=
// 0) says of them.
func stepNonNeg(in *Inst, known, constNN []uint8) {
	info := Info(in.Op)
	if info.CallOut || info.Call {
		copy(known, constNN)
		return
	}
	nn := func(k int) bool { return known[slotOf(in.Args[k])] != 0 }
	if info.Branch {
		if rel, ok := continuesWith(in); ok {
			a, b := slotOf(in.Args[0]), slotOf(in.Args[1])
			switch rel {
			case generated.OpIntJumpIfLt, generated.OpIntJumpIfLe:
				known[b] |= known[a]
			case generated.OpIntJumpIfGt, generated.OpIntJumpIfGe:
				known[a] |= known[b]
			case generated.OpIntJumpIfEq:
				known[a] |= known[b]
				known[b] = known[a]
			}
		}
		return
	}
	d, ok := dst(in, info)
	if !ok {
		return
	}
	op := in.Op
	if int(op) < len(nonNegBase) && nonNegBase[op].ok {
		op = nonNegBase[op].op
	}
	r := false
	switch op {
	case generated.OpLoadInt:
		r = int64(in.Args[1]) >= 0
	case generated.OpMove:
		r = nn(1)
	case generated.OpListLen, generated.OpStrLen, generated.OpIntAbs:
		r = true
	case generated.OpIntAddImm:
		r = nn(1) && int64(in.Args[2]) >= 0
	case generated.OpIntAdd, generated.OpIntMul, generated.OpIntFloordiv:
		r = nn(1) && nn(2)
	case generated.OpIntAnd:
		r = nn(1) || nn(2)
	case generated.OpIntAndImm:
		r = nn(1) || int64(in.Args[2]) >= 0
	case generated.OpIntRshift, generated.OpIntRshiftImm:
		r = nn(1)
	case generated.OpIntMod:
		r = nn(2) // (a divisor of 0 exits)
	}
	known[d] = 0
	if r {
		known[d] = 1
	}
}

// continuesWith is the relation between an int branch's two operands when
// it goes on to the next instruction, as the branch that would jump on
// it.
func continuesWith(in *Inst) (generated.Op, bool) {
	info := Info(in.Op)
	switch in.Op {
	case generated.OpIntJumpIfLt, generated.OpIntJumpIfLe, generated.OpIntJumpIfGt,
		generated.OpIntJumpIfGe, generated.OpIntJumpIfEq, generated.OpIntJumpIfNe:
	default:
		return 0, false
	}
	if in.Negate {
		return in.Op, true // (it acts when its condition is false)
	}
	return info.Flip, true
}
