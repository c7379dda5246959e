package crmath

import "math"

// Log1p is log(1+x) by fdlibm's formula, as glibc computes it: 1+x =
// 2**k * (1+f) with sqrt(2)/2 <= 1+f < sqrt(2), a correction c for the
// rounding of 1+x, and log(1+f) = f - hfsq + s*(hfsq+R), s = f/(2+f), R a
// polynomial in s**2. The generic variant rounds every product (float64()
// keeps any platform from fusing them); the FMA one fuses those
// __log1p_fma fuses.
func Log1p(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01
		ln2Lo = 1.90821492927058770002e-10
		lp1   = 6.666666666666735130e-01
		lp2   = 3.999999999940941908e-01
		lp3   = 2.857142874366239149e-01
		lp4   = 2.222219843214978396e-01
		lp5   = 1.818357216161805012e-01
		lp6   = 1.531383769920937332e-01
		lp7   = 1.479819860511658591e-01
	)
	switch {
	case math.IsNaN(x) || x < -1:
		return math.NaN()
	case x == -1:
		return math.Inf(-1)
	case math.IsInf(x, 1):
		return x
	}
	ax := math.Abs(x)
	if ax < 0x1p-29 {
		if ax < 0x1p-54 {
			return x
		}
		if glibcFMA {
			return math.FMA(-float64(x*x), 0.5, x)
		}
		return x - float64(float64(x*x)*0.5)
	}
	var f, c float64
	var hu uint64
	k := 0
	// No reduction for -0.2929 < x < 0.41422 (fdlibm's bounds on the
	// high word).
	if hi := math.Float64bits(ax) >> 32; x > 0 && hi < 0x3FDA827A || x < 0 && hi <= 0x3fd2bec3 {
		f, hu = x, 1
	} else {
		k = 1
	}
	if k != 0 {
		var u float64
		if x < 0x1p53 {
			u = 1 + x
			hu = math.Float64bits(u) >> 32
			k = int(hu>>20) - 1023
			if k > 0 {
				c = 1 - (u - x)
			} else {
				c = x - (u - 1)
			}
			c /= u
		} else {
			u = x
			hu = math.Float64bits(u) >> 32
			k = int(hu>>20) - 1023
			c = 0
		}
		hu &= 0x000fffff
		lo := math.Float64bits(u) & 0xffffffff
		if hu < 0x6a09e {
			u = math.Float64frombits((hu|0x3ff00000)<<32 | lo)
		} else {
			k++
			u = math.Float64frombits((hu|0x3fe00000)<<32 | lo)
			hu = (0x00100000 - hu) >> 2
		}
		f = u - 1
	}
	hfsq := float64(float64(0.5*f) * f)
	fk := float64(k)
	if hu == 0 { // |f| < 2**-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			if glibcFMA {
				return math.FMA(fk, ln2Hi, math.FMA(fk, ln2Lo, c))
			}
			c += float64(fk * ln2Lo)
			return float64(fk*ln2Hi) + c
		}
		var r float64
		if glibcFMA {
			r = float64(math.FMA(-f, 0.66666666666666666, 1) * hfsq)
		} else {
			r = float64(hfsq * (1 - float64(0.66666666666666666*f)))
		}
		if k == 0 {
			return f - r
		}
		if glibcFMA {
			return math.FMA(fk, ln2Hi, -((r - math.FMA(fk, ln2Lo, c)) - f))
		}
		return float64(fk*ln2Hi) - ((r - (float64(fk*ln2Lo) + c)) - f)
	}
	s := f / (2 + f)
	z := float64(s * s)
	// glibc evaluates the polynomial in pairs (Shimizu's reordering of
	// fdlibm's Horner form), which rounds differently.
	z2 := float64(z * z)
	z4 := float64(z2 * z2)
	z6 := float64(z4 * z2)
	var r float64
	if glibcFMA {
		r2 := math.FMA(z, lp3, lp2)
		r3 := math.FMA(z, lp5, lp4)
		r4 := math.FMA(z, lp7, lp6)
		r = math.FMA(z6, r4, math.FMA(z4, r3, math.FMA(z, lp1, float64(z2*r2))))
	} else {
		r1 := float64(z * lp1)
		r2 := lp2 + float64(z*lp3)
		r3 := lp4 + float64(z*lp5)
		r4 := lp6 + float64(z*lp7)
		r = r1 + float64(z2*r2) + float64(z4*r3) + float64(z6*r4)
	}
	if k == 0 {
		return f - (hfsq - float64(s*(hfsq+r)))
	}
	if glibcFMA {
		return math.FMA(fk, ln2Hi, -((hfsq - (float64(s*(hfsq+r)) + math.FMA(fk, ln2Lo, c))) - f))
	}
	return float64(fk*ln2Hi) - ((hfsq - (float64(s*(hfsq+r)) + (float64(fk*ln2Lo) + c))) - f)
}
