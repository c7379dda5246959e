//go:build ignore

// INT_AND_IMM: slot[op0] = slot[op1] & op2 on int64 (traceopt folds
// x % 2**k into it, op2 = 2**k - 1: the floored remainder, never negative,
// as Python's). Never exits.
#include "uop.h"

CP_UOP {
    cp_u64 r = CP_SLOT(1)->bits & CP_OPERAND(2);
    cp_value *dst = CP_SLOT(0);
    dst->tag = CP_TAG_INT;
    dst->bits = r;
    CP_CONTINUE();
}
