package uopref

import (
	"math"
	"math/bits"

	"github.com/copypatch/copypatch/templates"
)

// addOverflows, subOverflows and mulOverflows are __builtin_*_overflow on
// int64: the wrapped result and whether it differs from the true one.
func addOverflows(a, b int64) (int64, bool) {
	r := a + b
	return r, (a >= 0) == (b >= 0) && (r >= 0) != (a >= 0)
}

func subOverflows(a, b int64) (int64, bool) {
	r := a - b
	return r, (a >= 0) != (b >= 0) && (r >= 0) != (a >= 0)
}

func mulOverflows(a, b int64) (int64, bool) {
	r := a * b
	if a == 0 || b == 0 {
		return r, false
	}
	// MinInt64 * -1 wraps to MinInt64, and MinInt64 / -1 wraps back to
	// MinInt64 in Go, so the division check alone misses it.
	return r, r/b != a || (b == -1 && a == math.MinInt64)
}

// intArith builds the binary int uops (int_add, int_sub, int_mul and the
// rest): f says the result and whether to exit instead, which leaves the
// frame untouched.
func intArith(f func(a, b int64) (int64, bool)) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		r, ovf := f(i64(m.slot(1)), i64(m.slot(2)))
		dst := m.slot(0)
		if ovf {
			return Exit, 0
		}
		setInt(dst, r)
		return Continue, 0
	}
}

func floatArith(f func(a, b float64) float64) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		r := f(f64(m.slot(1)), f64(m.slot(2)))
		setFloat(m.slot(0), r)
		return Continue, 0
	}
}

// Comparisons by name suffix; Go's float comparisons are IEEE's, like C's.
var (
	intCmps = map[string]func(a, b int64) bool{
		"lt": func(a, b int64) bool { return a < b },
		"le": func(a, b int64) bool { return a <= b },
		"gt": func(a, b int64) bool { return a > b },
		"ge": func(a, b int64) bool { return a >= b },
		"eq": func(a, b int64) bool { return a == b },
		"ne": func(a, b int64) bool { return a != b },
	}
	floatCmps = map[string]func(a, b float64) bool{
		"lt": func(a, b float64) bool { return a < b },
		"le": func(a, b float64) bool { return a <= b },
		"gt": func(a, b float64) bool { return a > b },
		"ge": func(a, b float64) bool { return a >= b },
		"eq": func(a, b float64) bool { return a == b },
		"ne": func(a, b float64) bool { return a != b },
	}
)

func jumpIf(taken bool) (Next, templates.ExitCode) {
	if taken {
		return Jump, 0
	}
	return Continue, 0
}

func guard(tag templates.Tag) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		if m.slot(0).Tag != tag {
			return Exit, 0
		}
		return Continue, 0
	}
}

// wideArith builds wide_add and wide_sub: slot 0 is a 128-bit int, its
// tag the high word and its bits the low word; slot 1 an int64,
// sign-extended. 128-bit overflow exits with the frame untouched.
func wideArith(sub bool) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		acc, x := m.slot(0), m.slot(1)
		hi, lo := uint64(acc.Tag), acc.Bits
		xlo := x.Bits
		xhi := uint64(int64(xlo) >> 63)
		var rlo, rhi, c uint64
		var ovf bool
		if sub {
			rlo, c = bits.Sub64(lo, xlo, 0)
			rhi, _ = bits.Sub64(hi, xhi, c)
			ovf = int64((hi^xhi)&(hi^rhi)) < 0
		} else {
			rlo, c = bits.Add64(lo, xlo, 0)
			rhi, _ = bits.Add64(hi, xhi, c)
			ovf = int64((hi^rhi)&(xhi^rhi)) < 0
		}
		if ovf {
			return Exit, 0
		}
		*acc = templates.Value{Tag: templates.Tag(rhi), Bits: rlo}
		return Continue, 0
	}
}

// wide and setWide read and write a 128-bit int kept in one slot: the tag
// is its high word, the bits its low word (templates/uop.h, cp_wide).
func wide(v *templates.Value) (hi, lo uint64) { return uint64(v.Tag), v.Bits }
func setWide(v *templates.Value, hi, lo uint64) {
	*v = templates.Value{Tag: templates.Tag(hi), Bits: lo}
}

// neg128 is -x in two's complement.
func neg128(hi, lo uint64) (uint64, uint64) {
	lo, c := bits.Sub64(0, lo, 0)
	hi, _ = bits.Sub64(0, hi, c)
	return hi, lo
}

