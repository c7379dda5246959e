package crmath

import "math"

// exp2, the inverse hyperbolic functions, erf and erfc as glibc 2.36
// computes them, and gamma and lgamma as CPython computes them (its own
// Lanczos formulas, Modules/mathmodule.c, around the C library's exp, pow,
// log, sin and cos). As in glibc.go, every product is rounded by float64()
// so that no platform fuses it into an FMA.

// ln2DD is ln 2 as a double-double.
var ln2DD = dd{0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56}

// exp2CR is 2**x correctly rounded (Exp2, glibc's, within 0.502 ulp, is
// checked against it).
func exp2CR(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x >= 1024:
		return math.Inf(1)
	case x <= -1075:
		return 0
	case x == math.Trunc(x):
		return math.Ldexp(1, int(x))
	}
	p := twoProd(x, ln2DD.hi)
	p = addF(p, float64(x*ln2DD.lo))
	return expDD(p)
}

// Asinh is fdlibm's asinh, as glibc's: log(2|x|) beyond 2**28,
// log(2|x| + 1/(sqrt(x*x+1)+|x|)) beyond 2, log1p(|x| + x*x/(1+sqrt(1+x*x)))
// below.
func Asinh(x float64) float64 {
	const ln2 = 6.93147180559945286227e-01
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	ax := math.Abs(x)
	var w float64
	switch {
	case ax < 0x1p-28:
		return x
	case ax > 0x1p28:
		w = Log(ax) + ln2
	case ax > 2:
		w = Log(float64(2*ax) + 1/(math.Sqrt(float64(x*x)+1)+ax))
	default:
		t := float64(x * x)
		w = Log1p(ax + t/(1+math.Sqrt(1+t)))
	}
	return math.Copysign(w, x)
}

// Acosh is fdlibm's acosh, as glibc's.
func Acosh(x float64) float64 {
	const ln2 = 6.93147180559945286227e-01
	switch {
	case math.IsNaN(x) || x < 1:
		return math.NaN()
	case x == 1:
		return 0
	case math.IsInf(x, 1):
		return x
	case x >= 0x1p28:
		return Log(x) + ln2
	case x > 2:
		t := float64(x * x)
		return Log(float64(2*x) - 1/(x+math.Sqrt(t-1)))
	}
	t := x - 1
	return Log1p(t + math.Sqrt(float64(2*t)+float64(t*t)))
}

// Atanh is glibc's atanh: 0.5*log1p(2x + 2x*x/(1-x)) below 0.5,
// 0.5*log1p(2x/(1-x)) above, on |x|.
func Atanh(x float64) float64 {
	ax := math.Abs(x)
	var t float64
	switch {
	case math.IsNaN(x) || ax > 1:
		return math.NaN()
	case ax == 1:
		return math.Copysign(math.Inf(1), x)
	case ax < 0x1p-28:
		return x
	case ax < 0.5:
		t = ax + ax
		t = float64(0.5 * Log1p(t+float64(t*ax)/(1-ax)))
	default:
		t = float64(0.5 * Log1p((ax+ax)/(1-ax)))
	}
	return math.Copysign(t, x)
}

