package interp

import (
	"math/big"
	"math/rand/v2"
	"slices"
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

// TestGCDBigLehmer checks gcdBig (Lehmer's steps applied in one pass)
// against math/big's GCD on numbers of many words: equal and different
// lengths, large common factors, powers of two, and quotients too large
// for the leading words (Fibonacci-like pairs give the longest runs of
// small quotients).
func TestGCDBigLehmer(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	num := func(words int) *big.Int {
		w := make([]big.Word, words)
		for i := range w {
			w[i] = big.Word(rng.Uint64())
			switch rng.IntN(8) {
			case 0:
				w[i] = 0
			case 1:
				w[i] = ^big.Word(0)
			}
		}
		x := new(big.Int).SetBits(w)
		x.Rsh(x, uint(rng.IntN(64)))
		if rng.IntN(3) == 0 {
			x.Neg(x)
		}
		return x
	}
	check := func(a, b *big.Int) {
		t.Helper()
		a0, b0 := new(big.Int).Set(a), new(big.Int).Set(b)
		want := new(big.Int).GCD(nil, nil, new(big.Int).Abs(a), new(big.Int).Abs(b))
		got := gcdBig(a, b)
		if got.Cmp(want) != 0 {
			t.Fatalf("gcd(%v, %v) = %v, want %v", a, b, got, want)
		}
		if a.Cmp(a0) != 0 || b.Cmp(b0) != 0 {
			t.Fatalf("gcd(%v, %v) changed its arguments", a0, b0)
		}
		v, err := mathGCD(nil, []Val{normBig(new(big.Int).Set(a)), normBig(new(big.Int).Set(b)), IntVal(0)}, nil)
		if g, _ := toBig(v); err != nil || g.Cmp(want) != 0 {
			t.Fatalf("math.gcd(%v, %v, 0) = %v, %v, want %v", a, b, g, err, want)
		}
	}
	fa, fb := big.NewInt(1), big.NewInt(1)
	for range 400 {
		fa.Add(fa, fb)
		fa, fb = fb, fa
		check(fb, fa)
		check(new(big.Int).Lsh(fb, 67), new(big.Int).Lsh(fa, 3))
	}
	for range 20000 {
		la := 1 + rng.IntN(30)
		lb := la
		switch rng.IntN(3) {
		case 0:
			lb = 1 + rng.IntN(30)
		case 1:
			lb = max(1, la-rng.IntN(2))
		}
		a, b := num(la), num(lb)
		if rng.IntN(2) == 0 {
			g := num(1 + rng.IntN(6))
			a.Mul(a, g)
			b.Mul(b, g)
		}
		if rng.IntN(8) == 0 {
			b.Set(a)
		}
		check(a, b)
	}
	for range 50 {
		check(num(100+rng.IntN(100)), num(100+rng.IntN(100)))
	}
}

// TestMulSub checks mulSub (assembly on amd64) against mulSubGo, aliased
// and not, on differences of products with carries in every word.
func TestMulSub(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		n := rng.IntN(9)
		m1, m2 := rng.Uint64()>>32, rng.Uint64()>>32
		x1, x2 := make([]big.Word, n), make([]big.Word, n)
		for i := range n {
			x1[i], x2[i] = big.Word(rng.Uint64()), big.Word(rng.Uint64())
			if rng.IntN(4) == 0 {
				x1[i], x2[i] = ^big.Word(0), ^big.Word(0)
			}
		}
		// Make m1·x1 ≥ m2·x2, as the callers know it is.
		v1 := new(big.Int).Mul(new(big.Int).SetUint64(m1), new(big.Int).SetBits(append([]big.Word(nil), x1...)))
		v2 := new(big.Int).Mul(new(big.Int).SetUint64(m2), new(big.Int).SetBits(append([]big.Word(nil), x2...)))
		if v1.Cmp(v2) < 0 {
			m1, m2 = m2, m1
			x1, x2 = x2, x1
			v1, v2 = v2, v1
		}
		want := make([]big.Word, n)
		mulSubGo(want, x1, x2, m1, m2)
		diff := new(big.Int).Sub(v1, v2)
		diff.And(diff, new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(64*n)), big.NewInt(1)))
		if new(big.Int).SetBits(append([]big.Word(nil), want...)).Cmp(diff) != 0 {
			t.Fatalf("mulSubGo(%x, %x, %d, %d) = %x, want %x", x1, x2, m1, m2, want, diff)
		}
		got := make([]big.Word, n)
		mulSub(got, x1, x2, m1, m2)
		if !slices.Equal(got, want) {
			t.Fatalf("mulSub(%x, %x, %d, %d) = %x, want %x", x1, x2, m1, m2, got, want)
		}
		mulSub(x1, x1, x2, m1, m2)
		if !slices.Equal(x1, want) {
			t.Fatalf("mulSub into x1 = %x, want %x", x1, want)
		}
	}
}
