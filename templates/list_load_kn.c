//go:build ignore

// LIST_LOAD_KN: list_load_k (list_load_k.c) at an index the optimizer
// proved >= 0 (traceopt/nonneg.go: a counter from 0 up, or a slot a
// compare with one put below it), so it needs no adjustment of a
// negative index, only the test against the length. Exits as
// list_load_k does.
//cp:variants T=b,t K=int,bool
#include "uop.h"

#define CP_KTAG_int CP_TAG_INT
#define CP_KTAG_bool CP_TAG_BOOL
#define CP_KTAG_(k) CP_KTAG_##k
#define CP_KTAG(k) CP_KTAG_(k)
#define CP_KSET_b(v) ((void)(v))
#define CP_KSET_t(v) ((v)->tag = CP_KTAG(K))
#define CP_KSET_(t, v) CP_KSET_##t(v)
#define CP_KSET(t, v) CP_KSET_(t, v)

CP_UOP {
    const cp_list *l = (const cp_list *)CP_SLOT(1)->bits;
    cp_u64 i = CP_SLOT(2)->bits;
    if (i < (cp_u64)l->len) {
        cp_u64 tag = l->vals[i].tag;
        cp_u64 bits = l->vals[i].bits;
        if (CP_CONTINUES(tag == CP_KTAG(K))) {
            cp_value *dst = CP_SLOT(0);
            CP_KSET(T, dst);
            dst->bits = bits;
            CP_CONTINUE();
        }
    }
    CP_EXIT();
}
