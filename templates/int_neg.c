//go:build ignore

// INT_NEG: slot[op0] = -slot[op1] on int64. Negating the most negative
// int64 overflows: it side-exits (_JIT_EXIT) with the frame untouched, so
// the interpreter redoes it on arbitrary-precision ints.
// op0: destination slot, op1: source slot (byte offsets).
#include "uop.h"

CP_UOP {
    cp_i64 r;
    if (CP_CONTINUES(!__builtin_sub_overflow((cp_i64)0, (cp_i64)CP_SLOT(1)->bits, &r))) {
        cp_value *dst = CP_SLOT(0);
        dst->tag = CP_TAG_INT;
        dst->bits = (cp_u64)r;
        CP_CONTINUE();
    }
    CP_EXIT();
}
