//go:build ignore

// LIST_STORE_R: list_store of a float value read from cached register A
// (f0 or f1), which holds slot[op2]'s value (traceopt/regcache.go proves
// it): the element gets the float tag and the register's bits, with no
// load of what the uop before just stored. Exits as list_store, with the
// frame and the list untouched, when the list may hold objects or the
// index is out of range. Picked only for traces no other thread runs
// beside (there list_store_mt stores under the list's sequence word).
//cp:variants A=f0,f1
#include "uop.h"

CP_UOP {
    cp_list *l = (cp_list *)CP_SLOT(0)->bits;
    cp_i64 i = (cp_i64)CP_SLOT(1)->bits;
    cp_i64 n = l->len;
    if (i < 0) {
        i += n; // cannot overflow: n >= 0
    }
    if (CP_CONTINUES(l->objs == 0 && (cp_u64)i < (cp_u64)n)) {
        cp_value *e = &l->vals[i];
        e->tag = CP_TAG_FLOAT;
        e->bits = cp_float_bits(CP_FIN(A, 2));
        CP_CONTINUE();
    }
    CP_EXIT();
}
