//go:build ignore

// LIST_STORE_K: list_store of a value whose kind K, an int or a bool, the
// optimizer proved (traceopt/tags.go: a guard, a result or a constant put
// that tag in slot[op2] on every path here): the element gets K's tag and
// the value's bits, with no load and no test of the value's tag, which
// list_store makes to refuse an object. Exits as list_store, with the
// frame and the list untouched, when the list may hold objects or the
// index is out of range. Picked only for traces no other thread runs
// beside (there list_store_mt stores under the list's sequence word).
//cp:variants K=int,bool
#include "uop.h"

#define CP_KTAG_int CP_TAG_INT
#define CP_KTAG_bool CP_TAG_BOOL
#define CP_KTAG_(k) CP_KTAG_##k
#define CP_KTAG(k) CP_KTAG_(k)

CP_UOP {
    cp_list *l = (cp_list *)CP_SLOT(0)->bits;
    cp_i64 i = (cp_i64)CP_SLOT(1)->bits;
    cp_i64 n = l->len;
    if (i < 0) {
        i += n; // cannot overflow: n >= 0
    }
    if (CP_CONTINUES(l->objs == 0 && (cp_u64)i < (cp_u64)n)) {
        cp_value *e = &l->vals[i];
        e->tag = CP_KTAG(K);
        e->bits = CP_SLOT(2)->bits;
        CP_CONTINUE();
    }
    CP_EXIT();
}
