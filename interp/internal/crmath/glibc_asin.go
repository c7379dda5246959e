package crmath

import "math"

// glibc 2.36's asin and acos (IBM's e_asin.c without its old slow paths),
// step for step: below 0.125 an odd polynomial; up to 0.96875 Taylor
// polynomials around asinTab's points, of more terms as |x| grows; up to 1
// asin(x) = pi/2 - 2 asin(sqrt((1-x)/2)), the square root from a table
// guess and Newton steps. acos shares the tables and is pi/2 - asin on
// the first two ranges. The FMA variant's fused products were read from
// __ieee754_asin_fma and __ieee754_acos_fma.

const (
	asinF1  = 0x1.55555555554f9p-3 // asin x = x + x**3 (f1 + f2 x**2 + ...)
	asinF2  = 0x1.333333336127dp-4
	asinF3  = 0x1.6db6dae42c0e4p-5
	asinF4  = 0x1.f1c7e04f4ad99p-6
	asinF5  = 0x1.6e442c822d419p-6
	asinF6  = 0x1.292d80f453c72p-6
	asinRt0 = 0x1.fffffffecc1ddp-1 // 1/sqrt(1-r) ~ rt0 + r(rt1 + ...)
	asinRt1 = 0x1.fffffff757304p-2
	asinRt2 = 0x1.800496769c91ap-2
	asinRt3 = 0x1.4006318d1dab9p-2
)

// asinF is f1 + f2 v + ... + f6 v**5.
func asinF(v float64) float64 {
	if glibcFMA {
		return math.FMA(v, math.FMA(v, math.FMA(v, math.FMA(v, math.FMA(v, asinF6, asinF5), asinF4), asinF3), asinF2), asinF1)
	}
	return float64(float64(float64(float64(float64(float64(float64(float64(float64(asinF6*v)+asinF5)*v)+asinF4)*v)+asinF3)*v)+asinF2)*v) + asinF1
}

// asinRange is where |x| (its high word k) falls among the table's
// ranges: the row's start and length (point, coefficients c1..,
// asin's low part, its high part), or ok false outside [0.125, 0.96875).
func asinRange(k uint32) (n, l int, ok bool) {
	switch {
	case k < 0x3fc00000:
	case k < 0x3fd00000:
		return 11 * int(k&0xfffff>>15), 9, true
	case k < 0x3fe00000:
		return 11*int(k&0xfffff>>14) + 352, 9, true
	case k < 0x3fe80000:
		return 1056 + int(k&0xfe000>>11)*3, 10, true
	case k < 0x3fed8000:
		return 992 + int(k&0xfe000>>13)*13, 11, true
	case k < 0x3fee8000:
		return 884 + int(k&0xfe000>>13)*14, 12, true
	case k < 0x3fef0000:
		return 768 + int(k&0xfe000>>13)*15, 13, true
	}
	return 0, 0, false
}

// asinTaylor is asin(a) - hi for a in row c's interval, hi = c[l-1]:
// c1 xx + (xx**2 (c2 + c3 xx + ...) + lo), xx = a - x_n.
func asinTaylor(c []float64, a float64) float64 {
	xx := a - c[0]
	l := len(c)
	p := c[l-3]
	if glibcFMA {
		for j := l - 4; j >= 2; j-- {
			p = math.FMA(xx, p, c[j])
		}
		return math.FMA(xx, c[1], math.FMA(float64(xx*xx), p, c[l-2]))
	}
	for j := l - 4; j >= 2; j-- {
		p = c[j] + float64(xx*p)
	}
	return float64(c[1]*xx) + (float64(float64(xx*xx)*p) + c[l-2])
}

