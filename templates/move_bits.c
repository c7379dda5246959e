//go:build ignore

// MOVE_BITS: move into a slot the trace knows already has the source's
// tag: the bits only (one load and one store fewer than move).
// op0: destination slot, op1: source slot (byte offsets). Never exits.
#include "uop.h"

CP_UOP {
    cp_u64 bits = CP_SLOT(1)->bits;
    CP_SLOT(0)->bits = bits;
    CP_CONTINUE();
}
