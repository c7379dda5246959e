package relocs

import "encoding/binary"

// Fast paths. A JIT patches the same few hole shapes over and over: an
// operand that fits an immediate, a branch in reach, a data word. Through
// Fixup.Apply each costs a call and a dispatch on the hole's kind and
// instruction. A code generator (stencilgen) instead asks each hole for its
// Fast form once and writes, per stencil, straight-line Go that calls the
// Put functions below with constant offsets and patterns; the compiler
// inlines them. A Put function reports false when the common case does not
// hold (a value too wide, a branch out of reach): then the caller patches
// the whole stencil again through Apply, which handles every case.
//
// Every Put function writes exactly what Apply writes in that case; the
// tests hold them to it.

// FastForm is the shape of a hole's fast path.
type FastForm uint8

const (
	FastNone FastForm = iota // no fast path: use Apply
	// FastAbs64: PutAbs64(buf, off, value, addend), always.
	FastAbs64
	// FastImm32: an x86 GOT load whose value fits a sign-extended imm32
	// becomes an immediate form. PutImm32(buf, off, Pattern, value):
	// Pattern holds the three bytes before the field.
	FastImm32
	// FastRel32: an x86 rel32 branch. PutRel32(buf, off, place, value, addend).
	FastRel32
	// FastA64Imm16: an arm64 GOT load whose value fits 16 bits becomes
	// MOVZ. PutA64Imm16(buf, off, Pattern, place, value), Pattern the
	// MOVZ without its immediate.
	FastA64Imm16
	// FastA64Branch26: an arm64 B or BL. PutA64Branch26(buf, off, Pattern,
	// place, value+addend), Pattern the instruction.
	FastA64Branch26
	// FastA64Page: an arm64 ADRP. PutA64Page(buf, off, Pattern, place,
	// target), target value+addend, or the GOT slot's address for a GOT
	// page.
	FastA64Page
	// FastAbs32S: an x86 signed 32-bit field (a disp32).
	// PutAbs32S(buf, off, value, addend).
	FastAbs32S
)

// Fast describes a hole's fast path: its form and the constant pattern the
// Put function takes.
type Fast struct {
	Form    FastForm
	Pattern uint32
}

// Fast returns the hole's fast path, or FastNone.
func (f *Fixup) Fast() Fast {
	switch f.how {
	case howAbs64:
		return Fast{Form: FastAbs64}
	case howRel32:
		return Fast{Form: FastRel32}
	case howAbs32S:
		return Fast{Form: FastAbs32S}
	case howX86MovLoad:
		// mov $imm32, %r64: REX.W with the old REX.R as REX.B, C7 /0.
		return Fast{FastImm32, uint32(0x48|f.rex>>2&1) | 0xC7<<8 | uint32(0xC0|f.reg&7)<<16}
	case howX86ALULoad:
		if f.op == 0x85 {
			return Fast{FastImm32, uint32(0x48|f.rex>>2&1) | 0xF7<<8 | uint32(0xC0|f.reg&7)<<16}
		}
		return Fast{FastImm32, uint32(0x48|f.rex>>2&1) | 0x81<<8 | uint32(0xC0|f.op&0x38|f.reg&7)<<16}
	case howA64:
		switch f.kind {
		case A64GOTLoad12:
			return Fast{FastA64Imm16, a64MOVZ | 1<<31 | uint32(f.reg)}
		case A64Branch26:
			return Fast{FastA64Branch26, f.word &^ 0x03FFFFFF}
		case A64Page21, A64GOTPage21:
			return Fast{FastA64Page, f.word &^ (3<<29 | 0x7FFFF<<5)}
		}
	}
	return Fast{}
}

// PutAbs64 stores value+addend at buf[off:], as Apply does for Abs64.
func PutAbs64(buf []byte, off int, value uint64, addend int64) {
	binary.LittleEndian.PutUint64(buf[off:], value+uint64(addend))
}

// PutImm32 is FastImm32: when value fits a sign-extended 32-bit immediate
// it writes the three pattern bytes before off and the immediate at off.
func PutImm32(buf []byte, off int, pattern uint32, value uint64) bool {
	if int64(value) != int64(int32(value)) {
		return false
	}
	// One byte of the first store is the immediate's first byte, which the
	// second store writes again.
	binary.LittleEndian.PutUint32(buf[off-3:], pattern|uint32(value)<<24)
	binary.LittleEndian.PutUint32(buf[off:], uint32(value))
	return true
}

// PutRel32 is FastRel32: value+addend-place when it fits 32 bits.
func PutRel32(buf []byte, off int, place, value uint64, addend int64) bool {
	d := int64(value + uint64(addend) - place)
	if d != int64(int32(d)) {
		return false
	}
	binary.LittleEndian.PutUint32(buf[off:], uint32(d))
	return true
}

// PutAbs32S is FastAbs32S: value+addend when it fits a signed 32-bit field.
func PutAbs32S(buf []byte, off int, value uint64, addend int64) bool {
	v := int64(value + uint64(addend))
	if v != int64(int32(v)) {
		return false
	}
	binary.LittleEndian.PutUint32(buf[off:], uint32(v))
	return true
}

// PutA64Imm16 is FastA64Imm16: MOVZ of a value that fits 16 bits.
func PutA64Imm16(buf []byte, off int, pattern uint32, place, value uint64) bool {
	if value > 0xFFFF || place&3 != 0 {
		return false
	}
	binary.LittleEndian.PutUint32(buf[off:], pattern|uint32(value)<<5)
	return true
}

// PutA64Branch26 is FastA64Branch26: a branch to target within ±128 MiB,
// both ends 4-byte aligned.
func PutA64Branch26(buf []byte, off int, pattern uint32, place, target uint64) bool {
	d := int64(target - place)
	if d != d<<36>>36 || (place|target)&3 != 0 {
		return false
	}
	binary.LittleEndian.PutUint32(buf[off:], pattern|uint32(d>>2)&0x03FFFFFF)
	return true
}

// PutA64Page is FastA64Page: an ADRP of target's page within ±4 GiB.
func PutA64Page(buf []byte, off int, pattern uint32, place, target uint64) bool {
	d := int64(target>>12 - place>>12)
	if d != d<<43>>43 || place&3 != 0 {
		return false
	}
	binary.LittleEndian.PutUint32(buf[off:], pattern|uint32(d&3)<<29|uint32(d>>2&0x7FFFF)<<5)
	return true
}

// An Emitter copies one stencil into code and data (the stencil's bytes
// at their run-time addresses codeAddr and dataAddr) and patches every hole
// with the value vals holds for the hole's Value, through the fast paths
// only. It returns false if one does not apply; code and data are then
// partly written, and the caller must copy and patch the stencil again
// with Fixup.Apply. stencilgen generates one per stencil whose holes all
// have fast paths.
type Emitter func(code, data []byte, vals *[NumValues]uint64, codeAddr, dataAddr uint64) bool
