//go:build ignore

// MOVE: slot[op0] = slot[op1], tag and bits (cp_copy: two 8-byte copies).
// op0: destination slot, op1: source slot (byte offsets). Never exits.
#include "uop.h"

CP_UOP {
    cp_copy(CP_SLOT(0), CP_SLOT(1));
    CP_CONTINUE();
}
