//go:build ignore

// GUARD_SHAPE: side-exit (_JIT_EXIT) unless the instance in slot[op0]
// (already checked by guard_instance) has the shape whose address is op1.
// The shape fixes how many attribute slots the instance has and which
// attribute each holds. The frame is untouched either way.
// op0: the slot (byte offset), op1: an immediate, the shape's address.
#include "uop.h"

CP_UOP {
    const cp_instance *x = CP_INSTANCE(CP_SLOT(0));
    if (CP_CONTINUES(x->shape == (void *)CP_OPERAND(1))) {
        CP_CONTINUE();
    }
    CP_EXIT();
}
