//go:build ignore

// FLOAT_SQRT_BITS: float_sqrt into a slot the trace knows already has the
// tag float_sqrt writes: the same result, written to the bits only (one store
// fewer per result in a loop). Operands and exits as float_sqrt.
#include "uop.h"

CP_UOP {
    double x = cp_as_float(CP_SLOT(1)->bits);
    if (CP_CONTINUES(!(x < 0.0))) {
        double r = __builtin_sqrt(x);
        cp_value *dst = CP_SLOT(0);
        dst->bits = cp_float_bits(r);
        CP_CONTINUE();
    }
    CP_EXIT();
}
