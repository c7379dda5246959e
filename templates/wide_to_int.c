//go:build ignore

// WIDE_TO_INT: slot[op0] = slot[op1], a 128-bit int (cp_wide) made an int
// when it fits int64. op0: the int destination, op1: the 128-bit source
// (byte offsets, may alias). A value outside int64 side-exits (_JIT_EXIT)
// with the frame untouched (the interpreter has it as a big int).
#include "uop.h"

CP_UOP {
    const cp_value *a = CP_SLOT(1);
    cp_u64 lo = a->bits;
    if (CP_CONTINUES(a->tag == (cp_u64)((cp_i64)lo >> 63))) {
        cp_value *dst = CP_SLOT(0);
        dst->tag = CP_TAG_INT;
        dst->bits = lo;
        CP_CONTINUE();
    }
    CP_EXIT();
}
