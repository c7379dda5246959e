package relocs

import "fmt"

// Arch is a machine architecture a stencil can be built for.
type Arch uint8

const (
	ArchInvalid Arch = iota
	AMD64            // x86-64
	ARM64            // AArch64
)

var archNames = [...]string{ArchInvalid: "invalid", AMD64: "amd64", ARM64: "arm64"}

func (a Arch) String() string {
	if int(a) < len(archNames) {
		return archNames[a]
	}
	return fmt.Sprintf("Arch(%d)", a)
}

// Section says which bytes of a stencil a hole patches.
type Section uint8

const (
	Code Section = iota // the stencil's machine code
	Data                // the stencil's read-only data and GOT slots
)

var sectionNames = [...]string{Code: "code", Data: "data"}

func (s Section) String() string {
	if int(s) < len(sectionNames) {
		return sectionNames[s]
	}
	return fmt.Sprintf("Section(%d)", s)
}

// Kind says how a hole is patched: which bits of which instruction or word
// receive the value, and with what arithmetic. Kinds are named by effect, not
// by any object format's relocation type; the normalisation tables map native
// types onto them.
type Kind uint8

const (
	KindInvalid Kind = iota

	// Abs64 stores value+addend as a little-endian 64-bit word.
	Abs64

	// X86PCRel32 stores value+addend-place as a signed 32-bit displacement
	// (rel32 of jmp, call, jcc, and RIP-relative memory operands).
	X86PCRel32
	// X86GOTLoad is a RIP-relative 32-bit displacement to a GOT slot, used by
	// `mov slot(%rip), %reg`, `call *slot(%rip)` or `jmp *slot(%rip)`. The
	// patcher relaxes it: the mov becomes `mov $imm32, %reg` when the value
	// fits in a signed 32-bit immediate, or `lea value(%rip), %reg` when the
	// value is within reach; the call and jmp become direct when in reach.
	// Otherwise the displacement addresses the GOT slot.
	X86GOTLoad
	// X86GOTPCRel32 is a RIP-relative 32-bit displacement to a GOT slot that
	// is never relaxed (an instruction the patcher cannot rewrite).
	X86GOTPCRel32

	// A64Branch26 is the imm26 of B or BL: (value+addend-place)/4, ±128 MiB.
	A64Branch26
	// A64Page21 is the immhi:immlo of ADRP: page(value+addend)-page(place).
	A64Page21
	// A64PageOff12 is the imm12 of ADD (immediate) or of a load/store
	// (unsigned offset): the low 12 bits of value+addend, divided by the
	// access size, which the patcher reads from the instruction.
	A64PageOff12
	// A64GOTPage21 is the ADRP of a GOT load: page(slot)-page(place).
	A64GOTPage21
	// A64GOTLoad12 is the 64-bit LDR of a GOT load: the low 12 bits of the
	// slot address divided by 8. The patcher relaxes the LDR to a MOVZ or
	// MOVN when the value fits, to an ADR when the value is within ±1 MiB, or
	// to a literal load of the slot when the slot is within ±1 MiB; the ADRP
	// that pairs with it is then dead and harmless.
	A64GOTLoad12
	// A64MovW0 … A64MovW3 are the imm16 of MOVZ/MOVK for bits 0-15, 16-31,
	// 32-47 and 48-63 of value+addend (the large code model's address
	// materialisation).
	A64MovW0
	A64MovW1
	A64MovW2
	A64MovW3

	// X86Abs32S stores value+addend as a signed 32-bit field: the disp32
	// of a memory operand whose displacement is an operand (a frame slot's
	// offset), R_X86_64_32S. Code built without -fpic has it; a value that
	// does not fit is a RangeError.
	X86Abs32S

	numKinds
)

var kindNames = [...]string{
	KindInvalid:   "invalid",
	Abs64:         "abs64",
	X86PCRel32:    "x86_pcrel32",
	X86GOTLoad:    "x86_got_load",
	X86GOTPCRel32: "x86_got_pcrel32",
	A64Branch26:   "a64_branch26",
	A64Page21:     "a64_page21",
	A64PageOff12:  "a64_pageoff12",
	A64GOTPage21:  "a64_got_page21",
	A64GOTLoad12:  "a64_got_load12",
	A64MovW0:      "a64_movw0",
	A64MovW1:      "a64_movw1",
	A64MovW2:      "a64_movw2",
	A64MovW3:      "a64_movw3",
	X86Abs32S:     "x86_abs32s",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// UsesGOT reports whether a hole of this kind addresses a GOT slot, whose
// offset in the stencil's data is Hole.GOT.
func (k Kind) UsesGOT() bool {
	switch k {
	case X86GOTLoad, X86GOTPCRel32, A64GOTPage21, A64GOTLoad12:
		return true
	}
	return false
}

// Value says what goes into a hole.
type Value uint8

const (
	ValueZero       Value = iota // the constant 0 (plus addend): an absolute symbol
	ValueCode                    // the address of this stencil's code
	ValueData                    // the address of this stencil's data
	ValueContinue                // the address of the next stencil in the trace
	ValueJumpTarget              // an in-trace jump target (loop top, branch)
	ValueExit                    // this uop's side-exit stub
	ValueOperand0                // the uop's operands: slot offsets, immediates
	ValueOperand1
	ValueOperand2
	ValueOperand3

	numValues
)

var valueNames = [...]string{
	ValueZero:       "zero",
	ValueCode:       "code",
	ValueData:       "data",
	ValueContinue:   "continue",
	ValueJumpTarget: "jump_target",
	ValueExit:       "exit",
	ValueOperand0:   "operand0",
	ValueOperand1:   "operand1",
	ValueOperand2:   "operand2",
	ValueOperand3:   "operand3",
}

func (v Value) String() string {
	if int(v) < len(valueNames) {
		return valueNames[v]
	}
	return fmt.Sprintf("Value(%d)", v)
}

// NumValues is how many values there are: a patcher can resolve a hole's
// value by indexing an array of them.
const NumValues = int(numValues)

// NumOperands is how many operand holes (ValueOperand0…) a uop can have.
const NumOperands = 4

// Hole is one place in a stencil that is patched when the stencil is copied.
// It is the target-neutral form of a relocation record.
type Hole struct {
	Section Section // which bytes: code or data
	Offset  uint32  // byte offset of the patched field's instruction or word
	Kind    Kind    // how to patch
	Value   Value   // what goes in
	Symbol  string  // the symbol the relocation named, for messages
	Addend  int64   // added to the value; for PC-relative kinds it includes the PC bias
	// GOT is the offset in the stencil's data of the 8-byte GOT slot that
	// holds the value, for kinds that use one (Kind.UsesGOT), else -1. The
	// slot is filled by an Abs64 data hole with the same value.
	GOT int32
}

// Stencil is one uop's machine code and data with its holes, copied and
// patched as a unit. It is the analogue of one object file's sections.
type Stencil struct {
	Name      string
	Code      []byte
	Data      []byte
	DataAlign uint32 // alignment the data needs (a power of two)
	Holes     []Hole // sorted by section, then offset
}
