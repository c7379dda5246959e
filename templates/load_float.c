//go:build ignore

// LOAD_FLOAT: slot[op0] = float whose IEEE-754 bits are op1.
// op0: destination slot (byte offset); op1: the float64 bits (immediate).
// Never exits.
#include "uop.h"

CP_UOP {
    cp_value *dst = CP_SLOT(0);
    dst->tag = CP_TAG_FLOAT;
    dst->bits = CP_OPERAND(1);
    CP_CONTINUE();
}
