// LOOP: the back-edge. It spends one unit of the safepoint budget and jumps
// to the loop top; when the budget runs out or Go sets the interrupt flag it
// leaves with CP_EXIT_SAFEPOINT and exit index op0 (the loop head), so the
// GC, the scheduler and signals get their turn within a bounded time.
#include "uop.h"

CP_UOP {
    cp_i64 left = st->budget - 1;
    st->budget = left;
    if (__builtin_expect(left <= 0 || st->interrupt != 0, 0)) {
        CP_LEAVE(CP_EXIT_SAFEPOINT, CP_OPERAND(0));
    }
    CP_JUMP();
}
