//go:build ignore

// LIST_LOAD_R: list_load (T=t) or list_load_bits (T=b) of a float
// element, its value also left in cached register D (f0 or f1), so the
// float uop that reads it next need not load what this one just stored.
// The checks and exits are list_load's with the kind fixed to float (op3
// is CP_TAG_FLOAT, and not read: traceopt/regcache.go picks this variant
// only for float loads of a trace no other thread runs beside).
//cp:variants T=b,t D=f0,f1
#include "uop.h"

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
        if (CP_CONTINUES(tag == CP_TAG_FLOAT)) {
            cp_value *dst = CP_SLOT(0);
            CP_FTAG(T, dst);
            dst->bits = bits;
            CP_FOUT(D, cp_as_float(bits));
            CP_CONTINUE();
        }
    }
    CP_EXIT();
}
