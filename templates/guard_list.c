//go:build ignore

// GUARD_LIST: side-exit (_JIT_EXIT) unless slot[op0] holds a list native
// code can read: tag CP_TAG_OBJECT and bits != 0 without kind bits (the
// address of its cp_list). An object with bits 0 is one native code cannot
// read, and one with kind bits an instance or a str, so they exit too.
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
