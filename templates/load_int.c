//go:build ignore

// LOAD_INT: slot[op0] = int op1.
// op0: destination slot (byte offset); op1: the int64 immediate (its two's
// complement bits). Never exits.
#include "uop.h"

CP_UOP {
    cp_value *dst = CP_SLOT(0);
    dst->tag = CP_TAG_INT;
    dst->bits = CP_OPERAND(1);
    CP_CONTINUE();
}
