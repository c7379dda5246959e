package interp

import (
	"encoding/binary"
	"math"
	"math/big"
	"math/bits"
	"strings"
)

// Hashes are CPython's (3.12+, where hash(None) became a constant), so
// hash() prints what CPython prints and sets iterate in CPython's order.
// Numbers hash by their value modulo the Mersenne prime 2**61-1, so equal
// numbers of different types (1, 1.0, True) hash alike. Strings hash with
// SipHash-1-3 under a zero key: CPython with PYTHONHASHSEED=0. CPython
// picks a random key per process otherwise, so no program can depend on
// another key's results; a fixed one keeps minipy's output reproducible.

const (
	hashBits    = 61
	hashModulus = 1<<hashBits - 1
	hashInf     = 314159
	hashNone    = 0xFCA86420
)

// modP reduces x (any uint64) modulo 2**61-1.
func modP(x uint64) uint64 {
	x = x&hashModulus + x>>hashBits
	if x >= hashModulus {
		x -= hashModulus
	}
	return x
}

// rotP multiplies x < 2**61-1 by 2**k modulo 2**61-1 (0 <= k < 61): a
// rotation within 61 bits.
func rotP(x uint64, k uint) uint64 {
	if k == 0 {
		return x
	}
	return (x<<k)&hashModulus | x>>(hashBits-k)
}

