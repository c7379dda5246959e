//go:build ignore

// INT_MUL: slot[op0] = slot[op1] * slot[op2] on int64.
// op0: destination slot, op1, op2: source slots (byte offsets). Overflow
// side-exits (_JIT_EXIT) with the frame untouched, so the interpreter redoes
// the operation on arbitrary-precision ints.
#include "uop.h"

CP_UOP {
    cp_i64 r;
    if (CP_CONTINUES(!__builtin_mul_overflow((cp_i64)CP_SLOT(1)->bits, (cp_i64)CP_SLOT(2)->bits, &r))) {
        cp_value *dst = CP_SLOT(0);
        dst->tag = CP_TAG_INT;
        dst->bits = (cp_u64)r;
        CP_CONTINUE();
    }
    CP_EXIT();
}
