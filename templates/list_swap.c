//go:build ignore

// LIST_SWAP: slot[op0][slot[op1]], slot[op0][slot[op2]] =
// slot[op0][slot[op2]], slot[op0][slot[op1]]: the two loads and two stores
// of `a[i], a[j] = a[j], a[i]` in one uop (traceopt/swap.go fuses them when
// the temporaries the loads wrote are read nowhere after). op0: a list
// slot already checked by guard_list, op1 and op2: int index slots (byte
// offsets). An index below 0 means index + len, as in Python.
//
// Exits, with the frame and the list untouched, when the list may hold
// objects (objs non-NULL: the interpreter keeps the parallel slice in
// step) or either index is out of range after that adjustment. A list
// without objects holds no object element, so the elements' tags need no
// test: the swap moves tag and bits whatever their kinds. Both elements
// are read before either is written, so i == j leaves the element as it
// was. Each element moves as two scalar words, not one 16-byte move
// (the empty asm, as uop.h's cp_copy: a wide load of an element just
// stored as two words is not forwarded).
#include "uop.h"

CP_UOP {
    cp_list *l = (cp_list *)CP_SLOT(0)->bits;
    cp_i64 i = (cp_i64)CP_SLOT(1)->bits;
    cp_i64 j = (cp_i64)CP_SLOT(2)->bits;
    cp_i64 n = l->len;
    if (i < 0) {
        i += n; // cannot overflow: n >= 0
    }
    if (j < 0) {
        j += n;
    }
    if (CP_CONTINUES(l->objs == 0 && (cp_u64)i < (cp_u64)n && (cp_u64)j < (cp_u64)n)) {
        cp_value *a = &l->vals[i];
        cp_value *b = &l->vals[j];
        cp_u64 at = a->tag, ab = a->bits;
        cp_u64 bt = b->tag, bb = b->bits;
        __asm__("" : "+r"(at), "+r"(bt));
        a->tag = bt;
        a->bits = bb;
        b->tag = at;
        b->bits = ab;
        CP_CONTINUE();
    }
    CP_EXIT();
}
