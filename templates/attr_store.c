//go:build ignore

// ATTR_STORE: attribute slot op1 of the instance in slot[op0] = slot[op2].
// op0: an instance slot whose shape guard_shape checked (byte offset); op1:
// an immediate, the attribute slot's byte offset in the instance's slot
// array (below len: the shape says so); op2: the value slot (byte offset).
// Side-exits (_JIT_EXIT) with the frame and the instance untouched when the
// attribute holds an object now or the value is one (tag CP_TAG_OBJECT: the
// Go pointer lives in the array beside the slots, which native code never
// writes). Otherwise writes the slot's tag and bits, never a Go pointer, so
// no write barrier is needed.
#include "uop.h"

CP_UOP {
    const cp_instance *x = CP_INSTANCE(CP_SLOT(0));
    const cp_value *v = CP_SLOT(2);
    cp_u64 tag = v->tag;
    cp_u64 bits = v->bits;
    cp_value *a = (cp_value *)((char *)x->vals + CP_OPERAND(1));
    if (CP_CONTINUES(a->tag != CP_TAG_OBJECT && tag != CP_TAG_OBJECT)) {
        a->tag = tag;
        a->bits = bits;
        CP_CONTINUE();
    }
    CP_EXIT();
}
