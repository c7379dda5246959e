// vmstate.h: minipy's VM state as stencils see it: what the frame pointer
// points at (cp_value slots) and the lists native code may read.
//
// This header is the one source of truth for that layout. The Go mirror in
// templates/layout.go is checked against it by TestLayoutMatchesHeader, which
// compiles this header and compares every size and offset. The fixed part
// of the state (cp_state, the exit codes) is copypatch.h's, the ABI every
// VM shares; this file is what minipy defines for itself.
//
// Stencils never write Go pointers: a frame slot is a tag and 64 payload
// bits; objects that live on the Go heap are kept by the interpreter in a
// separate array that native code never touches. The one Go pointer native
// code reads is a list's (cp_list below), which it follows but never stores.
#ifndef COPYPATCH_VMSTATE_H
#define COPYPATCH_VMSTATE_H

// The frame pointer points at slot 0 of the frame.
struct cp_value;
#define CP_FRAME struct cp_value
#include "copypatch.h"

// Value tags. A slot's bits mean an int64 (CP_TAG_INT), the IEEE-754 bits of
// a float64 (CP_TAG_FLOAT), 0 or 1 (CP_TAG_BOOL), nothing (CP_TAG_NONE), or,
// for an object (CP_TAG_OBJECT), either 0 (opaque to native code: the object
// itself is in the interpreter's object array), the address of a list's
// cp_list, the address of an instance's cp_instance plus CP_INSTANCE_BIT, or
// the address of a str's cp_str plus CP_STR_BIT (Go objects are 8-aligned:
// the low bits, CP_OBJ_KIND, tell the kinds apart; a list's are 0).
// CP_TAG_EMPTY marks an unbound local.
#define CP_TAG_EMPTY 0
#define CP_TAG_INT 1
#define CP_TAG_FLOAT 2
#define CP_TAG_BOOL 3
#define CP_TAG_NONE 4
#define CP_TAG_OBJECT 5

// cp_value is one frame slot. Operand holes that name slots carry byte
// offsets from the frame base (slot index * sizeof(cp_value)).
typedef struct cp_value {
    cp_u64 tag;  // +0
    cp_u64 bits; // +8
} cp_value;

// cp_list is the head of the interpreter's list object: a Go slice header
// (data pointer, length, capacity) for the elements, then the data pointer of
// the parallel slice of Go objects. A frame slot (or a list element) holding
// a list that native code may read has tag CP_TAG_OBJECT and bits = the
// address of its cp_list; bits == 0 means an object native code cannot read,
// which guards treat as not a list. Native code only reads the pointers: it
// reads and writes elements (tag and bits, never a Go pointer) and, to
// append within the capacity (list_append), the length, but never stores
// into a list whose objs is non-NULL.
//
// Once threads run, other threads may change a list while native code reads
// it; seq is then its sequence word (a seqlock): odd while a thread changes
// the list (the interpreter holds it for every operation on the list, a
// native store for its one element), two higher after each change. The
// _mt uops read seq before and after what they read and side-exit when it
// moved or was odd, and a native store takes it from even to odd with a
// compare-and-swap (or side-exits) and gives it back two higher.
typedef struct cp_list {
    cp_value *vals;     // +0  the elements, vals[0] .. vals[len-1]
    cp_i64 len;         // +8
    cp_i64 cap;         // +16
    void *objs;         // +24 non-NULL: the list may hold objects (stores side-exit)
    cp_u64 interp[2];   // +32 the interpreter's own (objs' length and capacity)
    cp_u8 deque;        // +48 nonzero: a collections.deque (list_copy exits)
    cp_u64 interp2;     // +56 the interpreter's own (a deque's maxlen)
    cp_u64 seq;         // +64
    cp_u8 *packed;      // +72 a packed list's bools, one a byte (CP_PACKED_KIND)
    cp_i64 plen;        // +80
    cp_i64 pcap;        // +88
} cp_list;

// An object's bits with kind bits CP_PACKED_KIND are the address of a
// cp_list plus CP_PACKED_KIND whose elements are bools packed one a byte
// (packed[0] .. packed[plen-1], 0 or 1), not cp_values: no other list uop
// takes such bits for a list's. plen is 0 once the interpreter has turned
// the list back into slots.
#define CP_PACKED_KIND 6

