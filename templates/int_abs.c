//go:build ignore

// INT_ABS: slot[op0] = abs(slot[op1]) on int64.
// op0: destination slot, op1: source slot (byte offsets). The absolute value
// of the most negative int64 overflows: it side-exits (_JIT_EXIT) with the
// frame untouched, so the interpreter redoes it on arbitrary-precision ints.
#include "uop.h"

CP_UOP {
    cp_i64 a = (cp_i64)CP_SLOT(1)->bits;
    if (CP_CONTINUES(a != (cp_i64)(1ull << 63))) {
        cp_i64 r = a < 0 ? -a : a;
        cp_value *dst = CP_SLOT(0);
        dst->tag = CP_TAG_INT;
        dst->bits = (cp_u64)r;
        CP_CONTINUE();
    }
    CP_EXIT();
}
