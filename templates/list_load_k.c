//go:build ignore

// LIST_LOAD_K: list_load (T=t) or list_load_bits (T=b) of an element of
// kind K, an int or a bool, fixed when the stencil is built: the kind test
// is one compare of the tag, where list_load's, which takes the kind from
// operand 3 as the stencil runs, tests the operand against each kind
// first. The checks and exits are list_load's; op3 (the kind's tag) is
// not read. traceopt/kinds.go picks these for int and bool loads of a
// trace no other thread runs beside.
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
    cp_i64 i = (cp_i64)CP_SLOT(2)->bits;
    cp_i64 n = l->len;
    if (i < 0) {
        i += n; // cannot overflow: n >= 0
    }
    if ((cp_u64)i < (cp_u64)n) {
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
