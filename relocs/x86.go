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
//	op slot(%rip), %r64    REX.W op /r (mod 00, rm 101) disp32   7 bytes
//	  → op $imm32, %r64    REX.W 81 /n (mod 11)         imm32    (op = n<<3|3: add or adc sbb and sub xor cmp)
//	test %r64, slot(%rip)  REX.W 85 /r                  disp32
//	  → test $imm32, %r64  REX.W F7 /0 (mod 11)         imm32
//	anything else RIP-relative: never relaxed, the field addresses the slot

// x86GOT is a decoded GOT-load instruction around a hole's field.
type x86GOT struct {
	form     Form
	indirect bool // call/jmp through memory
	reg      int  // register operand of the mov and ALU forms, else -1
	op       byte // the ALU forms' opcode (03, 0B, … 3B, or 85 for test)
}

// original reports whether the form is one the compiler emits (one Patch
// accepts), not one Patch produced.
func (x x86GOT) original() bool {
	return x.form == FormMovLoad || x.form == FormALULoad || x.form == FormRel32 || (x.form == FormCall || x.form == FormJmp) && x.indirect
}

func isRexW(b byte) bool { return b&0xF8 == 0x48 }

// decodeX86GOT reads the instruction whose 32-bit field starts at off. It
// looks only at the bytes the forms above fix, so it cannot mistake one form
// for another. A GOT relocation always sits on a RIP-relative disp32, so the
// byte before the field is a ModRM with mod 00, rm 101; any instruction of
// that shape that is not one of the relaxable forms (`add slot(%rip), %rax`,
// `push *slot(%rip)`, a 32-bit mov) is FormRel32: Patch leaves it loading
// through the slot, as a linker does, which is right whatever the opcode.
func decodeX86GOT(code []byte, off int) (x86GOT, error) {
	bad := func(msg string) (x86GOT, error) {
		return x86GOT{}, &InstructionError{X86GOTLoad, off, msg}
	}
	if off < 2 {
		return bad("no room for an opcode and ModRM before the field")
	}
	op, modrm := code[off-2], code[off-1]
	rexW := off >= 3 && isRexW(code[off-3])
	switch {
	case op == 0x67 && modrm == 0xE8:
		return x86GOT{FormCall, false, -1, 0}, nil
	case op == 0xE9 && code[off+3] == 0x90:
		return x86GOT{FormJmp, false, -1, 0}, nil
	case op == 0xC7 && rexW && modrm&0xF8 == 0xC0:
		return x86GOT{FormMovImm, false, int(modrm&7) | int(code[off-3]&1)<<3, 0}, nil
	case op == 0x81 && rexW && modrm&0xC0 == 0xC0:
		return x86GOT{FormALUImm, false, int(modrm&7) | int(code[off-3]&1)<<3, modrm>>3&7<<3 | 3}, nil
	case op == 0xF7 && rexW && modrm&0xF8 == 0xC0:
		return x86GOT{FormALUImm, false, int(modrm&7) | int(code[off-3]&1)<<3, 0x85}, nil
	case modrm&0xC7 != 0x05:
		return bad("the field does not follow a RIP-relative ModRM")
	case op == 0xFF && modrm == 0x15:
		return x86GOT{FormCall, true, -1, 0}, nil
	case op == 0xFF && modrm == 0x25:
		return x86GOT{FormJmp, true, -1, 0}, nil
	case (op == 0x8B || op == 0x8D) && rexW:
		f := FormMovLoad
		if op == 0x8D {
			f = FormLea
		}
		return x86GOT{f, false, int(modrm>>3&7) | int(code[off-3]&4)<<1, 0}, nil
	case (op&0xC7 == 0x03 || op == 0x85) && rexW:
		return x86GOT{FormALULoad, false, int(modrm>>3&7) | int(code[off-3]&4)<<1, op}, nil
	}
	return x86GOT{FormRel32, true, -1, 0}, nil
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

// resolveX86GOT is the inverse of patchX86GOTLoad for every form.
func resolveX86GOT(code []byte, off int, place uint64, addend int64) (Ref, error) {
	in, err := decodeX86GOT(code, off)
	if err != nil {
		return Ref{}, err
	}
	r := Ref{Form: in.form, Mask: ^uint64(0), Indirect: in.indirect || in.form == FormMovLoad || in.form == FormALULoad, Reg: in.reg, Base: -1}
	disp := uint64(int64(int32(binary.LittleEndian.Uint32(code[off:]))))
	switch {
	case in.form == FormMovImm || in.form == FormALUImm:
		r.Value = disp
	case in.form == FormJmp && !in.indirect:
		d := uint64(int64(int32(binary.LittleEndian.Uint32(code[off-1:]))))
		r.Value = place - 1 + d - uint64(addend)
	default:
		r.Value = place + disp - uint64(addend)
	}
	return r, nil
}
