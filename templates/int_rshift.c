//go:build ignore

// INT_RSHIFT: slot[op0] = slot[op1] >> slot[op2] on int64, arithmetic (the
// result is floored, as in Python); counts of 64 and more give 0 or -1.
// op0: destination slot, op1: the value, op2: the shift count (source
// slots, byte offsets). A negative count side-exits (_JIT_EXIT) with the
// frame untouched (Python raises ValueError).
#include "uop.h"

CP_UOP {
    cp_i64 a = (cp_i64)CP_SLOT(1)->bits;
    cp_i64 n = (cp_i64)CP_SLOT(2)->bits;
    if (CP_CONTINUES(n >= 0)) {
        cp_i64 r = a >> (n < 63 ? n : 63);
        cp_value *dst = CP_SLOT(0);
        dst->tag = CP_TAG_INT;
        dst->bits = (cp_u64)r;
        CP_CONTINUE();
    }
    CP_EXIT();
}