// The coefficients of fdlibm's erf and erfc (s_erf.c).
const (
	erx  = 8.45062911510467529297e-01
	efx  = 1.28379167095512586316e-01
	pp0  = 1.28379167095512558561e-01
	pp1  = -3.25042107247001499370e-01
	pp2  = -2.84817495755985104766e-02
	pp3  = -5.77027029648944159157e-03
	pp4  = -2.37630166566501626084e-05
	qq1  = 3.97917223959155352819e-01
	qq2  = 6.50222499887672944485e-02
	qq3  = 5.08130628187576562776e-03
	qq4  = 1.32494738004321644526e-04
	qq5  = -3.96022827877536812320e-06
	pa0  = -2.36211856075265944077e-03
	pa1  = 4.14856118683748331666e-01
	pa2  = -3.72207876035701323847e-01
	pa3  = 3.18346619901161753674e-01
	pa4  = -1.10894694282396677476e-01
	pa5  = 3.54783043256182359371e-02
	pa6  = -2.16637559486879084300e-03
	qa1  = 1.06420880400844228286e-01
	qa2  = 5.40397917702171048937e-01
	qa3  = 7.18286544141962662868e-02
	qa4  = 1.26171219808761642112e-01
	qa5  = 1.36370839120290507362e-02
	qa6  = 1.19844998467991074170e-02
	ra0  = -9.86494403484714822705e-03
	ra1  = -6.93858572707181764372e-01
	ra2  = -1.05586262253232909814e+01
	ra3  = -6.23753324503260060396e+01
	ra4  = -1.62396669462573470355e+02
	ra5  = -1.84605092906711035994e+02
	ra6  = -8.12874355063065934246e+01
	ra7  = -9.81432934416914548592e+00
	sa1  = 1.96512716674392571292e+01
	sa2  = 1.37657754143519042600e+02
	sa3  = 4.34565877475229228821e+02
	sa4  = 6.45387271733267880336e+02
	sa5  = 4.29008140027567833386e+02
	sa6  = 1.08635005541779435134e+02
	sa7  = 6.57024977031928170135e+00
	sa8  = -6.04244152148580987438e-02
	rb0  = -9.86494292470009928597e-03
	rb1  = -7.99283237680523006574e-01
	rb2  = -1.77579549177547519889e+01
	rb3  = -1.60636384855821916062e+02
	rb4  = -6.37566443368389627722e+02
	rb5  = -1.02509513161107724954e+03
	rb6  = -4.83519191608651397019e+02
	sb1  = 3.03380607434824582924e+01
	sb2  = 3.25792512996573918826e+02
	sb3  = 1.53672958608443695994e+03
	sb4  = 3.19985821950859553908e+03
	sb5  = 2.55305040643316442583e+03
	sb6  = 4.74528541206955367215e+02
	sb7  = -2.24409524465858183362e+01
	tiny = 1e-300
)

// erfSmall is R(z) = P/Q of erf's |x| < 0.84375 branch; glibc evaluates
// the polynomials in pairs (Shimizu's reordering for pipelined FPUs),
// which rounds differently from Horner's rule.
func erfSmall(x float64) float64 {
	z := float64(x * x)
	r1 := pp0 + float64(z*pp1)
	z2 := float64(z * z)
	r2 := pp2 + float64(z*pp3)
	z4 := float64(z2 * z2)
	s1 := 1 + float64(z*qq1)
	s2 := qq2 + float64(z*qq3)
	s3 := qq4 + float64(z*qq5)
	r := r1 + float64(z2*r2) + float64(z4*pp4)
	s := s1 + float64(z2*s2) + float64(z4*s3)
	return r / s
}

// erfMid is P/Q of the 0.84375 <= |x| < 1.25 branch, at s = |x|-1.
func erfMid(s float64) float64 {
	p1 := pa0 + float64(s*pa1)
	s2 := float64(s * s)
	q1 := 1 + float64(s*qa1)
	s4 := float64(s2 * s2)
	p2 := pa2 + float64(s*pa3)
	s6 := float64(s4 * s2)
	q2 := qa2 + float64(s*qa3)
	p3 := pa4 + float64(s*pa5)
	q3 := qa4 + float64(s*qa5)
	p := p1 + float64(s2*p2) + float64(s4*p3) + float64(s6*pa6)
	q := q1 + float64(s2*q2) + float64(s4*q3) + float64(s6*qa6)
	return p / q
}

// erfTail is exp(-x*x - 0.5625 + R/S) for |x| >= 1.25 (ax = |x|), the
// factor both functions divide by x there; wide is glibc's test for the
// second rational approximation (erf and erfc differ by one in it).
func erfTail(ax float64, wide bool) float64 {
	s := 1 / float64(ax*ax)
	var r, q float64
	if !wide {
		r1 := ra0 + float64(s*ra1)
		s2 := float64(s * s)
		q1 := 1 + float64(s*sa1)
		s4 := float64(s2 * s2)
		r2 := ra2 + float64(s*ra3)
		s6 := float64(s4 * s2)
		q2 := sa2 + float64(s*sa3)
		s8 := float64(s4 * s4)
		r3 := ra4 + float64(s*ra5)
		q3 := sa4 + float64(s*sa5)
		r4 := ra6 + float64(s*ra7)
		q4 := sa6 + float64(s*sa7)
		r = r1 + float64(s2*r2) + float64(s4*r3) + float64(s6*r4)
		q = q1 + float64(s2*q2) + float64(s4*q3) + float64(s6*q4) + float64(s8*sa8)
	} else {
		r1 := rb0 + float64(s*rb1)
		s2 := float64(s * s)
		q1 := 1 + float64(s*sb1)
		s4 := float64(s2 * s2)
		r2 := rb2 + float64(s*rb3)
		s6 := float64(s4 * s2)
		q2 := sb2 + float64(s*sb3)
		r3 := rb4 + float64(s*rb5)
		q3 := sb4 + float64(s*sb5)
		q4 := sb6 + float64(s*sb7)
		r = r1 + float64(s2*r2) + float64(s4*r3) + float64(s6*rb6)
		q = q1 + float64(s2*q2) + float64(s4*q3) + float64(s6*q4)
	}
	z := math.Float64frombits(math.Float64bits(ax) &^ (1<<32 - 1))
	return float64(Exp(float64(-z*z)-0.5625) * Exp(float64((z-ax)*(z+ax))+r/q))
}

