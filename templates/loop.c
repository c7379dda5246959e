//go:build ignore

// LOOP: the back-edge. It spends one unit of the safepoint budget and jumps
// to the loop top (_JIT_JUMP_TARGET); when the budget runs out (it was 1 or
// less) or Go has set the interrupt flag it leaves with CP_EXIT_SAFEPOINT and
// exit index op0 (an immediate: the loop head), so the GC, the scheduler and
// signals get their turn within a bounded time. The budget is decremented
// either way; Go refills it before resuming.
#include "uop.h"

CP_UOP {
    CP_SAFEPOINT(CP_OPERAND(0));
    CP_JUMP();
}
