//go:build ignore

// INT_RSHIFT_IMM_BITS: slot[op0] = slot[op1] >> op2 on int64, arithmetic: the
// floor of a division by 2**op2 (traceopt folds x // 2**k into it; op2 an
// immediate in 1..62). The destination already has the int tag: bits only. Never exits.
#include "uop.h"

CP_UOP {
    cp_i64 r = (cp_i64)CP_SLOT(1)->bits >> (CP_OPERAND(2) & 63);
    cp_value *dst = CP_SLOT(0);
    dst->bits = (cp_u64)r;
    CP_CONTINUE();
}
