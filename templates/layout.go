package templates

import (
	"fmt"

	"github.com/copypatch/copypatch/stencil"
)

// Tag says what a slot's Bits mean; it mirrors CP_TAG_* in vmstate.h.
type Tag uint64

const (
	TagEmpty  Tag = 0 // an unbound local
	TagInt    Tag = 1 // Bits is an int64
	TagFloat  Tag = 2 // Bits is the IEEE-754 encoding of a float64
	TagBool   Tag = 3 // Bits is 0 or 1
	TagNone   Tag = 4 // None
	TagObject Tag = 5 // Bits is 0 (opaque to native code), the address of a List, or an Instance's plus InstanceBit or a Str's plus StrBit
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
	Vals    *Value // the elements, Vals[0] .. Vals[Len-1]
	Len     int64
	Cap     int64
	Objs    uintptr
	Interp  [2]uint64 // the interpreter's own fields
	Deque   uint8     // nonzero: a collections.deque, which list_copy does not slice
	Interp2 uint64    // the interpreter's own
	Seq     uint64    // the list's sequence word once threads run (vmstate.h)
	// A packed list's bools, one byte each (Go slice header), when its
	// slot's Bits carry PackedKind; nil otherwise.
	Packed  *uint8
	PackLen int64
	PackCap int64
}

// InstanceBit is CP_INSTANCE_BIT: an object's Bits with it set are the
// address of an Instance plus one (Go objects are 8-aligned).
const InstanceBit = 1

// KindInstance is CP_KIND_INSTANCE, no slot tag: the kind list_load and
// attr_load expect for an instance (TagObject, InstanceBit set), where
// TagObject expects a list.
const KindInstance Tag = 6

// Instance is struct cp_instance: the first fields of the interpreter's
// instance object, its class and shape pointers and a Go slice header of its
// attribute slots. Native code compares Shape, reads slots, and writes a
// slot's tag and bits only where neither the old nor the new value is an
// object (the parallel Go objects are nil there). Cls and Shape are
// uintptrs here because native code only compares them.
type Instance struct {
	Cls   uintptr
	Shape uintptr
	Vals  *Value // the slots, Vals[0] .. Vals[Len-1]
	Len   int64
	Cap   int64
}

// Str is struct cp_str: the first fields of the interpreter's str object, a
// Go string header (Data, Len: the UTF-8 bytes) and what it knows of the
// code points (Kind: StrASCII when every byte is one). A slot holding a str
// native code may read has tag TagObject and Bits = the str's address plus
// StrBit (objects are 8-aligned: a list's low bits are 0). Native code only
// reads it.
type Str struct {
	Data uintptr
	Len  int64
	Kind uint8
}

// TupleBit is CP_TUPLE_BIT: an object's Bits with kind bits TupleBit are
// the address of a Tuple plus TupleBit. KindTuple is CP_KIND_TUPLE, no slot
// tag: the kind list_load and tuple_load expect for a tuple.
const (
	TupleBit      = 4
	KindTuple Tag = 7
)

// PackedKind is CP_PACKED_KIND: an object's Bits with kind bits PackedKind
// are the address of a List plus PackedKind whose elements are bools packed
// one a byte (List.Packed), not 16-byte slots: a list of 2 million flags
// is 2 MB, which the cache holds, not 32. Only the interpreter's private
// locals hold such lists (interp/packed.go); every other list uop sees kind
// bits that are not a list's and leaves, and the list_load_pk and
// list_store_pk uops read and write the bytes.
const PackedKind = 6

// Item is struct cp_item, one item of a tuple: the interpreter's value,
// tag and bits as in a slot, then its Go object (an interface, which native
// code never reads).
type Item struct {
	Tag  Tag
	Bits uint64
	Obj  [2]uintptr
}

// Tuple is struct cp_tuple: the head of the interpreter's tuple object, a Go slice
// header of its items. Tuples never change: native code only reads them.
type Tuple struct {
	Items *Item
	Len   int64
	Cap   int64
}

// StrBit is CP_STR_BIT, StrASCII CP_STR_ASCII.
const (
	StrBit   = 2
	StrASCII = 1
)

// State is struct cp_state, the fixed head of the VM state that every VM
// shares (copypatch.h); minipy's templates read nothing beyond it.
type State = stencil.State

// ExitCode is what a trace returns (stencil.ExitCode).
type ExitCode = stencil.ExitCode

// The exit code's layout and reasons, CP_EXIT_* of copypatch.h.
const (
	ExitCodeMask   = stencil.ExitCodeMask
	ExitIndexShift = stencil.ExitIndexShift
	ExitEnd        = stencil.ExitEnd
	ExitSide       = stencil.ExitSide
	ExitSafepoint  = stencil.ExitSafepoint
)

// MakeExitCode builds an ExitCode from a reason and an index.
func MakeExitCode(reason uint8, index uint64) ExitCode { return stencil.MakeExitCode(reason, index) }
