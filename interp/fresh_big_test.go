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
	p70 := new(big.Int).Lsh(big.NewInt(1), 70)
	p64 := new(big.Int).Lsh(big.NewInt(1), 64)
	cases := []struct {
		name string
		op   Op
		a, b Val
		want int64
	}{
		{"2**70 >> 11", opRshift, bigVal(p70), IntVal(11), 1 << 59},
		{"(2**70 + 5) % 2**64 (a mask)", opMod, bigVal(new(big.Int).Add(p70, big.NewInt(5))), bigVal(p64), 5},
		{"(2**70 + 5) % 7", opMod, bigVal(new(big.Int).Add(p70, big.NewInt(5))), IntVal(7), (1<<70 + 5) % 7},
		{"2**70 // 2**12", opFloorDiv, bigVal(p70), IntVal(1 << 12), 1 << 58},
		{"2**70 - (2**70 - 3)", opSub, bigVal(p70), bigVal(new(big.Int).Sub(p70, big.NewInt(3))), 3},
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
		next, err := vm.binop(opMul, bigVal(p70), IntVal(3))
		want := new(big.Int).Mul(p70, big.NewInt(3))
		if b, ok := next.O.(*BigInt); err != nil || !ok || b.v.Cmp(want) != 0 {
			t.Errorf("%s: then 2**70 * 3 = %v (%v)", c.name, next, err)
		}
		if vm.fbig.n != pooled-1 {
			t.Errorf("%s: the next result did not take the pooled int", c.name)
		}
	}
}
