package interp

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/copypatch/copypatch/templates"
)

// Ints just past 64 bits, in two machine words.
//
// A linear congruential step, (state * A + C) % 2**64 (monte_carlo), or a
// 64-bit hash mixed with * and & 0xFFFF_FFFF_FFFF_FFFF makes ints of 65 to
// 128 bits that the next operator brings back under 2**64. math/big's
// general routines (slices of words, normalisation, a division for %)
// cost several times the arithmetic itself there, so + - * // % >> & | ^
// of operands of at most 128 bits are done here in two words, with
// CPython's floor semantics, and only a result beyond int64 becomes a big
// int (from newBigInt's pool, as bigArith's results: fresh_big.go).
// Anything else (a result past 128 bits, a division by zero, a negative
// shift, a bitwise operator on a negative operand) goes to bigArith.

// u128 is a magnitude of up to 128 bits.
type u128 struct{ hi, lo uint64 }

func (m u128) isZero() bool { return m.hi|m.lo == 0 }

func (m u128) less(n u128) bool { return m.hi < n.hi || m.hi == n.hi && m.lo < n.lo }

func (m u128) sub(n u128) u128 {
	lo, borrow := bits.Sub64(m.lo, n.lo, 0)
	hi, _ := bits.Sub64(m.hi, n.hi, borrow)
	return u128{hi, lo}
}

func (m u128) rsh(n uint) u128 {
	switch {
	case n >= 128:
		return u128{}
	case n >= 64:
		return u128{0, m.hi >> (n - 64)}
	case n == 0:
		return m
	}
	return u128{m.hi >> n, m.lo>>n | m.hi<<(64-n)}
}

// wideOf reads an int, a bool or a big int of at most 128 bits as a sign
// and a magnitude.
func wideOf(v Val) (neg bool, m u128, ok bool) {
	switch v.T {
	case tagInt, tagBool:
		x := int64(v.B)
		if x < 0 {
			return true, u128{0, uint64(-x)}, true // (-MinInt64 wraps to 1<<63, its magnitude)
		}
		return false, u128{0, uint64(x)}, true
	case tagObject:
		b, isBig := v.O.(*BigInt)
		if !isBig {
			return false, u128{}, false
		}
		w := b.v.Bits()
		switch len(w) {
		case 0:
		case 1:
			m.lo = uint64(w[0])
		case 2:
			m.lo, m.hi = uint64(w[0]), uint64(w[1])
		default:
			return false, u128{}, false
		}
		return b.v.Sign() < 0, m, true
	}
	return false, u128{}, false
}

// wideArith is a op b when both fit in 128 bits and so does the answer:
// ok is false for what bigArith must do.
func (vm *VM) wideArith(op Op, a, b Val) (v Val, ok bool) {
	if bits.UintSize != 64 {
		return Val{}, false // big.Word is 32 bits: two words hold 64
	}
	if a.T == tagBool && b.T == tagBool {
		return Val{}, false // True & True is a bool: binop's
	}
	an, am, ok := wideOf(a)
	if !ok {
		return Val{}, false
	}
	bn, bm, ok := wideOf(b)
	if !ok {
		return Val{}, false
	}
	switch op {
	case opAdd, opSub:
		if op == opSub {
			bn = !bn
		}
		if an == bn {
			lo, carry := bits.Add64(am.lo, bm.lo, 0)
			hi, carry := bits.Add64(am.hi, bm.hi, carry)
			if carry != 0 {
				return Val{}, false
			}
			return vm.wideVal(an, u128{hi, lo}), true
		}
		if am.less(bm) {
			return vm.wideVal(bn, bm.sub(am)), true
		}
		return vm.wideVal(an, am.sub(bm)), true
	case opMul:
		if am.hi != 0 && bm.hi != 0 {
			return Val{}, false
		}
		if am.hi != 0 {
			am, bm = bm, am // the wide one second
		}
		hi, lo := bits.Mul64(am.lo, bm.lo)
		h2, l2 := bits.Mul64(am.lo, bm.hi)
		hi, carry := bits.Add64(hi, l2, 0)
		if h2 != 0 || carry != 0 {
			return Val{}, false
		}
		return vm.wideVal(an != bn, u128{hi, lo}), true
	case opFloorDiv, opMod:
		q, r, ok := divMod128(am, bm)
		if !ok {
			return Val{}, false
		}
		if an != bn && !r.isZero() {
			// Floor, not truncation: one more for the quotient, the
			// remainder's complement, which takes the divisor's sign.
			lo, carry := bits.Add64(q.lo, 1, 0)
			hi, carry := bits.Add64(q.hi, 0, carry)
			if carry != 0 {
				return Val{}, false
			}
			q, r = u128{hi, lo}, bm.sub(r)
		}
		if op == opMod {
			return vm.wideVal(bn, r), true
		}
		return vm.wideVal(an != bn, q), true
	case opRshift:
		if bn || bm.hi != 0 {
			return Val{}, false
		}
		n := uint(min(bm.lo, 128))
		if !an {
			return vm.wideVal(false, am.rsh(n)), true
		}
		// Floor of a negative: -((|a| - 1) >> n) - 1.
		s := am.sub(u128{0, 1}).rsh(n)
		lo, carry := bits.Add64(s.lo, 1, 0)
		return vm.wideVal(true, u128{s.hi + carry, lo}), true
	case opBitAnd, opBitOr, opBitXor:
		if an || bn {
			return Val{}, false // two's complement of a negative: bigArith
		}
		switch op {
		case opBitAnd:
			return vm.wideVal(false, u128{am.hi & bm.hi, am.lo & bm.lo}), true
		case opBitOr:
			return vm.wideVal(false, u128{am.hi | bm.hi, am.lo | bm.lo}), true
		}
		return vm.wideVal(false, u128{am.hi ^ bm.hi, am.lo ^ bm.lo}), true
	}
	return Val{}, false
}

