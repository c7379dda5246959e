//go:build ignore

// FLOAT_DIV: slot[op0] = slot[op1] / slot[op2] on float64.
// op0: destination slot, op1, op2: source slots (byte offsets). A divisor of
// 0.0 or -0.0 side-exits (_JIT_EXIT) with the frame untouched: Python raises
// ZeroDivisionError there, which the interpreter does. A NaN divisor divides.
#include "uop.h"

CP_UOP {
    double d = cp_as_float(CP_SLOT(2)->bits);
    if (CP_CONTINUES(d != 0.0)) {
        double r = cp_as_float(CP_SLOT(1)->bits) / d;
        cp_value *dst = CP_SLOT(0);
        dst->tag = CP_TAG_FLOAT;
        dst->bits = cp_float_bits(r);
        CP_CONTINUE();
    }
    CP_EXIT();
}
