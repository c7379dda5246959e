//go:build ignore

// LIST_SWAP_NN: list_swap (list_swap.c) at two indexes the optimizer
// proved >= 0 (traceopt/nonneg.go: `while i < j` with i counting up from
// 0 proves both in fannkuch's flips), so neither needs the adjustment of
// a negative index, only the test against the length. Exits as
// list_swap does, with the frame and the list untouched.
#include "uop.h"

CP_UOP {
    cp_list *l = (cp_list *)CP_SLOT(0)->bits;
    cp_u64 i = CP_SLOT(1)->bits;
    cp_u64 j = CP_SLOT(2)->bits;
    cp_u64 n = (cp_u64)l->len;
    if (CP_CONTINUES(l->objs == 0 && i < n && j < n)) {
        cp_value *a = &l->vals[i];
        cp_value *b = &l->vals[j];
        cp_u64 at = a->tag, ab = a->bits;
        cp_u64 bt = b->tag, bb = b->bits;
        __asm__("" : "+r"(at), "+r"(bt)); // (as list_swap.c: two scalar moves each)
        a->tag = bt;
        a->bits = bb;
        b->tag = at;
        b->bits = ab;
        CP_CONTINUE();
    }
    CP_EXIT();
}
