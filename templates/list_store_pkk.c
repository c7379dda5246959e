//go:build ignore

// LIST_STORE_PKK: list_store_pk where the optimizer knows (traceopt/tags.go)
// that slot[op0] holds a packed bool list (a list_load_pk or list_store_pk
// of that slot continued on every path here, with no call-out or write of
// the slot since: only Go unpacks a list, and it rewrites the slot's kind
// bits when it does) and that slot[op2] is a bool. It leaves out the tests
// of the slot's tag and kind bits and of the value's tag: sieve's
// `flags[m] = False` runs it 5 million times a pass. Exits, with the frame
// and the list untouched, when the index is out of range.
#include "uop.h"

CP_UOP {
    cp_u64 lb = CP_SLOT(0)->bits;
    const cp_list *l = (const cp_list *)(lb - CP_PACKED_KIND);
    cp_i64 i = (cp_i64)CP_SLOT(1)->bits;
    cp_i64 n = l->plen;
    if (i < 0) {
        i += n; // cannot overflow: n >= 0
    }
    if (CP_CONTINUES((cp_u64)i < (cp_u64)n)) {
        l->packed[i] = (cp_u8)CP_SLOT(2)->bits;
        CP_CONTINUE();
    }
    CP_EXIT();
}
