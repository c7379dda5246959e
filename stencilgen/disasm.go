package stencilgen

import (
	"encoding/binary"
	"fmt"
	"strings"

	"golang.org/x/arch/arm64/arm64asm"
	"golang.org/x/arch/x86/x86asm"

	"github.com/copypatch/copypatch/relocs"
)

// Inst is one disassembled instruction.
type Inst struct {
	Off  int
	Len  int
	Text string // GNU syntax, or ".byte …" where decoding fails
}

// Disassemble decodes code for an architecture. It never fails: bytes it
// cannot decode come out as .byte lines (x86) or .word lines (arm64).
func Disassemble(arch relocs.Arch, code []byte) []Inst {
	var out []Inst
	for off := 0; off < len(code); {
		switch arch {
		case relocs.ARM64:
			if off+4 > len(code) {
				out = append(out, Inst{off, len(code) - off, byteList(code[off:])})
				return out
			}
			word := binary.LittleEndian.Uint32(code[off:])
			text := fmt.Sprintf(".word %#08x", word)
			if inst, err := arm64asm.Decode(code[off : off+4]); err == nil {
				text = arm64asm.GNUSyntax(inst)
			}
			out = append(out, Inst{off, 4, text})
			off += 4
		default:
			inst, err := x86asm.Decode(code[off:], 64)
			if err != nil || inst.Len == 0 {
				out = append(out, Inst{off, 1, byteList(code[off : off+1])})
				off++
				continue
			}
			out = append(out, Inst{off, inst.Len, x86asm.GNUSyntax(inst, 0, nil)})
			off += inst.Len
		}
	}
	return out
}

func byteList(b []byte) string {
	parts := make([]string, len(b))
	for i, c := range b {
		parts[i] = fmt.Sprintf("%#02x", c)
	}
	return ".byte " + strings.Join(parts, ", ")
}

// holeNote describes a hole for a listing: "operand0 (x86_got_load)".
func holeNote(h relocs.Hole) string {
	s := h.Value.String()
	if h.Addend != 0 {
		s += fmt.Sprintf("%+d", h.Addend)
	}
	return s + " (" + h.Kind.String() + ")"
}

// holesIn returns the notes of the holes in [off, off+n) of a section.
func holesIn(holes []relocs.Hole, sec relocs.Section, off, n int) []string {
	var notes []string
	for _, h := range holes {
		if h.Section == sec && int(h.Offset) >= off && int(h.Offset) < off+n {
			notes = append(notes, holeNote(h))
		}
	}
	return notes
}
