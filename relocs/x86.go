package relocs

import "encoding/binary"

// x86 holds the x86-64 GOT-load forms: the three the compiler emits (with
// R_X86_64_(REX_)GOTPCRELX or X86_64_RELOC_GOT_LOAD on their disp32) and
// the relaxed forms Patch turns them into. Every form keeps its length and
// keeps the 32-bit field where the relocation put it, except the relaxed
// jmp, whose rel32 starts one byte earlier.
//
//	mov slot(%rip), %r64   REX.W 8B /r (mod 00, rm 101) disp32   7 bytes
//	  → mov $imm32, %r64   REX.W C7 /0 (mod 11)         imm32    (REX.R moves to REX.B)
//	  → lea value(%rip),%r REX.W 8D /r (mod 00, rm 101) disp32
//	call *slot(%rip)       FF 15 disp32                          6 bytes
//	  → addr32 call value  67 E8 rel32
//	jmp *slot(%rip)        FF 25 disp32                          6 bytes
//	  → jmp value; nop     E9 rel32 90

// x86GOT is a decoded GOT-load instruction around a hole's field.
type x86GOT struct {
	form     Form
	indirect bool // call/jmp through memory
	reg      int  // destination register of the mov forms, else -1
}

// original reports whether the form is one the compiler emits (one Patch
// accepts), not one Patch produced.
func (x x86GOT) original() bool {
	return x.form == FormMovLoad || (x.form == FormCall || x.form == FormJmp) && x.indirect
}

func isRexW(b byte) bool { return b&0xF8 == 0x48 }

// decodeX86GOT reads the instruction whose 32-bit field starts at off. It
// looks only at the bytes the forms above fix, so it cannot mistake one
// form for another.
func decodeX86GOT(code []byte, off int) (x86GOT, error) {
	bad := func(msg string) (x86GOT, error) {
		return x86GOT{}, &InstructionError{X86GOTLoad, off, msg}
	}
	if off < 2 {
		return bad("no room for the opcode before the field")
	}
	op, modrm := code[off-2], code[off-1]
	switch op {
	case 0xFF:
		switch modrm {
		case 0x15:
			return x86GOT{FormCall, true, -1}, nil
		case 0x25:
			return x86GOT{FormJmp, true, -1}, nil
		}
		return bad("FF opcode is not call/jmp *disp32(%rip)")
	case 0x67:
		if modrm == 0xE8 {
			return x86GOT{FormCall, false, -1}, nil
		}
	case 0xE9:
		if code[off+3] == 0x90 {
			return x86GOT{FormJmp, false, -1}, nil
		}
	case 0x8B, 0x8D, 0xC7:
		if off < 3 || !isRexW(code[off-3]) {
			return bad("mov/lea without a REX.W prefix (not a 64-bit load)")
		}
		rex := code[off-3]
		if op == 0xC7 {
			if modrm&0xF8 != 0xC0 {
				return bad("C7 opcode is not mov $imm32, %r64")
			}
			return x86GOT{FormMovImm, false, int(modrm&7) | int(rex&1)<<3}, nil
		}
		if modrm&0xC7 != 0x05 {
			return bad("mov/lea operand is not disp32(%rip)")
		}
		f := FormMovLoad
		if op == 0x8D {
			f = FormLea
		}
		return x86GOT{f, false, int(modrm>>3&7) | int(rex&4)<<1}, nil
	}
	return bad("not a mov, call or jmp through a RIP-relative GOT slot")
}

// decodeX86GOTOriginal is decodeX86GOT for Patch, which takes only the
// compiler's forms.
func decodeX86GOTOriginal(code []byte, off int) (x86GOT, error) {
	in, err := decodeX86GOT(code, off)
	if err == nil && !in.original() {
		err = &InstructionError{X86GOTLoad, off, "instruction already relaxed to " + in.form.String()}
	}
	return in, err
}

func patchX86GOTLoad(code []byte, off int, place, value uint64, addend int64, got uint64) error {
	in, err := decodeX86GOTOriginal(code, off)
	if err != nil {
		return err
	}
	field := code[off : off+4]
	switch in.form {
	case FormMovLoad:
		if v := int64(value); v == int64(int32(v)) {
			code[off-3] = 0x48 | code[off-3]>>2&1 // REX.W, REX.B = old REX.R
			code[off-2] = 0xC7
			code[off-1] = 0xC0 | byte(in.reg&7)
			binary.LittleEndian.PutUint32(field, uint32(value))
			return nil
		}
		if d, ok := rel32(value, addend, place); ok {
			code[off-2] = 0x8D
			binary.LittleEndian.PutUint32(field, uint32(d))
			return nil
		}
	case FormCall:
		if d, ok := rel32(value, addend, place); ok {
			code[off-2], code[off-1] = 0x67, 0xE8
			binary.LittleEndian.PutUint32(field, uint32(d))
			return nil
		}
	case FormJmp:
		// The rel32 moves one byte back, so it is one byte further from
		// the instruction's end: add 1 to the addend's PC bias.
		if d, ok := rel32(value, addend+1, place); ok {
			code[off-2] = 0xE9
			binary.LittleEndian.PutUint32(code[off-1:off+3], uint32(d))
			code[off+3] = 0x90
			return nil
		}
	}
	return putRel32(X86GOTLoad, field, place, got, addend)
}

// resolveX86GOT is the inverse of patchX86GOTLoad for every form.
func resolveX86GOT(code []byte, off int, place uint64, addend int64) (Ref, error) {
	in, err := decodeX86GOT(code, off)
	if err != nil {
		return Ref{}, err
	}
	r := Ref{Form: in.form, Mask: ^uint64(0), Indirect: in.indirect || in.form == FormMovLoad, Reg: in.reg, Base: -1}
	disp := uint64(int64(int32(binary.LittleEndian.Uint32(code[off:]))))
	switch {
	case in.form == FormMovImm:
		r.Value = disp
	case in.form == FormJmp && !in.indirect:
		d := uint64(int64(int32(binary.LittleEndian.Uint32(code[off-1:]))))
		r.Value = place - 1 + d - uint64(addend)
	default:
		r.Value = place + disp - uint64(addend)
	}
	return r, nil
}
