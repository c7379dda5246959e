package relocs

import (
	"encoding/binary"
	"fmt"
	"math"
)

// Size is how many bytes of the hole's field Patch may touch at the hole's
// offset: 8 for Abs64, 4 for every other kind, 0 for an invalid kind.
// X86GOTLoad also rewrites up to 3 opcode bytes before the field (see
// Patch).
func (k Kind) Size() int {
	switch {
	case k == Abs64:
		return 8
	case k > Abs64 && k < numKinds:
		return 4
	}
	return 0
}

// Arch is the architecture whose instructions the kind patches. Abs64 is a
// data word valid on both, and returns ArchInvalid, as does an invalid kind.
func (k Kind) Arch() Arch {
	switch k {
	case X86PCRel32, X86GOTLoad, X86GOTPCRel32, X86Abs32S:
		return AMD64
	case A64Branch26, A64Page21, A64PageOff12, A64GOTPage21, A64GOTLoad12,
		A64MovW0, A64MovW1, A64MovW2, A64MovW3:
		return ARM64
	}
	return ArchInvalid
}

// RangeError reports a field that cannot hold the distance from Place to
// Target: the runtime routes such a jump through a veneer. Target is the
// value the hole was patched with, or the GOT slot for GOT kinds.
type RangeError struct {
	Kind   Kind
	Place  uint64
	Target uint64
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("relocs: %v at %#x cannot reach %#x", e.Kind, e.Place, e.Target)
}

// InstructionError reports an instruction (or field) that does not suit its
// hole's kind: a GOT load that is not a mov/call/jmp or LDR, an ADRP hole on
// something else, a misaligned low-12 value for a scaled access. Stencils are
// our own Clang output, so this means a toolchain surprise or a bug.
type InstructionError struct {
	Kind Kind
	Off  int // the hole's offset in the buffer
	Msg  string
}

func (e *InstructionError) Error() string {
	return fmt.Sprintf("relocs: %v hole at +%#x: %s", e.Kind, e.Off, e.Msg)
}

// Patch writes one hole into code, the stencil's copied code (or data)
// buffer. off is the hole's offset (Hole.Offset: the relocated field, which
// for x86 is the disp32/rel32 inside its instruction); place is the run-time
// address of code[off]; value is the resolved Value S (without addend);
// addend is Hole.Addend, ELF-style (the field gets S+A-P, so for x86 it
// includes the -4 PC bias). got is the run-time address of the hole's GOT
// slot for kinds with UsesGOT (the caller has already stored value there),
// else ignored.
//
// Patch only touches code[off:off+k.Size()], except X86GOTLoad, which may
// rewrite its instruction's opcode bytes before off (at most 3) when it
// relaxes. It expects the compiler's original instruction: patching an
// already relaxed X86GOTLoad or A64GOTLoad12 is an error.
//
// It returns a *RangeError when the result does not fit the field, an
// *InstructionError when the instruction at off does not suit the kind, and
// other errors for a bad kind or an offset outside code. It never panics.
func Patch(k Kind, code []byte, off int, place, value uint64, addend int64, got uint64) error {
	f, err := NewFixup(k, code, off, addend)
	if err != nil {
		return err
	}
	return f.Apply(code, place, value, got)
}

func bounds(k Kind, code []byte, off int) error {
	if k.Size() == 0 {
		return fmt.Errorf("relocs: invalid kind %v", k)
	}
	if off < 0 || off > len(code)-k.Size() {
		return fmt.Errorf("relocs: %v hole at +%#x runs outside its %d-byte buffer", k, off, len(code))
	}
	return nil
}

// rel32 is target+addend-place when it fits a signed 32-bit field.
func rel32(target uint64, addend int64, place uint64) (int32, bool) {
	d := int64(target + uint64(addend) - place)
	return int32(d), d >= math.MinInt32 && d <= math.MaxInt32
}

func putRel32(k Kind, field []byte, place, target uint64, addend int64) error {
	d, ok := rel32(target, addend, place)
	if !ok {
		return &RangeError{k, place, target}
	}
	binary.LittleEndian.PutUint32(field, uint32(d))
	return nil
}

// Check reports whether the instruction at code[off] suits kind k (the
// forms Patch accepts) and the addend is one Patch can honour, without
// patching. stencilgen calls it so a surprise fails the build, not a trace.
func Check(k Kind, code []byte, off int, addend int64) error {
	_, err := NewFixup(k, code, off, addend)
	return err
}
