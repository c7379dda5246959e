//go:build ignore

// INT_RSHIFT_IMM: slot[op0] = slot[op1] >> op2 on int64, arithmetic: the
// floor of a division by 2**op2 (traceopt folds x // 2**k into it; op2 an
// immediate in 1..62). Never exits.
#include "uop.h"

CP_UOP {
    cp_i64 r = (cp_i64)CP_SLOT(1)->bits >> (CP_OPERAND(2) & 63);
    cp_value *dst = CP_SLOT(0);
    dst->tag = CP_TAG_INT;
    dst->bits = (cp_u64)r;
    CP_CONTINUE();
}
