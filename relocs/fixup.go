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
	how    how   // what Apply does: the kind, refined by the instruction
	size   uint8 // bytes of the field (Kind.Size); 0 in the zero Fixup
	kind   Kind
	reg    uint8 // x86 GOT load: the register; arm64: Rt of a GOT LDR
	op     uint8 // x86 ALU opcode; arm64 access-size shift
	rex    uint8 // x86 GOT load: the instruction's REX prefix
	off    uint32
	word   uint32 // arm64: the compiler's instruction
	addend int64
}

// how is a Fixup's patch operation: one switch in Apply picks it, so a
// patch is one call and one indirect jump.
type how uint8

const (
	howInvalid    how = iota
	howAbs64          // Abs64
	howRel32          // X86PCRel32
	howGOTRel32       // X86GOTPCRel32, and X86GOTLoad of an instruction never relaxed
	howX86MovLoad     // X86GOTLoad of mov slot(%rip), %r64
	howX86ALULoad     // X86GOTLoad of an ALU operation or test on slot(%rip)
	howX86Call        // X86GOTLoad of call *slot(%rip)
	howX86Jmp         // X86GOTLoad of jmp *slot(%rip)
	howA64            // every arm64 kind: applyA64
	howAbs32S         // X86Abs32S
)

// NewFixup decodes the hole of kind k at code[off] (the stencil's original
// code or data) with its addend. It fails as Check does: an offset outside
// code, an instruction that does not suit the kind, an addend the kind
// cannot honour.
func NewFixup(k Kind, code []byte, off int, addend int64) (Fixup, error) {
	if err := bounds(k, code, off); err != nil {
		return Fixup{}, err
	}
	f := Fixup{kind: k, size: uint8(k.Size()), off: uint32(off), addend: addend}
	switch k {
	case Abs64:
		f.how = howAbs64
	case X86PCRel32:
		f.how = howRel32
	case X86GOTPCRel32:
		f.how = howGOTRel32
	case X86Abs32S:
		f.how = howAbs32S
	case X86GOTLoad:
		in, err := decodeX86GOTOriginal(code, off)
		if err != nil {
			return Fixup{}, err
		}
		f.op = in.op
		if in.reg >= 0 {
			f.reg = uint8(in.reg)
		}
		if off >= 3 {
			f.rex = code[off-3]
		}
		switch in.form {
		case FormMovLoad:
			f.how = howX86MovLoad
		case FormALULoad:
			f.how = howX86ALULoad
		case FormCall:
			f.how = howX86Call
		case FormJmp:
			f.how = howX86Jmp
		default:
			f.how = howGOTRel32
		}
	default:
		in, err := decodeA64(k, code, off, addend)
		if err != nil {
			return Fixup{}, err
		}
		f.how, f.word, f.op = howA64, in.w, uint8(in.shift)
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
	if off+int(f.size) > len(buf) || f.size == 0 {
		return f.boundsError(len(buf))
	}
	switch f.how {
	case howAbs64:
		binary.LittleEndian.PutUint64(buf[off:], value+uint64(f.addend))
		return nil
	case howRel32:
		d, ok := rel32(value, f.addend, place)
		if !ok {
			return &RangeError{f.kind, place, value}
		}
		binary.LittleEndian.PutUint32(buf[off:], uint32(d))
		return nil
	case howGOTRel32:
		return f.throughSlot(buf, place, got)
	case howAbs32S:
		v := int64(value + uint64(f.addend))
		if v != int64(int32(v)) {
			return &RangeError{f.kind, place, value}
		}
		binary.LittleEndian.PutUint32(buf[off:], uint32(v))
		return nil
	case howX86MovLoad:
		if v := int64(value); v == int64(int32(v)) {
			// mov $imm32, %r64: REX.W, with the old REX.R as REX.B.
			buf[off-3] = 0x48 | f.rex>>2&1
			buf[off-2] = 0xC7
			buf[off-1] = 0xC0 | f.reg&7
			binary.LittleEndian.PutUint32(buf[off:], uint32(value))
			return nil
		}
		if d, ok := rel32(value, f.addend, place); ok {
			buf[off-3], buf[off-2], buf[off-1] = f.rex, 0x8D, 0x05|f.reg&7<<3
			binary.LittleEndian.PutUint32(buf[off:], uint32(d))
			return nil
		}
		return f.throughSlot(buf, place, got)
	case howX86ALULoad:
		// The operation reads the slot's value: with an immediate it
		// reads the value itself. Flags come out the same.
		if v := int64(value); v == int64(int32(v)) {
			buf[off-3] = 0x48 | f.rex>>2&1
			if f.op == 0x85 {
				buf[off-2], buf[off-1] = 0xF7, 0xC0|f.reg&7
			} else {
				buf[off-2], buf[off-1] = 0x81, 0xC0|f.op&0x38|f.reg&7
			}
			binary.LittleEndian.PutUint32(buf[off:], uint32(value))
			return nil
		}
		return f.throughSlot(buf, place, got)
	case howX86Call:
		if d, ok := rel32(value, f.addend, place); ok {
			buf[off-2], buf[off-1] = 0x67, 0xE8
			binary.LittleEndian.PutUint32(buf[off:], uint32(d))
			return nil
		}
		return f.throughSlot(buf, place, got)
	case howX86Jmp:
		// The rel32 moves one byte back, so it is one byte further from
		// the instruction's end: add 1 to the addend's PC bias.
		if d, ok := rel32(value, f.addend+1, place); ok {
			buf[off-2] = 0xE9
			binary.LittleEndian.PutUint32(buf[off-1:], uint32(d))
			buf[off+3] = 0x90
			return nil
		}
		return f.throughSlot(buf, place, got)
	case howA64:
		return f.applyA64(buf[off:off+4], place, value, got)
	}
	return f.boundsError(len(buf))
}

func (f *Fixup) boundsError(n int) error {
	if f.kind.Size() == 0 {
		return fmt.Errorf("relocs: invalid kind %v", f.kind)
	}
	return fmt.Errorf("relocs: %v hole at +%#x runs outside its %d-byte buffer", f.kind, f.off, n)
}

// throughSlot patches an x86 GOT hole to address its slot, in the
// compiler's own instruction.
func (f *Fixup) throughSlot(buf []byte, place, got uint64) error {
	d, ok := rel32(got, f.addend, place)
	if !ok {
		return &RangeError{f.kind, place, got}
	}
	binary.LittleEndian.PutUint32(buf[f.off:], uint32(d))
	f.restoreX86(buf)
	return nil
}

// restoreX86 writes the compiler's opcode bytes back, so that Apply gives
// the same result on a buffer patched before.
func (f *Fixup) restoreX86(code []byte) {
	off := int(f.off)
	switch f.how {
	case howX86MovLoad:
		code[off-3], code[off-2], code[off-1] = f.rex, 0x8B, 0x05|f.reg&7<<3
	case howX86ALULoad:
		code[off-3], code[off-2], code[off-1] = f.rex, f.op, 0x05|f.reg&7<<3
	case howX86Call:
		code[off-2], code[off-1] = 0xFF, 0x15
	case howX86Jmp:
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
