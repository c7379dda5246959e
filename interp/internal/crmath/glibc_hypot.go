package crmath

import "math"

// glibc 2.35+'s hypot (e_hypot.c: Borges' "An Improved Algorithm for
// hypot(a,b)", his MyHypot3 correction), step for step: sqrt(x*x + y*y)
// rounded, then corrected by an estimate of its error, with |x| and |y|
// scaled by 2**600 when one is huge or tiny. Compiled without FMA in both
// of glibc's variants (there is one hypot). CPython calls it for
// abs(complex) and the cmath functions; math.hypot is its own (Hypot).

// hypotKernel is hypot(ax, ay) for ax >= ay whose squares (and their
// difference's) stay normal.
func hypotKernel(ax, ay float64) float64 {
	h := math.Sqrt(float64(ax*ax) + float64(ay*ay))
	var t1, t2 float64
	if h <= 2*ay {
		d := h - ay
		t1 = float64(ax * (2*d - ax))
		t2 = float64((d - 2*(ax-ay)) * d)
	} else {
		d := h - ax
		t1 = float64(2 * d * (ax - 2*ay))
		t2 = float64(float64((4*d-ay)*ay) + float64(d*d))
	}
	return h - (t1+t2)/(2*h)
}

// CHypot is glibc 2.36's hypot(x, y): any infinity gives inf, else any NaN
// NaN.
func CHypot(x, y float64) float64 {
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return math.Inf(1)
	}
	if math.IsNaN(x) || math.IsNaN(y) {
		return x + y
	}
	ax, ay := math.Abs(x), math.Abs(y)
	if ax < ay {
		ax, ay = ay, ax
	}
	switch {
	case ax > 0x1p511:
		if ay <= float64(ax*0x1p-54) {
			return ax + ay
		}
		return hypotKernel(ax*0x1p-600, ay*0x1p-600) * 0x1p600
	case ay < 0x1p-459:
		if ax >= float64(ay*0x1p54) {
			return ax + ay
		}
		return hypotKernel(ax*0x1p600, ay*0x1p600) * 0x1p-600
	case ay <= float64(ax*0x1p-54):
		return ax + ay
	}
	return hypotKernel(ax, ay)
}
