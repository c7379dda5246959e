package crmath

import "math"

// glibc 2.36's pow, step for step, so that x ** y gives CPython's bits
// (glibc's pow is within 0.52 ULP, not correctly rounded). The method is
// ARM's (optimized-routines): log(x) = k*ln2 + log(c) + log1p(r) in
// double-double from a 128-entry table and a degree-8 polynomial, y*log(x)
// as ehi + elo, then exp(ehi + elo) = 2**(k/128) * e**r from another
// 128-entry table and a degree-5 polynomial.
//
// On x86-64 glibc runs a variant compiled with FMA when the CPU has FMA
// and AVX2 (ifunc), its generic code otherwise; both are here, picked the
// same way (glibcFMA). Which products the FMA build fuses was read from
// the machine code of Debian 12's libm.so.6 (__pow_fma); the others are
// wrapped in float64() so that Go does not fuse them either.

// Polynomial coefficients of pow's log1p(r) - r (A[0] = -1/2), from
// glibc's data.
var powA = [7]float64{
	-0x1p-1, -0x1.555555555556p-1, 0x1.0000000000006p-1,
	0x1.999999959554ep-1, -0x1.555555529a47ap-1,
	-0x1.2495b9b4845e9p0, 0x1.0002b8b263fc3p0,
}

const (
	powLn2hi = 0x1.62e42fefa3800p-1
	powLn2lo = 0x1.ef35793c76730p-45
)

// exp's constants: 128/ln2, the shift that rounds to an integer in the
// low bits, -ln2/128 in two parts and the polynomial for e**r - 1 - r.
const (
	expInvLn2N  = 0x1.71547652b82fep7
	expShift    = 0x1.8p52
	expNegLn2hi = -0x1.62e42fefa0000p-8
	expNegLn2lo = -0x1.cf79abc9e3b3ap-47
	expC2       = 0x1.ffffffffffdbdp-2
	expC3       = 0x1.555555555543cp-3
	expC4       = 0x1.55555cf172b91p-5
	expC5       = 0x1.1111167a4d017p-7
)

// powLog is log(x) as hi + lo for x's bits ix (positive, normal).
func powLog(ix uint64) (hi, lo float64) {
	i, kd, z := logReduce(ix, powLogOff, 7)
	e := &powLogTab[i]
	A := &powA
	var r, t1, lo1, ar, ar2, ar3, lo3, lo4, p float64
	var t2, lo2 float64
	if glibcFMA {
		r = math.FMA(z, e.invc, -1)
		t1 = math.FMA(kd, powLn2hi, e.logc)
		t2 = t1 + r
		lo1 = math.FMA(kd, powLn2lo, e.logctail)
		lo2 = t1 - t2 + r
		ar = float64(A[0] * r)
		ar2 = float64(r * ar)
		ar3 = float64(r * ar2)
		hi = t2 + ar2
		lo3 = math.FMA(ar, r, -ar2)
		lo4 = t2 - hi + ar2
		q := math.FMA(ar2, math.FMA(ar2, math.FMA(r, A[6], A[5]), math.FMA(r, A[4], A[3])), math.FMA(r, A[2], A[1]))
		lo = math.FMA(ar3, q, lo1+lo2+lo3+lo4)
	} else {
		// z = zhi + zlo with zhi*invc exact, so r = rhi + rlo keeps
		// the bits the rounded z*invc - 1 would lose.
		zhi := math.Float64frombits((math.Float64bits(z) + 1<<31) & (1<<64 - 1<<32))
		zlo := z - zhi
		rhi := float64(zhi*e.invc) - 1
		rlo := float64(zlo * e.invc)
		r = rhi + rlo
		t1 = float64(kd*powLn2hi) + e.logc
		t2 = t1 + r
		lo1 = float64(kd*powLn2lo) + e.logctail
		lo2 = t1 - t2 + r
		ar = float64(A[0] * r)
		ar2 = float64(r * ar)
		ar3 = float64(r * ar2)
		arhi := float64(A[0] * rhi)
		arhi2 := float64(rhi * arhi)
		hi = t2 + arhi2
		lo3 = float64(rlo * (ar + arhi))
		lo4 = t2 - hi + arhi2
		q := A[1] + float64(r*A[2]) + float64(ar2*(A[3]+float64(r*A[4])+float64(ar2*(A[5]+float64(r*A[6])))))
		p = float64(ar3 * q)
		lo = lo1 + lo2 + lo3 + lo4 + p
	}
	y := hi + lo
	return y, hi - y + lo
}

// expSignBias added to the table index puts the sign bit into the scale.
const expSignBias = 0x800 << 7

