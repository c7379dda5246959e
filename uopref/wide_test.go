package uopref

import (
	"math/big"
	"testing"

	"github.com/copypatch/copypatch/templates"
)

// wideSamples are 128-bit ints around every boundary the wide uops care
// about: 0, ±1, the int64 and uint64 edges, 2^127's, and halves that
// overflow when multiplied.
func wideSamples() []*big.Int {
	var out []*big.Int
	add := func(x *big.Int) { out = append(out, x, new(big.Int).Neg(x)) }
	for _, e := range []uint{0, 1, 31, 32, 53, 62, 63, 64, 65, 100, 126, 127} {
		p := new(big.Int).Lsh(big.NewInt(1), e)
		add(p)
		add(new(big.Int).Sub(p, big.NewInt(1)))
		add(new(big.Int).Add(p, big.NewInt(3)))
	}
	add(big.NewInt(0))
	add(big.NewInt(6364136223846793005))
	add(new(big.Int).Lsh(big.NewInt(3037000500), 32))
	return out
}

var (
	two128   = new(big.Int).Lsh(big.NewInt(1), 128)
	min128   = new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 127))
	limit128 = new(big.Int).Lsh(big.NewInt(1), 127)
)

func fits128(x *big.Int) bool { return x.Cmp(min128) >= 0 && x.Cmp(limit128) < 0 }

// toWide is x's slot form (tag: high word, bits: low word).
func toWide(x *big.Int) V {
	m := new(big.Int).Mod(x, two128) // two's complement
	lo := new(big.Int).And(m, new(big.Int).SetUint64(1<<64-1)).Uint64()
	hi := new(big.Int).Rsh(m, 64).Uint64()
	return V{Tag: templates.Tag(hi), Bits: lo}
}

// TestWideUopsAgreeWithBigInts checks the 128-bit uops against math/big on
// every pair of samples: each continues with the exact result when it fits
// 128 bits (64 for wide_to_int) and exits otherwise.
func TestWideUopsAgreeWithBigInts(t *testing.T) {
	xs := wideSamples()
	run := func(op string, ops [4]uint64, frame []V) (Next, []V) {
		st := templates.State{Budget: 1}
		next, _, err := Step(op, ops, &st, frame)
		if err != nil {
			t.Fatalf("%s: %v", op, err)
		}
		return next, frame
	}
	for _, a := range xs {
		if !fits128(a) {
			continue
		}
		// wide_to_int and int_to_wide.
		next, f := run("wide_to_int", [4]uint64{0, S}, []V{sentry, toWide(a)})
		if a.IsInt64() != (next == Continue) || next == Continue && f[0] != iv(a.Int64()) {
			t.Errorf("wide_to_int %v: %v %v", a, next, f[0])
		}
		if a.IsInt64() {
			_, f = run("int_to_wide", [4]uint64{0, S}, []V{sentry, iv(a.Int64())})
			if f[0] != toWide(a) {
				t.Errorf("int_to_wide %v: %v", a, f[0])
			}
		}
		for _, b := range xs {
			if !fits128(b) {
				continue
			}
			for _, c := range []struct {
				op string
				f  func(z, a, b *big.Int) *big.Int
			}{{"wide_add_wide", (*big.Int).Add}, {"wide_sub_wide", (*big.Int).Sub}, {"wide_mul", (*big.Int).Mul}} {
				want := c.f(new(big.Int), a, b)
				next, f := run(c.op, [4]uint64{0, S, 2 * S}, []V{sentry, toWide(a), toWide(b)})
				if fits128(want) != (next == Continue) || next == Continue && f[0] != toWide(want) {
					t.Errorf("%s %v, %v = %v: got %v %v", c.op, a, b, want, next, f[0])
				}
			}
			// x & b for a constant b; % 2^k is & (2^k - 1).
			w := toWide(b)
			want := new(big.Int).And(a, b)
			_, f = run("wide_and_imm", [4]uint64{0, S, w.Bits, uint64(w.Tag)}, []V{sentry, toWide(a)})
			if f[0] != toWide(want) {
				t.Errorf("wide_and_imm %v & %v = %v: got %v", a, b, want, f[0])
			}
		}
		for _, n := range []int64{-1, 0, 1, 11, 63, 64, 65, 126, 127, 128, 1000} {
			next, f := run("wide_rshift", [4]uint64{0, S, 2 * S}, []V{sentry, toWide(a), iv(n)})
			if n < 0 {
				if next != Exit {
					t.Errorf("wide_rshift %v >> %d: %v", a, n, next)
				}
				continue
			}
			want := new(big.Int).Rsh(a, uint(n)) // floored, as Python's
			if next != Continue || f[0] != toWide(want) {
				t.Errorf("wide_rshift %v >> %d = %v: got %v %v", a, n, want, next, f[0])
			}
		}
	}
}

// two128Minus1 is 2^k - 1.
func two128Minus1(k uint) *big.Int {
	return new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), k), big.NewInt(1))
}
