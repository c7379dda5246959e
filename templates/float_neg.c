//go:build ignore

// FLOAT_NEG: slot[op0] = -slot[op1] on float64 (the sign flips for zeros,
// infinities and NaNs too, as Python's unary minus does).
// op0: destination slot, op1: source slot (byte offsets). Never exits.
//
// On x86-64 Clang flips the sign with xorpd against a 16-byte constant in
// .rodata (__literal16 on darwin): the stencil carries a data section that
// the code addresses PC-relatively.
#include "uop.h"

CP_UOP {
    double r = -cp_as_float(CP_SLOT(1)->bits);
    cp_value *dst = CP_SLOT(0);
    dst->tag = CP_TAG_FLOAT;
    dst->bits = cp_float_bits(r);
    CP_CONTINUE();
}
