// vmstate.h: the layout of the VM state that stencils read and write.
//
// This header is the one source of truth for that layout. The Go mirror in
// templates/layout.go is checked against it by TestLayoutMatchesHeader, which
// compiles this header and compares every size and offset.
//
// Stencils never write Go pointers: a frame slot is a tag and 64 payload
// bits; objects that live on the Go heap are kept by the interpreter in a
// separate array that native code never touches. The one Go pointer native
// code reads is a list's (cp_list below), which it follows but never stores.
#ifndef COPYPATCH_VMSTATE_H
#define COPYPATCH_VMSTATE_H

typedef unsigned char cp_u8;
typedef unsigned int cp_u32;
typedef long long cp_i64;
typedef unsigned long long cp_u64;

_Static_assert(sizeof(cp_u32) == 4, "cp_u32");
_Static_assert(sizeof(cp_u64) == 8, "cp_u64");
_Static_assert(sizeof(void *) == 8, "64-bit targets only");

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

// cp_state is what the entry trampoline passes to a trace alongside the frame.
typedef struct cp_state {
    cp_value *frame;     // +0  frame base (also passed in a register)
    cp_i64 budget;       // +8  back-edges left before a safepoint exit
    cp_u32 interrupt;    // +16 set nonzero by Go: leave at the next back-edge
    cp_u32 reserved;     // +20
    cp_u64 exit_count;   // +24 exits taken (statistics, written by Go)
} cp_state;

// Exit codes. A trace returns (code | index << CP_EXIT_INDEX_SHIFT): the low
// byte says why it left, the bits above say where (an index into the trace's
// exit table, which maps to an interpreter resume point).
#define CP_EXIT_CODE_MASK 0xff
#define CP_EXIT_INDEX_SHIFT 8
#define CP_EXIT_END 1        // the trace ran to its end
#define CP_EXIT_SIDE 2       // a guard or overflow check failed
#define CP_EXIT_SAFEPOINT 3  // the back-edge budget ran out or Go interrupted

#endif // COPYPATCH_VMSTATE_H
