//go:build ignore

// GUARD_BOOL: side-exit (_JIT_EXIT) unless slot[op0] holds a bool
// (tag CP_TAG_BOOL); the frame is untouched either way.
// op0: the slot (byte offset).
#include "uop.h"

CP_UOP {
    if (CP_CONTINUES(CP_SLOT(0)->tag == CP_TAG_BOOL)) {
        CP_CONTINUE();
    }
    CP_EXIT();
}
