package interp

import (
	"math"
	"sync/atomic"
)

// minipy's floats are unboxed, so a float is "the same object" as another
// exactly when their bits are equal: containers compare their items by
// identity before ==, as CPython does (x = float('nan'); x in [x] is
// True; eqItem, same). For that to tell two float('nan') calls apart, as
// CPython's two objects are, each call makes a NaN with its own payload.

// nanSerial numbers the NaNs float() makes.
var nanSerial atomic.Uint64

// freshNaN is a quiet NaN no other float('nan') has: bit 50 of the payload
// set (so never Go's math.NaN(), math.nan, nor the NaN arithmetic makes),
// the serial below it.
func freshNaN(neg bool) float64 {
	bits := uint64(0x7ff8000000000000) | 1<<50 | nanSerial.Add(1)&(1<<50-1)
	if neg {
		bits |= 1 << 63
	}
	return math.Float64frombits(bits)
}

// packedBits is a float's bits as struct and array write them: a NaN is
// CPython's, 0x7ff8000000000000 with its sign, whatever payload it had
// for its identity here.
func packedBits(f float64) uint64 {
	if f != f {
		return math.Float64bits(f)&(1<<63) | 0x7ff8000000000000
	}
	return math.Float64bits(f)
}

// packedBits32 is packedBits for the 4-byte forms.
func packedBits32(f float32) uint32 {
	if f != f {
		return math.Float32bits(f)&(1<<31) | 0x7fc00000
	}
	return math.Float32bits(f)
}
