//go:build ignore

// LIST_LEN: slot[op0] = len(slot[op1]) as an int.
// op0: destination slot, op1: a list slot already checked by guard_list
// (byte offsets). Never exits.
#include "uop.h"

CP_UOP {
    const cp_list *l = (const cp_list *)CP_SLOT(1)->bits;
    cp_i64 n = l->len;
    cp_value *dst = CP_SLOT(0);
    dst->tag = CP_TAG_INT;
    dst->bits = (cp_u64)n;
    CP_CONTINUE();
}
