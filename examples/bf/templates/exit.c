//go:build ignore

// EXIT: the exit stub (a role the runtime relies on): leave with
// CP_EXIT_SIDE and exit index op0. Only MOVE exits, when the head would
// leave the tape.
#include "bf.h"

CP_UOP {
    BF_SAVE_HEAD();
    CP_LEAVE(CP_EXIT_SIDE, CP_OPERAND(0));
}
