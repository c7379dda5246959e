package crmath

import (
	"math"
	"strconv"
)

// glibc 2.36's __branred (IBM's branred.c), step for step: the Payne-Hanek
// reduction glibc's sin, cos and tan use beyond 105414350 (tan: 1e8). x
// is split into two 26-bit halves; each is multiplied by six 24-bit
// digits of 2/pi chosen by its exponent (the products exact), the integer
// parts are dropped mod 4 and the fractions summed in double arithmetic;
// the fraction times pi/2 is the remainder. branred is compiled without
// FMA in both of glibc's variants.

// toverp are 2/pi's base-2**24 digits (glibc's toverp; its 75 go further
// than any double needs: 48 are read).
var toverp = func() [48]float64 {
	var d [48]float64
	for i := range d {
		v, err := strconv.ParseUint(twoOverPiHex[2+6*i:8+6*i], 16, 32)
		if err != nil {
			panic(err)
		}
		d[i] = float64(v)
	}
	return d
}()

const (
	brSplit = 0x1p27 + 1 // Dekker's splitter
	brBig   = 0x1.8p52   // adding it rounds to an integer
	brBig1  = 0x1.8p54   // adding it rounds to a multiple of 4
	brHp0   = 0x1.921fb54442d18p0
	brHp1   = 0x1.1a62633145c07p-54
	brMp1   = 0x1.921fb58000000p0
	brMp2   = -0x1.dde9740000000p-27
)

// branredHalf is one half's part: the integer part of x*2/pi near 0 mod 4
// (a multiple of 1 in (-2, 2]) and the fraction b + bb.
func branredHalf(x float64) (sum, b, bb float64) {
	k := (int(math.Float64bits(x)>>52&2047) - 450) / 24 // truncated, as in C
	if k < 0 {
		k = 0
	}
	gor := math.Float64frombits(math.Float64bits(0x1p576) - uint64(k*24)<<52)
	var r [6]float64
	for i := range r {
		r[i] = float64(float64(x*toverp[k+i]) * gor)
		gor = float64(gor * 0x1p-24)
	}
	for i := 0; i < 3; i++ {
		s := (r[i] + brBig) - brBig
		sum += s
		r[i] -= s
	}
	t := 0.0
	for i := 5; i >= 0; i-- {
		t += r[i]
	}
	bb = (((((r[0] - t) + r[1]) + r[2]) + r[3]) + r[4]) + r[5]
	s := (t + brBig) - brBig
	sum += s
	t -= s
	b = t + bb
	bb = (t - b) + bb
	s = (sum + brBig1) - brBig1
	sum -= s
	return sum, b, bb
}

// branred is x = n*pi/2 + (a + aa), |a + aa| <= pi/4, n mod 4.
func branred(x float64) (n int, a, aa float64) {
	x *= 0x1p-600
	t := float64(x * brSplit)
	x1 := t - (t - x)
	x2 := x - x1
	sum1, b1, bb1 := branredHalf(x1)
	sum2, b2, bb2 := branredHalf(x2)
	sum := sum1 + sum2
	b := b1 + b2
	var bb float64
	if math.Abs(b1) > math.Abs(b2) {
		bb = (b1 - b) + b2
	} else {
		bb = (b2 - b) + b1
	}
	if b > 0.5 {
		b -= 1
		sum += 1
	} else if b < -0.5 {
		b += 1
		sum -= 1
	}
	s := b + (bb + bb1 + bb2)
	t = ((b - s) + bb) + (bb1 + bb2)
	b = float64(s * brSplit)
	t1 := b - (b - s)
	t2 := s - t1
	b = float64(s * brHp0)
	bb = (((float64(t1*brMp1) - b) + float64(t1*brMp2)) + float64(t2*brMp1)) + (float64(t2*brMp2) + float64(s*brHp1) + float64(t*brHp0))
	s = b + bb
	t = (b - s) + bb
	return int(sum) & 3, s, t
}
