//go:build ignore

// DICT_HAS_INT: slot[op0] = slot[op2] in slot[op1], for a dict and an
// int key: a bool.
// op0: destination slot, op1: the dict slot (checked here: tag
// CP_TAG_OBJECT, kind bits CP_DICT_KIND), op2: an int key slot (byte
// offsets); op3: an immediate, the address of the interpreter's tag marks
// (tag 0's; vmstate.h's cp_dict_entry).
// Side-exits (_JIT_EXIT) with the frame untouched unless slot op1 holds a
// dict and cp_dict_find_int can answer (not for an entry of equal hash
// whose key is no int, which Go compares). Every read happens before the
// write, so op0 may name the dict or key slot.
#include "uop.h"

CP_UOP {
    const cp_value *dv = CP_SLOT(1);
    const cp_dict_entry *e = CP_DICT_ASK;
    if (dv->tag == CP_TAG_OBJECT && CP_OBJ_KIND(dv->bits) == CP_DICT_KIND) {
        const cp_u8 *marks = (const cp_u8 *)CP_OPERAND(3);
        e = cp_dict_find_int(CP_DICT(dv), (cp_i64)CP_SLOT(2)->bits, marks + CP_TAG_INT);
    }
    // One test on every path: Clang would otherwise thread the finder's
    // answers apart and end the stencil with a path after the jump to the
    // next uop, which the runtime wants last.
    __asm__("" : "+r"(e));
    if (CP_CONTINUES(e != CP_DICT_ASK)) {
        cp_u64 found = e != 0;
        cp_u64 tag = CP_TAG_BOOL;
        __asm__("" : "+r"(tag)); // scalar stores, as cp_copy's (uop.h)
        cp_value *dst = CP_SLOT(0);
        dst->tag = tag;
        dst->bits = found;
        CP_CONTINUE();
    }
    CP_EXIT();
}
