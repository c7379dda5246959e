//go:build ignore

// INT_TRUEDIV: slot[op0] = slot[op1] / slot[op2]: two int64s divided into a
// float64, as Python's / on ints.
// op0: destination slot, op1, op2: source slots (byte offsets). Side-exits
// (_JIT_EXIT) with the frame untouched on a divisor of 0 (ZeroDivisionError)
// and when either operand is outside [-2^53, 2^53]: within it both convert
// to double exactly, so one IEEE division is the correctly rounded quotient
// CPython computes; outside it, converting first could round twice.
#include "uop.h"

CP_UOP {
    cp_i64 a = (cp_i64)CP_SLOT(1)->bits;
    cp_i64 b = (cp_i64)CP_SLOT(2)->bits;
    // x in [-2^53, 2^53] <=> (u64)(x + 2^53) <= 2^54, without overflow.
    cp_u64 ua = (cp_u64)a + (1ull << 53), ub = (cp_u64)b + (1ull << 53);
    if (CP_CONTINUES(b != 0 && ua <= (1ull << 54) && ub <= (1ull << 54))) {
        double r = (double)a / (double)b;
        cp_value *dst = CP_SLOT(0);
        dst->tag = CP_TAG_FLOAT;
        dst->bits = cp_float_bits(r);
        CP_CONTINUE();
    }
    CP_EXIT();
}
