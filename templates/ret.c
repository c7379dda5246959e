//go:build ignore

// RET: return slot op0's value from the trace's function: it goes to slot 0
// of this frame, where the caller reads it. When the link (the slot below
// the frame) holds no return address, this is the call Go entered, and the
// trace leaves with CP_EXIT_END and exit index op2; otherwise control goes
// back to the return address CALL_SELF left there, with the caller's frame
// (op1 bytes below this one), and the state's calls one more.
#include "uop.h"

CP_UOP {
    cp_copy(&fp[0], CP_SLOT(0));
    cp_u64 back = fp[-1].tag;
    if (back == 0) {
        CP_LEAVE(CP_EXIT_END, CP_OPERAND(2));
    }
    CP_HEAD(st)->calls++;
    cp_value *caller = (cp_value *)((char *)fp - CP_OPERAND(1));
    __attribute__((musttail)) return ((cp_continuation)back)(st, caller, f0, f1);
}
