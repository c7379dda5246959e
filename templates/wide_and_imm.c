//go:build ignore

// WIDE_AND_IMM: slot[op0] = slot[op1] & (op3:op2) on 128-bit ints
// (cp_wide): the two's complement AND with a constant whose high word is the
// immediate op3 and low word op2. Python's x & c for any c within 128 bits,
// and x % 2**k (k <= 127) as x & (2**k - 1). op0: destination, op1: source
// (byte offsets, may alias). Never exits.
#include "uop.h"

CP_UOP {
    const cp_value *a = CP_SLOT(1);
    cp_u64 hi = a->tag & CP_OPERAND(3);
    cp_u64 lo = a->bits & CP_OPERAND(2);
    cp_value *dst = CP_SLOT(0);
    dst->tag = hi;
    dst->bits = lo;
    CP_CONTINUE();
}
