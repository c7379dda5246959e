//go:build ignore

// WIDE_MUL: slot[op0] = slot[op1] * slot[op2] on 128-bit ints (cp_wide).
// op0: destination, op1, op2: sources (byte offsets, any may alias).
// Overflow of 128 bits side-exits (_JIT_EXIT) with the frame untouched.
//
// Written out on 64-bit halves of the magnitudes: Clang lowers a checked
// 128-bit multiply (__builtin_mul_overflow) to a call of compiler-rt's
// __muloti4, which no stencil can reach; 64x64->128 multiplies are single
// instructions on both targets.
#include "uop.h"

CP_UOP {
    __int128 a = cp_wide(CP_SLOT(1));
    __int128 b = cp_wide(CP_SLOT(2));
    int neg = (a < 0) != (b < 0);
    unsigned __int128 ua = a < 0 ? -(unsigned __int128)a : (unsigned __int128)a;
    unsigned __int128 ub = b < 0 ? -(unsigned __int128)b : (unsigned __int128)b;
    cp_u64 ah = (cp_u64)(ua >> 64), al = (cp_u64)ua;
    cp_u64 bh = (cp_u64)(ub >> 64), bl = (cp_u64)ub;
    // With both high halves nonzero the product is at least 2^128. Else one
    // cross term is 0 and the other, shifted up 64, must stay below 2^128.
    unsigned __int128 cross = (unsigned __int128)ah * bl + (unsigned __int128)al * bh;
    unsigned __int128 low = (unsigned __int128)al * bl;
    unsigned __int128 hi = (low >> 64) + (cp_u64)cross;
    unsigned __int128 p = (hi << 64) | (cp_u64)low;
    // The magnitude may reach 2^127 only for a negative product.
    unsigned __int128 limit = ((unsigned __int128)1 << 127) - 1 + (unsigned)neg;
    if (CP_CONTINUES(!(ah != 0 && bh != 0) && (cross >> 64) == 0 && (hi >> 64) == 0 && p <= limit)) {
        cp_set_wide(CP_SLOT(0), neg ? (__int128)-p : (__int128)p);
        CP_CONTINUE();
    }
    CP_EXIT();
}
