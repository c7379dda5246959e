package interp

import (
	"math/big"
	"math/bits"
)

// math.gcd of ints wider than two words. math/big's GCD is Lehmer's
// algorithm too, but it applies each step's 2x2 matrix with four
// multiplications and two additions over whole big.Ints (six passes over
// the numbers, and their allocations); here one pass updates both numbers
// in place, word by word. rational's harmonic sums and Hilbert solves
// spend 40 % of their run in these GCDs.

// gcdBig is gcd(|x|, |y|), x and y left as they are.
func gcdBig(x, y *big.Int) *big.Int {
	if x.CmpAbs(y) < 0 {
		x, y = y, x
	}
	if y.Sign() == 0 {
		return new(big.Int).Abs(x)
	}
	xw, yw := x.Bits(), y.Bits()
	// The copies and a third number's room in one allocation, each with
	// room for the larger.
	n := len(xw)
	buf := make([]big.Word, 3*n)
	a := buf[:n:n]
	b := buf[n : n+len(yw) : 2*n]
	copy(a, xw)
	copy(b, yw)
	return new(big.Int).SetBits(gcdWords(a, b, buf[2*n:3*n]))
}

// gcdWords is gcd(a, b) for a ≥ b > 0, little-endian words without
// leading zeros; it overwrites both and t, and b and t have room for
// len(a) words.
func gcdWords(a, b, t []big.Word) []big.Word {
	for len(b) > 1 {
		p, q, r, s, even := lehmerStep(a, b)
		if q == 0 {
			// The leading words decide no quotient (the numbers differ
			// in length by more than a word, or the quotient is too
			// large for them): one division instead.
			a, b = b, remWords(a, b)
			continue
		}
		if len(a) >= lehmerTwiceMin {
			p, q, r, s, even = lehmerTwice(a, b, p, q, r, s, even)
		}
		a, b, t = lehmerApply(t, a, b, p, q, r, s, even)
	}
	if len(b) == 0 {
		return a
	}
	m := uint64(b[0])
	var rem uint64
	for i := len(a) - 1; i >= 0; i-- {
		_, rem = bits.Div64(rem, uint64(a[i]), m)
	}
	g := gcdU64(m, rem)
	a = a[:1]
	a[0] = big.Word(g)
	return a
}

// lehmerStep simulates Euclid's steps on the leading 64 bits of a and b
// (len(a) ≥ len(b) ≥ 2) and returns the cofactor magnitudes that make the
// pair of remainders those steps reach:
//
//	even: a' = p·a − q·b, b' = s·b − r·a
//	odd:  a' = q·b − p·a, b' = r·a − s·b
//
// q == 0 when no step is proved right. The proof is Collins' condition:
// a quotient of the leading words is the true one when the remainder after
// the next step is at least its cofactor and the difference of the two
// remainders at least the sum of their cofactors. The cofactors stay
// below 2^32 (a cofactor squared is below the leading word).
func lehmerStep(a, b []big.Word) (p, q, r, s uint64, even bool) {
	n := len(a)
	sh := uint(bits.LeadingZeros64(uint64(a[n-1])))
	// A shift by 64 (sh == 0) gives 0 in Go.
	x := uint64(a[n-1])<<sh | uint64(a[n-2])>>(64-sh)
	var y uint64
	switch len(b) {
	case n:
		y = uint64(b[n-1])<<sh | uint64(b[n-2])>>(64-sh)
	case n - 1:
		y = uint64(b[n-2]) >> (64 - sh)
	}
	// Three consecutive cofactors of a (u) and of b (v), magnitudes only:
	// their signs alternate with the step's parity.
	u0, u1, u2 := uint64(0), uint64(1), uint64(0)
	v0, v1, v2 := uint64(0), uint64(0), uint64(1)
	even = false
	for y >= v2 && x-y >= v1+v2 {
		t := x / y
		x, y = y, x-t*y
		u0, u1, u2 = u1, u2, u1+t*u2
		v0, v1, v2 = v1, v2, v1+t*v2
		even = !even
	}
	// The last step's quotient is not proved: the pair before it is.
	return u0, v0, u1, v1, even
}

// lehmerTwiceMin is the length from which lehmerTwice pays: its own
// work is that of a pass over four words, and it saves a pass over all.
const lehmerTwiceMin = 8

