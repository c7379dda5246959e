//go:build ignore

// CALL_SELF: a native call of the trace's own function (recursion). The
// callee's frame starts op0 bytes above this one (its arguments are already
// there); the slot just below it, the link, gets the return address (the
// next uop) in its tag and the call site op1 (an immediate: the exit index
// of the call's snapshot, which names the CALL) in its bits, and control
// goes to the trace's entry (_JIT_JUMP_TARGET) with the callee's frame.
// RET comes back to the next uop with this frame. Every call spends one unit
// of the safepoint budget: when it ran out, Go set the interrupt flag, or
// the state's calls are used up (the recursion limit, or the end of the
// slot stack), it side-exits (_JIT_EXIT) before the call, frame untouched.
#include "uop.h"

CP_UOP {
    cp_state *h = CP_HEAD(st);
    cp_i64 budget = h->budget;
    h->budget = (cp_i64)((cp_u64)budget - 1);
    if (CP_CONTINUES(budget > 1 && h->interrupt == 0 && h->calls != 0)) {
        h->calls--;
        cp_value *callee = (cp_value *)((char *)fp + CP_OPERAND(0));
        callee[-1].tag = CP_CONTINUE_ADDRESS();
        callee[-1].bits = CP_OPERAND(1);
        CP_JUMP_TO(callee);
    }
    CP_EXIT();
}
