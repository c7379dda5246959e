package interp

// Comparison op (opLt to opNe) of two ints or floats is answered without
// a branch on op. An outcome (0 less, 1 equal, 2 greater, 3 unordered: a
// NaN) picks bit 4*(op-opLt)+outcome of cmpTruth, which has each op's
// answers for the four outcomes. runAt is too big for Go to inline more
// than a few operations into it, and a call per compare-and-jump cost
// more than the compare: it computes the outcome itself and asks holds.
const cmpTruth = 0b0001 | // <
	0b0011<<4 | // <=
	0b0100<<8 | // >
	0b0110<<12 | // >=
	0b0010<<16 | // ==
	0b1101<<20 // !=

// holds is comparison op's answer for outcome o: of ints
// b2u(a == b)+b2u(a > b)*2, of floats that plus b2u(a != a || b != b)*3.
func holds(op Op, o uint64) bool { return cmpTruth>>(uint64(op-opLt)*4+o)&1 != 0 }

// cmpAnswers is holds' four answers for comparison op, one bit per
// outcome: the compiler keeps them in a comparison instruction's D
// (emit), where runAt reads them. Asked of in.Op there, the op had to
// outlive the jump table's use of its register, and Go stored it on the
// stack at every dispatch to load it back in the compares.
func cmpAnswers(op Op) int32 { return int32(cmpTruth >> (uint64(op-opLt) * 4) & 0xf) }

// answer is holds for the answers cmpAnswers gave.
func answer(answers int32, o uint64) bool { return uint64(answers)>>o&1 != 0 }

// The answers of == and !=, which also compare strs.
const (
	eqAnswers = cmpTruth >> (4 * (opEq - opLt)) & 0xf
	neAnswers = cmpTruth >> (4 * (opNe - opLt)) & 0xf
)

// strOutcome is holds' outcome for two strs equal or not (equal, or
// less, which == and != answer as they answer greater).
func strOutcome(eq bool) uint64 { return b2u(eq) }

// answersOp is the comparison whose answers cmpAnswers gave.
func answersOp(answers int32) Op {
	for op := opLt; op < opNe; op++ {
		if cmpAnswers(op) == answers {
			return op
		}
	}
	return opNe
}

// opOf is in.Op for runAt's cases, read in a function of its own: read
// there after the dispatch, the op's address was one more value Go kept
// on the stack at every dispatch.
//
//go:noinline
func opOf(in *Instr) Op { return in.Op }
