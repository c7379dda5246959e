//go:build ignore

// INT_TO_FLOAT_EXACT: slot[op0] = float(slot[op1]) for an int64 of
// magnitude at most 2**53, which a float64 holds exactly: a compare of a
// variable int with a float (dijkstra's `nd < dist[v]` against inf) is
// then the floats' compare, as Python's exact one is.
// op0: destination slot, op1: source slot (byte offsets). Side-exits
// (_JIT_EXIT) with the frame untouched for a larger int, which the
// interpreter compares exactly.
#include "uop.h"

CP_UOP {
    cp_i64 a = (cp_i64)CP_SLOT(1)->bits;
    if (CP_CONTINUES((cp_u64)a + (1ull << 53) <= (1ull << 54))) {
        double r = (double)a;
        cp_value *dst = CP_SLOT(0);
        dst->tag = CP_TAG_FLOAT;
        dst->bits = cp_float_bits(r);
        CP_CONTINUE();
    }
    CP_EXIT();
}
