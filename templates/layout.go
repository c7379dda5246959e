package templates

import "fmt"

// Tag says what a slot's Bits mean; it mirrors CP_TAG_* in vmstate.h.
type Tag uint64

const (
	TagEmpty  Tag = 0 // an unbound local
	TagInt    Tag = 1 // Bits is an int64
	TagFloat  Tag = 2 // Bits is the IEEE-754 encoding of a float64
	TagBool   Tag = 3 // Bits is 0 or 1
	TagNone   Tag = 4 // None
	TagObject Tag = 5 // Bits is 0 (opaque to native code) or the address of a List
)

var tagNames = [...]string{"empty", "int", "float", "bool", "none", "object"}

func (t Tag) String() string {
	if t < Tag(len(tagNames)) {
		return tagNames[t]
	}
	return fmt.Sprintf("Tag(%d)", uint64(t))
}

// Value is one frame slot: struct cp_value.
type Value struct {
	Tag  Tag
	Bits uint64
}

// SlotSize is the size of a Value; operand holes that name slots carry
// slot index * SlotSize.
const SlotSize = 16

// List is struct cp_list: the first fields of the interpreter's list object,
// a Go slice header of its elements (Vals, Len, Cap) and then the data
// pointer of its parallel slice of Go objects (Objs, non-zero when the list
// may hold objects). A slot holding a list native code may read has tag
// TagObject and Bits = the list's address; Bits == 0 is an object native
// code cannot read. Native code only reads the two pointers (it reads and
// writes elements, never a Go pointer, and never stores into a list whose
// Objs is non-zero); Objs is a uintptr here because only its nullness
// matters.
type List struct {
	Vals *Value // the elements, Vals[0] .. Vals[Len-1]
	Len  int64
	Cap  int64
	Objs uintptr
}

// State is struct cp_state: what a trace receives besides the frame.
type State struct {
	Frame     *Value // frame base; native code only reads through it
	Budget    int64  // back-edges left before a safepoint exit
	Interrupt uint32 // Go sets it nonzero to make native code leave
	Reserved  uint32
	ExitCount uint64
}

// ExitCode is what a trace returns: the low byte is the reason (ExitEnd,
// ExitSide, ExitSafepoint), the bits above are the exit index.
type ExitCode uint64

const (
	ExitCodeMask    = 0xff
	ExitIndexShift  = 8
	ExitEnd         = 1
	ExitSide        = 2
	ExitSafepoint   = 3
	exitReasonCount = 4
)

var exitNames = [exitReasonCount]string{"", "end", "side_exit", "safepoint"}

// Reason is the low byte: why the trace left.
func (c ExitCode) Reason() uint8 { return uint8(c & ExitCodeMask) }

// Index is the exit index: where the trace left.
func (c ExitCode) Index() uint64 { return uint64(c) >> ExitIndexShift }

func (c ExitCode) String() string {
	r := c.Reason()
	name := fmt.Sprintf("exit(%d)", r)
	if r != 0 && int(r) < len(exitNames) {
		name = exitNames[r]
	}
	return fmt.Sprintf("%s@%d", name, c.Index())
}

// MakeExitCode builds an ExitCode from a reason and an index.
func MakeExitCode(reason uint8, index uint64) ExitCode {
	return ExitCode(uint64(reason) | index<<ExitIndexShift)
}
