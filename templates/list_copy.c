//go:build ignore

// LIST_COPY: the slice call-out slot[op0] = slot[op1][:] done natively,
// into the list that call-out made last in this entry of the trace (the
// interpreter's slice reuse, interp/slice_reuse.go): nothing else holds that
// list, so the copy may overwrite it in place.
// op0: the destination slot, op1: the source slot (byte offsets); op2: an
// immediate, the address of a word that holds the bits of the list the
// call-out made last (0: none yet). Side-exits (_JIT_EXIT, the call-out's
// own exit: the interpreter then runs the slice) with the frame and the
// lists untouched unless slot[op0] holds that list, slot[op1] holds another
// list that is not a deque, neither may hold objects (objs NULL) and the
// destination's array has room for the source's elements. Otherwise copies
// the elements (tag and bits) and sets the destination's length; the frame
// is unchanged (slot[op0] already holds the list).
#include "uop.h"

CP_UOP {
    const cp_value *d = CP_SLOT(0);
    const cp_value *s = CP_SLOT(1);
    cp_u64 fresh = *(const cp_u64 *)CP_OPERAND(2);
    if (d->tag == CP_TAG_OBJECT && d->bits == fresh && cp_kind_ok(d->tag, d->bits, CP_TAG_OBJECT) &&
        cp_kind_ok(s->tag, s->bits, CP_TAG_OBJECT) && s->bits != d->bits) {
        cp_list *dst = (cp_list *)d->bits;
        const cp_list *src = (const cp_list *)s->bits;
        cp_i64 n = src->len;
        if (CP_CONTINUES(src->objs == 0 && dst->objs == 0 && src->deque == 0 && dst->deque == 0 && n <= dst->cap)) {
            cp_value *to = dst->vals;
            const cp_value *from = src->vals;
            for (cp_i64 i = 0; i < n; i++) {
                to[i] = from[i];
            }
            dst->len = n;
            CP_CONTINUE();
        }
    }
    CP_EXIT();
}
