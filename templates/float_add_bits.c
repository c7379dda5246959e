//go:build ignore

// FLOAT_ADD_BITS: float_add into a slot the trace knows already has the
// tag float_add writes: the same result, written to the bits only (one store
// fewer per result in a loop). Operands and exits as float_add.
#include "uop.h"

CP_UOP {
    double r = cp_as_float(CP_SLOT(1)->bits) + cp_as_float(CP_SLOT(2)->bits);
    cp_value *dst = CP_SLOT(0);
    dst->bits = cp_float_bits(r);
    CP_CONTINUE();
}
