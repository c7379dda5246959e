//go:build ignore

// INT_MOD: slot[op0] = slot[op1] % slot[op2] on int64 as in Python: the
// result is 0 or has the divisor's sign (a == (a // b) * b + a % b).
// op0: destination slot, op1, op2: source slots (byte offsets). A divisor of
// 0 side-exits (_JIT_EXIT) with the frame untouched (ZeroDivisionError). Any
// a % -1 is 0, MinInt64 % -1 included (C's % traps there; this does not).
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
        dst->tag = CP_TAG_INT;
        dst->bits = (cp_u64)r;
        CP_CONTINUE();
    }
    CP_EXIT();
}
