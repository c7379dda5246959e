package crmath

import "math"

// glibc 2.36's exp2, step for step: exp's table (expTab) with its own
// shift and polynomial. glibc builds it once, without FMA (no ifunc
// variants), so every product here is rounded.

const (
	exp2Shift = 0x1.8p45 // 0x1.8p52/128: rounds x to a multiple of 1/128
	exp2C1    = 0x1.62e42fefa39efp-1
	exp2C2    = 0x1.ebfbdff82c424p-3
	exp2C3    = 0x1.c6b08d70cf4b5p-5
	exp2C4    = 0x1.3b2abd24650ccp-7
	exp2C5    = 0x1.5d7e09b4e3a84p-10
)

// Exp2 is glibc 2.36's exp2(x).
func Exp2(x float64) float64 {
	ix := math.Float64bits(x)
	abstop := ix >> 52 & 0x7ff
	special := false
	if abstop-0x3c9 >= 0x3f { // |x| < 2**-54 or |x| >= 512 or not finite
		if abstop < 0x3c9 {
			return 1 + x
		}
		if abstop >= 0x409 {
			switch {
			case x == math.Inf(-1):
				return 0
			case abstop == 0x7ff:
				return 1 + x
			case ix>>63 == 0:
				return math.Inf(1)
			case ix >= math.Float64bits(-1075):
				return 0
			}
		}
		special = 2*ix > 2*math.Float64bits(928)
	}
	kd := x + exp2Shift
	ki := math.Float64bits(kd)
	kd -= exp2Shift
	r := x - kd
	idx := 2 * (ki % 128)
	top := ki << 45
	tail := math.Float64frombits(expTab[idx])
	sbits := expTab[idx+1] + top
	r2 := float64(r * r)
	tmp := tail + float64(r*exp2C1) + float64(r2*(exp2C2+float64(r*exp2C3))) + float64(float64(r2*r2)*(exp2C4+float64(r*exp2C5)))
	if special {
		if ki&0x80000000 == 0 {
			// k > 0: the scale's exponent may have overflowed by 1.
			scale := math.Float64frombits(sbits - 1<<52)
			y := scale + float64(scale*tmp)
			return 2 * y
		}
		return expSubnormal(tmp, sbits)
	}
	scale := math.Float64frombits(sbits)
	return scale + float64(scale*tmp)
}
