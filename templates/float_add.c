//go:build ignore

// FLOAT_ADD: slot[op0] = slot[op1] + slot[op2] on float64 (IEEE, round
// to nearest; overflow gives an infinity, as in Python).
// op0: destination slot, op1, op2: source slots (byte offsets). Never exits.
#include "uop.h"

CP_UOP {
    double r = cp_as_float(CP_SLOT(1)->bits) + cp_as_float(CP_SLOT(2)->bits);
    cp_value *dst = CP_SLOT(0);
    dst->tag = CP_TAG_FLOAT;
    dst->bits = cp_float_bits(r);
    CP_CONTINUE();
}
