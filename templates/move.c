//go:build ignore

// MOVE: slot[op0] = slot[op1], tag and bits.
// op0: destination slot, op1: source slot (byte offsets). Never exits.
#include "uop.h"

CP_UOP {
    cp_value *src = CP_SLOT(1);
    cp_u64 tag = src->tag;
    cp_u64 bits = src->bits;
    cp_value *dst = CP_SLOT(0);
    dst->tag = tag;
    dst->bits = bits;
    CP_CONTINUE();
}
