package crmath

import "math"

// glibc 2.36's atan2 (IBM's e_atan2.c without its old slow paths), step
// for step: u = min(|x|,|y|)/max(|x|,|y|) as a double plus its error du,
// then atan's polynomial below 1/16 or the Taylor expansion around atan's
// table points (atanTab: glibc's atan2 has its own copy of the same
// table), added to or taken from pi/2 or pi by quadrant. The FMA
// variant's fused products were read from __ieee754_atan2_fma.

const (
	atan2Pi  = 0x1.921fb54442d18p1 // pi in two parts
	atan2Pi1 = 0x1.1a62633145c07p-53
)

// exactSum is glibc's EADD: z = a + b and its rounding error.
func exactSum(a, b float64) (z, zz float64) {
	z = a + b
	if math.Abs(a) > math.Abs(b) {
		return z, (a - z) + b
	}
	return z, (b - z) + a
}

// exactDiff is glibc's ESUB: z = a - b and its rounding error.
func exactDiff(a, b float64) (z, zz float64) {
	z = a - b
	if math.Abs(a) > math.Abs(b) {
		return z, (a - z) - b
	}
	return z, a - (b + z)
}

// Atan2 is glibc 2.36's atan2(y, x), with C99's special cases (as
// CPython's m_atan2 has them).
func Atan2(y, x float64) float64 {
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) || x == 0 || y == 0 {
		return math.Atan2(y, x)
	}
	const ep = 57 << 20 // exponents 57 apart: the quotient is beyond atan's reach
	de := int32(math.Float64bits(y)>>32&0x7ff00000) - int32(math.Float64bits(x)>>32&0x7ff00000)
	ax, ay := math.Abs(x), math.Abs(y)
	switch {
	case de >= ep:
		if y > 0 {
			return atanHpi
		}
		return -atanHpi
	case de <= -ep:
		if x > 0 {
			return math.Copysign(ay/ax, y)
		}
		if y > 0 {
			return atan2Pi
		}
		return -atan2Pi
	}
	if ax < 0x1p-500 || ay < 0x1p-500 {
		ax *= 0x1p500
		ay *= 0x1p500
	}
	if ax > 0x1p500 || ay > 0x1p500 {
		ax *= 0x1p-500
		ay *= 0x1p-500
	}
	// u = a/b, du = (a - b*u)/b with b*u exact as a double-double.
	a, b := ay, ax
	if ay >= ax {
		a, b = ax, ay
	}
	u := a / b
	v := float64(b * u)
	vv := math.FMA(b, u, -v)
	du := ((a - v) - vv) / b

	var z float64
	switch {
	case x > 0 && ay < ax: // atan(u)
		if u < atanB {
			v := float64(u * u)
			p := atanPoly(v)
			var zz float64
			if glibcFMA {
				zz = math.FMA(float64(u*v), p, du)
			} else {
				zz = float64(float64(u*v)*p) + du
			}
			z = u + zz
			break
		}
		i := int(float64(u*256)+0x1p52-0x1p52) - 16
		row := &atanTab[i]
		v, dv := exactSum(u-row[0], du)
		var zz float64
		if glibcFMA {
			p := math.FMA(v, math.FMA(v, math.FMA(v, row[6], row[5]), row[4]), row[3])
			zz = math.FMA(v, row[2], math.FMA(dv, row[2], float64(float64(v*v)*p)))
		} else {
			p := row[3] + float64(v*(row[4]+float64(v*(row[5]+float64(v*row[6])))))
			zz = float64(v*row[2]) + (float64(dv*row[2]) + float64(float64(v*v)*p))
		}
		z = row[1] + zz
	case x > 0: // pi/2 - atan(u)
		z = atan2Sub(atanHpi, atanHp1, u, du)
	case ax < ay: // pi/2 + atan(u)
		if u < atanB {
			v := float64(u * u)
			zz := float64(float64(u*v) * atanPoly(v))
			t2, cor := exactSum(atanHpi, u)
			z = t2 + (((atanHp1 + cor) + du) + zz)
			break
		}
		row, v, p := atanRow(u, du)
		var zz float64
		if glibcFMA {
			zz = math.FMA(v, p, atanHp1)
		} else {
			zz = atanHp1 + float64(v*p)
		}
		z = (atanHpi + row[1]) + zz
	default: // pi - atan(u)
		z = atan2Sub(atan2Pi, atan2Pi1, u, du)
	}
	return math.Copysign(z, y)
}

// atan2Sub is (c + c1) - atan(u + du), c + c1 being pi/2 or pi.
func atan2Sub(c, c1, u, du float64) float64 {
	if u < atanB {
		v := float64(u * u)
		zz := float64(float64(u*v) * atanPoly(v))
		t2, cor := exactDiff(c, u)
		return t2 + (((c1 + cor) - du) - zz)
	}
	row, v, p := atanRow(u, du)
	var zz float64
	if glibcFMA {
		zz = math.FMA(-v, p, c1)
	} else {
		zz = c1 - float64(v*p)
	}
	return (c - row[1]) + zz
}
