//go:build ignore

// DICT_GET_INT_LIST: slot[op0] = slot[op1][slot[op2]], a dict subscript by
// an int key whose value is a list (graphs' adjacency lists, adj[u]).
// op0: destination slot, op1: the dict slot (checked here: tag
// CP_TAG_OBJECT, kind bits CP_DICT_KIND), op2: an int key slot (byte
// offsets); op3: an immediate, the address of two words: the interpreter's
// tag marks' address (tag 0's; vmstate.h's cp_dict_entry) and the type
// word an entry holding a list has (the itab of *List as an Object).
// Writes the list's bits (its address: tag CP_TAG_OBJECT, kind bits 0),
// never its Go half, which the interpreter fills in from the bits at the
// next exit or call-out (the trace lists the slot): until then the dict
// keeps the list alive, since native code overwrites no object in a dict.
// Side-exits (_JIT_EXIT) with the frame untouched unless slot op1 holds a
// dict, cp_dict_find_int finds the key and its value is an unpacked list
// (a packed list's bits carry CP_PACKED_KIND, its own uops'). Every read
// happens before the write, so op0 may name the dict or key slot.
#include "uop.h"

CP_UOP {
    const cp_value *dv = CP_SLOT(1);
    const cp_u64 *consts = (const cp_u64 *)CP_OPERAND(3);
    cp_u64 bits = 0;
    if (dv->tag == CP_TAG_OBJECT && CP_OBJ_KIND(dv->bits) == CP_DICT_KIND) {
        const cp_u8 *marks = (const cp_u8 *)consts[0];
        const cp_dict_entry *e = cp_dict_find_int(CP_DICT(dv), (cp_i64)CP_SLOT(2)->bits, marks + CP_TAG_INT);
        if (e != 0 && e != CP_DICT_ASK && e->vw == consts[1]) {
            const cp_list *l = (const cp_list *)e->vp;
            if (l->packed == 0) {
                bits = (cp_u64)l;
            }
        }
    }
    // One test on every path, as dict_get_int's.
    __asm__("" : "+r"(bits));
    if (CP_CONTINUES(bits != 0)) {
        cp_u64 tag = CP_TAG_OBJECT;
        __asm__("" : "+r"(tag)); // scalar stores, as cp_copy's (uop.h)
        cp_value *dst = CP_SLOT(0);
        dst->tag = tag;
        dst->bits = bits;
        CP_CONTINUE();
    }
    CP_EXIT();
}
