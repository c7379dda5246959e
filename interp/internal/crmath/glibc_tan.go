package crmath

import "math"

// glibc 2.36's tan (IBM's s_tan.c without its old slow paths), step for
// step: below 0.0608 an odd polynomial; up to 0.787 the table point x_i
// nearest and tan(x_i + z) = tan x_i + p(z)(tan x_i + cot x_i)/(cot x_i
// - p(z)), p(z) a short approximation of tan z; beyond, x less a multiple
// of pi/2 (two Cody-Waite splits up to 1e8, then __branred) into the same
// two formulas, for -cot where the multiple is odd. The FMA variant's
// fused products were read from __tan_fma.

const (
	tanG1   = 0x1.b096cp-27 // below: tan x = x
	tanG2   = 0x1.f212dp-5  // 0.0608: the polynomial's limit
	tanG3   = 0x1.92f1ap-1  // 0.787: the table's
	tanG4   = 25
	tanG5   = 0x1.7d784p26 // 1e8
	tanD3   = 0x1.5555555555555p-2
	tanD5   = 0x1.11111111107c6p-3
	tanD7   = 0x1.ba1ba1cdb8745p-5
	tanD9   = 0x1.664ed49cfc666p-6
	tanD11  = 0x1.2385a3cf2e4eap-7
	tanE0   = 0x1.5555555554dbdp-2
	tanE1   = 0x1.11112e0a6b45fp-3
	tanMfft = -15.5 // rounds 256|x| - 15.5 down to the table row
	tanMp3  = -0x1.cb3b399d747f2p-55
)

// tanPoly is tan(a + da) - a for |a| <= 0.0608.
func tanPoly(a, da float64) float64 {
	a2 := float64(a * a)
	if glibcFMA {
		p := math.FMA(a2, math.FMA(a2, math.FMA(a2, math.FMA(a2, tanD11, tanD9), tanD7), tanD5), tanD3)
		return math.FMA(float64(a*a2), p, da)
	}
	t := tanD9 + float64(a2*tanD11)
	t = tanD7 + float64(a2*t)
	t = tanD5 + float64(a2*t)
	t = tanD3 + float64(a2*t)
	return da + float64(float64(a*a2)*t)
}

// tanRow is the table row for 0.0608 < y <= 0.787 and p(z), z = y - x_i
// + dy, the approximation of tan z.
func tanRow(y, dy float64) (row *[3]float64, pz float64) {
	row = &tanTab[int(float64(y*256)+tanMfft)]
	z := (y - row[0]) + dy
	z2 := float64(z * z)
	if glibcFMA {
		return row, math.FMA(float64(z*z2), math.FMA(z2, tanE1, tanE0), z)
	}
	return row, z + float64(float64(z*z2)*(tanE0+float64(z2*tanE1)))
}

// tanOfRow is tan(x_i + z) from its row and p(z).
func tanOfRow(row *[3]float64, pz float64) float64 {
	fi, gi := row[1], row[2]
	return fi + float64(pz*(gi+fi))/(gi-pz)
}

// tanReduced is tan(n*pi/2 + a + da).
func tanReduced(n int, a, da float64) float64 {
	ya, yya, sy := a, da, 1.0
	if a < 0 {
		ya, yya, sy = -a, -da, -1
	}
	if ya <= tanG2 {
		t2 := tanPoly(a, da)
		if n&1 == 0 {
			return a + t2
		}
		// -cot: -1/(b + db) in double-double, glibc's DIV2.
		b, db := exactSum(a, t2)
		c := 1 / b
		u := float64(c * b)
		uu := math.FMA(c, b, -u) // exact, as glibc's Dekker product
		var cc float64
		if glibcFMA {
			cc = math.FMA(-db, c, ((1-u)-uu)+0) / b
		} else {
			cc = ((((1 - u) - uu) + 0) - float64(c*db)) / b
		}
		z := c + cc
		zz := (c - z) + cc
		return -(z + zz)
	}
	row, pz := tanRow(ya, yya)
	if n&1 == 0 {
		return float64(sy * tanOfRow(row, pz))
	}
	fi, gi := row[1], row[2]
	y := gi - float64(pz*(fi+gi))/(fi+pz)
	return float64(-sy * y)
}

// Tan is glibc 2.36's tan(x).
func Tan(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x - x
	}
	w := math.Abs(x)
	switch {
	case w <= tanG1:
		return x
	case w <= tanG2:
		if glibcFMA { // x + x**3 p(x**2), one rounding
			x2 := float64(x * x)
			p := math.FMA(x2, math.FMA(x2, math.FMA(x2, math.FMA(x2, tanD11, tanD9), tanD7), tanD5), tanD3)
			return math.FMA(float64(x*x2), p, x)
		}
		return x + tanPoly(x, 0)
	case w <= tanG3:
		row, pz := tanRow(w, 0)
		s := 1.0
		if x < 0 {
			s = -1
		}
		return float64(s * tanOfRow(row, pz))
	case w <= tanG4:
		var t, xn, a, da float64
		if glibcFMA {
			t = math.FMA(x, scHpinv, scToint)
			xn = t - scToint
			t1 := math.FMA(-xn, scMp2, math.FMA(-xn, scMp1, x))
			a = math.FMA(-xn, tanMp3, t1)
			da = math.FMA(-xn, tanMp3, t1-a)
		} else {
			t = float64(x*scHpinv) + scToint
			xn = t - scToint
			t1 := (x - float64(xn*scMp1)) - float64(xn*scMp2)
			d := float64(xn * tanMp3)
			a = t1 - d
			da = (t1 - a) - d
		}
		return tanReduced(int(math.Float64bits(t)&1), a, da)
	case w <= tanG5:
		// The same three-part reduction sin and cos use.
		n, a, da := reduceSinCos(x)
		a, da = exactSum(a, da)
		return tanReduced(n&1, a, da)
	}
	n, a, da := branred(x)
	a, da = exactSum(a, da)
	return tanReduced(n, a, da)
}
