//go:build ignore

// DICT_GET_INT: slot[op0] = slot[op1][slot[op2]], a dict subscript by an
// int key whose value is a number, a bool or None.
// op0: destination slot, op1: the dict slot (checked here: tag
// CP_TAG_OBJECT, kind bits CP_DICT_KIND), op2: an int key slot (byte
// offsets); op3: an immediate, the address of the interpreter's tag marks
// (tag 0's; vmstate.h's cp_dict_entry).
// Side-exits (_JIT_EXIT) with the frame untouched unless slot op1 holds a
// dict, the key is found as cp_dict_find_int finds it (Go answers a
// missing key: KeyError, __missing__, a defaultdict's factory) and the
// value is no object (its Go half native code cannot write). The value's
// tag is what it is: the trace guards the destination where it is used.
// Every read happens before the write, so op0 may name the dict or key
// slot.
#include "uop.h"

CP_UOP {
    const cp_value *dv = CP_SLOT(1);
    const cp_u8 *marks = (const cp_u8 *)CP_OPERAND(3);
    cp_u64 tag = 0, bits = 0;
    if (dv->tag == CP_TAG_OBJECT && CP_OBJ_KIND(dv->bits) == CP_DICT_KIND) {
        const cp_dict_entry *e = cp_dict_find_int(CP_DICT(dv), (cp_i64)CP_SLOT(2)->bits, marks + CP_TAG_INT);
        if (e != 0 && e != CP_DICT_ASK) {
            tag = (cp_u64)((const cp_u8 *)e->vp - marks);
            bits = e->vw;
        }
    }
    // One test of the value's tag on every path: Clang would otherwise
    // thread the paths apart and end the stencil with an exit, where the
    // runtime wants the jump to the next uop last. The same keeps tag in
    // a general register, so the stores stay scalar (cp_copy's, uop.h).
    __asm__("" : "+r"(tag), "+r"(bits));
    // Tags 1 to 4 (an int, a float, a bool, None); an object's second
    // word is no tag mark's address, and tag stays 0 for no value.
    if (CP_CONTINUES(tag - 1 < CP_TAG_OBJECT - 1)) {
        cp_value *dst = CP_SLOT(0);
        dst->tag = tag;
        dst->bits = bits;
        CP_CONTINUE();
    }
    CP_EXIT();
}
