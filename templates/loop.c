//go:build ignore

// LOOP: the back-edge. It spends one unit of the safepoint budget and jumps
// to the loop top (_JIT_JUMP_TARGET); when the budget runs out (it was 1 or
// less) it leaves with CP_EXIT_SAFEPOINT and exit index op0 (an immediate:
// the loop head), so the GC, the scheduler and signals get their turn within
// a bounded time. The budget is decremented either way; Go refills it before
// resuming.
//
// Unlike CP_SAFEPOINT it does not read the interrupt flag: a trace loop
// sees Ctrl-C at its next safepoint exit, within one budget of back-edges
// (Go checks the flag there, and the runtime enters an interrupted state
// with a budget of 1). That leaves a load, a decrement, a store and one
// branch on every iteration of every loop, where the flag's load and
// compare were two more instructions and a second branch. The decrement
// is unsigned: it wraps instead of being undefined.
#include "uop.h"

CP_UOP {
    cp_i64 budget = CP_HEAD(st)->budget;
    CP_HEAD(st)->budget = (cp_i64)((cp_u64)budget - 1);
    if (__builtin_expect(budget <= 1, 0)) {
        CP_LEAVE(CP_EXIT_SAFEPOINT, CP_OPERAND(0));
    }
    CP_JUMP();
}
