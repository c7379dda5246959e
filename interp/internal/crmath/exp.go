package crmath

import (
	"math"
	"sync"
)

// ln2 split in three: the first part has 42 bits so that k*ln2hi is
// exact for every |k| < 2**11.
const (
	ln2hi  = 0x1.62e42fefa3800p-1
	ln2mid = 0x1.ef35793c76730p-45
	ln2lo  = 0x1.f97b57a079a19p-103
)

var (
	invLn2  = dd{0x1.71547652b82fep+0, 0x1.777d0ffda0d24p-56}
	invLn10 = dd{0x1.bcb7b1526e50ep-2, 0x1.95355baaafad3p-57}
)

// expm1Small is e**r - 1 for |r| <= 0.36, relative error about 2**-104:
// the Taylor series on r/32, then five doublings e -> e*(2+e), which
// keep the relative error of e**r - 1 (unlike squaring e**r).
func expm1Small(r dd) dd {
	r = dd{r.hi / 32, r.lo / 32}
	// e = r + r**2 * (1/2! + r/3! + ... + r**11/13!)
	p := horner(r, invFact[2:14])
	e := add(r, mul(mul(r, r), p))
	for i := 0; i < 5; i++ {
		e = mul(e, addF(e, 2))
	}
	return e
}

// reduceLn2 splits x into k*ln2 + r with |r| <= ln2/2 (a little more).
func reduceLn2(x dd) (int, dd) {
	k := math.Round(x.hi * invLn2.hi)
	s, e := twoSum(x.hi, -k*ln2hi)
	r := add(dd{s, e}, dd{x.lo, 0})
	r = sub(r, twoProd(k, ln2mid))
	r = addF(r, float64(-k*ln2lo))
	return int(k), r
}

// crExp is e**x correctly rounded (Exp, glibc's, is checked against it).
func crExp(x float64) float64 {
	switch {
	case math.IsNaN(x) || x > 710:
		return x + math.Inf(1)
	case x < -746:
		return 0
	case math.Abs(x) < 0x1p-60:
		return 1 + x
	}
	return expDD(dd{x, 0})
}

// ln2/64 in three parts; the first has 36 bits so that n*l64hi is exact
// for |n| < 2**17 (every n that exp's range needs).
const (
	l64hi  = 0x1.62e42fefa0000p-7
	l64mid = 0x1.cf79abc9e3b3ap-46
	l64lo  = -0x1.ff0342542fc33p-100
)

// exp2Tab[j] is 2**(j/64), made on first use.
var (
	expOnce sync.Once
	exp2Tab [64]dd
)

// For |r| <= ln2/128 five double-double terms and a double tail reach
// 2**-110.
var expCoef, expTail = invFact[2:7], hiParts(invFact[7:13])

// expDD is e**x for a double-double x in range, rounded once: x = (64k +
// j)*ln2/64 + r, e**x = 2**k * 2**(j/64) * e**r, with a short series for
// e**r - 1.
func expDD(x dd) float64 {
	expOnce.Do(func() {
		for j := range exp2Tab {
			k, r := reduceLn2(mulF(dd{ln2hi, ln2mid}, float64(j)/64))
			exp2Tab[j] = scaleDD(addF(expm1Small(r), 1), k)
		}
	})
	n := math.Round(x.hi * 0x1.71547652b82fep+6)
	s, e := twoSum(x.hi, -n*l64hi)
	r := add(dd{s, e}, dd{x.lo, 0})
	r = sub(r, twoProd(n, l64mid))
	r = addF(r, float64(-n*l64lo))
	em := add(r, mul(mul(r, r), hornerMix(r, expCoef, expTail)))
	ni := int(n)
	j := ni & 63
	t := exp2Tab[j]
	return scaleRound(add(t, mul(t, em)), (ni-j)/64)
}

// scaleDD is v * 2**k, exact for results in the normal range.
func scaleDD(v dd, k int) dd {
	return dd{math.Ldexp(v.hi, k), math.Ldexp(v.lo, k)}
}