// A str's bits are the address of its cp_str plus this.
#define CP_STR_BIT 2

// CP_OBJ_KIND is the kind bits of an object's bits: 0 for a list.
#define CP_OBJ_KIND(bits) ((bits) & 7)

// An object's bits with this bit set are an instance's address plus one.
#define CP_INSTANCE_BIT 1

// CP_KIND_INSTANCE is no tag: list_load and attr_load take it as the kind
// they expect, an instance (tag CP_TAG_OBJECT, CP_INSTANCE_BIT set), where
// CP_TAG_OBJECT expects a list (nonzero bits, no kind bits).
#define CP_KIND_INSTANCE 6

// A tuple's bits are the address of its cp_tuple plus this.
#define CP_TUPLE_BIT 4

// CP_KIND_TUPLE is no tag either: the kind list_load and tuple_load take
// for a tuple (tag CP_TAG_OBJECT, kind bits CP_TUPLE_BIT).
#define CP_KIND_TUPLE 7

// cp_kind_ok reports whether a value (tag, bits) is of the kind want (a tag,
// CP_KIND_INSTANCE or CP_KIND_TUPLE).
static inline int cp_kind_ok(cp_u64 tag, cp_u64 bits, cp_u64 want) {
    if (want == CP_KIND_INSTANCE) {
        return tag == CP_TAG_OBJECT && (bits & CP_INSTANCE_BIT) != 0;
    }
    if (want == CP_KIND_TUPLE) {
        return tag == CP_TAG_OBJECT && CP_OBJ_KIND(bits) == CP_TUPLE_BIT;
    }
    return tag == want && (want != CP_TAG_OBJECT || (bits != 0 && CP_OBJ_KIND(bits) == 0));
}

// cp_instance is the head of the interpreter's instance object: its class
// and shape pointers, then a Go slice header of its attribute slots in the
// frame's tag+bits form (the shape says which attribute is in which slot,
// and how many there are). Native code compares the shape pointer, reads
// slots, and writes a slot's tag and bits only where neither the old nor the
// new value is an object: the parallel array of Go objects, which native
// code never touches, holds nil there before and after.
typedef struct cp_instance {
    void *cls;      // +0
    void *shape;    // +8  what guard_shape compares
    cp_value *vals; // +16 the slots, vals[0] .. vals[len-1]
    cp_i64 len;     // +24
    cp_i64 cap;     // +32
} cp_instance;

// CP_INSTANCE is the instance a slot whose bits have CP_INSTANCE_BIT points at.
#define CP_INSTANCE(v) ((cp_instance *)((v)->bits - CP_INSTANCE_BIT))

// cp_str is the head of the interpreter's str object: a Go string header
// (the UTF-8 bytes, their number), then what the interpreter knows of the
// code points: CP_STR_ASCII when every byte is one (then byte i is code
// point i), another value when some is not or it has not looked yet.
// Native code only reads it.
typedef struct cp_str {
    const cp_u8 *data; // +0
    cp_i64 len;        // +8  bytes
    cp_u8 kind;        // +16
} cp_str;

#define CP_STR_ASCII 1

// CP_STR is the str a value whose bits have CP_STR_BIT points at.
#define CP_STR(v) ((const cp_str *)((v)->bits - CP_STR_BIT))

// cp_item is one item of a tuple: the interpreter's value (minipy's Val),
// tag and bits as in a slot, then the Go object, which native code never
// reads.
typedef struct cp_item {
    cp_u64 tag;     // +0
    cp_u64 bits;    // +8
    void *obj[2];   // +16 the Go object (an interface)
} cp_item;

// cp_tuple is the head of the interpreter's tuple object: a Go slice header
// of its items. Tuples never change: native code only reads them.
typedef struct cp_tuple {
    const cp_item *items; // +0
    cp_i64 len;           // +8
    cp_i64 cap;           // +16
} cp_tuple;

// CP_TUPLE is the tuple a value whose bits have CP_TUPLE_BIT points at.
#define CP_TUPLE(v) ((const cp_tuple *)((v)->bits - CP_TUPLE_BIT))

#endif // COPYPATCH_VMSTATE_H
