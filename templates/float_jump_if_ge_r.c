//go:build ignore

// FLOAT_JUMP_IF_GE_R: float_jump_if_ge with its operands read where
// the variant says (A, B: s for slot[op0] / slot[op1], or a cached register
// holding its value; traceopt/regcache.go picks the variant). Not built:
// s_s (the plain uop) and a register against itself (x < x is false).
//cp:variants A=s,f0,f1 B=s,f0,f1 -s_s -f0_f0 -f1_f1
#include "uop.h"

CP_UOP {
    if (CP_CONTINUES(!(CP_FIN(A, 0) >= CP_FIN(B, 1)))) {
        CP_CONTINUE();
    }
    CP_JUMP();
}
