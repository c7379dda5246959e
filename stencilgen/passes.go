package stencilgen

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/copypatch/copypatch/relocs"
)

// A Pass shapes one stencil after it is read from its object.
type Pass func(t Target, s *relocs.Stencil) error

// Passes run in order on every stencil.
var Passes = []Pass{
	RemoveTrailingContinue,
	CheckHoles,
}

// RemoveTrailingContinue deletes a jump to the next stencil when it is the
// last instruction: the runtime places the next stencil right there, so
// falling through is the jump. Branches inside the stencil that targeted the
// deleted jump now reach the next stencil directly, which is the same place.
func RemoveTrailingContinue(t Target, s *relocs.Stencil) error {
	n := len(s.Holes)
	if n == 0 {
		return nil
	}
	last := -1
	for i, h := range s.Holes {
		if h.Section == relocs.Code {
			last = i
		}
	}
	if last < 0 {
		return nil
	}
	h := s.Holes[last]
	if h.Value != relocs.ValueContinue {
		return nil
	}
	code := s.Code
	switch t.RArch {
	case relocs.AMD64:
		// jmp rel32: E9 then the field, which ends the code.
		if h.Kind == relocs.X86PCRel32 && h.Addend == -4 && int(h.Offset)+4 == len(code) &&
			h.Offset >= 1 && code[h.Offset-1] == 0xE9 {
			s.Code = code[:h.Offset-1]
			s.Holes = append(s.Holes[:last], s.Holes[last+1:]...)
		}
	case relocs.ARM64:
		// B imm26 (not BL) as the last word.
		if h.Kind == relocs.A64Branch26 && h.Addend == 0 && int(h.Offset)+4 == len(code) &&
			binary.LittleEndian.Uint32(code[h.Offset:])&0xFC000000 == 0x14000000 {
			s.Code = code[:h.Offset]
			s.Holes = append(s.Holes[:last], s.Holes[last+1:]...)
		}
	}
	return nil
}

// CheckHoles proves every hole lies inside its section, suits the target's
// architecture, and names a GOT slot inside the data when it needs one.
func CheckHoles(t Target, s *relocs.Stencil) error {
	for _, h := range s.Holes {
		size := len(s.Code)
		if h.Section == relocs.Data {
			size = len(s.Data)
		}
		if int(h.Offset)+h.Kind.Size() > size {
			return fmt.Errorf("%s hole at %s+%#x runs past the end (%d bytes)", h.Kind, h.Section, h.Offset, size)
		}
		if a := h.Kind.Arch(); a != relocs.ArchInvalid && a != t.RArch {
			return fmt.Errorf("%s hole at %s+%#x in a %s stencil", h.Kind, h.Section, h.Offset, t.RArch)
		}
		if h.Kind.UsesGOT() != (h.GOT >= 0) || h.GOT >= 0 && int(h.GOT)+8 > len(s.Data) {
			return fmt.Errorf("%s hole at %s+%#x has a bad GOT slot %d", h.Kind, h.Section, h.Offset, h.GOT)
		}
		// A 32-bit absolute field holds a slot offset; an address (the
		// code's, the data's, a jump's) lies anywhere in the address
		// space and would not fit.
		if h.Kind == relocs.X86Abs32S && (h.Value < relocs.ValueOperand0 || h.Value > relocs.ValueOperand3) {
			return fmt.Errorf("%s hole at %s+%#x holds %s (%s): only an operand fits a 32-bit absolute field; take the address through a GOT load (see CP_CONTINUE_ADDRESS in copypatch.h)", h.Kind, h.Section, h.Offset, h.Value, h.Symbol)
		}
	}
	return nil
}

var (
	errWritable  = errors.New("writable section: stencils are shared by every trace and must not hold mutable data")
	errCodeTable = errors.New("a table of addresses inside the template's own code (a computed goto's &&label table, or a jump table): " +
		"refused on every target, since ELF keeps such tables in writable data and stencil passes may move code they cannot see; " +
		"write a switch (templates are compiled with -fno-jump-tables)")
)

// codeAddressInData finds the first data hole that holds an address in the
// stencil's own code.
func codeAddressInData(holes []relocs.Hole) (off uint64, found bool) {
	for _, h := range holes {
		if h.Section == relocs.Data && h.Value == relocs.ValueCode && (!found || uint64(h.Offset) < off) {
			off, found = uint64(h.Offset), true
		}
	}
	return off, found
}
