//go:build ignore

// FLOAT_SQRT: slot[op0] = math.sqrt(slot[op1]) on float64, correctly
// rounded by the hardware instruction (sqrtsd, fsqrt).
// op0: destination slot, op1: source slot (byte offsets). A negative source
// (-inf included) side-exits (_JIT_EXIT) with the frame untouched: Python
// raises ValueError there. NaN, -0.0 and +inf are not negative: sqrt gives
// NaN, -0.0 and +inf, as Python does.
//
// __builtin_sqrt is an instruction only because stencilgen passes
// -fno-math-errno; with errno semantics Clang calls libm's sqrt for negative
// inputs, a symbol no stencil can reach (the build fails naming it).
#include "uop.h"

CP_UOP {
    double x = cp_as_float(CP_SLOT(1)->bits);
    if (CP_CONTINUES(!(x < 0.0))) {
        double r = __builtin_sqrt(x);
        cp_value *dst = CP_SLOT(0);
        dst->tag = CP_TAG_FLOAT;
        dst->bits = cp_float_bits(r);
        CP_CONTINUE();
    }
    CP_EXIT();
}
