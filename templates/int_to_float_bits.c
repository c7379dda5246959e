//go:build ignore

// INT_TO_FLOAT_BITS: int_to_float into a slot the trace knows already has the
// tag int_to_float writes: the same result, written to the bits only (one store
// fewer per result in a loop). Operands and exits as int_to_float.
#include "uop.h"

CP_UOP {
    double r = (double)(cp_i64)CP_SLOT(1)->bits;
    cp_value *dst = CP_SLOT(0);
    dst->bits = cp_float_bits(r);
    CP_CONTINUE();
}