// highWord is the upper 32 bits of |x|, which fdlibm's branches test.
func highWord(x float64) uint32 { return uint32(math.Float64bits(x)>>32) & 0x7fffffff }

// Erf is glibc 2.36's erf.
func Erf(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case math.IsInf(x, 0):
		return math.Copysign(1, x)
	}
	ix := highWord(x)
	switch {
	case ix < 0x3feb0000: // |x| < 0.84375
		if ix < 0x3e300000 { // |x| < 2**-28
			if ix < 0x00800000 {
				return float64(0.0625 * (float64(16*x) + float64((16*efx)*x)))
			}
			return x + float64(efx*x)
		}
		return x + float64(x*erfSmall(x))
	case ix < 0x3ff40000: // |x| < 1.25
		pq := erfMid(math.Abs(x) - 1)
		if x >= 0 {
			return erx + pq
		}
		return -erx - pq
	case ix >= 0x40180000: // |x| >= 6
		if x >= 0 {
			return 1 - tiny
		}
		return tiny - 1
	}
	ax := math.Abs(x)
	r := erfTail(ax, ix >= 0x4006DB6E)
	if x >= 0 {
		return 1 - r/ax
	}
	return r/ax - 1
}

// Erfc is glibc 2.36's erfc.
func Erfc(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case math.IsInf(x, 1):
		return 0
	case math.IsInf(x, -1):
		return 2
	}
	ix := highWord(x)
	switch {
	case ix < 0x3feb0000: // |x| < 0.84375
		if ix < 0x3c700000 { // |x| < 2**-56
			return 1 - x
		}
		y := erfSmall(x)
		if x < 0.25 { // fdlibm tests the signed high word: every negative x too
			return 1 - (x + float64(x*y))
		}
		r := float64(x * y)
		r += x - 0.5
		return 0.5 - r
	case ix < 0x3ff40000: // |x| < 1.25
		pq := erfMid(math.Abs(x) - 1)
		if x >= 0 {
			return (1 - erx) - pq
		}
		return 1 + (erx + pq)
	case ix < 0x403c0000: // |x| < 28
		if x < 0 && ix >= 0x40180000 {
			return 2 - tiny // x <= -6
		}
		ax := math.Abs(x)
		r := erfTail(ax, ix >= 0x4006DB6D)
		if x > 0 {
			return r / ax
		}
		return 2 - r/ax
	}
	if x > 0 {
		return 0
	}
	return 2 - tiny
}

// CPython's Lanczos approximation (N = 13, g = 6.0246800407767296), its
// sum as a rational function (Modules/mathmodule.c).
const (
	lanczosG          = 6.024680040776729583740234375
	lanczosGMinusHalf = 5.524680040776729583740234375
	logPi             = 1.144729885849400174143427351353058711647
)

var lanczosNum = [13]float64{
	23531376880.410759688572007674451636754734846804940,
	42919803642.649098768957899047001988850926355848959,
	35711959237.355668049440185451547166705960488635843,
	17921034426.037209699919755754458931112671403265390,
	6039542586.3520280050642916443072979210699388420708,
	1439720407.3117216736632230727949123939715485786772,
	248874557.86205415651146038641322942321632125127801,
	31426415.585400194380614231628318205362874684987640,
	2876370.6289353724412254090516208496135991145378768,
	186056.26539522349504029498971604569928220784236328,
	8071.6720023658162106380029022722506138218516325024,
	210.82427775157934587250973392071336271166969580291,
	2.5066282746310002701649081771338373386264310793408,
}

