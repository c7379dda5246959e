//go:build ignore

// INT_SUB_BITS: int_sub into a slot the trace knows already has the
// tag int_sub writes: the same result, written to the bits only (one store
// fewer per result in a loop). Operands and exits as int_sub.
#include "uop.h"

CP_UOP {
    cp_i64 r;
    if (CP_CONTINUES(!__builtin_sub_overflow((cp_i64)CP_SLOT(1)->bits, (cp_i64)CP_SLOT(2)->bits, &r))) {
        cp_value *dst = CP_SLOT(0);
        dst->bits = (cp_u64)r;
        CP_CONTINUE();
    }
    CP_EXIT();
}
