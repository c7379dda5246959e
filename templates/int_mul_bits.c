//go:build ignore

// INT_MUL_BITS: int_mul into a slot the trace knows already has the
// tag int_mul writes: the same result, written to the bits only (one store
// fewer per result in a loop). Operands and exits as int_mul.
#include "uop.h"

CP_UOP {
    cp_i64 r;
    if (CP_CONTINUES(!__builtin_mul_overflow((cp_i64)CP_SLOT(1)->bits, (cp_i64)CP_SLOT(2)->bits, &r))) {
        cp_value *dst = CP_SLOT(0);
        dst->bits = (cp_u64)r;
        CP_CONTINUE();
    }
    CP_EXIT();
}
