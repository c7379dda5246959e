//go:build ignore

// INT_MOD_BITS: int_mod into a slot the trace knows already has the
// tag int_mod writes: the same result, written to the bits only (one store
// fewer per result in a loop). Operands and exits as int_mod.
#include "uop.h"

CP_UOP {
    cp_i64 a = (cp_i64)CP_SLOT(1)->bits;
    cp_i64 b = (cp_i64)CP_SLOT(2)->bits;
    if (CP_CONTINUES(b != 0)) {
        cp_i64 r = 0;
        if (b != -1) {
            r = a % b;
            // C's remainder has the dividend's sign; Python's the divisor's.
            if (r != 0 && (r ^ b) < 0) {
                r += b;
            }
        }
        cp_value *dst = CP_SLOT(0);
        dst->bits = (cp_u64)r;
        CP_CONTINUE();
    }
    CP_EXIT();
}
