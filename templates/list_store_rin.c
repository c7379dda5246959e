//go:build ignore

// LIST_STORE_RIN: list_store_r at an index the optimizer proved in range
// and not negative (traceopt/inrange.go): the index is a constant >= 0
// and a load or store of the same list slot at it continued just before,
// with no call-out, call, jump target or write of either slot between
// (only Go changes a list's length). nbody's `b[3] -= dx * cm` loads
// b[3] and stores it back three uops later. It leaves out the index's
// normalization and the bounds test; it keeps the objects test and exits
// as list_store_r does, with the frame and the list untouched, when the
// list may hold objects.
//cp:variants A=f0,f1
#include "uop.h"

CP_UOP {
    cp_list *l = (cp_list *)CP_SLOT(0)->bits;
    cp_i64 i = (cp_i64)CP_SLOT(1)->bits;
    if (CP_CONTINUES(l->objs == 0)) {
        cp_value *e = &l->vals[i];
        e->tag = CP_TAG_FLOAT;
        e->bits = cp_float_bits(CP_FIN(A, 2));
        CP_CONTINUE();
    }
    CP_EXIT();
}
