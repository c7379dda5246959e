//go:build ignore

// GUARD_LIST: side-exit (_JIT_EXIT) unless slot[op0] holds a list native
// code can read: tag CP_TAG_OBJECT and bits != 0 without CP_INSTANCE_BIT
// (the address of its cp_list). An object with bits 0 is one native code
// cannot read, and one with CP_INSTANCE_BIT an instance, so both exit too.
// The frame is untouched either way.
// op0: the slot (byte offset).
#include "uop.h"

CP_UOP {
    cp_value *v = CP_SLOT(0);
    if (CP_CONTINUES(cp_kind_ok(v->tag, v->bits, CP_TAG_OBJECT))) {
        CP_CONTINUE();
    }
    CP_EXIT();
}
