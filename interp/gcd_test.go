package interp

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestMathGCDTwoWords checks math.gcd of ints up to and around 128 bits
// (gcdU128 and the paths around it) against math/big's GCD.
func TestMathGCDTwoWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	num := func() *big.Int {
		// A random common factor often, so the GCD is not always 1;
		// powers of two so the binary steps' shifts are exercised.
		x := new(big.Int).SetBits([]big.Word{big.Word(rng.Uint64()), big.Word(rng.Uint64()), big.Word(rng.Uint64() & 7)})
		x.Rsh(x, uint(rng.IntN(131)))
		if rng.IntN(4) == 0 {
			x.Lsh(x, uint(rng.IntN(70)))
		}
		if rng.IntN(3) == 0 {
			x.Neg(x)
		}
		return x
	}
	fixed := [][2]string{
		{"0", "0"}, {"0", "340282366920938463463374607431768211455"},
		{"340282366920938463463374607431768211455", "340282366920938463463374607431768211455"},
		{"18446744073709551616", "36893488147419103232"}, {"-9223372036854775808", "9223372036854775808"},
		{"170141183460469231731687303715884105728", "85070591730234615865843651857942052864"},
		{"340282366920938463463374607431768211456", "18446744073709551616"},
	}
	var pairs [][2]*big.Int
	for _, f := range fixed {
		a, _ := new(big.Int).SetString(f[0], 10)
		b, _ := new(big.Int).SetString(f[1], 10)
		pairs = append(pairs, [2]*big.Int{a, b})
	}
	for range 20000 {
		a, b := num(), num()
		if rng.IntN(2) == 0 {
			g := num()
			a.Mul(a, g)
			b.Mul(b, g)
		}
		pairs = append(pairs, [2]*big.Int{a, b})
	}
	for _, p := range pairs {
		want := new(big.Int).GCD(nil, nil, new(big.Int).Abs(p[0]), new(big.Int).Abs(p[1]))
		got, err := mathGCD(nil, []Val{normBig(new(big.Int).Set(p[0])), normBig(new(big.Int).Set(p[1]))}, nil)
		if err != nil {
			t.Fatalf("gcd(%v, %v): %v", p[0], p[1], err)
		}
		g, _ := toBig(got)
		if g.Cmp(want) != 0 || (got.T == tagObject) != !want.IsInt64() {
			t.Fatalf("gcd(%v, %v) = %v (%v), want %v", p[0], p[1], g, got.T, want)
		}
	}
}
