//go:build ignore

// LIST_APPEND: slot[op2].append(slot[op3]); slot[op1] = None. The fast
// half of a call-out (call_out.c): what it cannot do natively, Go does.
// op0: an immediate, the call-out's exit index (the CALL_METHOD the
// interpreter runs instead, resuming at the next uop); op1: the result
// slot, op2: a list slot already checked by guard_list, op3: the value
// slot (byte offsets).
// Appends natively when the list has room (len < cap), holds no objects
// (objs is NULL: the interpreter keeps its parallel object slice in step),
// is no deque and the value is no object (its Go pointer lives beside the
// frame). It writes the element's tag and bits and the length, never a Go
// pointer, so no write barrier is needed. Otherwise it leaves as call_out
// does, the frame and the list untouched, and Go appends (growing the
// list) and writes the result.
#include "uop.h"

CP_UOP {
    cp_list *l = (cp_list *)CP_SLOT(2)->bits;
    const cp_value *v = CP_SLOT(3);
    cp_u64 tag = v->tag;
    cp_u64 bits = v->bits;
    __asm__("" : "+r"(tag)); // scalar loads, as cp_copy's (uop.h)
    cp_i64 n = l->len;
    if (CP_CONTINUES(l->objs == 0 && n < l->cap && l->deque == 0 && tag != CP_TAG_OBJECT)) {
        cp_value *e = &l->vals[n];
        e->tag = tag;
        e->bits = bits;
        l->len = n + 1;
        cp_value *dst = CP_SLOT(1);
        // Two scalar stores: a None stored as one 16-byte constant is a
        // literal-pool load on arm64, whose ADRP ld64's optimization
        // hints rewrite (stencilgen verify then meets a NOP).
        cp_u64 none = CP_TAG_NONE;
        __asm__("" : "+r"(none));
        dst->tag = none;
        dst->bits = 0;
        CP_CONTINUE();
    }
    CP_LEAVE(CP_EXIT_SIDE, CP_OPERAND(0));
}
