package crmath

import "math"

// The functions below are not correctly rounded in glibc 2.36 (errors up
// to an ulp or two), so CPython's results are reproduced by following
// glibc's formulas step for step, each operation rounded as C rounds it.
// Products are wrapped in float64() so that no platform fuses them into
// an FMA (the Go spec allows fusing otherwise; glibc's generic x86-64
// build does not fuse).

// Log10 is glibc's log10 (the Sun fdlibm formula): with x = 2**n * m,
// m in [1, 2) (or [1/2, 1) for negative n, so n+1 is used), log10(x) =
// n*log10(2)_hi + (n*log10(2)_lo + log(m)/ln(10)), log being the
// correctly rounded one.
func Log10(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) {
		return math.Log10(x)
	}
	const (
		ivln10    = 4.34294481903251816668e-01
		log10_2hi = 3.01029995663611771306e-01
		log10_2lo = 3.69423907715893078616e-13
	)
	b := math.Float64bits(x)
	k := 0
	if b>>52 == 0 { // subnormal: scale into the normal range
		x *= 0x1p54
		b = math.Float64bits(x)
		k = -54
	}
	k += int(b>>52) - 1023
	i := 0
	if k < 0 {
		i = 1
	}
	b = b&(1<<52-1) | uint64(1023-i)<<52
	y := float64(k + i)
	z := float64(y*log10_2lo) + float64(ivln10*Log(math.Float64frombits(b)))
	return z + float64(y*log10_2hi)
}

// Sinh is glibc's sinh (fdlibm's): from expm1 below 22, from exp above.
func Sinh(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	h := 0.5
	if x < 0 {
		h = -0.5
	}
	ax := math.Abs(x)
	hi := math.Float64bits(ax) >> 32
	switch {
	case ax < 22:
		if ax < 0x1p-28 {
			return x
		}
		t := Expm1(ax)
		if ax < 1 {
			return float64(h * (float64(2*t) - float64(t*t)/(t+1)))
		}
		return float64(h * (t + t/(t+1)))
	case hi < 0x40862E42:
		return float64(h * Exp(ax))
	case ax <= 0x1.633ce8fb9f87dp+9: // the overflow threshold
		w := Exp(float64(0.5 * ax))
		t := float64(h * w)
		return float64(t * w)
	}
	return math.Copysign(math.Inf(1), x)
}

// Cosh is glibc's cosh (fdlibm's, with glibc's thresholds).
func Cosh(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	ax := math.Abs(x)
	hi := math.Float64bits(ax) >> 32
	switch {
	case ax < 22:
		if hi < 0x3fd62e43 { // |x| < ln(2)/2
			if ax < 0x1p-55 {
				return 1
			}
			t := Expm1(ax)
			w := 1 + t
			return 1 + float64(t*t)/(w+w)
		}
		t := Exp(ax)
		return float64(0.5*t) + 0.5/t
	case hi < 0x40862E42:
		return float64(0.5 * Exp(ax))
	case ax <= 0x1.633ce8fb9f87dp+9:
		w := Exp(float64(0.5 * ax))
		t := float64(0.5 * w)
		return float64(t * w)
	}
	return math.Inf(1)
}

// Tanh is glibc's tanh (fdlibm's): from expm1 of 2|x|.
func Tanh(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	ax := math.Abs(x)
	var z float64
	switch {
	case ax >= 22:
		z = 1
	case ax == 0:
		return x
	case ax < 0x1p-55:
		return float64(x * (1 + x))
	case ax >= 1:
		t := Expm1(float64(2 * ax))
		z = 1 - 2/(t+2)
	default:
		t := Expm1(float64(-2 * ax))
		z = -t / (t + 2)
	}
	return math.Copysign(z, x)
}

// cbrtFactor is 2**(i/3) for i = -2..2, each computed as glibc computes
// it (the reciprocals rounded at run time, not exactly).
var cbrtFactor = func() [5]float64 {
	cbrt2, sqrCbrt2 := 1.2599210498948731648, 1.5874010519681994748
	one := 1.0
	return [5]float64{one / sqrCbrt2, one / cbrt2, 1, cbrt2, sqrCbrt2}
}()

// Cbrt is glibc's cbrt: a polynomial guess for the cube root of the
// mantissa in [1/2, 1), one Halley step, then the exponent's third.
func Cbrt(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	xm, xe := math.Frexp(math.Abs(x))
	u := 0.354895765043919860 + float64((1.50819193781584896+float64((-2.11499494167371287+float64((2.44693122563534430+float64((-1.83469277483613086+float64((0.784932344976639262-float64(0.145263899385486377*xm))*xm))*xm))*xm))*xm))*xm)
	t2 := float64(float64(u*u) * u)
	ym := float64(float64(u*(t2+float64(2*xm)))/(float64(2*t2)+xm)) * cbrtFactor[2+xe%3]
	ym = float64(ym)
	if x < 0 {
		ym = -ym
	}
	return math.Ldexp(ym, xe/3)
}

// Degrees and Radians multiply by the double nearest 180/pi (pi/180), as
// CPython does (not x*180/pi, which rounds twice differently).
func Degrees(x float64) float64 { return x * (180 / math.Pi) }

func Radians(x float64) float64 { return x * (math.Pi / 180) }
