//go:build ignore

// INT_INVERT: slot[op0] = ~slot[op1] on int64 (-x - 1, which always fits).
// op0: destination slot, op1: source slot (byte offsets). Never exits.
#include "uop.h"

CP_UOP {
    cp_u64 r = ~CP_SLOT(1)->bits;
    cp_value *dst = CP_SLOT(0);
    dst->tag = CP_TAG_INT;
    dst->bits = r;
    CP_CONTINUE();
}
