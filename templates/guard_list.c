//go:build ignore

// GUARD_LIST: side-exit (_JIT_EXIT) unless slot[op0] holds a list native
// code can read: tag CP_TAG_OBJECT and bits != 0 (the address of its
// cp_list). An object with bits 0 is one native code cannot read, so it
// exits too. The frame is untouched either way.
// op0: the slot (byte offset).
#include "uop.h"

CP_UOP {
    cp_value *v = CP_SLOT(0);
    if (CP_CONTINUES(v->tag == CP_TAG_OBJECT && v->bits != 0)) {
        CP_CONTINUE();
    }
    CP_EXIT();
}
