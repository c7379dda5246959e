//go:build ignore

// LOAD_INT_BITS: load_int into a slot the trace knows already has the
// tag load_int writes: the same result, written to the bits only (one store
// fewer per result in a loop). Operands and exits as load_int.
#include "uop.h"

CP_UOP {
    cp_value *dst = CP_SLOT(0);
    dst->bits = CP_OPERAND(1);
    CP_CONTINUE();
}
