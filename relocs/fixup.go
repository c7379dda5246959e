package relocs

import (
	"encoding/binary"
	"fmt"
)

// Fixup is one hole of a stencil, decoded once so that patching many copies
// of the stencil does not read and check the instruction again: a JIT makes
// a Fixup per hole when it loads its stencils and calls Apply per copy.
// Patch is NewFixup followed by Apply.
//
// The zero Fixup is invalid: Apply fails on it.
type Fixup struct {
	kind   Kind
	form   Form  // the instruction the field sits in (GOT loads and arm64)
	reg    uint8 // x86 GOT load: the register; arm64: Rt of a GOT LDR
	op     uint8 // x86 ALU opcode; arm64 access-size shift
	rex    uint8 // x86 GOT load: the instruction's REX prefix
	off    uint32
	word   uint32 // arm64: the compiler's instruction
	addend int64
}

// NewFixup decodes the hole of kind k at code[off] (the stencil's original
// code or data) with its addend. It fails as Check does: an offset outside
// code, an instruction that does not suit the kind, an addend the kind
// cannot honour.
func NewFixup(k Kind, code []byte, off int, addend int64) (Fixup, error) {
	if err := bounds(k, code, off); err != nil {
		return Fixup{}, err
	}
	f := Fixup{kind: k, off: uint32(off), addend: addend}
	switch k {
	case Abs64, X86PCRel32, X86GOTPCRel32:
	case X86GOTLoad:
		in, err := decodeX86GOTOriginal(code, off)
		if err != nil {
			return Fixup{}, err
		}
		f.form, f.op = in.form, in.op
		if in.reg >= 0 {
			f.reg = uint8(in.reg)
		}
		if off >= 3 {
			f.rex = code[off-3]
		}
	default:
		in, err := decodeA64(k, code, off, addend)
		if err != nil {
			return Fixup{}, err
		}
		f.form, f.word, f.op = in.form, in.w, uint8(in.shift)
		f.reg = uint8(max(in.rd, 0))
	}
	return f, nil
}

// Kind is the hole's kind.
func (f *Fixup) Kind() Kind { return f.kind }

// Offset is the hole's offset in its buffer.
func (f *Fixup) Offset() int { return int(f.off) }

// Addend is the hole's addend.
func (f *Fixup) Addend() int64 { return f.addend }

// Apply patches the hole into buf, a fresh copy of the buffer NewFixup
// decoded (only the bytes of the hole's instruction matter), as Patch
// would: place is the run-time address of buf[Offset()], value the resolved
// value, got the address of the hole's GOT slot for kinds that use one.
// It returns the errors Patch returns; a *RangeError leaves buf as it was.
func (f *Fixup) Apply(buf []byte, place, value, got uint64) error {
	off := int(f.off)
	if f.kind == Abs64 {
		if off+8 > len(buf) {
			return f.boundsError(len(buf))
		}
		binary.LittleEndian.PutUint64(buf[off:], value+uint64(f.addend))
		return nil
	}
	if off+4 > len(buf) || f.kind == KindInvalid {
		return f.boundsError(len(buf))
	}
	field := buf[off : off+4 : off+4]
	switch f.kind {
	case X86PCRel32:
		return putRel32(f.kind, field, place, value, f.addend)
	case X86GOTPCRel32:
		return putRel32(f.kind, field, place, got, f.addend)
	case X86GOTLoad:
		return f.applyX86GOTLoad(buf, place, value, got)
	}
	return f.applyA64(field, place, value, got)
}

func (f *Fixup) boundsError(n int) error {
	if f.kind.Size() == 0 {
		return fmt.Errorf("relocs: invalid kind %v", f.kind)
	}
	return fmt.Errorf("relocs: %v hole at +%#x runs outside its %d-byte buffer", f.kind, f.off, n)
}

