package crmath

import "math"

// glibc 2.36's sin and cos (IBM's Accurate Mathematical Library, s_sin.c,
// without its old slow paths), step for step for |x| < 105414350: a
// table of sin and cos at multiples of 1/128 in double-double, short
// polynomials for the rest, and a three-part pi/2 reduction. The FMA
// variant's fused products were read from __sin_fma and __cos_fma. Larger
// arguments (glibc's Payne-Hanek reduction, __branred) are not
// reproduced: there sinCR/cosCR, correctly rounded, answer.

const (
	scBig       = 0x1.8p45 // adding it rounds |x| to a multiple of 1/128
	scSn3       = -0x1.5555555555515p-3
	scSn5       = 0x1.11110e829872fp-7
	scCs2       = 0x1p-1
	scCs4       = -0x1.5555555555535p-5
	scCs6       = 0x1.6c16bedd9e239p-10
	scS1        = -0x1.5555555555555p-3
	scS2        = 0x1.1111111110ecep-7
	scS3        = -0x1.a01a019db08b8p-13
	scS4        = 0x1.71de27b9a7ed9p-19
	scS5        = -0x1.addffc2fcdf59p-26
	scHp0       = 0x1.921fb54442d18p0 // pi/2 in two parts
	scHp1       = 0x1.1a62633145c07p-54
	scToint     = 0x1.8p52
	scHpinv     = 0x1.45f306dc9c883p-1 // 2/pi
	scMp1       = 0x1.921fb58000000p0  // pi/2 in four parts
	scMp2       = -0x1.dde973c000000p-27
	scPp3       = -0x1.cb3b398000000p-55
	scPp4       = -0x1.d747f23e32ed7p-83
	scTaylorMax = 0x1.020c49ba5e354p-3 // 0.126
)

// scLookup is sin and cos of the multiple of 1/128 nearest |x|, each a
// double-double, and the remainder.
func scLookup(ax float64) (rem, sn, ssn, cs, ccs float64) {
	u := scBig + ax
	k := int(uint32(math.Float64bits(u))) << 2
	t := &sincosTab
	return ax - (u - scBig), t[k], t[k+1], t[k+2], t[k+3]
}

// taylorSin is sin(a + da) for |a| < 0.126.
func taylorSin(a, da float64) float64 {
	xx := float64(a * a)
	if glibcFMA {
		p := math.FMA(xx, math.FMA(xx, math.FMA(xx, math.FMA(xx, scS5, scS4), scS3), scS2), scS1)
		t := math.FMA(xx, math.FMA(p, a, -float64(0.5*da)), da)
		return a + t
	}
	p := float64(float64(float64(float64(float64(float64(float64(float64(scS5*xx)+scS4)*xx)+scS3)*xx)+scS2)*xx)) + scS1
	t := float64(float64(float64(p*a)-float64(0.5*da))*xx) + da
	return a + t
}

// doSin is sin(x + dx).
func doSin(x, dx float64) float64 {
	xold := x
	if math.Abs(x) < scTaylorMax {
		return taylorSin(x, dx)
	}
	if x <= 0 {
		dx = -dx
	}
	x, sn, ssn, cs, ccs := scLookup(math.Abs(x))
	xx := float64(x * x)
	var cor float64
	if glibcFMA {
		s := x + math.FMA(float64(x*xx), math.FMA(xx, scSn5, scSn3), dx)
		c := math.FMA(x, dx, float64(xx*math.FMA(xx, math.FMA(xx, scCs6, scCs4), scCs2)))
		cor = math.FMA(s, cs, math.FMA(-c, sn, math.FMA(s, ccs, ssn)))
	} else {
		s := x + (dx + float64(float64(x*xx)*(scSn3+float64(xx*scSn5))))
		c := float64(x*dx) + float64(xx*(scCs2+float64(xx*(scCs4+float64(xx*scCs6)))))
		cor = (ssn + float64(s*ccs) - float64(sn*c)) + float64(cs*s)
	}
	return math.Copysign(sn+cor, xold)
}

