package crmath

import (
	"math"
	"math/big"
	"sync"
)

// pi/2 in parts: five of 26 bits (so k*part is exact for |k| < 2**26)
// and the rest, about 183 bits in all.
var pio2Parts = [6]float64{0x1.921fb50000000p+0, 0x1.110b460000000p-26, 0x1.1a62630000000p-54,
	0x1.8a2e030000000p-81, 0x1.c1cd128000000p-107, 0x1.024e088a67cc7p-135}

var (
	piDD   = dd{0x1.921fb54442d18p+1, 0x1.1a62633145c07p-53}
	pio2DD = dd{0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54}
)

// twoOverPiHex is 2/pi to 1300 bits, enough to reduce any double.
const twoOverPiHex = "0xa2f9836e4e441529fc2757d1f534ddc0db6295993c439041fe5163abdebbc561b7246e3a424dd2e006492eea09d1921cfe1deb1cb129a73ee88235f52ebb4484e99c7026b45f7e413991d639835339f49c845f8bbdf9283b1ff897ffde05980fef2f118b5a0a6d1f6d367ecf27cb09b74f463f669e5fea2d7527bac7ebe5f17b3d0739f78a5292ea6bfb5fb11f8d5d0856033046fc7b6babf0cfbc209af4361da9e39p-1300"

var bigConsts struct {
	once            sync.Once
	twoOverPi, pio2 *big.Float
}

// reduce is x = k*pi/2 + r with |r| <= pi/4 (a little more), r as a
// double-double with relative error about 2**-104, and k mod 4.
func reduce(x float64) (int, dd) {
	if math.Abs(x) <= 0x1.921fb54442d18p-1 {
		return 0, dd{x, 0}
	}
	if math.Abs(x) < 0x1p25 {
		// Cody-Waite: every k*part is exact and x - k*part[0] is too, so
		// the error is that of the double-double sums, relative to the
		// partial sums, which stay below |r| + |k|*2**-52.
		k := math.Round(x * (2 / math.Pi))
		s, e := twoSum(x, -k*pio2Parts[0])
		r := dd{s, e}
		for _, p := range pio2Parts[1:5] {
			r = addF(r, float64(-k*p))
		}
		r = addF(r, float64(-k*pio2Parts[5]))
		if math.Abs(r.hi) > 0x1p-25 {
			return int(int64(k) & 3), r
		}
	}
	return reduceBig(x)
}

// reduceBig reduces with 2/pi to 1300 bits, for huge x and for x very
// close to a multiple of pi/2.
func reduceBig(x float64) (int, dd) {
	bigConsts.once.Do(func() {
		bigConsts.twoOverPi, _, _ = new(big.Float).SetPrec(1300).Parse(twoOverPiHex, 0)
		p := new(big.Float).SetPrec(200)
		for _, v := range pio2Parts {
			p.Add(p, new(big.Float).SetFloat64(v))
		}
		bigConsts.pio2 = p
	})
	t := new(big.Float).SetPrec(1400).SetFloat64(x)
	t.Mul(t, bigConsts.twoOverPi)
	// k = round(t)
	h := new(big.Float).SetPrec(1400).SetFloat64(0.5)
	if t.Sign() < 0 {
		h.Neg(h)
	}
	ki, _ := new(big.Float).SetPrec(1400).Add(t, h).Int(nil)
	kf := new(big.Float).SetPrec(1400).SetInt(ki)
	t.Sub(t, kf)
	t.SetPrec(200).Mul(t, bigConsts.pio2)
	hi, _ := t.Float64()
	t.Sub(t, new(big.Float).SetFloat64(hi))
	lo, _ := t.Float64()
	k := int(ki.Int64() & 3)
	if ki.Sign() < 0 {
		k = int((4 - new(big.Int).Mod(new(big.Int).Neg(ki), big.NewInt(4)).Int64()) & 3)
	}
	return k, dd{hi, lo}
}

// sinSeries and cosSeries are the Taylor series for |r| <= pi/4 (terms
// up to r**29 and r**28, below 2**-110 relative); slow, they make the
// tables.
func sinSeries(r dd) dd {
	s := mul(r, r)
	return add(r, mul(mul(r, s), horner(s, signedInvFact(3, 30))))
}

func cosSeries(r dd) dd {
	s := mul(r, r)
	return addF(mul(s, horner(s, signedInvFact(2, 30))), 1)
}

// sinTab[i] and cosTab[i] are sin(i/64) and cos(i/64), i <= 52.
var (
	trigOnce       sync.Once
	sinTab, cosTab [53]dd
)

// For |b| <= 1/128 (b**2 < 2**-14) three double-double terms and a
// double tail reach 2**-110.
var (
	sinB, cosB         = signedInvFact(3, 9), signedInvFact(2, 8)
	sinBTail, cosBTail = hiParts(signedInvFact(9, 15)), hiParts(signedInvFact(8, 14))
)

// sinCos is sin(r) and cos(r) for |r| <= pi/4 (a little more): with a =
// i/64 nearest r and b = r - a, sin(a+b) = sin a cos b + cos a sin b and
// cos(a+b) = cos a cos b - sin a sin b, from the tables and short series
// in b.
func sinCos(r dd) (dd, dd) {
	trigOnce.Do(func() {
		for i := range sinTab {
			a := dd{float64(i) / 64, 0}
			sinTab[i], cosTab[i] = sinSeries(a), cosSeries(a)
		}
	})
	i := math.Round(r.hi * 64)
	h, e := twoSum(r.hi-i/64, r.lo)
	b := dd{h, e}
	s := mul(b, b)
	sb := add(b, mul(mul(b, s), hornerMix(s, sinB, sinBTail)))
	cb := addF(mul(s, hornerMix(s, cosB, cosBTail)), 1)
	if i == 0 {
		return sb, cb
	}
	ai := int(math.Abs(i))
	sa, ca := sinTab[ai], cosTab[ai]
	if i < 0 {
		sa = neg(sa)
	}
	return add(mul(sa, cb), mul(ca, sb)), sub(mul(ca, cb), mul(sa, sb))
}

// sinCR is sin(x) correctly rounded; NaN for infinities and NaN (Sin,
// glibc's, is checked against it).
func sinCR(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return math.NaN()
	}
	if math.Abs(x) < 0x1p-26 {
		// sin x = x - x**3/6: rounds to x (towards zero when x is tiny
		// enough that x**3/6 is below the subnormal ulp is not a case
		// double rounding can reach, as |x| >= 2**-1074).
		return x
	}
	k, r := reduce(x)
	sr, cr := sinCos(r)
	var v dd
	switch k {
	case 0:
		v = sr
	case 1:
		v = cr
	case 2:
		v = neg(sr)
	default:
		v = neg(cr)
	}
	return v.hi + v.lo
}

// cosCR is cos(x) correctly rounded.
func cosCR(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return math.NaN()
	}
	if math.Abs(x) < 0x1p-27 {
		return 1
	}
	k, r := reduce(x)
	sr, cr := sinCos(r)
	var v dd
	switch k {
	case 0:
		v = cr
	case 1:
		v = neg(sr)
	case 2:
		v = neg(cr)
	default:
		v = sr
	}
	return v.hi + v.lo
}

// tanCR is tan(x) correctly rounded (Tan, glibc's, is checked against
// it).
func tanCR(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return math.NaN()
	}
	if math.Abs(x) < 0x1p-27 {
		return x
	}
	k, r := reduce(x)
	s, c := sinCos(r)
	var v dd
	if k&1 == 0 {
		v = div(s, c)
	} else {
		v = neg(div(c, s))
	}
	return v.hi + v.lo
}
