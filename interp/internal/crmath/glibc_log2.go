package crmath

import "math"

// glibc 2.36's log2, step for step (the design of its log,
// glibc_explog.go, with a 64-entry table; the FMA variant's fused
// products read from __log2_fma), so that math.log2 gives CPython's bits.

const (
	log2InvLn2hi = 0x1.7154765200000p0 // 1/ln2 in two parts
	log2InvLn2lo = 0x1.705fc2eefa200p-33
)

var (
	log2A = [6]float64{-0x1.71547652b8339p-1, 0x1.ec709dc3a04bep-2, -0x1.7154764702ffbp-2, 0x1.2776c50034c48p-2, -0x1.ec7b328ea92bcp-3, 0x1.a6225e117f92ep-3}
	log2B = [10]float64{-0x1.71547652b82fep-1, 0x1.ec709dc3a03f7p-2, -0x1.71547652b7c3fp-2, 0x1.2776c50f05be4p-2, -0x1.ec709dd768fe5p-3,
		0x1.a61761ec4e736p-3, -0x1.7153fbc64a79bp-3, 0x1.484d154f01b4ap-3, -0x1.289e4a72c383cp-3, 0x1.0b32f285aee66p-3}
)

// Log2 is glibc 2.36's log2(x) for x > 0; other x as math.Log2 (the
// caller raises CPython's errors).
func Log2(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) {
		return math.Log2(x)
	}
	ix := math.Float64bits(x)
	const lo, hi = 0x3feea4af00000000, 0x3ff0b55900000000 // 1 - 0x1.5b51p-5, 1 + 0x1.6ab2p-5
	if ix-lo < hi-lo {
		if x == 1 {
			return 0
		}
		return log2Near1(x)
	}
	if ix>>52 == 0 { // subnormal: normalize
		ix = math.Float64bits(x*0x1p52) - 52<<52
	}
	i, kd, z := logReduce(ix, logOFF, 6)
	e := &log2Tab[i]
	A := &log2A
	var r, t1, t2 float64
	if glibcFMA {
		r = math.FMA(z, e.invc, -1)
		t1 = float64(r * log2InvLn2hi)
		t2 = math.FMA(r, log2InvLn2lo, math.FMA(r, log2InvLn2hi, -t1))
	} else {
		r = float64((z - e.chi - e.clo) * e.invc)
		rhi := math.Float64frombits(math.Float64bits(r) & (1<<64 - 1<<32))
		rlo := r - rhi
		t1 = float64(rhi * log2InvLn2hi)
		t2 = float64(rlo*log2InvLn2hi) + float64(r*log2InvLn2lo)
	}
	t3 := kd + e.logc
	h := t3 + t1
	l := t3 - h + t1 + t2
	r2 := float64(r * r)
	r4 := float64(r2 * r2)
	if glibcFMA {
		p := math.FMA(math.FMA(r, A[5], A[4]), r4, math.FMA(math.FMA(r, A[3], A[2]), r2, math.FMA(r, A[1], A[0])))
		return math.FMA(r2, p, l) + h
	}
	p := A[0] + float64(r*A[1]) + float64(r2*(A[2]+float64(r*A[3]))) + float64(r4*(A[4]+float64(r*A[5])))
	return l + float64(r2*p) + h
}

// log2Near1 is log2(x) for x within about 1/23 of 1: r/ln2 in
// double-double plus a polynomial.
func log2Near1(x float64) float64 {
	B := &log2B
	r := x - 1
	var h, l float64
	if glibcFMA {
		h = float64(r * log2InvLn2hi)
		l = math.FMA(r, log2InvLn2lo, math.FMA(log2InvLn2hi, r, -h))
	} else {
		rhi := math.Float64frombits(math.Float64bits(r) & (1<<64 - 1<<32))
		rlo := r - rhi
		h = float64(rhi * log2InvLn2hi)
		l = float64(rlo*log2InvLn2hi) + float64(r*log2InvLn2lo)
	}
	r2 := float64(r * r)
	r4 := float64(r2 * r2)
	if glibcFMA {
		q := math.FMA(r, B[1], B[0])
		y := math.FMA(q, r2, h)
		l += math.FMA(q, r2, h-y)
		s := math.FMA(math.FMA(r, B[9], B[8]), r2, math.FMA(r, B[7], B[6]))
		s = math.FMA(s, r4, math.FMA(math.FMA(r, B[5], B[4]), r2, math.FMA(r, B[3], B[2])))
		l = math.FMA(s, r4, l)
		return y + l
	}
	p := float64(r2 * (B[0] + float64(r*B[1])))
	y := h + p
	l += h - y + p
	l += float64(r4 * (B[2] + float64(r*B[3]) + float64(r2*(B[4]+float64(r*B[5]))) +
		float64(r4*(B[6]+float64(r*B[7])+float64(r2*(B[8]+float64(r*B[9])))))))
	return y + l
}
