//go:build ignore

// GUARD_NONE: side-exit (_JIT_EXIT) unless slot[op0] holds None
// (tag CP_TAG_NONE); the frame is untouched either way. With it a slot
// that held None when recorded is known to, so "x is None" folds.
// op0: the slot (byte offset).
#include "uop.h"

CP_UOP {
    if (CP_CONTINUES(CP_SLOT(0)->tag == CP_TAG_NONE)) {
        CP_CONTINUE();
    }
    CP_EXIT();
}
