package relocs

import (
	"encoding/binary"
	"fmt"
)

// AArch64 instruction classes the holes sit in (Arm ARM, C4.1), as
// mask/value pairs over the 32-bit word.
const (
	a64BMask, a64B         = 0x7C000000, 0x14000000 // B and BL (bit 31 = link)
	a64ADRPMask, a64ADRP   = 0x9F000000, 0x90000000
	a64ADRMask, a64ADR     = 0x9F000000, 0x10000000
	a64ADDMask, a64ADD     = 0x7FC00000, 0x11000000 // ADD (immediate), 32/64-bit, LSL #0
	a64LDSTMask, a64LDST   = 0x3B000000, 0x39000000 // load/store register (unsigned offset)
	a64LDRXMask, a64LDRX   = 0xFFC00000, 0xF9400000 // LDR Xt, [Xn, #imm]
	a64LDRLitMask, a64LDRL = 0xFF000000, 0x58000000 // LDR Xt, label
	a64MovMask             = 0x7F800000
	a64MOVN, a64MOVZ       = 0x12800000, 0x52800000 // 32-bit encodings; bit 31 = sf
	a64MOVK                = 0x72800000
	a64NOP                 = 0xD503201F
)

// a64Inst is a decoded instruction at a hole.
type a64Inst struct {
	w     uint32
	form  Form
	rd    int // Rd or Rt
	rn    int // Rn of ADD and loads/stores, else -1
	shift uint
}

// fitsSigned reports whether d fits an n-bit two's-complement field.
func fitsSigned(d int64, n uint) bool { return d >= -1<<(n-1) && d < 1<<(n-1) }

func (in a64Inst) ldstScale() (uint, error) {
	w := in.w
	size, simd, opc := uint(w>>30), w>>26&1 == 1, w>>22&3
	switch {
	case simd && opc&2 != 0:
		if size != 0 {
			return 0, fmt.Errorf("unallocated SIMD&FP load/store encoding %#08x", w)
		}
		return 4, nil // Q register, 16 bytes
	case !simd && opc == 3 && size >= 2:
		return 0, fmt.Errorf("unallocated load/store encoding %#08x", w)
	}
	return size, nil
}

// decodeA64 reads and checks the instruction at off for kind k: Patch
// accepts only what the compiler emits for the kind. It also rejects
// addends the kind cannot honour.
func decodeA64(k Kind, code []byte, off int, addend int64) (a64Inst, error) {
	bad := func(msg string, args ...any) (a64Inst, error) {
		return a64Inst{}, &InstructionError{k, off, fmt.Sprintf(msg, args...)}
	}
	w := binary.LittleEndian.Uint32(code[off:])
	in := a64Inst{w: w, rd: int(w & 31), rn: -1}
	if (k == A64GOTPage21 || k == A64GOTLoad12) && addend != 0 {
		// The GOT slot holds the value itself; an addend would name a
		// different slot (GDAT(S+A)) that the stencil does not have.
		return bad("GOT hole with addend %d", addend)
	}
	switch k {
	case A64Branch26:
		if w&a64BMask != a64B {
			return bad("%#08x is not B or BL", w)
		}
		in.form = FormB
		if w>>31 == 1 {
			in.form = FormBL
		}
		in.rd = -1
	case A64Page21, A64GOTPage21:
		if w&a64ADRPMask != a64ADRP {
			return bad("%#08x is not ADRP", w)
		}
		in.form = FormADRP
	case A64PageOff12:
		in.rn = int(w >> 5 & 31)
		switch {
		case w&a64ADDMask == a64ADD:
			in.form = FormADD
		case w&a64LDSTMask == a64LDST:
			in.form = FormLDST
			s, err := in.ldstScale()
			if err != nil {
				return bad("%v", err)
			}
			in.shift = s
		default:
			return bad("%#08x is not ADD (immediate) or a load/store with unsigned offset", w)
		}
	case A64GOTLoad12:
		if w&a64LDRXMask != a64LDRX {
			return bad("%#08x is not LDR Xt, [Xn, #imm]", w)
		}
		in.form, in.rn, in.shift = FormLDST, int(w>>5&31), 3
	case A64MovW0, A64MovW1, A64MovW2, A64MovW3:
		switch w & a64MovMask {
		case a64MOVZ:
			in.form = FormMOVZ
		case a64MOVK:
			in.form = FormMOVK
		default:
			return bad("%#08x is not MOVZ or MOVK", w)
		}
		g := uint(k - A64MovW0)
		if hw := uint(w >> 21 & 3); hw != g || w>>31 == 0 && g >= 2 {
			return bad("%#08x shifts by %d, want LSL #%d of a 64-bit register", w, 16*hw, 16*g)
		}
		in.shift = 16 * g
	default:
		return bad("not an arm64 kind")
	}
	return in, nil
}

