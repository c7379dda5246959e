package crmath

import "math"

// glibc 2.36's atan (IBM's s_atan.c without its old slow paths), step for
// step: an odd polynomial below 1/16, Taylor expansions around the
// table's points up to 1, the same on 1/x up to 16 and the polynomial on
// 1/x beyond. The FMA variant's fused products were read from __atan_fma.

const (
	atanA   = 0x1.bb67a00000000p-27 // below: atan x = x
	atanB   = 0x1p-4
	atanC   = 1
	atanD   = 16
	atanE   = 0x1.49ff200000000p52 // above: atan x = ±pi/2
	atanHpi = 0x1.921fb54442d18p0  // pi/2 in two parts
	atanHp1 = 0x1.1a62633145c07p-54
	atanD3  = -0x1.5555555555555p-2
	atanD5  = 0x1.99999999997fdp-3
	atanD7  = -0x1.24924923f7603p-3
	atanD9  = 0x1.c71c6e5129a3bp-4
	atanD11 = -0x1.7458022b13c25p-4
	atanD13 = 0x1.375f08b31cbcep-4
)

// atanPoly is d3 + v*(d5 + v*(... + v*d13)).
func atanPoly(v float64) float64 {
	if glibcFMA {
		return math.FMA(v, math.FMA(v, math.FMA(v, math.FMA(v, math.FMA(v, atanD13, atanD11), atanD9), atanD7), atanD5), atanD3)
	}
	yy := atanD11 + float64(v*atanD13)
	yy = atanD9 + float64(v*yy)
	yy = atanD7 + float64(v*yy)
	yy = atanD5 + float64(v*yy)
	return atanD3 + float64(v*yy)
}

// atanRow is the table row for z (1/16 <= z < 1) and the Taylor
// polynomial's terms past the first two, c2 + z*(c3 + ... + z*c6), at
// z - x_i (plus zt).
func atanRow(w, zt float64) (row *[7]float64, z, yy float64) {
	i := int(float64(w*256)+0x1p52-0x1p52) - 16 // (2**52 + 256w) - 2**52, exact product
	row = &atanTab[i]
	if glibcFMA {
		z = math.FMA(zt, 1, w-row[0])
		yy = math.FMA(z, math.FMA(z, math.FMA(z, math.FMA(z, row[6], row[5]), row[4]), row[3]), row[2])
	} else {
		z = (w - row[0]) + zt
		yy = row[5] + float64(z*row[6])
		yy = row[4] + float64(z*yy)
		yy = row[3] + float64(z*yy)
		yy = row[2] + float64(z*yy)
	}
	return
}

// Atan is glibc 2.36's atan(x).
func Atan(x float64) float64 {
	if math.IsNaN(x) {
		return x + x
	}
	u := math.Abs(x)
	switch {
	case u < atanB:
		if u < atanA {
			return x
		}
		v := float64(x * x)
		yy := atanPoly(v)
		if glibcFMA {
			return math.FMA(float64(x*v), yy, x)
		}
		return x + float64(yy*float64(x*v))
	case u < atanC:
		row, z, yy := atanRow(u, 0)
		var y float64
		if glibcFMA {
			y = math.FMA(yy, z, row[1])
		} else {
			y = row[1] + float64(yy*z)
		}
		return math.Copysign(y, x)
	case u < atanD:
		w := 1 / u
		t1 := float64(w * u)
		t2 := math.FMA(w, u, -t1) // exact, as glibc's Dekker product
		var row *[7]float64
		var z, yy float64
		if glibcFMA {
			// z = (w - x_i) + w*((1 - t1) - t2), the product fused
			i := int(math.FMA(w, 256, 0x1p52)-0x1p52) - 16
			row = &atanTab[i]
			z = math.FMA((1-t1)-t2, w, w-row[0])
			yy = math.FMA(z, math.FMA(z, math.FMA(z, math.FMA(z, row[6], row[5]), row[4]), row[3]), row[2])
			yy = math.FMA(-yy, z, atanHp1)
		} else {
			row, z, yy = atanRow(w, float64(w*((1-t1)-t2)))
			yy = atanHp1 - float64(z*yy)
		}
		return math.Copysign((atanHpi-row[1])+yy, x)
	case u < atanE:
		w := 1 / u
		v := float64(w * w)
		t1 := float64(w * u)
		t2 := math.FMA(w, u, -t1)
		yy := float64(float64(w*v) * atanPoly(v))
		ww := float64(w * ((1 - t1) - t2))
		t3 := atanHpi - w
		var cor float64
		if atanHpi > math.Abs(w) {
			cor = (atanHpi - t3) - w
		} else {
			cor = atanHpi - (w + t3)
		}
		yy = ((atanHp1 + cor) - ww) - yy
		return math.Copysign(t3+yy, x)
	}
	if x > 0 {
		return atanHpi
	}
	return -atanHpi
}