// lehmerTwice tries to follow lehmerStep's cofactors (p, q, r, s, even)
// for a and b by a second step's, returning the product of the two; or
// the first ones when the second step cannot be found. The second step
// needs the leading words of the numbers the first makes: computed from
// the top four words of a and b, they are exact unless the carry from
// the words below (less than the cofactors, under 2^32) could reach past
// the lowest, which the check of that word rules out. One pass of
// lehmerApply over the numbers then does the work of two.
func lehmerTwice(a, b []big.Word, p, q, r, s uint64, even bool) (uint64, uint64, uint64, uint64, bool) {
	n := len(a)
	var wa, wb, na, nb [4]big.Word
	copy(wa[:], a[n-4:])
	if len(b) > n-4 {
		copy(wb[:], b[n-4:])
	}
	if even {
		mulSubGo(na[:], wa[:], wb[:], p, q)
		mulSubGo(nb[:], wb[:], wa[:], s, r)
	} else {
		mulSubGo(na[:], wb[:], wa[:], q, p)
		mulSubGo(nb[:], wa[:], wb[:], r, s)
	}
	const margin = 1 << 33
	for _, lo := range [2]big.Word{na[0], nb[0]} {
		if lo < margin || lo > ^big.Word(0)-margin {
			return p, q, r, s, even
		}
	}
	xa, xb := trimWords(na[1:]), trimWords(nb[1:])
	if len(xa) < 2 || len(xb) > len(xa) {
		return p, q, r, s, even
	}
	p2, q2, r2, s2, even2 := lehmerStep(xa, xb)
	if q2 == 0 {
		return p, q, r, s, even
	}
	// The product of two cofactor matrices keeps their pattern of
	// alternating signs, so its magnitudes are sums of products.
	mp, okp := mulAdd2(p2, p, q2, r)
	mq, okq := mulAdd2(p2, q, q2, s)
	mr, okr := mulAdd2(r2, p, s2, r)
	ms, oks := mulAdd2(r2, q, s2, s)
	if !(okp && okq && okr && oks) {
		return p, q, r, s, even
	}
	return mp, mq, mr, ms, even == even2
}

// mulAdd2 is a·b + c·d, and whether it is below 2^63 (mulSub's bound).
func mulAdd2(a, b, c, d uint64) (uint64, bool) {
	h1, l1 := bits.Mul64(a, b)
	h2, l2 := bits.Mul64(c, d)
	l, carry := bits.Add64(l1, l2, 0)
	return l, h1|h2|carry == 0 && l>>63 == 0
}

// lehmerApply sets the pair lehmerStep's cofactors make: a' into t and b'
// over b, both trimmed, and a's words as the next t.
func lehmerApply(t, a, b []big.Word, p, q, r, s uint64, even bool) (a2, b2, t2 []big.Word) {
	n := len(a)
	m := len(b)
	b = b[:n]
	clear(b[m:]) // b's words past its length are zeros
	t = t[:n]
	// A loop per result: one computing both keeps too many values live
	// for amd64's registers (MUL takes two) and spills in every word.
	if even {
		mulSub(t, a, b, p, q)
		mulSub(b, b, a, s, r)
	} else {
		mulSub(t, b, a, q, p)
		mulSub(b, a, b, r, s)
	}
	return trimWords(t), trimWords(b), a[:0]
}

// mulSubGo sets d = m1·x1 − m2·x2, a result known not to be negative,
// all three of x1's length; d may be x1 or x2. Two carries run up the
// words, one of the product added and one of the product (and borrows)
// subtracted; they cancel at the top. The multipliers are below 2^63, so
// a high word never overflows with its carries. mulSub is this, in
// assembly where there is some: Go's code keeps its carries in registers
// as 0 or -1 (SBB, then SUB) instead of chaining ADC, 30 instructions a
// word against 18.
func mulSubGo(d, x1, x2 []big.Word, m1, m2 uint64) {
	x2 = x2[:len(x1)]
	d = d[:len(x1)]
	var c1, c2 uint64
	for i, w := range x1 {
		h1, l1 := bits.Mul64(m1, uint64(w))
		h2, l2 := bits.Mul64(m2, uint64(x2[i]))
		var c uint64
		l1, c = bits.Add64(l1, c1, 0)
		c1 = h1 + c
		l2, c = bits.Add64(l2, c2, 0)
		h2 += c
		l1, c = bits.Sub64(l1, l2, 0)
		c2 = h2 + c
		d[i] = big.Word(l1)
	}
}

func trimWords(w []big.Word) []big.Word {
	n := len(w)
	for n > 0 && w[n-1] == 0 {
		n--
	}
	return w[:n]
}

// remWords is a mod b, written over a's words (a ≥ b, len(b) ≥ 2).
func remWords(a, b []big.Word) []big.Word {
	var x, y, q, m big.Int
	x.SetBits(a)
	y.SetBits(b)
	q.QuoRem(&x, &y, &m)
	mw := m.Bits()
	a = a[:len(mw)]
	copy(a, mw)
	return a
}
