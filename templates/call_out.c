//go:build ignore

// CALL_OUT: leave the trace so that Go runs one bytecode instruction that
// has no native form in the interpreter, then re-enters the trace at the
// next uop. It returns CP_EXIT_SIDE with exit index op0 (an immediate),
// which names the instruction and where to re-enter. op1 names the slot the
// instruction writes, for the trace optimizer only: this stencil does not
// read it.
#include "uop.h"

CP_UOP {
    CP_LEAVE(CP_EXIT_SIDE, CP_OPERAND(0));
}
