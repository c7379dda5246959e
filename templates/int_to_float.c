//go:build ignore

// INT_TO_FLOAT: slot[op0] = float(slot[op1]), the int64 rounded to the
// nearest float64 (ties to even), exactly as C's conversion and Go's
// float64(int64) do, and as Python's float(int) does for ints in range.
// op0: destination slot, op1: source slot (byte offsets). Never exits.
#include "uop.h"

CP_UOP {
    double r = (double)(cp_i64)CP_SLOT(1)->bits;
    cp_value *dst = CP_SLOT(0);
    dst->tag = CP_TAG_FLOAT;
    dst->bits = cp_float_bits(r);
    CP_CONTINUE();
}
