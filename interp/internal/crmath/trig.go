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
			r = addF(r, -k*p)
		}
		r = addF(r, -k*pio2Parts[5])
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

// sinSmall and cosSmall are the Taylor series for |r| <= pi/4 (terms up
// to r**29 and r**28, below 2**-110 relative).
func sinSmall(r dd) dd {
	s := mul(r, r)
	c := make([]dd, 0, 15)
	for n := 3; n <= 29; n += 2 {
		v := invFact[n]
		if n%4 == 3 {
			v = neg(v)
		}
		c = append(c, v)
	}
	return add(r, mul(mul(r, s), horner(s, c)))
}

func cosSmall(r dd) dd {
	s := mul(r, r)
	c := make([]dd, 0, 14)
	for n := 2; n <= 28; n += 2 {
		v := invFact[n]
		if n%4 == 2 {
			v = neg(v)
		}
		c = append(c, v)
	}
	return addF(mul(s, horner(s, c)), 1)
}

// Sin is sin(x) correctly rounded; NaN for infinities and NaN.
func Sin(x float64) float64 {
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
	var v dd
	switch k {
	case 0:
		v = sinSmall(r)
	case 1:
		v = cosSmall(r)
	case 2:
		v = neg(sinSmall(r))
	default:
		v = neg(cosSmall(r))
	}
	return v.hi + v.lo
}

// Cos is cos(x) correctly rounded.
func Cos(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return math.NaN()
	}
	if math.Abs(x) < 0x1p-27 {
		return 1
	}
	k, r := reduce(x)
	var v dd
	switch k {
	case 0:
		v = cosSmall(r)
	case 1:
		v = neg(sinSmall(r))
	case 2:
		v = neg(cosSmall(r))
	default:
		v = sinSmall(r)
	}
	return v.hi + v.lo
}

// Tan is tan(x) correctly rounded.
func Tan(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return math.NaN()
	}
	if math.Abs(x) < 0x1p-27 {
		return x
	}
	k, r := reduce(x)
	s, c := sinSmall(r), cosSmall(r)
	var v dd
	if k&1 == 0 {
		v = div(s, c)
	} else {
		v = neg(div(c, s))
	}
	return v.hi + v.lo
}
