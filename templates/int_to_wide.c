//go:build ignore

// INT_TO_WIDE: slot[op0] = slot[op1], an int64 sign-extended to a 128-bit
// int (cp_wide: tag the high word, bits the low word).
// op0: the 128-bit slot, op1: the int slot (byte offsets). Never exits.
#include "uop.h"

CP_UOP {
    cp_i64 x = (cp_i64)CP_SLOT(1)->bits;
    cp_set_wide(CP_SLOT(0), x);
    CP_CONTINUE();
}
