// INT_ADD: slot[op0] = slot[op1] + slot[op2] on int64; overflow side-exits
// with the frame untouched, so the interpreter redoes the add exactly.
#include "uop.h"

CP_UOP {
    cp_i64 sum;
    if (__builtin_add_overflow((cp_i64)CP_SLOT(1)->bits, (cp_i64)CP_SLOT(2)->bits, &sum)) {
        CP_EXIT();
    }
    cp_value *dst = CP_SLOT(0);
    dst->tag = CP_TAG_INT;
    dst->bits = (cp_u64)sum;
    CP_CONTINUE();
}
