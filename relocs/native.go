package relocs

import (
	"debug/elf"
	"debug/macho"
	"fmt"
	"strings"
)

// UnsupportedError reports a relocation type, or a machine, that has no
// Kind. Name is the native name ("R_X86_64_GOTOFF64").
type UnsupportedError struct {
	What string // "relocation" or "machine"
	Name string
}

func (e *UnsupportedError) Error() string { return "unsupported " + e.What + " " + e.Name }

// elfX86 and the tables below are the whole normalisation: a native type
// missing from them fails the build with its name, never silently.
var elfX86 = map[elf.R_X86_64]Kind{
	elf.R_X86_64_64:            Abs64,
	elf.R_X86_64_PC32:          X86PCRel32,
	elf.R_X86_64_PLT32:         X86PCRel32, // we resolve calls directly: no PLT
	elf.R_X86_64_GOTPCRELX:     X86GOTLoad,
	elf.R_X86_64_REX_GOTPCRELX: X86GOTLoad,
	elf.R_X86_64_GOTPCREL:      X86GOTPCRel32, // may sit on any instruction: never relaxed
	elf.R_X86_64_32S:           X86Abs32S,     // a disp32 without -fpic; stencilgen allows it only for operands
}

var elfA64 = map[elf.R_AARCH64]Kind{
	elf.R_AARCH64_ABS64:               Abs64,
	elf.R_AARCH64_JUMP26:              A64Branch26,
	elf.R_AARCH64_CALL26:              A64Branch26,
	elf.R_AARCH64_ADR_PREL_PG_HI21:    A64Page21,
	elf.R_AARCH64_ADD_ABS_LO12_NC:     A64PageOff12,
	elf.R_AARCH64_LDST8_ABS_LO12_NC:   A64PageOff12,
	elf.R_AARCH64_LDST16_ABS_LO12_NC:  A64PageOff12,
	elf.R_AARCH64_LDST32_ABS_LO12_NC:  A64PageOff12,
	elf.R_AARCH64_LDST64_ABS_LO12_NC:  A64PageOff12,
	elf.R_AARCH64_LDST128_ABS_LO12_NC: A64PageOff12,
	elf.R_AARCH64_ADR_GOT_PAGE:        A64GOTPage21,
	elf.R_AARCH64_LD64_GOT_LO12_NC:    A64GOTLoad12,
	// Only the no-check groups and G3 (which cannot overflow): the checked
	// G0-G2 forms promise an overflow error that the patcher does not give.
	elf.R_AARCH64_MOVW_UABS_G0_NC: A64MovW0,
	elf.R_AARCH64_MOVW_UABS_G1_NC: A64MovW1,
	elf.R_AARCH64_MOVW_UABS_G2_NC: A64MovW2,
	elf.R_AARCH64_MOVW_UABS_G3:    A64MovW3,
}

// Mach-O x86-64 keeps addends and PC biases in the field itself; the caller
// (stencilgen) turns them into the ELF-style Hole.Addend (the field gets
// S+A-P), so one kind serves X86_64_RELOC_BRANCH and every SIGNED variant.
var machoX86 = map[macho.RelocTypeX86_64]Kind{
	macho.X86_64_RELOC_UNSIGNED: Abs64, // the caller checks the length is 3 (8 bytes)
	macho.X86_64_RELOC_SIGNED:   X86PCRel32,
	macho.X86_64_RELOC_SIGNED_1: X86PCRel32,
	macho.X86_64_RELOC_SIGNED_2: X86PCRel32,
	macho.X86_64_RELOC_SIGNED_4: X86PCRel32,
	macho.X86_64_RELOC_BRANCH:   X86PCRel32,
	macho.X86_64_RELOC_GOT_LOAD: X86GOTLoad,
	macho.X86_64_RELOC_GOT:      X86GOTPCRel32,
}

// ARM64_RELOC_ADDEND is absent on purpose: the parser folds it into the
// next record's addend, so meeting one here is an error.
var machoA64 = map[macho.RelocTypeARM64]Kind{
	macho.ARM64_RELOC_UNSIGNED:           Abs64,
	macho.ARM64_RELOC_BRANCH26:           A64Branch26,
	macho.ARM64_RELOC_PAGE21:             A64Page21,
	macho.ARM64_RELOC_PAGEOFF12:          A64PageOff12,
	macho.ARM64_RELOC_GOT_LOAD_PAGE21:    A64GOTPage21,
	macho.ARM64_RELOC_GOT_LOAD_PAGEOFF12: A64GOTLoad12,
}

// FromELF maps an ELF relocation type of machine m onto a Kind.
func FromELF(m elf.Machine, typ uint32) (Kind, error) {
	switch m {
	case elf.EM_X86_64:
		if k, ok := elfX86[elf.R_X86_64(typ)]; ok {
			return k, nil
		}
		return KindInvalid, unsupported(elf.R_X86_64(typ), "R_X86_64", uint64(typ))
	case elf.EM_AARCH64:
		if k, ok := elfA64[elf.R_AARCH64(typ)]; ok {
			return k, nil
		}
		return KindInvalid, unsupported(elf.R_AARCH64(typ), "R_AARCH64", uint64(typ))
	}
	return KindInvalid, &UnsupportedError{"machine", m.String()}
}

// FromMachO maps a Mach-O relocation type of cpu onto a Kind.
func FromMachO(cpu macho.Cpu, typ uint8) (Kind, error) {
	switch cpu {
	case macho.CpuAmd64:
		if k, ok := machoX86[macho.RelocTypeX86_64(typ)]; ok {
			return k, nil
		}
		return KindInvalid, unsupported(macho.RelocTypeX86_64(typ), "X86_64_RELOC", uint64(typ))
	case macho.CpuArm64:
		if k, ok := machoA64[macho.RelocTypeARM64(typ)]; ok {
			return k, nil
		}
		return KindInvalid, unsupported(macho.RelocTypeARM64(typ), "ARM64_RELOC", uint64(typ))
	}
	return KindInvalid, &UnsupportedError{"machine", fmt.Sprint(cpu)}
}

// unsupported names a relocation type by its spec name, or by family and
// number when the standard library has no name for it (it would print
// "R_X86_64_REX_GOTPCRELX+215").
func unsupported(typ fmt.Stringer, family string, n uint64) error {
	name := typ.String()
	if strings.ContainsAny(name, "+(") {
		name = fmt.Sprintf("%s type %d", family, n)
	}
	return &UnsupportedError{"relocation", name}
}
