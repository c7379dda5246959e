//go:build ignore

// STR_LEN: slot[op0] = len(slot[op1]) as an int.
// op0: destination slot, op1: a str slot already checked by guard_str
// (ASCII: its length is its bytes), byte offsets. Never exits.
#include "uop.h"

CP_UOP {
    cp_i64 n = CP_STR(CP_SLOT(1))->len;
    cp_value *dst = CP_SLOT(0);
    dst->tag = CP_TAG_INT;
    dst->bits = (cp_u64)n;
    CP_CONTINUE();
}
