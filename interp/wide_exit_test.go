package interp

import (
	"math/big"
	"testing"
)

// TestWide128RoundTrip: to128 and VM.from128 (a trace's entry and exit of a
// 128-bit slot) give back the int they were handed, at the edges of int64
// and of 128 bits, and from128's big ints own their digits (newBigInt's buf
// is not shared with the next one).
func TestWide128RoundTrip(t *testing.T) {
	vm := &VM{}
	one := big.NewInt(1)
	var cases []*big.Int
	for _, k := range []uint{0, 1, 62, 63, 64, 65, 100, 126, 127} {
		p := new(big.Int).Lsh(one, k)
		cases = append(cases, p, new(big.Int).Sub(p, one), new(big.Int).Neg(p), new(big.Int).Neg(new(big.Int).Sub(p, one)))
	}
	cases = append(cases, new(big.Int).Neg(new(big.Int).Lsh(one, 127)))
	var made []Val
	for _, want := range cases {
		hi, lo, ok := to128(want)
		if !ok {
			if want.BitLen() <= 127 {
				t.Errorf("to128(%v): not ok", want)
			}
			continue
		}
		got := vm.from128(hi, lo)
		made = append(made, got)
		if s := intText(got); s != want.String() {
			t.Errorf("from128(to128(%v)) = %s", want, s)
		}
	}
	// Each big int keeps its own value once the next is made.
	k := 0
	for _, want := range cases {
		if _, _, ok := to128(want); !ok {
			continue
		}
		if s := intText(made[k]); s != want.String() {
			t.Errorf("later, %v reads %s", want, s)
		}
		k++
	}
}

// intText is an int value's decimal text.
func intText(v Val) string {
	if v.T == tagInt {
		return big.NewInt(int64(v.B)).String()
	}
	if b, ok := v.O.(*BigInt); ok && v.T == tagObject {
		if b.v.IsInt64() {
			return "unnormalized " + b.v.String()
		}
		return b.v.String()
	}
	return "not an int"
}
