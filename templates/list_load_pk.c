//go:build ignore

// LIST_LOAD_PK: slot[op0] = slot[op1][slot[op2]] of a packed bool list
// (CP_PACKED_KIND: the elements are bytes, 0 or 1), as a bool: the tag
// and the bits (T=t), or the bits alone (T=b: the slot has the bool tag
// on every path here, traceopt/tags.go). Exits, with the frame untouched,
// when slot[op1] is no packed list (the interpreter unpacked it: plen is
// 0 then) or the index is out of range. The slot's kind bits are tested
// here, not by a guard: a call-out that unpacks the list changes them.
//cp:variants T=b,t
#include "uop.h"

#define CP_BSET_b(v) ((void)(v))
#define CP_BSET_t(v) ((v)->tag = CP_TAG_BOOL)
#define CP_BSET_(t, v) CP_BSET_##t(v)
#define CP_BSET(t, v) CP_BSET_(t, v)

CP_UOP {
    const cp_value *lv = CP_SLOT(1);
    cp_u64 lb = lv->bits;
    cp_i64 i = (cp_i64)CP_SLOT(2)->bits;
    if (lv->tag == CP_TAG_OBJECT && CP_OBJ_KIND(lb) == CP_PACKED_KIND) {
        const cp_list *l = (const cp_list *)(lb - CP_PACKED_KIND);
        cp_i64 n = l->plen;
        if (i < 0) {
            i += n; // cannot overflow: n >= 0
        }
        if (CP_CONTINUES((cp_u64)i < (cp_u64)n)) {
            cp_value *dst = CP_SLOT(0);
            CP_BSET(T, dst);
            dst->bits = l->packed[i];
            CP_CONTINUE();
        }
    }
    CP_EXIT();
}
