package interp

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestWideArithAgreesWithBigArith checks the two-word fast path against
// math/big's (bigArith) on the edges of one and two words and on random
// operands: the same answer, or no answer (left to bigArith).
func TestWideArithAgreesWithBigArith(t *testing.T) {
	var edges []*big.Int
	for _, s := range []string{"0", "1", "2", "3", "7", "11", "63", "64", "127", "128", "129",
		"9223372036854775807", "9223372036854775808", "18446744073709551615",
		"18446744073709551616", "18446744073709551617", "6364136223846793005",
		"1442695040888963407", "170141183460469231731687303715884105727",
		"170141183460469231731687303715884105728", "340282366920938463463374607431768211455",
		"340282366920938463463374607431768211456", "79228162514264337593543950336"} {
		x, _ := new(big.Int).SetString(s, 10)
		edges = append(edges, x, new(big.Int).Neg(x))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		x := new(big.Int).SetUint64(r.Uint64())
		x.Lsh(x, uint(r.IntN(66)))
		if r.IntN(2) == 0 {
			x.Neg(x)
		}
		edges = append(edges, x)
	}
	val := func(x *big.Int) Val {
		if x.IsInt64() {
			return IntVal(x.Int64())
		}
		b := &BigInt{}
		b.v.Set(x)
		return ObjVal(b)
	}
	asInt := func(v Val) string {
		if b, ok := v.O.(*BigInt); ok && v.T == tagObject {
			if b.v.IsInt64() {
				t.Fatalf("big int %s in int64 range", b.v.String())
			}
			return b.v.String()
		}
		if v.T != tagInt {
			t.Fatalf("not an int: %v", v)
		}
		return big.NewInt(int64(v.B)).String()
	}
	ops := []Op{opAdd, opSub, opMul, opFloorDiv, opMod, opRshift, opBitAnd, opBitOr, opBitXor}
	answered := 0
	for _, op := range ops {
		for i, x := range edges {
			for j, y := range edges {
				if (i*7+j)%3 != 0 && i > 46 && j > 46 {
					continue // a third of the random pairs
				}
				got, ok := (*VM)(nil).wideArith(op, val(x), val(y))
				if !ok {
					continue
				}
				answered++
				want, err := (*VM)(nil).bigArith(op, new(big.Int).Set(x), new(big.Int).Set(y))
				if err != nil {
					t.Fatalf("%s %s %s: wide answered %s, big raised %v", x, opSymbols[op], y, asInt(got), err)
				}
				if g, w := asInt(got), asInt(want); g != w {
					t.Errorf("%s %s %s = %s, want %s", x, opSymbols[op], y, g, w)
				}
			}
		}
	}
	if answered < 10000 {
		t.Errorf("the fast path answered only %d cases", answered)
	}
}
