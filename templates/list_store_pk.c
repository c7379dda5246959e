//go:build ignore

// LIST_STORE_PK: slot[op0][slot[op1]] = slot[op2] into a packed bool list
// (CP_PACKED_KIND), the value a bool: its bits, 0 or 1, become the byte.
// Exits, with the frame and the list untouched, when slot[op0] is no
// packed list, the index is out of range, or the value is no bool (the
// interpreter then unpacks the list and stores it).
#include "uop.h"

CP_UOP {
    const cp_value *lv = CP_SLOT(0);
    cp_u64 lb = lv->bits;
    cp_i64 i = (cp_i64)CP_SLOT(1)->bits;
    const cp_value *v = CP_SLOT(2);
    if (lv->tag == CP_TAG_OBJECT && CP_OBJ_KIND(lb) == CP_PACKED_KIND && v->tag == CP_TAG_BOOL) {
        const cp_list *l = (const cp_list *)(lb - CP_PACKED_KIND);
        cp_i64 n = l->plen;
        if (i < 0) {
            i += n; // cannot overflow: n >= 0
        }
        if (CP_CONTINUES((cp_u64)i < (cp_u64)n)) {
            l->packed[i] = (cp_u8)v->bits;
            CP_CONTINUE();
        }
    }
    CP_EXIT();
}
