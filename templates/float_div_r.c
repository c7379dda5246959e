//go:build ignore

// FLOAT_DIV_R: float_div (T=t) or float_div_bits (T=b) with its operands
// and result in cached registers where the variant says (D: the register
// that also gets the result, which is stored to slot[op0] as well; A, B:
// where operand 1 and 2 are read, s for the slot or a register holding its
// value). Exits as float_div: on a zero divisor, before it writes anything.
//cp:variants T=b,t D=f0,f1 A=s,f0,f1 B=s,f0,f1
#include "uop.h"

CP_UOP {
    double d = CP_FIN(B, 2);
    if (CP_CONTINUES(d != 0.0)) {
        double r = CP_FIN(A, 1) / d;
        cp_value *dst = CP_SLOT(0);
        CP_FTAG(T, dst);
        dst->bits = cp_float_bits(r);
        CP_FOUT(D, r);
        CP_CONTINUE();
    }
    CP_EXIT();
}
