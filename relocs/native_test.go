package relocs

import (
	"debug/elf"
	"debug/macho"
	"errors"
	"testing"
)

func TestFromELF(t *testing.T) {
	tests := []struct {
		m    elf.Machine
		typ  uint32
		want Kind
		err  string
	}{
		{elf.EM_X86_64, uint32(elf.R_X86_64_64), Abs64, ""},
		{elf.EM_X86_64, uint32(elf.R_X86_64_PC32), X86PCRel32, ""},
		{elf.EM_X86_64, uint32(elf.R_X86_64_PLT32), X86PCRel32, ""},
		{elf.EM_X86_64, uint32(elf.R_X86_64_GOTPCRELX), X86GOTLoad, ""},
		{elf.EM_X86_64, uint32(elf.R_X86_64_REX_GOTPCRELX), X86GOTLoad, ""},
		{elf.EM_X86_64, uint32(elf.R_X86_64_GOTPCREL), X86GOTPCRel32, ""},
		{elf.EM_X86_64, uint32(elf.R_X86_64_GOTOFF64), 0, "unsupported relocation R_X86_64_GOTOFF64"},
		{elf.EM_X86_64, uint32(elf.R_X86_64_32S), X86Abs32S, ""},
		{elf.EM_X86_64, uint32(elf.R_X86_64_32), 0, "unsupported relocation R_X86_64_32"},
		{elf.EM_X86_64, uint32(elf.R_X86_64_NONE), 0, "unsupported relocation R_X86_64_NONE"},
		{elf.EM_X86_64, uint32(elf.R_AARCH64_ABS64), 0, "unsupported relocation R_X86_64 type 257"}, // no x86 type has the number
		{elf.EM_X86_64, 9999, 0, "unsupported relocation R_X86_64 type 9999"},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_ABS64), Abs64, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_JUMP26), A64Branch26, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_CALL26), A64Branch26, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_ADR_PREL_PG_HI21), A64Page21, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_ADD_ABS_LO12_NC), A64PageOff12, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_LDST8_ABS_LO12_NC), A64PageOff12, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_LDST16_ABS_LO12_NC), A64PageOff12, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_LDST32_ABS_LO12_NC), A64PageOff12, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_LDST64_ABS_LO12_NC), A64PageOff12, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_LDST128_ABS_LO12_NC), A64PageOff12, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_ADR_GOT_PAGE), A64GOTPage21, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_LD64_GOT_LO12_NC), A64GOTLoad12, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_MOVW_UABS_G0_NC), A64MovW0, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_MOVW_UABS_G1_NC), A64MovW1, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_MOVW_UABS_G2_NC), A64MovW2, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_MOVW_UABS_G3), A64MovW3, ""},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_MOVW_UABS_G0), 0, "unsupported relocation R_AARCH64_MOVW_UABS_G0"},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_CONDBR19), 0, "unsupported relocation R_AARCH64_CONDBR19"},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_PREL32), 0, "unsupported relocation R_AARCH64_PREL32"},
		{elf.EM_AARCH64, uint32(elf.R_X86_64_64), 0, "unsupported relocation R_AARCH64_P32_ABS32"}, // 1 is ILP32's
		{elf.EM_AARCH64, 9999, 0, "unsupported relocation R_AARCH64 type 9999"},
		{elf.EM_386, 1, 0, "unsupported machine EM_386"},
	}
	for _, tt := range tests {
		got, err := FromELF(tt.m, tt.typ)
		checkFrom(t, "FromELF", tt.m, tt.typ, got, err, tt.want, tt.err)
	}
}

func TestFromMachO(t *testing.T) {
	tests := []struct {
		cpu  macho.Cpu
		typ  uint8
		want Kind
		err  string
	}{
		{macho.CpuAmd64, uint8(macho.X86_64_RELOC_UNSIGNED), Abs64, ""},
		{macho.CpuAmd64, uint8(macho.X86_64_RELOC_SIGNED), X86PCRel32, ""},
		{macho.CpuAmd64, uint8(macho.X86_64_RELOC_SIGNED_1), X86PCRel32, ""},
		{macho.CpuAmd64, uint8(macho.X86_64_RELOC_SIGNED_2), X86PCRel32, ""},
		{macho.CpuAmd64, uint8(macho.X86_64_RELOC_SIGNED_4), X86PCRel32, ""},
		{macho.CpuAmd64, uint8(macho.X86_64_RELOC_BRANCH), X86PCRel32, ""},
		{macho.CpuAmd64, uint8(macho.X86_64_RELOC_GOT_LOAD), X86GOTLoad, ""},
		{macho.CpuAmd64, uint8(macho.X86_64_RELOC_GOT), X86GOTPCRel32, ""},
		{macho.CpuAmd64, uint8(macho.X86_64_RELOC_SUBTRACTOR), 0, "unsupported relocation X86_64_RELOC_SUBTRACTOR"},
		{macho.CpuAmd64, uint8(macho.X86_64_RELOC_TLV), 0, "unsupported relocation X86_64_RELOC_TLV"},
		{macho.CpuArm64, uint8(macho.ARM64_RELOC_UNSIGNED), Abs64, ""},
		{macho.CpuArm64, uint8(macho.ARM64_RELOC_BRANCH26), A64Branch26, ""},
		{macho.CpuArm64, uint8(macho.ARM64_RELOC_PAGE21), A64Page21, ""},
		{macho.CpuArm64, uint8(macho.ARM64_RELOC_PAGEOFF12), A64PageOff12, ""},
		{macho.CpuArm64, uint8(macho.ARM64_RELOC_GOT_LOAD_PAGE21), A64GOTPage21, ""},
		{macho.CpuArm64, uint8(macho.ARM64_RELOC_GOT_LOAD_PAGEOFF12), A64GOTLoad12, ""},
		{macho.CpuArm64, uint8(macho.ARM64_RELOC_ADDEND), 0, "unsupported relocation ARM64_RELOC_ADDEND"},
		{macho.CpuArm64, uint8(macho.ARM64_RELOC_SUBTRACTOR), 0, "unsupported relocation ARM64_RELOC_SUBTRACTOR"},
		{macho.CpuArm64, uint8(macho.ARM64_RELOC_POINTER_TO_GOT), 0, "unsupported relocation ARM64_RELOC_POINTER_TO_GOT"},
		{macho.CpuArm64, uint8(macho.ARM64_RELOC_TLVP_LOAD_PAGE21), 0, "unsupported relocation ARM64_RELOC_TLVP_LOAD_PAGE21"},
		{macho.CpuAmd64, 200, 0, "unsupported relocation X86_64_RELOC type 200"},
		{macho.CpuArm64, 200, 0, "unsupported relocation ARM64_RELOC type 200"},
		{macho.Cpu386, 0, 0, "unsupported machine Cpu386"},
	}
	for _, tt := range tests {
		got, err := FromMachO(tt.cpu, tt.typ)
		checkFrom(t, "FromMachO", tt.cpu, tt.typ, got, err, tt.want, tt.err)
	}
}

func checkFrom(t *testing.T, fn string, m, typ any, got Kind, err error, want Kind, wantErr string) {
	t.Helper()
	if wantErr != "" {
		var ue *UnsupportedError
		if err == nil || err.Error() != wantErr || !errors.As(err, &ue) || got != KindInvalid {
			t.Errorf("%s(%v, %v) = %v, %v; want error %q", fn, m, typ, got, err, wantErr)
		}
		return
	}
	if err != nil || got != want {
		t.Errorf("%s(%v, %v) = %v, %v; want %v", fn, m, typ, got, err, want)
	}
}
