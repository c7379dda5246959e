package interp

import (
	"encoding/binary"
	"math/bits"
)

// BLAKE2b and BLAKE2s (RFC 7693) for hashlib.blake2b and blake2s, with
// the parameter block's every field (digest size, key, salt, person and
// the tree-hashing ones): Go's standard library has neither.

var blake2bIV = [8]uint64{
	0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
	0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
}

var blake2sIV = [8]uint32{
	0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
}

// blake2Sigma is the message word schedule of each round (round i uses
// row i mod 10).
var blake2Sigma = [10][16]uint8{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
	{11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
	{7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
	{9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
	{2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
	{12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
	{13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
	{6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
	{10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
}

// blake2Params are the parameter block's fields.
type blake2Params struct {
	digestSize, fanout, depth, nodeDepth, innerSize int
	leafSize                                        uint32
	nodeOffset                                      uint64
	key, salt, person                               []byte
	lastNode                                        bool
}

// blake2 is one BLAKE2b (wide) or BLAKE2s hash in progress, a hash.Hash.
type blake2 struct {
	wide     bool
	p        blake2Params
	h        [8]uint64 // BLAKE2s keeps its 32-bit words in the low halves
	t        [2]uint64 // bytes compressed so far, as a 128-bit (or 64-bit) count
	buf      []byte    // the block not yet compressed (the last one may be final)
	blockLen int
}

func newBlake2(wide bool, p blake2Params) *blake2 {
	b := &blake2{wide: wide, p: p, blockLen: 64}
	if wide {
		b.blockLen = 128
	}
	b.Reset()
	return b
}

func (b *blake2) Reset() {
	p := b.p
	if b.wide {
		var pb [64]byte
		pb[0], pb[1], pb[2], pb[3] = byte(p.digestSize), byte(len(p.key)), byte(p.fanout), byte(p.depth)
		binary.LittleEndian.PutUint32(pb[4:], p.leafSize)
		binary.LittleEndian.PutUint64(pb[8:], p.nodeOffset)
		pb[16], pb[17] = byte(p.nodeDepth), byte(p.innerSize)
		copy(pb[32:48], p.salt)
		copy(pb[48:64], p.person)
		for i := range b.h {
			b.h[i] = blake2bIV[i] ^ binary.LittleEndian.Uint64(pb[8*i:])
		}
	} else {
		var pb [32]byte
		pb[0], pb[1], pb[2], pb[3] = byte(p.digestSize), byte(len(p.key)), byte(p.fanout), byte(p.depth)
		binary.LittleEndian.PutUint32(pb[4:], p.leafSize)
		var off [8]byte
		binary.LittleEndian.PutUint64(off[:], p.nodeOffset)
		copy(pb[8:14], off[:6])
		pb[14], pb[15] = byte(p.nodeDepth), byte(p.innerSize)
		copy(pb[16:24], p.salt)
		copy(pb[24:32], p.person)
		for i := range b.h {
			b.h[i] = uint64(blake2sIV[i] ^ binary.LittleEndian.Uint32(pb[4*i:]))
		}
	}
	b.t = [2]uint64{}
	b.buf = b.buf[:0]
	if len(p.key) > 0 {
		// The key, zero-padded, is the first block.
		block := make([]byte, b.blockLen)
		copy(block, p.key)
		b.buf = append(b.buf, block...)
	}
}

func (b *blake2) Size() int      { return b.p.digestSize }
func (b *blake2) BlockSize() int { return b.blockLen }

func (b *blake2) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(b.buf) == b.blockLen {
			// More input follows, so this block is not the last.
			b.addCount(uint64(b.blockLen))
			b.compress(b.buf, false)
			b.buf = b.buf[:0]
		}
		k := min(b.blockLen-len(b.buf), len(p))
		b.buf = append(b.buf, p[:k]...)
		p = p[k:]
	}
	return n, nil
}

func (b *blake2) addCount(n uint64) {
	var carry uint64
	b.t[0], carry = bits.Add64(b.t[0], n, 0)
	b.t[1] += carry
}

func (b *blake2) Sum(in []byte) []byte {
	c := b.clone()
	c.addCount(uint64(len(c.buf)))
	block := make([]byte, c.blockLen)
	copy(block, c.buf)
	c.compress(block, true)
	out := make([]byte, 0, 64)
	for _, w := range c.h {
		if c.wide {
			out = binary.LittleEndian.AppendUint64(out, w)
		} else {
			out = binary.LittleEndian.AppendUint32(out, uint32(w))
		}
	}
	return append(in, out[:c.p.digestSize]...)
}

func (b *blake2) clone() *blake2 {
	c := *b
	c.buf = append([]byte(nil), b.buf...)
	return &c
}

func (b *blake2) compress(block []byte, final bool) {
	if b.wide {
		b.compress64(block, final)
	} else {
		b.compress32(block, final)
	}
}

func (b *blake2) compress64(block []byte, final bool) {
	var m [16]uint64
	for i := range m {
		m[i] = binary.LittleEndian.Uint64(block[8*i:])
	}
	var v [16]uint64
	copy(v[:8], b.h[:])
	copy(v[8:], blake2bIV[:])
	v[12] ^= b.t[0]
	v[13] ^= b.t[1]
	if final {
		v[14] = ^v[14]
		if b.p.lastNode {
			v[15] = ^v[15]
		}
	}
	g := func(a, bb, c, d int, x, y uint64) {
		v[a] += v[bb] + x
		v[d] = bits.RotateLeft64(v[d]^v[a], -32)
		v[c] += v[d]
		v[bb] = bits.RotateLeft64(v[bb]^v[c], -24)
		v[a] += v[bb] + y
		v[d] = bits.RotateLeft64(v[d]^v[a], -16)
		v[c] += v[d]
		v[bb] = bits.RotateLeft64(v[bb]^v[c], -63)
	}
	for r := 0; r < 12; r++ {
		s := &blake2Sigma[r%10]
		g(0, 4, 8, 12, m[s[0]], m[s[1]])
		g(1, 5, 9, 13, m[s[2]], m[s[3]])
		g(2, 6, 10, 14, m[s[4]], m[s[5]])
		g(3, 7, 11, 15, m[s[6]], m[s[7]])
		g(0, 5, 10, 15, m[s[8]], m[s[9]])
		g(1, 6, 11, 12, m[s[10]], m[s[11]])
		g(2, 7, 8, 13, m[s[12]], m[s[13]])
		g(3, 4, 9, 14, m[s[14]], m[s[15]])
	}
	for i := range b.h {
		b.h[i] ^= v[i] ^ v[i+8]
	}
}

func (b *blake2) compress32(block []byte, final bool) {
	var m [16]uint32
	for i := range m {
		m[i] = binary.LittleEndian.Uint32(block[4*i:])
	}
	var v [16]uint32
	for i := range 8 {
		v[i] = uint32(b.h[i])
		v[i+8] = blake2sIV[i]
	}
	v[12] ^= uint32(b.t[0])
	v[13] ^= uint32(b.t[0] >> 32)
	if final {
		v[14] = ^v[14]
		if b.p.lastNode {
			v[15] = ^v[15]
		}
	}
	g := func(a, bb, c, d int, x, y uint32) {
		v[a] += v[bb] + x
		v[d] = bits.RotateLeft32(v[d]^v[a], -16)
		v[c] += v[d]
		v[bb] = bits.RotateLeft32(v[bb]^v[c], -12)
		v[a] += v[bb] + y
		v[d] = bits.RotateLeft32(v[d]^v[a], -8)
		v[c] += v[d]
		v[bb] = bits.RotateLeft32(v[bb]^v[c], -7)
	}
	for r := 0; r < 10; r++ {
		s := &blake2Sigma[r]
		g(0, 4, 8, 12, m[s[0]], m[s[1]])
		g(1, 5, 9, 13, m[s[2]], m[s[3]])
		g(2, 6, 10, 14, m[s[4]], m[s[5]])
		g(3, 7, 11, 15, m[s[6]], m[s[7]])
		g(0, 5, 10, 15, m[s[8]], m[s[9]])
		g(1, 6, 11, 12, m[s[10]], m[s[11]])
		g(2, 7, 8, 13, m[s[12]], m[s[13]])
		g(3, 4, 9, 14, m[s[14]], m[s[15]])
	}
	for i := range 8 {
		b.h[i] = uint64(uint32(b.h[i]) ^ v[i] ^ v[i+8])
	}
}
