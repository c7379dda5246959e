//go:build ignore

// INT_JUMP_IF_LE: if slot[op0] <= slot[op1] on int64, jump to the
// in-trace target (_JIT_JUMP_TARGET), else continue.
// op0, op1: source slots (byte offsets). Never exits.
#include "uop.h"

CP_UOP {
    if (CP_CONTINUES((cp_i64)CP_SLOT(0)->bits > (cp_i64)CP_SLOT(1)->bits)) {
        CP_CONTINUE();
    }
    CP_JUMP();
}
