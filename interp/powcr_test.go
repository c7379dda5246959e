package interp

import (
	"math"
	"math/big"
	"math/rand"
	"testing"
)

// TestPowCorrectlyRounded: x ** n for integer n is the exact power
// rounded once (big.Rat's Float64 rounds correctly), and x ** (k/2) is the
// high-precision root's rounding; math.Pow misses a third of these.
func TestPowCorrectlyRounded(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	bad, badPow := 0, 0
	const n = 20000
	for i := 0; i < n; i++ {
		x := r.Float64() * 1000
		if x == 0 {
			continue
		}
		e := r.Intn(17) - 8
		if e == 0 {
			continue
		}
		var want float64
		half := i%2 == 1
		if half {
			// x ** (e/2) through a 400-bit square root.
			p := new(big.Float).SetPrec(400).SetFloat64(x)
			pw := new(big.Float).SetPrec(400).SetFloat64(1)
			for j := 0; j < abs(e); j++ {
				pw.Mul(pw, p)
			}
			pw.Sqrt(pw)
			if e < 0 {
				pw.Quo(new(big.Float).SetPrec(400).SetFloat64(1), pw)
			}
			want, _ = pw.Float64()
		} else {
			num := new(big.Rat).SetFloat64(x)
			pw := big.NewRat(1, 1)
			for j := 0; j < abs(e); j++ {
				pw.Mul(pw, num)
			}
			if e < 0 {
				pw.Inv(pw)
			}
			want, _ = pw.Float64()
		}
		y := float64(e)
		if half {
			y /= 2
		}
		if got := powFloat(x, y); got != want {
			bad++
			if bad < 5 {
				t.Errorf("%v ** %v = %v, want %v", x, y, got, want)
			}
		}
		if math.Pow(x, y) != want {
			badPow++
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d powers not correctly rounded", bad, n)
	}
	if badPow == 0 {
		t.Errorf("math.Pow rounded every power correctly: the test cannot tell")
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
