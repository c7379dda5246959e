// Package crmath computes the math functions CPython takes from the C
// library (glibc 2.36), to the bit: glibc's own code reproduced step for
// step where it is not correctly rounded (pow, exp, log, sin, cos, tan,
// atan, atan2, asin, acos, hypot, log10, sinh, cosh, tanh, cbrt and the
// rest: the glibc_*.go files), and correctly rounded references they are
// tested against, which also answer math.hypot (CPython's own, correctly
// rounded in all but rare cases) and the remaining gaps.
//
// The correctly rounded ones work in double-double arithmetic: a value is
// an unevaluated sum hi+lo of two float64s, about 106 bits, with FMA for
// exact products. Each function keeps its relative error well below
// 2**-100 and rounds once at the end, so the result is correctly rounded
// unless the exact value lies within that error of a rounding boundary
// (for random arguments about one case in 2**47).
package crmath

import (
	"math"
	"math/big"
)

// dd is the double-double hi+lo with |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return
}

// fastTwoSum needs |a| >= |b| (or a == 0).
func fastTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return
}

// twoProd is a*b exactly. Products that feed twoSum and fastTwoSum are
// rounded by an explicit float64() (here and at the callers) because Go
// may fuse a product into a following add (it does on arm64), which
// would make the error terms inconsistent.
func twoProd(a, b float64) dd {
	p := float64(a * b)
	return dd{p, math.FMA(a, b, -p)}
}

func add(a, b dd) dd {
	s, e := twoSum(a.hi, b.hi)
	t, f := twoSum(a.lo, b.lo)
	e += t
	s, e = fastTwoSum(s, e)
	e += f
	s, e = fastTwoSum(s, e)
	return dd{s, e}
}

func addF(a dd, b float64) dd {
	s, e := twoSum(a.hi, b)
	e += a.lo
	s, e = fastTwoSum(s, e)
	return dd{s, e}
}

func neg(a dd) dd { return dd{-a.hi, -a.lo} }

func sub(a, b dd) dd { return add(a, neg(b)) }

func mul(a, b dd) dd {
	p := twoProd(a.hi, b.hi)
	p.lo += a.hi*b.lo + a.lo*b.hi
	s, e := fastTwoSum(p.hi, p.lo)
	return dd{s, e}
}

func mulF(a dd, b float64) dd {
	p := twoProd(a.hi, b)
	p.lo += a.lo * b
	s, e := fastTwoSum(p.hi, p.lo)
	return dd{s, e}
}

// div is a/b by three quotient digits, each from the exact remainder.
func div(a, b dd) dd {
	q1 := a.hi / b.hi
	r := sub(a, mulF(b, q1))
	q2 := r.hi / b.hi
	r = sub(r, mulF(b, q2))
	q3 := r.hi / b.hi
	s, e := fastTwoSum(q1, q2)
	return addF(dd{s, e}, q3)
}

// sqrtDD is the square root of a > 0 by one Newton step from the
// rounded root, with the remainder computed exactly.
func sqrtDD(a dd) dd {
	s := math.Sqrt(a.hi)
	r := sub(a, twoProd(s, s))
	s, e := fastTwoSum(s, r.hi/(2*s))
	return dd{s, e}
}

// horner evaluates c[0] + x*(c[1] + x*(...)).
func horner(x dd, c []dd) dd {
	p := c[len(c)-1]
	for i := len(c) - 2; i >= 0; i-- {
		p = add(c[i], mul(x, p))
	}
	return p
}

// hornerMix is c[0] + x*(c[1] + ... + x*(c[k-1] + x*T)), where the tail
// T = tail[0] + x*(tail[1] + ...) is small enough to need only a double's
// precision.
func hornerMix(x dd, c []dd, tail []float64) dd {
	t := tail[len(tail)-1]
	for i := len(tail) - 2; i >= 0; i-- {
		t = tail[i] + x.hi*t
	}
	p := add(c[len(c)-1], mulF(x, t))
	for i := len(c) - 2; i >= 0; i-- {
		p = add(c[i], mul(x, p))
	}
	return p
}

// signedInvFact is ±1/n! for n = from, from+2, ... < to, negative when n
// mod 4 is 2 or 3: the coefficients of sine's and cosine's series.
func signedInvFact(from, to int) []dd {
	var c []dd
	for n := from; n < to; n += 2 {
		c = append(c, invFact[n])
		if n%4 >= 2 {
			c[len(c)-1] = neg(invFact[n])
		}
	}
	return c
}

func hiParts(c []dd) []float64 {
	f := make([]float64, len(c))
	for i, v := range c {
		f[i] = v.hi
	}
	return f
}

// scaleRound is (v.hi+v.lo) * 2**k rounded once to a float64. Normal
// results round hi+lo then scale exactly; results near the subnormal
// range or overflow go through math/big, whose Float64 rounds correctly.
func scaleRound(v dd, k int) float64 {
	_, e := math.Frexp(v.hi)
	if e+k > -1021 && e+k < 1024 {
		return math.Ldexp(v.hi+v.lo, k)
	}
	f := new(big.Float).SetPrec(200).SetFloat64(v.hi)
	f.Add(f, new(big.Float).SetFloat64(v.lo))
	f.SetMantExp(f, k)
	r, _ := f.Float64()
	return r
}

// invFact[n] is 1/n! as a double-double, n <= 30.
var invFact = func() []dd {
	t := make([]dd, 31)
	t[0] = dd{1, 0}
	for n := 1; n < len(t); n++ {
		t[n] = div(t[n-1], dd{float64(n), 0})
	}
	return t
}()
