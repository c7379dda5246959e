package relocs

import (
	"encoding/binary"
	"fmt"
)

// Form is the instruction (or data word) a hole's field sits in, as
// Resolve finds it after patching and relaxation.
type Form uint8

const (
	FormInvalid Form = iota
	FormWord         // a 64-bit data word (Abs64)
	FormRel32        // an x86 rel32/disp32 field of an instruction Resolve does not decode
	FormMovLoad      // x86 mov disp32(%rip), %r64: a load through a GOT slot
	FormMovImm       // x86 mov $imm32, %r64 (sign-extended)
	FormLea          // x86 lea disp32(%rip), %r64
	FormCall         // x86 call rel32, or call *disp32(%rip) when Indirect
	FormJmp          // x86 jmp rel32, or jmp *disp32(%rip) when Indirect
	FormB            // arm64 B
	FormBL           // arm64 BL
	FormADRP         // arm64 ADRP
	FormADR          // arm64 ADR
	FormADD          // arm64 ADD (immediate)
	FormLDST         // arm64 load/store with a scaled unsigned 12-bit offset
	FormLDRLit       // arm64 LDR Xt, label (PC-relative literal)
	FormMOVZ         // arm64 MOVZ
	FormMOVN         // arm64 MOVN
	FormMOVK         // arm64 MOVK
	FormALULoad      // x86 add/or/adc/sbb/and/sub/xor/cmp/test of a disp32(%rip) operand into a 64-bit register
	FormALUImm       // the same operation with an imm32 (sign-extended)
	FormNOP          // arm64 NOP: a linker dropped the ADRP of a GOT pair it relaxed (Mask 0: it fixes no bits)
	FormAbs32        // an x86 signed 32-bit absolute field (X86Abs32S)

	numForms
)

var formNames = [...]string{
	FormInvalid: "invalid",
	FormWord:    "word",
	FormRel32:   "rel32",
	FormMovLoad: "mov_load",
	FormMovImm:  "mov_imm",
	FormLea:     "lea",
	FormCall:    "call",
	FormJmp:     "jmp",
	FormB:       "b",
	FormBL:      "bl",
	FormADRP:    "adrp",
	FormADR:     "adr",
	FormADD:     "add",
	FormLDST:    "ldst",
	FormLDRLit:  "ldr_literal",
	FormMOVZ:    "movz",
	FormMOVN:    "movn",
	FormMOVK:    "movk",
	FormALULoad: "alu_load",
	FormALUImm:  "alu_imm",
	FormNOP:     "nop",
	FormAbs32:   "abs32",
}

func (f Form) String() string {
	if int(f) < len(formNames) {
		return formNames[f]
	}
	return fmt.Sprintf("Form(%d)", f)
}

// Ref is what a patched field denotes, read back by Resolve.
//
// Value is S, the value Patch was given, wherever the field determines it
// whole (Mask is all ones): the word minus the addend for Abs64, the
// PC-relative target minus the addend, the immediate of a relaxed GOT load.
// When Indirect is set, Value is instead the address of the 8-byte word the
// instruction loads from (the GOT slot), and S is the word's content.
//
// Some arm64 fields fix only part of an address; then Value holds those
// bits of S+A (the target with its addend) and Mask says which: ^0xfff for
// an ADRP's page, 0xfff for a low-12-bit offset, 0xffff<<16n for a MOVZ/MOVK
// group. WithPage joins a low-12 Ref to the page of its ADRP.
type Ref struct {
	Form     Form
	Value    uint64
	Mask     uint64
	Indirect bool // the instruction loads from the word at Value
	Reg      int  // destination register (x86 0-15, arm64 Rd/Rt 0-31), -1 when none
	Base     int  // arm64 base register Rn of ADD and loads/stores, -1 when none: pair it with the ADRP whose Reg it is
	Scale    int  // access size in bytes of an arm64 load/store (FormLDST), else 0
}

func (r Ref) String() string {
	s := fmt.Sprintf("%v %#x", r.Form, r.Value)
	if r.Mask != ^uint64(0) {
		s += fmt.Sprintf("&%#x", r.Mask)
	}
	if r.Indirect {
		s = "[" + s + "]"
	}
	if r.Reg >= 0 {
		s += fmt.Sprintf(" reg=%d", r.Reg)
	}
	if r.Base >= 0 {
		s += fmt.Sprintf(" base=%d", r.Base)
	}
	return s
}

// WithPage completes a low-12-bit Ref (from A64PageOff12 or an unrelaxed
// A64GOTLoad12) with the page of its ADRP (A64Page21 or A64GOTPage21),
// giving the whole address. The ADRP must write the register the low-12
// instruction uses as its base.
func (r Ref) WithPage(page Ref) (Ref, error) {
	if r.Mask != 0xFFF || page.Mask != ^uint64(0xFFF) || page.Form != FormADRP {
		return Ref{}, fmt.Errorf("relocs: cannot join %v to page %v", r, page)
	}
	if page.Reg != r.Base {
		return Ref{}, fmt.Errorf("relocs: ADRP writes x%d but the low-12 instruction reads x%d", page.Reg, r.Base)
	}
	r.Value, r.Mask = page.Value|r.Value&0xFFF, ^uint64(0)
	return r, nil
}

// Resolve reads back what the field at code[off] (run-time address place)
// denotes after patching: the inverse of Patch, used to compare our
// patching with a real linker's output. addend is Hole.Addend. It accepts
// both the compiler's original instructions and every relaxed form Patch
// writes; see Ref for what Value means.
//
// For X86PCRel32 and X86GOTPCRel32 the instruction around the field is not
// decoded (Form is FormRel32): Value is place+disp-addend, which is S when
// the addend carries the usual PC bias.
func Resolve(k Kind, code []byte, off int, place uint64, addend int64) (Ref, error) {
	if err := bounds(k, code, off); err != nil {
		return Ref{}, err
	}
	switch k {
	case Abs64:
		w := binary.LittleEndian.Uint64(code[off:])
		return Ref{Form: FormWord, Value: w - uint64(addend), Mask: ^uint64(0), Reg: -1, Base: -1}, nil
	case X86PCRel32, X86GOTPCRel32:
		disp := uint64(int64(int32(binary.LittleEndian.Uint32(code[off:]))))
		return Ref{Form: FormRel32, Value: place + disp - uint64(addend), Mask: ^uint64(0),
			Indirect: k == X86GOTPCRel32, Reg: -1, Base: -1}, nil
	case X86GOTLoad:
		return resolveX86GOT(code, off, place, addend)
	case X86Abs32S:
		v := uint64(int64(int32(binary.LittleEndian.Uint32(code[off:]))))
		return Ref{Form: FormAbs32, Value: v - uint64(addend), Mask: ^uint64(0), Reg: -1, Base: -1}, nil
	}
	return resolveA64(k, code, off, place, addend)
}
