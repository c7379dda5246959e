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
// itself is in the interpreter's object array) or the address of a list's
// cp_list. CP_TAG_EMPTY marks an unbound local.
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
// reads and writes elements (tag and bits, never a Go pointer) but never
// stores into a list whose objs is non-NULL.
typedef struct cp_list {
    cp_value *vals; // +0  the elements, vals[0] .. vals[len-1]
    cp_i64 len;     // +8
    cp_i64 cap;     // +16
    void *objs;     // +24 non-NULL: the list may hold objects (stores side-exit)
} cp_list;

#endif // COPYPATCH_VMSTATE_H
