//go:build ignore

// LIST_LOAD_BITS: list_load into a slot the trace knows already has the
// tag of kind op3 (an int, float or bool element, or any object): the same
// checks and exits, and only the element's bits are written (one store
// fewer per element a loop reads).
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
        if (CP_CONTINUES(cp_kind_ok(tag, bits, CP_OPERAND(3)))) {
            CP_SLOT(0)->bits = bits;
            CP_CONTINUE();
        }
    }
    CP_EXIT();
}