// encADR puts a 21-bit immediate into ADR/ADRP's immlo:immhi.
func encADR(w uint32, d int64) uint32 {
	return w&^(3<<29|0x7FFFF<<5) | uint32(d&3)<<29 | uint32(d>>2&0x7FFFF)<<5
}

// decADR reads ADR/ADRP's sign-extended 21-bit immediate.
func decADR(w uint32) int64 {
	imm := int64(w>>29&3) | int64(w>>5&0x7FFFF)<<2
	return imm << 43 >> 43
}

// relaxA64GOTLoad rewrites `LDR Xt, [Xn, #:got_lo12:]` into the cheapest
// instruction that puts value in Xt. The paired ADRP is patched to the
// slot's page regardless; when the LDR is relaxed it is merely dead.
func relaxA64GOTLoad(in a64Inst, off int, place, value, got uint64) (uint32, error) {
	rt := uint32(in.rd)
	if value <= 0xFFFF {
		return a64MOVZ | 1<<31 | uint32(value)<<5 | rt, nil
	}
	if ^value <= 0xFFFF {
		return a64MOVN | 1<<31 | uint32(^value)<<5 | rt, nil
	}
	if d := int64(value - place); fitsSigned(d, 21) {
		return encADR(a64ADR|rt, d), nil
	}
	if d := int64(got - place); d%4 == 0 && fitsSigned(d, 21) {
		return a64LDRL | uint32(d>>2&0x7FFFF)<<5 | rt, nil
	}
	if got%8 != 0 {
		return 0, &InstructionError{A64GOTLoad12, off, fmt.Sprintf("GOT slot %#x is not 8-byte aligned", got)}
	}
	return in.w&^(0xFFF<<10) | uint32(got&0xFFF>>3)<<10, nil
}

// resolveA64 is the inverse of patchA64 for every form it writes.
func resolveA64(k Kind, code []byte, off int, place uint64, addend int64) (Ref, error) {
	w := binary.LittleEndian.Uint32(code[off:])
	r := Ref{Mask: ^uint64(0), Reg: int(w & 31), Base: -1}
	if k == A64GOTLoad12 {
		// Any of the relaxed forms, or the LDR itself.
		switch {
		case w&a64LDRXMask == a64LDRX:
		case w&0xFFE00000 == a64MOVZ|1<<31:
			r.Form, r.Value = FormMOVZ, uint64(w>>5&0xFFFF)
			return r, nil
		case w&0xFFE00000 == a64MOVN|1<<31:
			r.Form, r.Value = FormMOVN, ^uint64(w>>5&0xFFFF)
			return r, nil
		case w&a64ADRMask == a64ADR:
			r.Form, r.Value = FormADR, place+uint64(decADR(w))
			return r, nil
		case w&a64LDRLitMask == a64LDRL:
			imm := int64(w>>5&0x7FFFF) << 45 >> 43
			r.Form, r.Value, r.Indirect = FormLDRLit, place+uint64(imm), true
			return r, nil
		case w&0xFFC00000 == a64ADD|1<<31:
			// Not ours: a linker's relaxation of an adjacent ADRP+LDR
			// pair (lld) computes the address instead of loading it.
			r.Form, r.Value, r.Mask, r.Base = FormADD, uint64(w>>10&0xFFF), 0xFFF, int(w>>5&31)
			return r, nil
		}
	}
	if k == A64GOTPage21 && w == a64NOP {
		return Ref{Form: FormNOP, Reg: -1, Base: -1}, nil
	}
	in, err := decodeA64(k, code, off, addend)
	if err != nil {
		return Ref{}, err
	}
	r.Form, r.Reg, r.Base = in.form, in.rd, in.rn
	switch k {
	case A64Branch26:
		d := int64(w&0x03FFFFFF) << 38 >> 36
		r.Value = place + uint64(d) - uint64(addend)
	case A64Page21, A64GOTPage21:
		r.Value, r.Mask = place&^0xFFF+uint64(decADR(w)<<12), ^uint64(0xFFF)
	case A64PageOff12, A64GOTLoad12:
		r.Value, r.Mask = uint64(w>>10&0xFFF)<<in.shift, 0xFFF
		r.Indirect = k == A64GOTLoad12
		if in.form == FormLDST {
			r.Scale = 1 << in.shift
		}
	case A64MovW0, A64MovW1, A64MovW2, A64MovW3:
		r.Value, r.Mask = uint64(w>>5&0xFFFF)<<in.shift, 0xFFFF<<in.shift
	}
	return r, nil
}
