package traceopt

import "github.com/copypatch/copypatch/generated"

// CompareChars turns str_jump_if_eq into int_jump_if_eq where both strs
// are, on every path to the compare, the results of str_char: str_char
// reads its str from the interpreter's table of one-character strs, one
// object per code point (interp's charBits, built whole at start-up), so
// two of them are equal exactly when their bits are. str_jump_if_eq
// compares the bits first too, but two different characters then cost it
// both lengths and a byte loop: levenshtein's `ca == b[j - 1]` in its
// inner loop, unequal three times in four. int_jump_if_eq compares only
// the bits, natively and in uopref alike.
func CompareChars(t *Trace) {
	found := false
	for i := range t.Insts {
		if t.Insts[i].Op == generated.OpStrJumpIfEq {
			found = true
			break
		}
	}
	if !found {
		return
	}
	// char[i][s] (1: yes) says slot s holds str_char's result on every
	// path into instruction i; the same forward dataflow as
	// EliminateGuards', whose writes (dst) it follows.
	width := int(t.maxSlot()) + 1
	sc := getScratch()
	defer sc.put()
	f := t.blocks(sc)
	char, reached := byteRows[uint8](sc, len(f.starts), width)
	clear(char[0])
	reached[0] = true
	out, before := make([]uint8, width), make([]uint8, width)
	steps := func(lo, hi int, row []uint8) {
		for i := lo; i < hi; i++ {
			stepChars(&t.Insts[i], row)
		}
	}
	// (A jump leaves before the instruction writes.)
	solveForward(t, f, char, reached, out, before, steps, meetAll, true)
	visitForward(t, f, char, reached, out, func(lo, hi int, char []uint8) {
		for i := lo; i < hi; i++ {
			in := &t.Insts[i]
			if in.Op == generated.OpStrJumpIfEq && char[slotOf(in.Args[0])] != 0 && char[slotOf(in.Args[1])] != 0 {
				in.Op = generated.OpIntJumpIfEq
			}
			stepChars(in, char)
		}
	})
}

// stepChars updates row (1: the slot holds str_char's result) past in.
func stepChars(in *Inst, row []uint8) {
	if d, ok := in.Writes(); ok {
		switch {
		case in.Op == generated.OpStrChar:
			row[d] = 1
		case in.Op == generated.OpMove || in.Op == generated.OpMoveBits:
			row[d] = row[slotOf(in.Args[1])]
		default:
			row[d] = 0
		}
	}
}
