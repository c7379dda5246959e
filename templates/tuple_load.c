//go:build ignore

// TUPLE_LOAD: slot[op0] = item op2 of the tuple in slot[op1], specialised
// on the item's kind.
// op0: destination slot, op1: a tuple slot whose length guard_tuple checked
// (byte offsets); op2: an immediate, the item's byte offset in the items
// (below len * sizeof(cp_item): the guard says so); op3: an immediate, the
// kind (CP_TAG_*, CP_KIND_INSTANCE or CP_KIND_TUPLE) the item must have.
// Side-exits (_JIT_EXIT) with the frame untouched unless the item is of
// kind op3; otherwise copies its tag and bits. Every read happens before
// the write, so op0 may name the tuple slot.
#include "uop.h"

CP_UOP {
    const cp_tuple *t = CP_TUPLE(CP_SLOT(1));
    const cp_item *a = (const cp_item *)((const char *)t->items + CP_OPERAND(2));
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
