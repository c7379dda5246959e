//go:build ignore

// GUARD_INSTANCE: side-exit (_JIT_EXIT) unless slot[op0] holds an instance
// native code can read: tag CP_TAG_OBJECT with kind bits CP_INSTANCE_BIT
// (a dict's, CP_DICT_KIND, have that bit too). The frame is untouched either way.
// op0: the slot (byte offset).
#include "uop.h"

CP_UOP {
    cp_value *v = CP_SLOT(0);
    if (CP_CONTINUES(cp_kind_ok(v->tag, v->bits, CP_KIND_INSTANCE))) {
        CP_CONTINUE();
    }
    CP_EXIT();
}
