//go:build ignore

// GUARD_TUPLE: side-exit (_JIT_EXIT) unless slot[op0] holds a tuple native
// code can read (tag CP_TAG_OBJECT, bits the address of its cp_tuple plus
// CP_TUPLE_BIT) of exactly op1 items, as unpacking it into op1 names
// needs. The frame is untouched either way.
// op0: the slot (byte offset), op1: an immediate, the length.
#include "uop.h"

CP_UOP {
    const cp_value *v = CP_SLOT(0);
    if (CP_CONTINUES(v->tag == CP_TAG_OBJECT && CP_OBJ_KIND(v->bits) == CP_TUPLE_BIT &&
                     CP_TUPLE(v)->len == (cp_i64)CP_OPERAND(1))) {
        CP_CONTINUE();
    }
    CP_EXIT();
}
