//go:build ignore

// WIDE_RSHIFT: slot[op0] = slot[op1] >> slot[op2], a 128-bit int (cp_wide)
// shifted right by an int count, floored as Python's >> is (counts of 127
// and more give 0 or -1). op0: the 128-bit destination, op1: the 128-bit
// source, op2: the int count (byte offsets, op0 may alias either). A
// negative count side-exits (_JIT_EXIT) with the frame untouched (the
// interpreter raises ValueError).
#include "uop.h"

CP_UOP {
    __int128 a = cp_wide(CP_SLOT(1));
    cp_i64 n = (cp_i64)CP_SLOT(2)->bits;
    if (CP_CONTINUES(n >= 0)) {
        cp_set_wide(CP_SLOT(0), a >> (n > 127 ? 127 : n));
        CP_CONTINUE();
    }
    CP_EXIT();
}