// expInline is e**(x + xtail), negated when signBias is expSignBias, for
// |xtail| small against x: glibc's exp_inline.
func expInline(x, xtail float64, signBias uint64) float64 {
	abstop := math.Float64bits(x) >> 52 & 0x7ff
	special := false
	if abstop-0x3c9 >= 0x3f { // |x| < 2**-54 or |x| >= 512 or not finite
		if abstop < 0x3c9 {
			one := 1 + x
			if signBias != 0 {
				return -one
			}
			return one
		}
		if abstop >= 0x409 {
			if math.Signbit(x) {
				return mathUflow(signBias != 0)
			}
			return mathOflow(signBias != 0)
		}
		special = true
	}
	var kd, r float64
	if glibcFMA {
		kd = math.FMA(expInvLn2N, x, expShift)
	} else {
		kd = float64(expInvLn2N*x) + expShift
	}
	ki := math.Float64bits(kd)
	kd -= expShift
	if glibcFMA {
		r = math.FMA(kd, expNegLn2lo, math.FMA(kd, expNegLn2hi, x))
	} else {
		r = x + float64(kd*expNegLn2hi) + float64(kd*expNegLn2lo)
	}
	r += xtail
	idx := 2 * (ki % 128)
	top := (ki + signBias) << 45
	tail := math.Float64frombits(expTab[idx])
	sbits := expTab[idx+1] + top
	r2 := float64(r * r)
	var tmp float64
	if glibcFMA {
		tmp = math.FMA(float64(r2*r2), math.FMA(r, expC5, expC4), math.FMA(r2, math.FMA(r, expC3, expC2), tail+r))
	} else {
		tmp = tail + r + float64(r2*(expC2+float64(r*expC3))) + float64(float64(r2*r2)*(expC4+float64(r*expC5)))
	}
	if special {
		return expSpecial(tmp, sbits, ki)
	}
	scale := math.Float64frombits(sbits)
	if glibcFMA {
		return math.FMA(scale, tmp, scale)
	}
	return scale + float64(scale*tmp)
}

// expSpecial is scale*(1 + tmp) where the scale's exponent went out of
// range: far above 1, or into the subnormal range, where glibc rounds
// once more before the final scaling.
func expSpecial(tmp float64, sbits, ki uint64) float64 {
	if ki&0x80000000 == 0 {
		scale := math.Float64frombits(sbits - 1009<<52)
		var y float64
		if glibcFMA {
			y = math.FMA(scale, tmp, scale)
		} else {
			y = scale + float64(scale*tmp)
		}
		return float64(0x1p1009 * y)
	}
	return expSubnormal(tmp, sbits)
}

// expSubnormal is scale*(1 + tmp) for a result below 2**-1022 or near:
// glibc rounds it to double precision first, then scales it into range.
func expSubnormal(tmp float64, sbits uint64) float64 {
	sbits += 1022 << 52
	scale := math.Float64frombits(sbits)
	st := float64(scale * tmp) // not fused: the FMA build reuses it below
	y := scale + st
	if math.Abs(y) < 1 {
		one := 1.0
		if y < 0 {
			one = -1
		}
		lo := scale - y + st
		hi := one + y
		lo = one - hi + y + lo
		y = (hi + lo) - one
		if y == 0 {
			y = math.Float64frombits(sbits & (1 << 63))
		}
	}
	return float64(0x1p-1022 * y)
}

func mathOflow(neg bool) float64 {
	if neg {
		return math.Inf(-1)
	}
	return math.Inf(1)
}

func mathUflow(neg bool) float64 {
	if neg {
		return math.Copysign(0, -1)
	}
	return 0
}

// checkInt is 0 if y (bits iy) is not an integer, 1 if odd, 2 if even.
func checkInt(iy uint64) int {
	e := int(iy >> 52 & 0x7ff)
	switch {
	case e < 0x3ff:
		return 0
	case e > 0x3ff+52:
		return 2
	case iy&(1<<(0x3ff+52-e)-1) != 0:
		return 0
	case iy&(1<<(0x3ff+52-e)) != 0:
		return 1
	}
	return 2
}

// Pow is glibc 2.36's pow(x, y). Zeros, infinities and NaNs go to
// math.Pow, whose special cases are C99's as glibc's.
func Pow(x, y float64) float64 {
	if x == 0 || y == 0 || math.IsInf(x, 0) || math.IsNaN(x) || math.IsInf(y, 0) || math.IsNaN(y) {
		return math.Pow(x, y)
	}
	ix, iy := math.Float64bits(x), math.Float64bits(y)
	topx, topy := ix>>52, iy>>52
	var signBias uint64
	if topx-1 >= 0x7fe || topy&0x7ff-0x3be >= 0x80 {
		if ix>>63 != 0 {
			switch checkInt(iy) {
			case 0:
				return math.NaN()
			case 1:
				signBias = expSignBias
			}
			ix &^= 1 << 63
			topx &= 0x7ff
		}
		if topy&0x7ff-0x3be >= 0x80 {
			// |y| < 2**-65 or |y| >= 2**63: 1 +- y, or out of range.
			const one = 0x3ff0000000000000
			if ix == one {
				return 1
			}
			if topy&0x7ff < 0x3be {
				if ix > one {
					return 1 + y
				}
				return 1 - y
			}
			if (ix > one) == (topy < 0x800) {
				return mathOflow(false)
			}
			return mathUflow(false)
		}
		if topx == 0 { // subnormal x: normalize, the exponent goes negative
			ix = math.Float64bits(x*0x1p52)&^(1<<63) - 52<<52
		}
	}
	hi, lo := powLog(ix)
	var ehi, elo float64
	if glibcFMA {
		ehi = float64(y * hi)
		elo = math.FMA(y, lo, math.FMA(y, hi, -ehi))
	} else {
		yhi := math.Float64frombits(iy & (1<<64 - 1<<27))
		ylo := y - yhi
		lhi := math.Float64frombits(math.Float64bits(hi) & (1<<64 - 1<<27))
		llo := hi - lhi + lo
		ehi = float64(yhi * lhi)
		elo = float64(ylo*lhi) + float64(y*llo)
	}
	return expInline(ehi, elo, signBias)
}