// lanczosDen is x*(x+1)*...*(x+11) expanded.
var lanczosDen = [13]float64{0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
	13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0}

// gammaIntegral[n-1] is (n-1)! for n up to 23, exact.
var gammaIntegral = [23]float64{
	1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
	3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
	1307674368000.0, 20922789888000.0, 355687428096000.0,
	6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
	51090942171709440000.0, 1124000727777607680000.0,
}

func lanczosSum(x float64) float64 {
	var num, den float64
	if x < 5 {
		for i := 12; i >= 0; i-- {
			num = float64(num*x) + lanczosNum[i]
			den = float64(den*x) + lanczosDen[i]
		}
	} else {
		// In 1/x, so that large x does not overflow.
		for i := 0; i < 13; i++ {
			num = num/x + lanczosNum[i]
			den = den/x + lanczosDen[i]
		}
	}
	return num / den
}

// sinPi is CPython's m_sinpi: sin(pi*x) reduced to a quarter period
// first, exact at integers and half-integers.
func sinPi(x float64) float64 {
	y := math.Mod(math.Abs(x), 2)
	var r float64
	switch int(math.RoundToEven(2 * y)) {
	case 0:
		r = Sin(float64(math.Pi * y))
	case 1:
		r = Cos(float64(math.Pi * (y - 0.5)))
	case 2:
		r = Sin(float64(math.Pi * (1 - y)))
	case 3:
		r = -Cos(float64(math.Pi * (y - 1.5)))
	default:
		r = Sin(float64(math.Pi * (y - 2)))
	}
	return math.Copysign(1, x) * r
}

// Gamma is CPython's math.gamma (m_tgamma). NaN for the arguments CPython
// rejects (0, negative integers, -inf); +Inf when it overflows.
func Gamma(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case math.IsInf(x, -1):
		return math.NaN()
	case x == 0:
		return math.NaN()
	case x == math.Floor(x):
		if x < 0 {
			return math.NaN()
		}
		if x <= 23 {
			return gammaIntegral[int(x)-1]
		}
	}
	ax := math.Abs(x)
	if ax < 1e-20 {
		return 1 / x
	}
	if ax > 200 {
		if x < 0 {
			return 0 / sinPi(x)
		}
		return math.Inf(1)
	}
	y := ax + lanczosGMinusHalf
	// The rounding error of y, to correct pow(y, ...)/exp(y) by.
	var z float64
	if ax > lanczosGMinusHalf {
		q := y - ax
		z = q - lanczosGMinusHalf
	} else {
		q := y - lanczosGMinusHalf
		z = q - ax
	}
	z = float64(z*lanczosG) / y
	var r float64
	if x < 0 {
		r = float64(-math.Pi/sinPi(ax)/ax*Exp(y)) / lanczosSum(ax)
		r -= float64(z * r)
		if ax < 140 {
			r /= Pow(y, ax-0.5)
		} else {
			sp := Pow(y, float64(ax/2)-0.25)
			r /= sp
			r /= sp
		}
	} else {
		r = lanczosSum(ax) / Exp(y)
		r += float64(z * r)
		if ax < 140 {
			r = float64(r * Pow(y, ax-0.5))
		} else {
			sp := Pow(y, float64(ax/2)-0.25)
			r = float64(r * sp)
			r = float64(r * sp)
		}
	}
	return r
}

// Lgamma is CPython's math.lgamma (m_lgamma): NaN for the arguments
// CPython rejects (0 and negative integers).
func Lgamma(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case math.IsInf(x, 0):
		return math.Inf(1)
	case x == math.Floor(x) && x <= 2:
		if x <= 0 {
			return math.NaN()
		}
		return 0
	}
	ax := math.Abs(x)
	if ax < 1e-20 {
		return -Log(ax)
	}
	r := Log(lanczosSum(ax)) - lanczosG
	r += float64((ax - 0.5) * (Log(ax+lanczosG-0.5) - 1))
	if x < 0 {
		r = logPi - Log(math.Abs(sinPi(ax))) - Log(ax) - r
	}
	return r
}
