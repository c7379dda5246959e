//go:build ignore

// LIST_STORE: slot[op0][slot[op1]] = slot[op2].
// op0: a list slot already checked by guard_list, op1: an int index slot,
// op2: the value slot (byte offsets).
// An index i < 0 means i + len, as in Python. Side-exits (_JIT_EXIT) with
// the frame and the list untouched when the list may hold objects (objs is
// non-NULL: the interpreter keeps its parallel object slice in step), when
// 0 <= i < len fails after the adjustment (IndexError), or when the value is
// an object (tag CP_TAG_OBJECT: its Go pointer lives beside the frame, where
// native code cannot copy it from). Otherwise writes the element's tag and
// bits, never a Go pointer, so no write barrier is needed.
#include "uop.h"

CP_UOP {
    cp_list *l = (cp_list *)CP_SLOT(0)->bits;
    cp_i64 i = (cp_i64)CP_SLOT(1)->bits;
    const cp_value *v = CP_SLOT(2);
    cp_u64 tag = v->tag;
    cp_u64 bits = v->bits;
    cp_i64 n = l->len;
    if (i < 0) {
        i += n; // cannot overflow: n >= 0
    }
    if (CP_CONTINUES(l->objs == 0 && (cp_u64)i < (cp_u64)n && tag != CP_TAG_OBJECT)) {
        cp_value *e = &l->vals[i];
        e->tag = tag;
        e->bits = bits;
        CP_CONTINUE();
    }
    CP_EXIT();
}
