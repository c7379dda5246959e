//go:build ignore

// LIST_LOAD_MT: list_load for a trace that runs while other threads may
// change the list: slot[op0] = slot[op1][slot[op2]], specialised on the
// element's tag, read under the list's sequence word (cp_list.seq).
// Operands and exits as list_load's; it also side-exits, with the frame
// untouched, when seq is odd (a thread is changing the list) or moves
// while it reads: the length and the element pointer it bounds-checks came
// from one version of the list, and the tag and bits it copies from one
// version of the element. op3 is never an object kind: an object's address
// read here could be the last reference to it (another thread may drop it
// from the list), which native code does not keep alive.
#include "uop.h"

CP_UOP {
    const cp_list *l = (const cp_list *)CP_SLOT(1)->bits;
    cp_i64 i = (cp_i64)CP_SLOT(2)->bits;
    cp_u64 seq = __atomic_load_n(&l->seq, __ATOMIC_ACQUIRE);
    cp_i64 n = __atomic_load_n(&l->len, __ATOMIC_RELAXED);
    const cp_value *vals = __atomic_load_n(&l->vals, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    if (i < 0) {
        i += n; // cannot overflow: n >= 0
    }
    // The header is one version's only if seq held still while it was read.
    if ((seq & 1) == 0 && __atomic_load_n(&l->seq, __ATOMIC_RELAXED) == seq && (cp_u64)i < (cp_u64)n) {
        cp_u64 tag = __atomic_load_n(&vals[i].tag, __ATOMIC_RELAXED);
        cp_u64 bits = __atomic_load_n(&vals[i].bits, __ATOMIC_RELAXED);
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        if (CP_CONTINUES(__atomic_load_n(&l->seq, __ATOMIC_RELAXED) == seq && cp_kind_ok(tag, bits, CP_OPERAND(3)))) {
            cp_value *dst = CP_SLOT(0);
            dst->tag = tag;
            dst->bits = bits;
            CP_CONTINUE();
        }
    }
    CP_EXIT();
}
