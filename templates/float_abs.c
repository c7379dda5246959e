//go:build ignore

// FLOAT_ABS: slot[op0] = abs(slot[op1]) on float64: the sign bit cleared,
// for zeros, infinities and NaNs too, as Python's abs() does.
// op0: destination slot, op1: source slot (byte offsets). Never exits.
//
// Like float_neg, on x86-64 the mask is a 16-byte constant in the stencil's
// data, addressed PC-relatively.
#include "uop.h"

CP_UOP {
    double r = __builtin_fabs(cp_as_float(CP_SLOT(1)->bits));
    cp_value *dst = CP_SLOT(0);
    dst->tag = CP_TAG_FLOAT;
    dst->bits = cp_float_bits(r);
    CP_CONTINUE();
}
