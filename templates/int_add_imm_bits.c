//go:build ignore

// INT_ADD_IMM_BITS: int_add_imm into a slot the trace knows already has the
// tag int_add_imm writes: the same result, written to the bits only (one store
// fewer per result in a loop). Operands and exits as int_add_imm.
#include "uop.h"

CP_UOP {
    cp_i64 sum;
    if (CP_CONTINUES(!__builtin_add_overflow((cp_i64)CP_SLOT(1)->bits, (cp_i64)CP_OPERAND(2), &sum))) {
        cp_value *dst = CP_SLOT(0);
        dst->bits = (cp_u64)sum;
        CP_CONTINUE();
    }
    CP_EXIT();
}