// doCos is cos(x + dx).
func doCos(x, dx float64) float64 {
	if x < 0 {
		dx = -dx
	}
	x, sn, ssn, cs, ccs := scLookup(math.Abs(x))
	x += dx
	xx := float64(x * x)
	var cor float64
	if glibcFMA {
		s := math.FMA(float64(x*xx), math.FMA(xx, scSn5, scSn3), x)
		c := float64(xx * math.FMA(xx, math.FMA(xx, scCs6, scCs4), scCs2))
		cor = math.FMA(-s, sn, math.FMA(-c, cs, math.FMA(-s, ssn, ccs)))
	} else {
		s := x + float64(float64(x*xx)*(scSn3+float64(xx*scSn5)))
		c := float64(xx * (scCs2 + float64(xx*(scCs4+float64(xx*scCs6)))))
		cor = (ccs - float64(s*ssn) - float64(cs*c)) - float64(sn*s)
	}
	return cs + cor
}

// reduceSinCos is x = n*pi/2 + (a + da) for |x| < 105414350.
func reduceSinCos(x float64) (n int, a, da float64) {
	var t float64
	if glibcFMA {
		t = math.FMA(x, scHpinv, scToint)
	} else {
		t = float64(x*scHpinv) + scToint
	}
	xn := t - scToint
	n = int(math.Float64bits(t) & 3)
	if glibcFMA {
		y := math.FMA(-xn, scMp2, math.FMA(-xn, scMp1, x))
		t2 := math.FMA(-xn, scPp3, y)
		db := math.FMA(-xn, scPp3, y-t2)
		b := math.FMA(-xn, scPp4, t2)
		db += math.FMA(-xn, scPp4, t2-b)
		return n, b, db
	}
	y := (x - float64(xn*scMp1)) - float64(xn*scMp2)
	t1 := float64(xn * scPp3)
	t2 := y - t1
	db := (y - t2) - t1
	t1 = float64(xn * scPp4)
	b := t2 - t1
	db += (t2 - b) - t1
	return n, b, db
}

func doSinCos(a, da float64, n int) float64 {
	var r float64
	if n&1 != 0 {
		r = doCos(a, da)
	} else {
		r = doSin(a, da)
	}
	if n&2 != 0 {
		return -r
	}
	return r
}

// Sin is glibc 2.36's sin(x).
func Sin(x float64) float64 {
	k := uint32(math.Float64bits(x)>>32) & 0x7fffffff
	switch {
	case k < 0x3e500000: // |x| < 2**-26
		return x
	case k < 0x3feb6000: // |x| < 0.855469
		return doSin(x, 0)
	case k < 0x400368fd: // |x| < 2.426265
		return math.Copysign(doCos(scHp0-math.Abs(x), scHp1), x)
	case k < 0x419921fb:
		n, a, da := reduceSinCos(x)
		return doSinCos(a, da, n)
	case k < 0x7ff00000:
		n, a, da := branred(x)
		return doSinCos(a, da, n)
	}
	return x - x
}

// Cos is glibc 2.36's cos(x).
func Cos(x float64) float64 {
	k := uint32(math.Float64bits(x)>>32) & 0x7fffffff
	switch {
	case k < 0x3e400000: // |x| < 2**-27
		return 1
	case k < 0x3feb6000:
		return doCos(x, 0)
	case k < 0x400368fd:
		y := scHp0 - math.Abs(x)
		a := y + scHp1
		da := (y - a) + scHp1
		return doSin(a, da)
	case k < 0x419921fb:
		n, a, da := reduceSinCos(x)
		return doSinCos(a, da, n+1)
	case k < 0x7ff00000:
		n, a, da := branred(x)
		return doSinCos(a, da, n+1)
	}
	return x - x
}
