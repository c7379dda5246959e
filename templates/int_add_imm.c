//go:build ignore

// INT_ADD_IMM: slot[op0] = slot[op1] + op2 on int64, op2 an immediate.
// op0: destination slot, op1: source slot (byte offsets); op2: the int64
// immediate (two's complement bits). Overflow side-exits (_JIT_EXIT) with the
// frame untouched.
#include "uop.h"

CP_UOP {
    cp_i64 sum;
    if (CP_CONTINUES(!__builtin_add_overflow((cp_i64)CP_SLOT(1)->bits, (cp_i64)CP_OPERAND(2), &sum))) {
        cp_value *dst = CP_SLOT(0);
        dst->tag = CP_TAG_INT;
        dst->bits = (cp_u64)sum;
        CP_CONTINUE();
    }
    CP_EXIT();
}
