//go:build ignore

// WIDE_ADD_WIDE: slot[op0] = slot[op1] + slot[op2] on 128-bit ints
// (cp_wide). op0: destination, op1, op2: sources (byte offsets, any may
// alias). Overflow of 128 bits side-exits (_JIT_EXIT) with the frame
// untouched.
#include "uop.h"

CP_UOP {
    __int128 r;
    if (CP_CONTINUES(!__builtin_add_overflow(cp_wide(CP_SLOT(1)), cp_wide(CP_SLOT(2)), &r))) {
        cp_set_wide(CP_SLOT(0), r);
        CP_CONTINUE();
    }
    CP_EXIT();
}
