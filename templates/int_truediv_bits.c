//go:build ignore

// INT_TRUEDIV_BITS: int_truediv into a slot the trace knows already has the
// tag int_truediv writes: the same result, written to the bits only (one store
// fewer per result in a loop). Operands and exits as int_truediv.
#include "uop.h"

CP_UOP {
    cp_i64 a = (cp_i64)CP_SLOT(1)->bits;
    cp_i64 b = (cp_i64)CP_SLOT(2)->bits;
    // x in [-2^53, 2^53] <=> (u64)(x + 2^53) <= 2^54, without overflow.
    cp_u64 ua = (cp_u64)a + (1ull << 53), ub = (cp_u64)b + (1ull << 53);
    if (CP_CONTINUES(b != 0 && ua <= (1ull << 54) && ub <= (1ull << 54))) {
        double r = (double)a / (double)b;
        cp_value *dst = CP_SLOT(0);
        dst->bits = cp_float_bits(r);
        CP_CONTINUE();
    }
    CP_EXIT();
}
