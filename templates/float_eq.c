//go:build ignore

// FLOAT_EQ: slot[op0] = bool(slot[op1] == slot[op2]) on float64. IEEE
// semantics, as in Python: a NaN operand makes every comparison false except
// !=. op0: destination slot, op1, op2: source slots (byte offsets). Never
// exits.
#include "uop.h"

CP_UOP {
    cp_u64 r = cp_as_float(CP_SLOT(1)->bits) == cp_as_float(CP_SLOT(2)->bits);
    cp_value *dst = CP_SLOT(0);
    dst->tag = CP_TAG_BOOL;
    dst->bits = r;
    CP_CONTINUE();
}
