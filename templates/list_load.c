//go:build ignore

// LIST_LOAD: slot[op0] = slot[op1][slot[op2]], specialised on the
// element's tag.
// op0: destination slot, op1: a list slot already checked by guard_list,
// op2: an int index slot (byte offsets); op3: an immediate, the kind
// (CP_TAG_*, or CP_KIND_INSTANCE) the element must have.
// An index i < 0 means i + len, as in Python. Side-exits (_JIT_EXIT) with
// the frame untouched unless 0 <= i < len after that adjustment (the
// interpreter raises IndexError), and unless the element is of kind op3
// (cp_kind_ok: for CP_TAG_OBJECT a list, for CP_KIND_INSTANCE an instance,
// objects native code can read). Otherwise copies the element, tag and
// bits. Every read happens before the write, so op0 may name the list or
// index slot.
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
            cp_value *dst = CP_SLOT(0);
            dst->tag = tag;
            dst->bits = bits;
            CP_CONTINUE();
        }
    }
    CP_EXIT();
}
