//go:build ignore

// EXIT: a side-exit stub. Every uop that can fail jumps here (its _JIT_EXIT
// hole); the stub returns to the entry trampoline with CP_EXIT_SIDE and exit
// index op0 (an immediate: the trace's exit table entry, which names the
// interpreter's resume point).
#include "uop.h"

CP_UOP {
    CP_LEAVE(CP_EXIT_SIDE, CP_OPERAND(0));
}
