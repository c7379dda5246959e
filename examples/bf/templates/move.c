//go:build ignore

// MOVE: head += op0 (a signed number of cells). Leaving the tape side-exits
// (the exit stub saves the head as it was).
#include "bf.h"

CP_UOP {
    bf_cell *p = fp + (cp_i64)CP_OPERAND(0);
    if (CP_CONTINUES((cp_u64)((char *)p - (char *)st->tape) < st->size)) {
        CP_CONTINUE_TO(p);
    }
    CP_EXIT();
}
