package crmath

import (
	"math"
	"math/big"
)

// The tables of glibc 2.36's exp, log and pow (ARM's optimized-routines
// design), made from their definitions with 256-bit arithmetic. Making
// them takes milliseconds, so TestGlibcTablesMade writes them out (go generate) as
// glibc_tabdata.go; TestGlibcTables checks them against the data section
// of this machine's libm.so.6 when it is Debian 12's glibc 2.36.

//go:generate env CRMATH_GEN=1 go test -run ^TestGlibcTablesMade$ .

const tabPrec = 256

// bigLog is log(x) for x in [1/2, 2] to about 2**-250: 2*atanh(u), u =
// (x-1)/(x+1), by its series.
func bigLog(x float64) *big.Float {
	nf := func(v float64) *big.Float { return new(big.Float).SetPrec(tabPrec).SetFloat64(v) }
	u := new(big.Float).Quo(nf(x-1), nf(x+1)) // x-1 and x+1 are exact here
	u2 := new(big.Float).Mul(u, u)
	sum := nf(0)
	pow := new(big.Float).Set(u)
	for k := 1; ; k += 2 {
		term := new(big.Float).Quo(pow, nf(float64(k)))
		sum.Add(sum, term)
		if term.Sign() == 0 || term.MantExp(nil)-sum.MantExp(nil) < -tabPrec {
			break
		}
		pow.Mul(pow, u2)
	}
	return sum.Mul(sum, nf(2))
}

// bigExp2 is 2**(k/n), n a power of two, by repeated square roots.
func bigExp2(k, n int) *big.Float {
	// (SetMantExp takes its argument's precision.)
	v := new(big.Float).SetMantExp(big.NewFloat(1), k).SetPrec(tabPrec)
	for ; n > 1; n /= 2 {
		v = new(big.Float).SetPrec(tabPrec).Sqrt(v)
	}
	return v
}

// bigRound is v rounded to the nearest integer (as a float64; |v| <
// 2**53), ties away from zero.
func bigRound(v *big.Float) float64 {
	h := new(big.Float).SetPrec(tabPrec).SetFloat64(0.5)
	if v.Sign() < 0 {
		h.Neg(h)
	}
	i, _ := new(big.Float).SetPrec(tabPrec).Add(v, h).Int(nil)
	f, _ := new(big.Float).SetInt(i).Float64()
	return f
}

func f64(v *big.Float) float64 { f, _ := v.Float64(); return f }

// powLogEntry is one subinterval of pow's log: z near c, 1/c = invc with
// few bits (so z*invc - 1 is exact), log(c) = logc + logctail with logc
// a multiple of 2**-43.
type powLogEntry struct{ invc, logc, logctail float64 }

// powLogOff is the bits of the start of pow's log's reduced range, about
// sqrt(1/2); the 128 subintervals are the next 7 bits after it.
const powLogOff = 0x3fe6955500000000

func mkPowLogTab() (t [128]powLogEntry) {
	for i := range t {
		a := math.Float64frombits(powLogOff + uint64(i)<<45)
		b := math.Float64frombits(powLogOff + uint64(i+1)<<45)
		c := (a + b) / 2
		var invc float64
		if c < 1 {
			invc = math.Round(128/c) / 128
		} else {
			invc = math.Round(256/c) / 256
		}
		l := bigLog(invc)
		l.Neg(l) // log(c)
		logc := math.Ldexp(bigRound(new(big.Float).SetMantExp(l, 43)), -43)
		tail := new(big.Float).Sub(l, new(big.Float).SetFloat64(logc))
		t[i] = powLogEntry{invc, logc, f64(tail) + 0} // +0, not -0, when c = 1
	}
	return
}

// expTab holds 2**(j/128) = scale * (1 + tail) as glibc stores it: tail's
// bits at 2j, and scale's bits less j<<45 at 2j+1 (so that adding k<<45
// for any k = j mod 128 gives 2**(k/128)'s scale).

func mkExpTab() (t [256]uint64) {
	for j := 0; j < 128; j++ {
		v := bigExp2(j, 128)
		h := f64(v)
		d := new(big.Float).Sub(v, new(big.Float).SetFloat64(h))
		d.Quo(d, new(big.Float).SetFloat64(h))
		t[2*j] = math.Float64bits(f64(d))
		t[2*j+1] = math.Float64bits(h) - uint64(j)<<45
	}
	return
}

// logEntry is one subinterval of log: 1/c, log(c) rounded to a multiple
// of 2**-43 (glibc chose c to make that close), and c = chi + clo for the
// variant without FMA.
type logEntry struct{ invc, logc, chi, clo float64 }

func mkLogTab() (t [128]logEntry) {
	for i, invc := range logInvc {
		l := bigLog(invc)
		c := new(big.Float).SetPrec(tabPrec).Quo(new(big.Float).SetPrec(tabPrec).SetFloat64(1), new(big.Float).SetFloat64(invc))
		chi := f64(c)
		clo := f64(new(big.Float).Sub(c, new(big.Float).SetFloat64(chi)))
		l.Neg(l)
		logc := math.Ldexp(bigRound(new(big.Float).SetMantExp(l, 43)), -43)
		t[i] = logEntry{invc, logc, chi, clo}
	}
	return
}

// mkSincosTab makes sin's and cos's table (sincosTab, glibc's
// __sincostab) as it should be: for i/128, i < 110, sin and cos each as a
// double and the double nearest the rest.
func mkSincosTab() (t [440]float64) {
	for i := 0; i < 110; i++ {
		s, c := bigSinCos(float64(i) / 128)
		for j, v := range []*big.Float{s, c} {
			hi := f64(v)
			t[4*i+2*j] = hi
			t[4*i+2*j+1] = f64(new(big.Float).Sub(v, new(big.Float).SetFloat64(hi))) + 0
		}
	}
	return
}

// bigSinCos is sin x and cos x for |x| < 1 by their series.
func bigSinCos(x float64) (s, c *big.Float) {
	nf := func(v float64) *big.Float { return new(big.Float).SetPrec(tabPrec).SetFloat64(v) }
	bx := nf(x)
	s, c = nf(0), nf(0)
	term := nf(1) // x**n/n!
	for n := 0; n < 80; n++ {
		switch n % 4 {
		case 0:
			c.Add(c, term)
		case 1:
			s.Add(s, term)
		case 2:
			c.Sub(c, term)
		case 3:
			s.Sub(s, term)
		}
		term = new(big.Float).SetPrec(tabPrec).Mul(term, bx)
		term.Quo(term, nf(float64(n+1)))
	}
	return s, c
}

// mkLog2Tab makes log2's table from log2Invc: log2(c) rounded to a
// multiple of 2**-43 and c = chi + clo.
func mkLog2Tab() (t [64]logEntry) {
	ln2 := bigLog(2)
	for i, invc := range log2Invc {
		l := bigLog(invc)
		l.Quo(l, ln2)
		l.Neg(l) // log2(c)
		c := new(big.Float).SetPrec(tabPrec).Quo(new(big.Float).SetPrec(tabPrec).SetFloat64(1), new(big.Float).SetFloat64(invc))
		chi := f64(c)
		clo := f64(new(big.Float).Sub(c, new(big.Float).SetFloat64(chi)))
		logc := math.Ldexp(bigRound(new(big.Float).SetMantExp(l, 43)), -43) // as log's
		t[i] = logEntry{invc, logc, chi, clo}
	}
	// glibc's rest of c at 49 is one unit below the nearest double
	// (the only such one); copied as it is.
	t[49].clo = math.Nextafter(t[49].clo, 0)
	return
}
