//go:build ignore

// FLOAT_DIV_BITS: float_div into a slot the trace knows already has the
// tag float_div writes: the same result, written to the bits only (one store
// fewer per result in a loop). Operands and exits as float_div.
#include "uop.h"

CP_UOP {
    double d = cp_as_float(CP_SLOT(2)->bits);
    if (CP_CONTINUES(d != 0.0)) {
        double r = cp_as_float(CP_SLOT(1)->bits) / d;
        cp_value *dst = CP_SLOT(0);
        dst->bits = cp_float_bits(r);
        CP_CONTINUE();
    }
    CP_EXIT();
}
