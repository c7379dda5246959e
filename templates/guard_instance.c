//go:build ignore

// GUARD_INSTANCE: side-exit (_JIT_EXIT) unless slot[op0] holds an instance
// native code can read: tag CP_TAG_OBJECT with CP_INSTANCE_BIT set in its
// bits. The frame is untouched either way.
// op0: the slot (byte offset).
#include "uop.h"

CP_UOP {
    cp_value *v = CP_SLOT(0);
    if (CP_CONTINUES(v->tag == CP_TAG_OBJECT && (v->bits & CP_INSTANCE_BIT) != 0)) {
        CP_CONTINUE();
    }
    CP_EXIT();
}