func (f *Fixup) applyX86GOTLoad(code []byte, place, value, got uint64) error {
	off := int(f.off)
	field := code[off : off+4]
	switch f.form {
	case FormMovLoad:
		if v := int64(value); v == int64(int32(v)) {
			// mov $imm32, %r64: REX.W, with the old REX.R as REX.B.
			code[off-3] = 0x48 | f.rex>>2&1
			code[off-2] = 0xC7
			code[off-1] = 0xC0 | f.reg&7
			binary.LittleEndian.PutUint32(field, uint32(value))
			return nil
		}
		if d, ok := rel32(value, f.addend, place); ok {
			code[off-3], code[off-2], code[off-1] = f.rex, 0x8D, 0x05|f.reg&7<<3
			binary.LittleEndian.PutUint32(field, uint32(d))
			return nil
		}
	case FormALULoad:
		// The operation reads the slot's value: with an immediate it
		// reads the value itself. Flags come out the same.
		if v := int64(value); v == int64(int32(v)) {
			code[off-3] = 0x48 | f.rex>>2&1
			if f.op == 0x85 {
				code[off-2], code[off-1] = 0xF7, 0xC0|f.reg&7
			} else {
				code[off-2], code[off-1] = 0x81, 0xC0|f.op&0x38|f.reg&7
			}
			binary.LittleEndian.PutUint32(field, uint32(value))
			return nil
		}
	case FormCall:
		if d, ok := rel32(value, f.addend, place); ok {
			code[off-2], code[off-1] = 0x67, 0xE8
			binary.LittleEndian.PutUint32(field, uint32(d))
			return nil
		}
	case FormJmp:
		// The rel32 moves one byte back, so it is one byte further from
		// the instruction's end: add 1 to the addend's PC bias.
		if d, ok := rel32(value, f.addend+1, place); ok {
			code[off-2] = 0xE9
			binary.LittleEndian.PutUint32(code[off-1:off+3], uint32(d))
			code[off+3] = 0x90
			return nil
		}
	}
	// Through the slot, in the compiler's own instruction.
	if err := putRel32(X86GOTLoad, field, place, got, f.addend); err != nil {
		return err
	}
	f.restoreX86(code)
	return nil
}

// restoreX86 writes the compiler's opcode bytes back, so that Apply gives
// the same result on a buffer patched before.
func (f *Fixup) restoreX86(code []byte) {
	off := int(f.off)
	switch f.form {
	case FormMovLoad:
		code[off-3], code[off-2], code[off-1] = f.rex, 0x8B, 0x05|f.reg&7<<3
	case FormALULoad:
		code[off-3], code[off-2], code[off-1] = f.rex, f.op, 0x05|f.reg&7<<3
	case FormCall:
		code[off-2], code[off-1] = 0xFF, 0x15
	case FormJmp:
		code[off-2], code[off-1] = 0xFF, 0x25
	}
}

func (f *Fixup) applyA64(field []byte, place, value, got uint64) error {
	k := f.kind
	if place%4 != 0 {
		return &InstructionError{k, int(f.off), fmt.Sprintf("instruction at misaligned address %#x", place)}
	}
	target := value + uint64(f.addend)
	w := f.word
	switch k {
	case A64Branch26:
		d := int64(target - place)
		if d%4 != 0 {
			return fmt.Errorf("relocs: %v at %#x: target %#x is not 4-byte aligned", k, place, target)
		}
		if !fitsSigned(d, 28) {
			return &RangeError{k, place, value}
		}
		w = w&^0x03FFFFFF | uint32(d>>2)&0x03FFFFFF
	case A64Page21, A64GOTPage21:
		reported := value
		if k == A64GOTPage21 {
			target, reported = got, got
		}
		d := int64(target>>12 - place>>12)
		if !fitsSigned(d, 21) {
			return &RangeError{k, place, reported}
		}
		w = encADR(w, d)
	case A64PageOff12:
		shift := uint(f.op)
		lo := target & 0xfff
		if lo&(1<<shift-1) != 0 {
			return &InstructionError{k, int(f.off), fmt.Sprintf("low 12 bits %#x of %#x are not aligned to the %d-byte access", lo, target, 1<<shift)}
		}
		w = w&^(0xFFF<<10) | uint32(lo>>shift)<<10
	case A64GOTLoad12:
		var err error
		w, err = relaxA64GOTLoad(a64Inst{w: w, rd: int(f.reg)}, int(f.off), place, value, got)
		if err != nil {
			return err
		}
	case A64MovW0, A64MovW1, A64MovW2, A64MovW3:
		w = w&^(0xFFFF<<5) | uint32(target>>f.op&0xFFFF)<<5
	default:
		return fmt.Errorf("relocs: invalid kind %v", k)
	}
	binary.LittleEndian.PutUint32(field, w)
	return nil
}