// signedHash gives a magnitude's hash its sign; -1 is reserved by CPython
// for errors, so it becomes -2.
func signedHash(x uint64, neg bool) int64 {
	h := int64(x)
	if neg {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

// bigHash is CPython's hash of an int: |x| mod 2**61-1, with x's sign.
func bigHash(x *big.Int) int64 {
	var h uint64
	ws := x.Bits()
	shift := uint(bits.UintSize % hashBits) // 2**64 ≡ 2**3, 2**32 ≡ 2**32
	for i := len(ws) - 1; i >= 0; i-- {
		h = modP(rotP(h, shift) + modP(uint64(ws[i])))
	}
	return signedHash(h, x.Sign() < 0)
}

// floatHash is CPython's hash of a finite or infinite float; NaN (which
// CPython hashes by object identity, unequal to everything) hashes to 0.
func floatHash(f float64) int64 {
	switch {
	case math.IsInf(f, 1):
		return hashInf
	case math.IsInf(f, -1):
		return -hashInf
	case math.IsNaN(f):
		return 0
	}
	m, e := math.Frexp(f)
	neg := m < 0
	if neg {
		m = -m
	}
	// 28 bits of the mantissa at a time, each shifted in modulo P.
	var x uint64
	for m != 0 {
		x = rotP(x, 28)
		m *= 1 << 28
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	// Multiply by 2**e modulo P, where 2**61 ≡ 1.
	if e >= 0 {
		e %= hashBits
	} else {
		e = hashBits - 1 - (-1-e)%hashBits
	}
	return signedHash(rotP(x, uint(e)), neg)
}

// tupleHash is CPython's (3.8+) xxHash-based combination of item hashes.
func tupleHash(items []Val, depth int) (int64, error) {
	acc, err := xxLanes(items, depth)
	if err != nil {
		return 0, err
	}
	acc += uint64(len(items)) ^ (xxPrime5 ^ 3527539)
	return xxFinish(acc), nil
}

// sliceHash is CPython 3.12+'s hash of a slice: the tuple hash's lanes
// over (start, stop, step) without the length term.
func sliceHash(s *SliceObj, depth int) (int64, error) {
	acc, err := xxLanes([]Val{s.lo, s.hi, s.step}, depth)
	if err != nil {
		return 0, err
	}
	return xxFinish(acc), nil
}

const (
	xxPrime1 = 11400714785074694791
	xxPrime2 = 14029467366897019727
	xxPrime5 = 2870177450012600261
)

// xxLanes folds the items' hashes as CPython's xxHash-based tuple hash.
func xxLanes(items []Val, depth int) (uint64, error) {
	acc := uint64(xxPrime5)
	for i := range items {
		x := &items[i] // (not a copy of all four words)
		var h int64
		if v := int64(x.B); x.T == tagInt && uint64(v)+(hashModulus-1) < 2*hashModulus-1 && v != -1 {
			// Ints, the most common items, are their own hashes
			// (pyIntHash, inline).
			h = v
		} else if x.T == tagInt {
			h = pyIntHash(v)
		} else {
			var err error
			if h, err = hashDepth(*x, depth+1); err != nil {
				return 0, err
			}
		}
		acc += uint64(h) * xxPrime2
		acc = bits.RotateLeft64(acc, 31)
		acc *= xxPrime1
	}
	return acc, nil
}

func xxFinish(acc uint64) int64 {
	if acc == math.MaxUint64 {
		return 1546275796
	}
	return int64(acc)
}

// strHash is CPython's hash of a str under PYTHONHASHSEED=0: SipHash-1-3
// of the string's code points stored 1, 2 or 4 bytes each (the narrowest
// width that holds them all, as CPython stores strings), little-endian.
func strHash(s string) int64 {
	if s == "" {
		return 0
	}
	width := 1
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			width = 0
			break
		}
	}
	var h uint64
	if width == 1 {
		h = sipHash13(s)
	} else {
		width = 1
		for _, r := range s {
			switch {
			case r > 0xffff:
				width = 4
			case r > 0xff && width < 2:
				width = 2
			}
		}
		var b strings.Builder
		b.Grow(len(s) * width)
		var w [4]byte
		for _, r := range s {
			binary.LittleEndian.PutUint32(w[:], uint32(r))
			b.Write(w[:width])
		}
		h = sipHash13(b.String())
	}
	if int64(h) == -1 {
		return -2
	}
	return int64(h)
}

// sipHash13 is SipHash with one compression and three finalisation rounds
// under the key (0, 0).
func sipHash13(s string) uint64 {
	v0 := uint64(0x736f6d6570736575)
	v1 := uint64(0x646f72616e646f6d)
	v2 := uint64(0x6c7967656e657261)
	v3 := uint64(0x7465646279746573)
	round := func() {
		v0 += v1
		v1 = bits.RotateLeft64(v1, 13) ^ v0
		v0 = bits.RotateLeft64(v0, 32)
		v2 += v3
		v3 = bits.RotateLeft64(v3, 16) ^ v2
		v0 += v3
		v3 = bits.RotateLeft64(v3, 21) ^ v0
		v2 += v1
		v1 = bits.RotateLeft64(v1, 17) ^ v2
		v2 = bits.RotateLeft64(v2, 32)
	}
	n := len(s)
	for len(s) >= 8 {
		m := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		v3 ^= m
		round()
		v0 ^= m
		s = s[8:]
	}
	last := uint64(n) << 56
	for i := len(s) - 1; i >= 0; i-- {
		last |= uint64(s[i]) << (8 * i)
	}
	v3 ^= last
	round()
	v0 ^= last
	v2 ^= 0xff
	round()
	round()
	round()
	return v0 ^ v1 ^ v2 ^ v3
}

// hash returns s's hash, computed once: 0 stands for not yet (only the empty str
// and one str in 2**64 hash to 0, and they are hashed again each time).
// Atomic, so strs shared between threads race on nothing.
func (s *Str) hash() int64 {
	h := s.h.Load()
	if h == 0 {
		if s.kind == 1 && s.s != "" {
			// Known ASCII: strHash's scan for wider characters is moot.
			if h = int64(sipHash13(s.s)); h == -1 {
				h = -2
			}
		} else {
			h = strHash(s.s)
		}
		s.h.Store(h)
	}
	return h
}

// pointerHash is CPython's hash of an object by identity: its address
// rotated so the alignment's zero bits do not waste the low bits.
func pointerHash(o Object) int64 {
	p := uint64(uintptrOfObject(o))
	h := int64(bits.RotateLeft64(p, -4))
	if h == -1 {
		h = -2
	}
	return h
}

// hashOf is Python's hash(v).
func hashOf(v Val) (int64, error) { return hashDepth(v, 0) }

func hashDepth(v Val, depth int) (int64, error) {
	switch v.T {
	case tagInt:
		return pyIntHash(int64(v.B)), nil
	case tagBool:
		return int64(v.B), nil
	case tagFloat:
		return floatHash(v.F()), nil
	case tagNone:
		return hashNone, nil
	}
	switch o := v.O.(type) {
	case *Str:
		return o.hash(), nil
	case *Bytes:
		return bytesHash(o)
	case *BigInt:
		return bigHash(&o.v), nil
	case *Complex:
		return complexHash(o), nil
	case *Tuple:
		if h := o.h.Load(); h != 0 {
			return h, nil
		}
		if depth >= maxNest {
			return 0, stackOverflow("")
		}
		h, err := tupleHash(o.items, depth)
		if err == nil {
			o.h.Store(h)
		}
		return h, err
	case *SliceObj:
		if depth >= maxNest {
			return 0, stackOverflow("")
		}
		return sliceHash(o, depth)
	case *Range:
		// CPython hashes a range as (len, start, step), with None for
		// what does not matter: equal ranges hash alike.
		n := rangeLen(o)
		t := []Val{IntVal(n), NoneVal, NoneVal}
		if n > 0 {
			t[1] = IntVal(o.start)
			if n > 1 {
				t[2] = IntVal(o.step)
			}
		}
		return tupleHash(t, depth)
	case *Set:
		if o.frozen {
			return o.frozenHash(), nil
		}
		return 0, newErr(TypeError, "unhashable type: 'set'")
	case *List, *Dict, *PyArray:
		return 0, newErr(TypeError, "unhashable type: '%s'", o.typeName())
	case *Instance:
		return instanceHash(v, o)
	case *BoundMethod:
		// Equal methods (the same name bound to the same object) hash
		// alike: by the object's identity and the name.
		h := int64(o.self.B) ^ int64(o.self.T)
		if o.self.T == tagObject {
			h = pointerHash(o.self.O)
		}
		return h ^ strHash(o.name), nil
	case *Method:
		h := int64(o.self.B) ^ int64(o.self.T)
		if o.self.T == tagObject {
			h = pointerHash(o.self.O)
		}
		fh, err := hashDepth(o.fn, depth+1)
		if err != nil {
			return 0, err
		}
		return h ^ fh, nil
	}
	return pointerHash(v.O), nil
}

// instanceHash is the hash of an instance: by its __hash__ when its class
// defines one, unhashable when the class defines __eq__ without __hash__
// (as CPython sets __hash__ to None then), else by identity.
func instanceHash(v Val, o *Instance) (int64, error) {
	vm, done := borrowVM(o.cls.vm)
	defer done()
	if m, ok := o.cls.lookup("__hash__"); ok && vm != nil {
		if m.T == tagNone {
			return 0, newErr(TypeError, "unhashable type: '%s'", o.typeName())
		}
		r, err := vm.callWithSelf(m, v, nil, nil)
		if err != nil {
			return 0, err
		}
		// CPython keeps a result that fits in a machine word as it is and
		// reduces a bigger one as int's hash does.
		var h int64
		switch {
		case r.T == tagInt || r.T == tagBool:
			h = int64(r.B)
		case r.T == tagObject:
			b, ok := r.O.(*BigInt)
			if !ok {
				return 0, newErr(TypeError, "__hash__ method should return an integer")
			}
			h = bigHash(&b.v)
		default:
			return 0, newErr(TypeError, "__hash__ method should return an integer")
		}
		if h == -1 {
			h = -2
		}
		return h, nil
	}
	if _, ok := o.cls.lookup("__eq__"); ok {
		return 0, newErr(TypeError, "unhashable type: '%s'", o.typeName())
	}
	return pointerHash(o), nil
}
