//go:build ignore

// FLOAT_JUMP_IF_LT: if slot[op0] < slot[op1] on float64, jump to the
// in-trace target (_JIT_JUMP_TARGET), else continue. IEEE semantics, as in
// Python: a NaN operand makes every comparison false except !=.
// op0, op1: source slots (byte offsets). Never exits.
#include "uop.h"

CP_UOP {
    if (CP_CONTINUES(!(cp_as_float(CP_SLOT(0)->bits) < cp_as_float(CP_SLOT(1)->bits)))) {
        CP_CONTINUE();
    }
    CP_JUMP();
}
