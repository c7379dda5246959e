//go:build ignore

// STR_JUMP_IF_EQ: jump to the in-trace target (_JIT_JUMP_TARGET) if the strs
// in slot[op0] and slot[op1] equal, else continue. Both are already checked by
// guard_str; the same object is equal to itself without a look at its
// bytes. op0, op1: the str slots (byte offsets). Never exits.
#include "uop.h"

CP_UOP {
    if (CP_CONTINUES(!cp_str_eq(CP_SLOT(0), CP_SLOT(1)))) {
        CP_CONTINUE();
    }
    CP_JUMP();
}
