//go:build ignore

// LOAD_FLOAT_BITS: load_float into a slot the trace knows already has the
// tag load_float writes: the same result, written to the bits only (one store
// fewer per result in a loop). Operands and exits as load_float.
#include "uop.h"

CP_UOP {
    cp_value *dst = CP_SLOT(0);
    dst->bits = CP_OPERAND(1);
    CP_CONTINUE();
}