// wideStep runs arithmetic instruction in when its operands are ints or
// big ints, straight from runAt: in two words when the operands and the
// answer fit (wideArith), else through math/big (bigArith). No Python code
// can run for such operands, so generic's detours (packed lists, fresh
// lists, in-place and instance operators) have nothing to do: pascal_row's
// a + b of big ints cost twice its arithmetic on the way there. False
// leaves the instruction to the generic path, which raises the errors.
func (vm *VM) wideStep(f *frame, in *Instr) bool {
	a, aWide, ok := intOperand(f, in.B)
	if !ok {
		return false
	}
	b, bWide, ok := intOperand(f, in.C)
	if !ok {
		return false
	}
	vm.fbig.made = [2]*BigInt{}
	if aWide && bWide {
		if v, ok := vm.wideArith(in.Op, a, b); ok {
			vm.storeArith(f, in, a, b, v)
			return true
		}
	}
	if in.Op == opMatMul {
		return false
	}
	v, err := vm.bigArith(in.Op, asBig(a, &vm.tmpA, &vm.bufA), asBig(b, &vm.tmpB, &vm.bufB))
	if err != nil {
		return false
	}
	vm.storeArith(f, in, a, b, v)
	return true
}

// fitsWide reports, cheaply enough to ask before every big int operator,
// whether v is an int or a big int of at most two words.
func fitsWide(v *Val) bool {
	if v.T != tagObject {
		return v.T == tagInt || v.T == tagBool
	}
	x, ok := v.O.(*BigInt)
	return ok && len(x.v.Bits()) <= 2
}

// wideTags reports whether slots of these tags may hold ints for
// wideStep (an object may be a big int).
func wideTags(b, c templates.Tag) bool {
	return (b == tagInt || b == tagObject) && (c == tagInt || c == tagObject)
}

// intOperand is slot i's value when it is an int or a big int (ok), and
// whether it fits in two words (wide).
func intOperand(f *frame, i int32) (v Val, wide, ok bool) {
	r := f.regs[i]
	switch r.Tag {
	case tagInt:
		return Val{T: r.Tag, B: r.Bits}, true, true
	case tagObject:
		x, isBig := f.objs[i].(*BigInt)
		if !isBig {
			return Val{}, false, false
		}
		return Val{T: r.Tag, B: r.Bits, O: x}, len(x.v.Bits()) <= 2, true
	}
	return Val{}, false, false
}

// divMod128 divides magnitudes by a divisor of one word or a power of two:
// ok is false for a zero divisor and for other two-word divisors.
func divMod128(n, d u128) (q, r u128, ok bool) {
	switch {
	case d.hi == 0 && d.lo != 0:
		var rem uint64
		q.hi, rem = bits.Div64(0, n.hi, d.lo)
		q.lo, r.lo = bits.Div64(rem, n.lo, d.lo)
		return q, r, true
	case d.hi != 0 && d.lo == 0 && d.hi&(d.hi-1) == 0:
		k := uint(64 + bits.TrailingZeros64(d.hi))
		return n.rsh(k), u128{n.hi & (d.hi - 1), n.lo}, true
	}
	return u128{}, u128{}, false
}

// wideVal is the int of sign neg and magnitude m: a small int when it
// fits, else a big int from newBigInt.
func (vm *VM) wideVal(neg bool, m u128) Val {
	if m.hi == 0 {
		if m.lo <= math.MaxInt64 {
			if neg {
				return IntVal(-int64(m.lo))
			}
			return IntVal(int64(m.lo))
		}
		if neg && m.lo == 1<<63 {
			return IntVal(math.MinInt64)
		}
	}
	res := vm.newBigInt()
	w := append(res.buf[:0], big.Word(m.lo))
	if m.hi != 0 {
		w = append(w, big.Word(m.hi))
	}
	res.v.SetBits(w)
	if neg {
		res.v.Neg(&res.v)
	}
	return ObjVal(res)
}
