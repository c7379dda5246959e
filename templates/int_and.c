//go:build ignore

// INT_AND: slot[op0] = slot[op1] & slot[op2] on int64 (two's complement, as
// Python's bitwise operators on ints in range). op0: destination slot,
// op1, op2: source slots (byte offsets). Never exits.
#include "uop.h"

CP_UOP {
    cp_u64 r = CP_SLOT(1)->bits & CP_SLOT(2)->bits;
    cp_value *dst = CP_SLOT(0);
    dst->tag = CP_TAG_INT;
    dst->bits = r;
    CP_CONTINUE();
}
