//go:build ignore

// GUARD_STR: side-exit (_JIT_EXIT) unless slot[op0] holds a str native code
// can index: tag CP_TAG_OBJECT, bits the address of its cp_str plus
// CP_STR_BIT, and every character ASCII (kind CP_STR_ASCII: byte i is
// character i). The frame is untouched either way.
// op0: the slot (byte offset).
#include "uop.h"

CP_UOP {
    const cp_value *v = CP_SLOT(0);
    if (CP_CONTINUES(v->tag == CP_TAG_OBJECT && CP_OBJ_KIND(v->bits) == CP_STR_BIT && CP_STR(v)->kind == CP_STR_ASCII)) {
        CP_CONTINUE();
    }
    CP_EXIT();
}