// logDD is log(a) for a > 0 finite (as a double-double, relative error
// about 2**-104). With a = 2**e * m, m in [sqrt(1/2), sqrt 2): y0 =
// log(m) to a double's accuracy, then t = m*e**-y0 - 1 = (m-1) + m*(e**-y0
// - 1) is tiny and log(m) = y0 + log1p(t) = y0 + t - t**2/2.
func logSlow(a dd) dd {
	_, e := math.Frexp(a.hi)
	m := dd{math.Ldexp(a.hi, -e), math.Ldexp(a.lo, -e)}
	if m.hi < math.Sqrt2/2 {
		m, e = dd{m.hi * 2, m.lo * 2}, e-1
	}
	y0 := math.Log(m.hi)
	em := expm1Small(dd{-y0, 0})
	t := add(add(dd{m.hi - 1, 0}, dd{m.lo, 0}), mul(m, em))
	t = sub(t, mulF(mul(t, t), 0.5))
	r := addF(t, y0)
	if e != 0 {
		fe := float64(e)
		l := add(dd{fe * ln2hi, 0}, twoProd(fe, ln2mid))
		l = addF(l, float64(fe*ln2lo))
		r = add(l, r)
	}
	return r
}

// logTab[i] is -log(logInv[i]), logInv[i] the double nearest 1/(1 +
// (i-logOff)/256); made on first use.
const logOff = 76

var (
	logOnce sync.Once
	logInv  [logOff + 108]float64
	logTab  [logOff + 108]dd
)

// With |u| < 2**-9.4 two double-double terms and a double tail reach
// 2**-110.
var (
	atanhCoef = []dd{div(dd{1, 0}, dd{3, 0}), div(dd{1, 0}, dd{5, 0})}
	atanhTail = []float64{1.0 / 7, 1.0 / 9, 1.0 / 11, 1.0 / 13}
)

// logDD is log(a) for a > 0 finite, relative error about 2**-104: with
// a = 2**e * m, m in [sqrt(1/2), sqrt 2), and inv a double near 1/m from
// the table, log(a) = e*ln2 - log(inv) + log1p(z), z = m*inv - 1 (exact),
// |z| < 1/360, and log1p(z) = 2*atanh(z/(2+z)) by a short series.
func logDD(a dd) dd {
	logOnce.Do(func() {
		for i := range logInv {
			logInv[i] = 1 / (1 + float64(i-logOff)/256)
			logTab[i] = neg(logSlow(dd{logInv[i], 0}))
		}
	})
	_, e := math.Frexp(a.hi)
	m := dd{math.Ldexp(a.hi, -e), math.Ldexp(a.lo, -e)}
	if m.hi < math.Sqrt2/2 {
		m, e = dd{m.hi * 2, m.lo * 2}, e-1
	}
	i := int(math.Round((m.hi-1)*256)) + logOff
	inv := logInv[i]
	p := twoProd(m.hi, inv)
	h, l := twoSum(p.hi-1, p.lo)
	z := addF(dd{h, l}, float64(m.lo*inv))
	u := div(z, addF(z, 2))
	u2 := mul(u, u)
	r := mulF(add(u, mul(mul(u, u2), hornerMix(u2, atanhCoef, atanhTail))), 2)
	if i != logOff {
		r = add(logTab[i], r)
	}
	if e != 0 {
		fe := float64(e)
		l := add(dd{fe * ln2hi, 0}, twoProd(fe, ln2mid))
		l = addF(l, float64(fe*ln2lo))
		r = add(l, r)
	}
	return r
}

// crLog is the natural logarithm, correctly rounded, for x > 0; other x
// as math.Log (Log, glibc's, is checked against it).
func crLog(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) {
		return math.Log(x)
	}
	if x == 1 {
		return 0
	}
	r := logDD(dd{x, 0})
	return r.hi + r.lo
}

// log2CR is log(x)/log(2), correctly rounded (exact for powers of two;
// Log2, glibc's, is checked against it).
func log2CR(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) {
		return math.Log2(x)
	}
	if f, e := math.Frexp(x); f == 0.5 {
		return float64(e - 1)
	}
	r := mul(logDD(dd{x, 0}), invLn2)
	return r.hi + r.lo
}

// crPow is x**y correctly rounded, for the cases the C library computes:
// x > 0 finite and y finite, or x < 0 with y an integer. Zeros, infinities
// and NaNs go to math.Pow, whose special cases are C99's as CPython's.
// Pow (glibc's) is checked against it.
func crPow(x, y float64) float64 {
	if x == 0 || y == 0 || math.IsInf(x, 0) || math.IsNaN(x) || math.IsInf(y, 0) || math.IsNaN(y) || x == 1 {
		return math.Pow(x, y)
	}
	neg := false
	if x < 0 {
		if y != math.Trunc(y) {
			return math.NaN()
		}
		neg = math.Mod(y, 2) != 0
		x = -x
	}
	p := mul(logDD(dd{x, 0}), dd{y, 0})
	var r float64
	switch {
	case p.hi > 710:
		r = math.Inf(1)
	case p.hi < -746:
		r = 0
	default:
		r = expDD(p)
	}
	if neg {
		r = -r
	}
	return r
}
