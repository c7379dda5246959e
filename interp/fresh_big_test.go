package interp

import (
	"math/big"
	"testing"
)

// TestSmallResultOfBigArithmeticIsReused: a big-int operation whose result
// fits in an int returns a small int and gives the big int it computed in
// to the pool the next result is taken from, and that next result is
// right (the reused digits are overwritten).
func TestSmallResultOfBigArithmeticIsReused(t *testing.T) {
	// Operands past two words: smaller ones never make a big int
	// (int_wide.go).
	p200 := new(big.Int).Lsh(big.NewInt(1), 200)
	p192 := new(big.Int).Lsh(big.NewInt(1), 192)
	p150 := new(big.Int).Lsh(big.NewInt(1), 150)
	cases := []struct {
		name string
		op   Op
		a, b Val
		want int64
	}{
		{"2**200 >> 150", opRshift, bigVal(p200), IntVal(150), 1 << 50},
		{"(2**200 + 5) % 2**192 (a mask)", opMod, bigVal(new(big.Int).Add(p200, big.NewInt(5))), bigVal(p192), 5},
		{"(2**200 + 5) % 7", opMod, bigVal(new(big.Int).Add(p200, big.NewInt(5))), IntVal(7), new(big.Int).Mod(new(big.Int).Add(p200, big.NewInt(5)), big.NewInt(7)).Int64()},
		{"2**200 // 2**150", opFloorDiv, bigVal(p200), bigVal(p150), 1 << 50},
		{"2**200 - (2**200 - 3)", opSub, bigVal(p200), bigVal(new(big.Int).Sub(p200, big.NewInt(3))), 3},
	}
	for _, c := range cases {
		vm := &VM{}
		v, err := vm.binop(c.op, c.a, c.b)
		if err != nil || v.T != tagInt || int64(v.B) != c.want {
			t.Errorf("%s = %v (%v), want %d", c.name, v, err, c.want)
			continue
		}
		if vm.fbig.n == 0 {
			t.Errorf("%s: the big int it computed in was not given back", c.name)
			continue
		}
		// A pooled int serves the next result.
		pooled := vm.fbig.n
		next, err := vm.binop(opMul, bigVal(p200), IntVal(3))
		want := new(big.Int).Mul(p200, big.NewInt(3))
		if b, ok := next.O.(*BigInt); err != nil || !ok || b.v.Cmp(want) != 0 {
			t.Errorf("%s: then 2**200 * 3 = %v (%v)", c.name, next, err)
		}
		if vm.fbig.n != pooled-1 {
			t.Errorf("%s: the next result did not take the pooled int", c.name)
		}
	}
}
