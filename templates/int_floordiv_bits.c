//go:build ignore

// INT_FLOORDIV_BITS: int_floordiv into a slot the trace knows already has the
// tag int_floordiv writes: the same result, written to the bits only (one store
// fewer per result in a loop). Operands and exits as int_floordiv.
#include "uop.h"

CP_UOP {
    cp_i64 a = (cp_i64)CP_SLOT(1)->bits;
    cp_i64 b = (cp_i64)CP_SLOT(2)->bits;
    if (CP_CONTINUES(b != 0 && !(b == -1 && a == (cp_i64)(1ull << 63)))) {
        cp_i64 q = a / b;
        // C truncates; floor differs when the division is inexact and the
        // signs differ.
        if (q * b != a && (a ^ b) < 0) {
            q -= 1;
        }
        cp_value *dst = CP_SLOT(0);
        dst->bits = (cp_u64)q;
        CP_CONTINUE();
    }
    CP_EXIT();
}
