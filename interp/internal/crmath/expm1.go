package crmath

import "math"

// Expm1 is glibc 2.36's expm1, fdlibm's formula with glibc's paired
// polynomial: a reduction x = k*ln2 + r, a rational approximation for
// e**r - 1 on |r| <= ln2/2, and the scaling written so that nothing
// cancels. glibc runs a variant compiled with FMA where the CPU has FMA
// and AVX2 (glibcFMA); which products it fuses was read from
// __expm1_fma's machine code. The other products are rounded by float64().
func Expm1(x float64) float64 {
	const (
		othreshold = 7.09782712893383973096e+02
		ln2Hi      = 6.93147180369123816490e-01
		ln2Lo      = 1.90821492927058770002e-10
		invln2     = 1.44269504088896338700e+00
		q1         = -3.33333333333331316428e-02
		q2         = 1.58730158725481460165e-03
		q3         = -7.93650757867487942473e-05
		q4         = 4.00821782732936239552e-06
		q5         = -2.01099218183624371326e-07
	)
	if math.IsNaN(x) {
		return x
	}
	fma := glibcFMA
	neg := x < 0
	ax := math.Abs(x)
	hx := math.Float64bits(ax) >> 32
	if hx >= 0x4043687A { // |x| >= 56*ln2
		if x > othreshold {
			return math.Inf(1)
		}
		if neg {
			return -1
		}
	}
	var hi, lo, c float64
	k := 0
	switch {
	case hx > 0x3fd62e42: // |x| > ln2/2: reduce
		if hx < 0x3FF0A2B2 { // |x| < 1.5*ln2
			if !neg {
				hi, lo, k = x-ln2Hi, ln2Lo, 1
			} else {
				hi, lo, k = x+ln2Hi, -ln2Lo, -1
			}
		} else {
			h := 0.5
			if neg {
				h = -0.5
			}
			k = int(float64(invln2*x) + h)
			t := float64(k)
			if fma {
				hi = math.FMA(-t, ln2Hi, x)
			} else {
				hi = x - float64(t*ln2Hi)
			}
			lo = float64(t * ln2Lo)
		}
		x = hi - lo
		c = (hi - x) - lo
	case hx < 0x3c900000: // |x| < 2**-54
		return x
	}
	hfx := float64(0.5 * x)
	hxs := float64(x * hfx)
	h2 := float64(hxs * hxs)
	h4 := float64(h2 * h2)
	var r1, t, e float64
	if fma {
		r1 = math.FMA(h4, math.FMA(hxs, q5, q4), math.FMA(h2, math.FMA(hxs, q3, q2), math.FMA(hxs, q1, 1)))
		t = math.FMA(-r1, hfx, 3)
		e = float64(hxs * ((r1 - t) / math.FMA(-x, t, 6)))
		if k == 0 {
			return x - math.FMA(e, x, -hxs)
		}
		e = math.FMA(e-c, x, -c) - hxs
	} else {
		r1 = 1 + float64(hxs*q1) + float64(h2*(q2+float64(hxs*q3))) + float64(h4*(q4+float64(hxs*q5)))
		t = 3 - float64(r1*hfx)
		e = float64(hxs * ((r1 - t) / (6 - float64(x*t))))
		if k == 0 {
			return x - (float64(x*e) - hxs)
		}
		e = float64(x*(e-c)) - c
		e -= hxs
	}
	switch {
	case k == -1:
		if fma {
			return math.FMA(0.5, x-e, -0.5)
		}
		return float64(0.5*(x-e)) - 0.5
	case k == 1:
		if x < -0.25 {
			return float64(-2 * (e - (x + 0.5)))
		}
		if fma {
			return math.FMA(x-e, 2, 1)
		}
		return 1 + float64(2*(x-e))
	case k <= -2 || k > 56:
		// e**x - 1 = 2**k * (1 - (e - x)) - 1; the exponent add cannot
		// overflow (k = 1024 only for r < 0).
		y := 1 - (e - x)
		y = math.Float64frombits(math.Float64bits(y) + uint64(int64(k))<<52)
		return y - 1
	}
	var y float64
	if k < 20 {
		t := math.Float64frombits(uint64(0x3ff00000-(0x200000>>uint(k))) << 32) // 1 - 2**-k
		y = t - (e - x)
	} else {
		t := math.Float64frombits(uint64(0x3ff-k) << 52) // 2**-k
		y = x - (e + t)
		y++
	}
	return math.Float64frombits(math.Float64bits(y) + uint64(int64(k))<<52)
}
