//go:build ignore

// FLOAT_SQRT_R: float_sqrt (T=t) or float_sqrt_bits (T=b) with its operand
// and result in cached registers where the variant says (D: the register
// that also gets the result, which is stored to slot[op0] as well; A: where
// operand 1 is read, s for the slot or a register holding its value).
// Exits as float_sqrt: on a negative operand, before it writes anything.
//cp:variants T=b,t D=f0,f1 A=s,f0,f1
#include "uop.h"

CP_UOP {
    double x = CP_FIN(A, 1);
    if (CP_CONTINUES(!(x < 0.0))) {
        double r = __builtin_sqrt(x);
        cp_value *dst = CP_SLOT(0);
        CP_FTAG(T, dst);
        dst->bits = cp_float_bits(r);
        CP_FOUT(D, r);
        CP_CONTINUE();
    }
    CP_EXIT();
}