// mul128 is a * b on 128-bit ints; ok is false when the product does not
// fit 128 bits (templates/wide_mul.c).
func mul128(ahi, alo, bhi, blo uint64) (hi, lo uint64, ok bool) {
	neg := (int64(ahi) < 0) != (int64(bhi) < 0)
	if int64(ahi) < 0 {
		ahi, alo = neg128(ahi, alo)
	}
	if int64(bhi) < 0 {
		bhi, blo = neg128(bhi, blo)
	}
	if ahi != 0 && bhi != 0 {
		return 0, 0, false
	}
	// One cross term is 0.
	c1h, c1l := bits.Mul64(ahi, blo)
	c2h, c2l := bits.Mul64(alo, bhi)
	if c1h != 0 || c2h != 0 {
		return 0, 0, false
	}
	ph, pl := bits.Mul64(alo, blo)
	ph, c := bits.Add64(ph, c1l+c2l, 0)
	if c != 0 {
		return 0, 0, false
	}
	// The magnitude may reach 2^127 only for a negative product.
	if ph > 1<<63 || ph == 1<<63 && (pl != 0 || !neg) {
		return 0, 0, false
	}
	if neg {
		ph, pl = neg128(ph, pl)
	}
	return ph, pl, true
}

// wide3 builds wide_add_wide and wide_sub_wide: 128-bit overflow exits
// with the frame untouched.
func wide3(sub bool) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		ahi, alo := wide(m.slot(1))
		bhi, blo := wide(m.slot(2))
		dst := m.slot(0)
		var rhi, rlo, c uint64
		var ovf bool
		if sub {
			rlo, c = bits.Sub64(alo, blo, 0)
			rhi, _ = bits.Sub64(ahi, bhi, c)
			ovf = int64((ahi^bhi)&(ahi^rhi)) < 0
		} else {
			rlo, c = bits.Add64(alo, blo, 0)
			rhi, _ = bits.Add64(ahi, bhi, c)
			ovf = int64((ahi^rhi)&(bhi^rhi)) < 0
		}
		if ovf {
			return Exit, 0
		}
		setWide(dst, rhi, rlo)
		return Continue, 0
	}
}

// intUnary builds int_abs and int_invert: ok false exits with the frame
// untouched.
func intUnary(f func(a int64) (r int64, ok bool)) uop {
	return func(m *machine) (Next, templates.ExitCode) {
		r, ok := f(i64(m.slot(1)))
		dst := m.slot(0)
		if !ok {
			return Exit, 0
		}
		setInt(dst, r)
		return Continue, 0
	}
}

// floorDiv is Python's a // b on int64; ok is false where it raises
// (b == 0) or leaves int64 (MinInt64 // -1).
func floorDiv(a, b int64) (int64, bool) {
	if b == 0 || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	q := a / b
	if q*b != a && (a < 0) != (b < 0) {
		q--
	}
	return q, true
}

// floorMod is Python's a % b on int64: 0 or the divisor's sign. ok is false
// for b == 0 only: MinInt64 % -1 is 0.
func floorMod(a, b int64) (int64, bool) {
	if b == 0 {
		return 0, false
	}
	if b == -1 {
		return 0, true // Go's MinInt64 % -1 is 0 too; said here for the C side
	}
	r := a % b
	if r != 0 && (r < 0) != (b < 0) {
		r += b
	}
	return r, true
}

// leftShift is Python's a << n when the exact result is an int64.
func leftShift(a, n int64) (int64, bool) {
	switch {
	case n < 0: // ValueError: negative shift count
		return 0, false
	case a == 0:
		return 0, true // for every count, however large
	}
	// a << n fits iff its top n+1 bits are all copies of the sign: n bits
	// shift out and the sign stays. lead counts those copies, 1 to 64.
	lead := bits.LeadingZeros64(uint64(a))
	if a < 0 {
		lead = bits.LeadingZeros64(^uint64(a))
	}
	if int64(lead) <= n {
		return 0, false
	}
	return a << n, true
}

// rightShift is Python's a >> n: floored, and 0 or -1 for n >= 64.
func rightShift(a, n int64) (int64, bool) {
	if n < 0 {
		return 0, false
	}
	return a >> uint64(n), true // Go shifts by >= 64 give 0 or -1, as Python
}

// exactInDouble reports whether x is in [-2^53, 2^53]: every such int64
// converts to float64 exactly.
func exactInDouble(x int64) bool { return -1<<53 <= x && x <= 1<<53 }
