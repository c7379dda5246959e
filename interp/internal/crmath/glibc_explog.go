package crmath

import "math"

// glibc 2.36's exp and log, step for step (the same design as its pow,
// glibc_pow.go; the FMA variant's fused products read from __exp_fma and
// __log_fma), so that math.exp and math.log give CPython's bits.

// Exp is glibc 2.36's exp(x).
func Exp(x float64) float64 {
	if math.IsNaN(x) {
		return x + 1
	}
	// exp is pow's exp with no tail and no sign; only the special
	// cases' paths differ, to the same results.
	return expInline(x, 0, 0)
}

// log's constants: ln2 in two parts (the first with 42 bits), the
// polynomial for log1p(r) - r on the table's subintervals, and the one
// for log(x) - (x-1) near 1 (B[0] = -1/2), from glibc's data.
const (
	logLn2hi = 0x1.62e42fefa3800p-1
	logLn2lo = 0x1.ef35793c76730p-45
	logOFF   = 0x3fe6000000000000
)

var (
	logA = [5]float64{-0x1.0000000000001p-1, 0x1.555555551305bp-2, -0x1.fffffffeb4590p-3, 0x1.999b324f10111p-3, -0x1.55575e506c89fp-3}
	logB = [11]float64{-0x1p-1, 0x1.5555555555577p-2, -0x1.ffffffffffdcbp-3, 0x1.999999995dd0cp-3, -0x1.55555556745a7p-3,
		0x1.24924a344de30p-3, -0x1.fffffa4423d65p-4, 0x1.c7184282ad6cap-4, -0x1.999eb43b068ffp-4, 0x1.78182f7afd085p-4, -0x1.5521375d145cdp-4}
)

// logReduce splits the bits ix of a positive normal x as glibc's log,
// log2 and pow do: x = 2**k * z with z in [off, 2*off), and i the table
// subinterval of z, read from the top tableBits bits of its mantissa.
func logReduce(ix, off uint64, tableBits uint) (i uint64, k, z float64) {
	tmp := ix - off
	i = tmp >> (52 - tableBits) % (1 << tableBits)
	k = float64(int64(tmp) >> 52)
	z = math.Float64frombits(ix - tmp&(0xfff<<52))
	return i, k, z
}

// Log is glibc 2.36's log(x) for x > 0; other x as math.Log (the caller
// raises CPython's errors).
func Log(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) {
		return math.Log(x)
	}
	ix := math.Float64bits(x)
	const lo, hi = 0x3fee000000000000, 0x3ff1090000000000 // 1 - 2**-4, 1 + 0x1.09p-4
	if ix-lo < hi-lo {
		if x == 1 {
			return 0
		}
		return logNear1(x)
	}
	if ix>>52 == 0 { // subnormal: normalize
		ix = math.Float64bits(x*0x1p52) - 52<<52
	}
	i, kd, z := logReduce(ix, logOFF, 7)
	e := &glibcLogTab[i]
	A := &logA
	if glibcFMA {
		r := math.FMA(z, e.invc, -1)
		w := math.FMA(kd, logLn2hi, e.logc)
		h := w + r
		l := math.FMA(kd, logLn2lo, w-h+r)
		r2 := float64(r * r)
		p := math.FMA(math.FMA(r, A[4], A[3]), r2, math.FMA(r, A[2], A[1]))
		return math.FMA(float64(r*r2), p, math.FMA(r2, A[0], l)) + h
	}
	r := float64((z - e.chi - e.clo) * e.invc)
	w := float64(kd*logLn2hi) + e.logc
	h := w + r
	l := w - h + r + float64(kd*logLn2lo)
	r2 := float64(r * r)
	p := A[1] + float64(r*A[2]) + float64(r2*(A[3]+float64(r*A[4])))
	return l + float64(r2*A[0]) + float64(float64(r*r2)*p) + h
}

// logNear1 is log(x) for x within about 1/16 of 1, by a degree-12
// polynomial in r = x - 1 whose first terms are summed in double-double.
func logNear1(x float64) float64 {
	B := &logB
	r := x - 1
	r2 := float64(r * r)
	r3 := float64(r * r2)
	if glibcFMA {
		p := math.FMA(r, B[2], B[1])
		q := math.FMA(r, B[5], B[4])
		s := math.FMA(r, B[8], B[7])
		p = math.FMA(r2, B[3], p)
		q = math.FMA(r2, B[6], q)
		s = math.FMA(r2, B[9], s)
		s = math.FMA(r3, B[10], s)
		q = math.FMA(s, r3, q)
		p = math.FMA(q, r3, p)
		// rhi: r's top 26 bits (r + w - w, w = r*2**27, both products fused)
		rhi := math.FMA(-0x1p27, r, math.FMA(r, 0x1p27, r))
		rlo := r - rhi
		rr := float64(rhi * rhi)
		h := math.FMA(rr, B[0], r)
		l := math.FMA(rr, B[0], r-h)
		l = math.FMA(float64(B[0]*rlo), rhi+r, l)
		return h + math.FMA(p, r3, l)
	}
	y := float64(r3 * (B[1] + float64(r*B[2]) + float64(r2*B[3]) +
		float64(r3*(B[4]+float64(r*B[5])+float64(r2*B[6])+
			float64(r3*(B[7]+float64(r*B[8])+float64(r2*B[9])+float64(r3*B[10])))))))
	w := float64(r * 0x1p27)
	rhi := r + w - w
	rlo := r - rhi
	w = float64(float64(rhi*rhi) * B[0])
	h := r + w
	l := r - h + w
	l += float64(float64(B[0]*rlo) * (rhi + r))
	y += l
	return y + h
}
