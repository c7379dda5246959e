//go:build ignore

// LIST_STORE_KN: list_store_k (list_store_k.c) at an index the optimizer
// proved >= 0 (traceopt/nonneg.go), so it needs no adjustment of a
// negative index, only the test against the length. Exits as
// list_store_k does, with the frame and the list untouched.
//cp:variants K=int,bool
#include "uop.h"

#define CP_KTAG_int CP_TAG_INT
#define CP_KTAG_bool CP_TAG_BOOL
#define CP_KTAG_(k) CP_KTAG_##k
#define CP_KTAG(k) CP_KTAG_(k)

CP_UOP {
    cp_list *l = (cp_list *)CP_SLOT(0)->bits;
    cp_u64 i = CP_SLOT(1)->bits;
    if (CP_CONTINUES(l->objs == 0 && i < (cp_u64)l->len)) {
        cp_value *e = &l->vals[i];
        e->tag = CP_KTAG(K);
        e->bits = CP_SLOT(2)->bits;
        CP_CONTINUE();
    }
    CP_EXIT();
}
