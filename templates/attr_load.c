//go:build ignore

// ATTR_LOAD: slot[op0] = attribute slot op2 of the instance in slot[op1],
// specialised on the attribute's kind.
// op0: destination slot, op1: an instance slot whose shape guard_shape
// checked (byte offsets); op2: an immediate, the attribute slot's byte offset
// in the instance's slot array (below len: the shape says so); op3: an
// immediate, the kind (CP_TAG_* or CP_KIND_INSTANCE) the value must have.
// Side-exits (_JIT_EXIT) with the frame untouched unless the value is of
// kind op3; otherwise copies its tag and bits. Every read happens before the
// write, so op0 may name the instance slot.
#include "uop.h"

CP_UOP {
    const cp_instance *x = CP_INSTANCE(CP_SLOT(1));
    const cp_value *a = (const cp_value *)((const char *)x->vals + CP_OPERAND(2));
    cp_u64 tag = a->tag;
    cp_u64 bits = a->bits;
    if (CP_CONTINUES(cp_kind_ok(tag, bits, CP_OPERAND(3)))) {
        cp_value *dst = CP_SLOT(0);
        dst->tag = tag;
        dst->bits = bits;
        CP_CONTINUE();
    }
    CP_EXIT();
}
