package interp

import (
	"math"

	"github.com/copypatch/copypatch/interp/internal/crmath"
)

// powFloat is x ** y for floats as CPython computes it with the C
// library's pow, which is correctly rounded: for integer exponents and
// halves (x**2, x**3, x**-1, x**0.5, x**-1.5 ...) the power is computed in
// double-double arithmetic (about 106 bits, with FMA's exact products) and
// rounded once, which gives the correctly rounded result except when the
// exact power lies within 2**-100 of a rounding boundary. Other exponents
// use crmath.Pow (log and exp in double-double).
func powFloat(x, y float64) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) || math.IsInf(y, 0) || math.IsNaN(y) || y == 0 {
		return crmath.Pow(x, y)
	}
	if y == math.Trunc(y) && math.Abs(y) <= 64 {
		n := int(math.Abs(y))
		hi, lo := ddPowInt(x, n)
		if y < 0 {
			hi, lo = ddRecip(hi, lo)
		}
		return ddRound(hi, lo, x, y)
	}
	if y2 := 2 * y; y2 == math.Trunc(y2) && math.Abs(y2) <= 64 && x > 0 {
		// x**(k/2) = sqrt(x)**k.
		sh, sl := ddSqrt(x)
		n := int(math.Abs(y2))
		hi, lo := ddPowDD(sh, sl, n)
		if y < 0 {
			hi, lo = ddRecip(hi, lo)
		}
		return ddRound(hi, lo, x, y)
	}
	return crmath.Pow(x, y)
}

// ddRound is hi+lo rounded to a float64; when the double-double went out
// of range (overflow, or too small for its low part to mean anything) the
// library's answer is taken.
func ddRound(hi, lo, x, y float64) float64 {
	if math.IsInf(hi, 0) || math.IsNaN(hi) || math.Abs(hi) < 0x1p-969 {
		return crmath.Pow(x, y)
	}
	return hi + lo
}

// twoProd is a*b as an exact sum p+e.
func twoProd(a, b float64) (p, e float64) {
	p = a * b
	e = math.FMA(a, b, -p)
	return
}

// twoSum is a+b as an exact sum s+e.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return
}

func ddMul(ah, al, bh, bl float64) (float64, float64) {
	p, e := twoProd(ah, bh)
	e += ah*bl + al*bh
	return twoSum(p, e)
}

func ddPowInt(x float64, n int) (float64, float64) {
	return ddPowDD(x, 0, n)
}

// ddPowDD is (h+l)**n by squaring, n >= 1.
func ddPowDD(h, l float64, n int) (float64, float64) {
	rh, rl := 1.0, 0.0
	for n > 0 {
		if n&1 == 1 {
			rh, rl = ddMul(rh, rl, h, l)
		}
		n >>= 1
		if n > 0 {
			h, l = ddMul(h, l, h, l)
		}
	}
	return rh, rl
}

// ddRecip is 1/(h+l): a Newton step from 1/h.
func ddRecip(h, l float64) (float64, float64) {
	q := 1 / h
	// remainder 1 - q*(h+l), exactly as far as it matters
	p, e := twoProd(q, h)
	r := ((1 - p) - e) - q*l
	return twoSum(q, q*r)
}

// ddSqrt is sqrt(x) as a double-double: the rounded root and its
// correction from the exact remainder x - s*s.
func ddSqrt(x float64) (float64, float64) {
	s := math.Sqrt(x)
	r := math.FMA(-s, s, x)
	return twoSum(s, r/(2*s))
}
