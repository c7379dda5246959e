//go:build ignore

// INT_FLOORDIV: slot[op0] = slot[op1] // slot[op2] on int64, floored as in
// Python (the quotient rounds toward minus infinity).
// op0: destination slot, op1, op2: source slots (byte offsets). A divisor of
// 0 (ZeroDivisionError) and MinInt64 // -1 (2^63 is not an int64) side-exit
// (_JIT_EXIT) with the frame untouched, for the interpreter to redo.
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
        dst->tag = CP_TAG_INT;
        dst->bits = (cp_u64)q;
        CP_CONTINUE();
    }
    CP_EXIT();
}
