//go:build ignore

// END: the trace ran to its end. Returns to the entry trampoline with
// CP_EXIT_END and exit index op0 (an immediate: the trace's exit table entry,
// which names the interpreter's resume point).
#include "uop.h"

CP_UOP {
    CP_LEAVE(CP_EXIT_END, CP_OPERAND(0));
}
