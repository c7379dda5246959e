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
	n := len(t.Insts)
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
	char, reached := byteRows[uint8](sc, n, width)
	clear(char[0])
	reached[0] = true
	out := make([]uint8, width)
	for changed := true; changed; {
		changed = false
		for i := 0; i < n; i++ {
			if !reached[i] {
				continue
			}
			copy(out, char[i])
			in := &t.Insts[i]
			info := Info(in.Op)
			if d, ok := dst(in, info); ok {
				switch {
				case in.Op == generated.OpStrChar:
					out[d] = 1
				case in.Op == generated.OpMove || in.Op == generated.OpMoveBits:
					out[d] = char[i][slotOf(in.Args[1])]
				default:
					out[d] = 0
				}
			}
			t.successors(i, func(s int) {
				from := out
				if in.InTrace && s == in.Target && in.Op != generated.OpLoop {
					// A jump leaves before the instruction writes.
					from = char[i]
				}
				if !reached[s] {
					copy(char[s], from)
					reached[s] = true
					changed = true
					return
				}
				row := char[s]
				for k, c := range row {
					if c != 0 && from[k] == 0 {
						row[k] = 0
						changed = true
					}
				}
			})
		}
	}
	for i := range t.Insts {
		in := &t.Insts[i]
		if in.Op == generated.OpStrJumpIfEq && reached[i] && char[i][slotOf(in.Args[0])] != 0 && char[i][slotOf(in.Args[1])] != 0 {
			in.Op = generated.OpIntJumpIfEq
		}
	}
}
