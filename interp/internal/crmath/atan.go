package crmath

import (
	"math"
	"sync"
)

// atanTable[i] is atan(i/64) as a double-double, from atanSeries after
// three halvings atan(x) = 2*atan(x/(1+sqrt(1+x**2))); made on first use.
var (
	atanOnce  sync.Once
	atanTable [65]dd
)

func makeAtanTable() {
	for i := range atanTable {
		x := dd{float64(i) / 64, 0}
		for j := 0; j < 3; j++ {
			x = div(x, addF(sqrtDD(addF(mul(x, x), 1)), 1))
		}
		atanTable[i] = mulF(atanSeries(x, 40), 8)
	}
}

// atanSeries is x - x**3/3 + ... up to x**(2n+1).
func atanSeries(x dd, n int) dd {
	s := mul(x, x)
	c := make([]dd, n)
	for i := range c {
		c[i] = div(dd{1, 0}, dd{float64(2*i + 3), 0})
		if i%2 == 0 {
			c[i] = neg(c[i])
		}
	}
	return add(x, mul(mul(x, s), horner(s, c)))
}

// atanCoef are the series coefficients -1/3, 1/5, ... for |t| <= 1/128,
// where nine terms reach 2**-126.
var atanCoef = func() []dd {
	c := make([]dd, 9)
	for i := range c {
		c[i] = div(dd{1, 0}, dd{float64(2*i + 3), 0})
		if i%2 == 0 {
			c[i] = neg(c[i])
		}
	}
	return c
}()

// atanDD is atan(x) for 0 <= x <= 1: atan(c) from the table for the
// nearest c = i/64, plus atan((x-c)/(1+x*c)).
func atanDD(x dd) dd {
	atanOnce.Do(makeAtanTable)
	i := math.Round(x.hi * 64)
	c := i / 64
	t := x
	if i != 0 {
		t = div(addF(x, -c), addF(mulF(x, c), 1))
	}
	s := mul(t, t)
	a := add(t, mul(mul(t, s), horner(s, atanCoef)))
	if i != 0 {
		a = add(atanTable[int(i)], a)
	}
	return a
}

// atan2DD is atan(y/x) for y, x > 0.
func atan2DD(y, x dd) dd {
	if y.hi <= x.hi {
		return atanDD(div(y, x))
	}
	return sub(pio2DD, atanDD(div(x, y)))
}

// atanCR is atan(x) correctly rounded (Atan, glibc's, is checked
// against it).
func atanCR(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	if math.Abs(x) < 0x1p-27 {
		return x
	}
	if math.IsInf(x, 0) {
		return math.Copysign(math.Pi/2, x)
	}
	v := atan2DD(dd{math.Abs(x), 0}, dd{1, 0})
	return math.Copysign(v.hi+v.lo, x)
}

// oneMinusSq is 1 - x*x for |x| <= 1, exact but for the last rounding.
func oneMinusSq(x float64) dd {
	return sub(dd{1, 0}, twoProd(x, x))
}

// asinCR is asin(x) correctly rounded for |x| <= 1 (NaN outside; Asin,
// glibc's, is checked against it).
func asinCR(x float64) float64 {
	if math.IsNaN(x) || math.Abs(x) > 1 {
		return math.NaN()
	}
	if math.Abs(x) < 0x1p-27 {
		return x
	}
	if math.Abs(x) == 1 {
		return math.Copysign(math.Pi/2, x)
	}
	v := atan2DD(dd{math.Abs(x), 0}, sqrtDD(oneMinusSq(x)))
	return math.Copysign(v.hi+v.lo, x)
}

// acosCR is acos(x) correctly rounded for |x| <= 1 (NaN outside).
func acosCR(x float64) float64 {
	if math.IsNaN(x) || math.Abs(x) > 1 {
		return math.NaN()
	}
	switch x {
	case 1:
		return 0
	case -1:
		return math.Pi
	case 0:
		return math.Pi / 2
	}
	v := atan2DD(sqrtDD(oneMinusSq(x)), dd{math.Abs(x), 0})
	if x < 0 {
		v = sub(piDD, v)
	}
	return v.hi + v.lo
}

// atan2CR is atan2(y, x) correctly rounded, with C99's special cases
// (Atan2, glibc's, is checked against it).
func atan2CR(y, x float64) float64 {
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) || x == 0 || y == 0 {
		return math.Atan2(y, x)
	}
	ay, ax := math.Abs(y), math.Abs(x)
	_, ey := math.Frexp(ay)
	_, ex := math.Frexp(ax)
	var v dd
	switch {
	case ey-ex < -900:
		// atan(y/x) = y/x (1 - tiny): the rounded quotient.
		if x > 0 {
			return y / x
		}
		v = piDD
	case ey-ex > 900:
		v = pio2DD
	default:
		// Scale both to near 1 so the quotients' low parts stay normal.
		s := -max(ey, ex)
		v = atan2DD(dd{math.Ldexp(ay, s), 0}, dd{math.Ldexp(ax, s), 0})
		if x < 0 {
			v = sub(piDD, v)
		}
	}
	return math.Copysign(v.hi+v.lo, y)
}

// Hypot is sqrt(sum of squares) correctly rounded, with CPython's special
// cases: any infinity gives inf, else any NaN gives NaN.
func Hypot(xs ...float64) float64 {
	m := 0.0
	nan := false
	for _, x := range xs {
		if math.IsInf(x, 0) {
			return math.Inf(1)
		}
		if math.IsNaN(x) {
			nan = true
		}
		m = max(m, math.Abs(x))
	}
	if nan {
		return math.NaN()
	}
	if m == 0 {
		return 0
	}
	if len(xs) == 1 {
		return m
	}
	_, e := math.Frexp(m)
	var s dd
	for _, x := range xs {
		v := math.Ldexp(x, -e)
		s = add(s, twoProd(v, v))
	}
	return scaleRound(sqrtDD(s), e)
}