// asinSqrt is y + cc = sqrt(z) for z = (1-|x|)/2 <= 1/64, y having at
// most 27 bits (acos) or a multiple of 2**-28 (asin, roundY), and t the
// last reciprocal square root step's value, as glibc computes them.
func asinSqrt(z float64, acos bool) (y, cc float64) {
	k := uint32(math.Float64bits(z) >> 32)
	// times glibc's powtwo[511 - k>>21], a power of two (0 to 27 here)
	t := asinInroot[k&0x1fffff>>14] * math.Float64frombits(uint64(1023+511-k>>21)<<52)
	var r, c, tpy float64
	if glibcFMA {
		r = math.FMA(-float64(t*t), z, 1)
		t = float64(t * math.FMA(r, math.FMA(r, math.FMA(r, asinRt3, asinRt2), asinRt1), asinRt0))
		c = float64(z * t)
		h := math.FMA(-c, float64(t*0.5), 1.5)
		if acos {
			y = math.FMA(-0x1p27, c, math.FMA(c, 0x1p27, c))
		} else {
			y = (c + 0x1p24) - 0x1p24
		}
		tpy = math.FMA(h, c, y) // t + y, t = c h fused
		cc = math.FMA(-y, y, z) / tpy
		return y, cc
	}
	r = 1 - float64(float64(t*t)*z)
	t = float64(t * (asinRt0 + float64(r*(asinRt1+float64(r*(asinRt2+float64(r*asinRt3)))))))
	c = float64(t * z)
	t = float64(c * (1.5 - float64(float64(0.5*t)*c)))
	if acos {
		y = float64(float64(0x1p27*c)+c) - float64(0x1p27*c)
	} else {
		y = (c + 0x1p24) - 0x1p24
	}
	tpy = t + y
	cc = (z - float64(y*y)) / tpy
	return y, cc
}

// Asin is glibc 2.36's asin(x) (NaN outside [-1, 1]).
func Asin(x float64) float64 {
	m := int32(math.Float64bits(x) >> 32)
	k := uint32(m) & 0x7fffffff
	ax := math.Abs(x)
	var res float64
	if n, l, ok := asinRange(k); ok {
		c := asinTab[n : n+l]
		res = asinTaylor(c, ax) + c[l-1]
	} else {
		switch {
		case k < 0x3e500000:
			return x
		case k < 0x3fc00000:
			x2 := float64(x * x)
			if glibcFMA {
				return math.FMA(asinF(x2), float64(x*x2), x)
			}
			return x + float64(asinF(x2)*float64(x2*x))
		case k < 0x3ff00000:
			z := float64(0.5 * (1 - ax))
			y, cc := asinSqrt(z, false)
			p := float64(asinF(z) * z)
			var cor float64
			if glibcFMA {
				cor = math.FMA(-float64(2*(y+cc)), p, atanHp1-2*cc)
			} else {
				cor = (atanHp1 - 2*cc) - float64(float64(2*(y+cc))*p)
			}
			res = (atanHpi - 2*y) + cor
		case ax == 1:
			res = atanHpi
		default:
			return math.NaN()
		}
	}
	if m > 0 {
		return res
	}
	return -res
}

// Acos is glibc 2.36's acos(x) (NaN outside [-1, 1]).
func Acos(x float64) float64 {
	m := int32(math.Float64bits(x) >> 32)
	k := uint32(m) & 0x7fffffff
	ax := math.Abs(x)
	if n, l, ok := asinRange(k); ok {
		c := asinTab[n : n+l]
		t := asinTaylor(c, ax)
		if m > 0 {
			return (atanHp1 - t) + (atanHpi - c[l-1])
		}
		return (atanHp1 + t) + (atanHpi + c[l-1])
	}
	switch {
	case k < 0x3c880000:
		return atanHpi
	case k < 0x3fc00000:
		x2 := float64(x * x)
		r := atanHpi - x
		if glibcFMA {
			return r + math.FMA(-asinF(x2), float64(x*x2), ((atanHpi-r)-x)+atanHp1)
		}
		return r + ((((atanHpi - r) - x) + atanHp1) - float64(asinF(x2)*float64(x2*x)))
	case k < 0x3ff00000:
		z := float64(0.5 * (1 - ax))
		y, cc := asinSqrt(z, true)
		p := float64(float64(asinF(z)*z) * (y + cc))
		var res float64
		if m < 0 {
			res = ((atanHp1 - cc) - p) + (atanHpi - y)
		} else {
			res = y + (cc + p)
		}
		return res + res
	case ax == 1:
		if m > 0 {
			return 0
		}
		return 2 * atanHpi
	}
	return math.NaN()
}
