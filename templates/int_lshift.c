//go:build ignore

// INT_LSHIFT: slot[op0] = slot[op1] << slot[op2] on int64.
// op0: destination slot, op1: the value, op2: the shift count (source
// slots, byte offsets). Side-exits (_JIT_EXIT) with the frame untouched when
// the count is negative (Python raises ValueError) or when the exact result
// is not an int64 (a bit, or the sign, would be lost: the interpreter
// shifts arbitrary-precision ints). 0 << n is 0 for every n >= 0.
#include "uop.h"

CP_UOP {
    cp_i64 a = (cp_i64)CP_SLOT(1)->bits;
    cp_i64 n = (cp_i64)CP_SLOT(2)->bits;
    // Shifting back must give a again; counts of 64 and more keep only 0.
    cp_i64 r = (cp_i64)((cp_u64)a << (n & 63));
    int exact = (cp_u64)n < 64 ? (r >> (n & 63)) == a : (n >= 0 && a == 0);
    if (CP_CONTINUES(exact)) {
        cp_value *dst = CP_SLOT(0);
        dst->tag = CP_TAG_INT;
        dst->bits = (cp_u64)r; // 0 when a == 0, whatever the count
        CP_CONTINUE();
    }
    CP_EXIT();
}
