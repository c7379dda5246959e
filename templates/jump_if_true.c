//go:build ignore

// JUMP_IF_TRUE: if slot[op0] is true (a bool slot: bits != 0), jump to the
// in-trace target (_JIT_JUMP_TARGET), else continue. The tag is not read: the
// trace has proven the slot a bool. op0: source slot (byte offset). Never
// exits.
#include "uop.h"

CP_UOP {
    if (CP_CONTINUES(CP_SLOT(0)->bits == 0)) {
        CP_CONTINUE();
    }
    CP_JUMP();
}
