//go:build ignore

// LIST_STORE_MT: list_store for a trace that runs while other threads may
// change the list: slot[op0][slot[op1]] = slot[op2], under the list's
// sequence word (cp_list.seq), as the interpreter's own stores are.
// Operands and exits as list_store's. It takes seq from even to odd with a
// compare-and-swap, side-exiting with the frame and the list untouched
// when seq is odd or the swap fails (another thread is changing the list:
// the interpreter waits for it); then checks and stores as list_store does,
// and gives seq back two higher (unchanged when it exits instead).
#include "uop.h"

CP_UOP {
    cp_list *l = (cp_list *)CP_SLOT(0)->bits;
    cp_i64 i = (cp_i64)CP_SLOT(1)->bits;
    const cp_value *v = CP_SLOT(2);
    cp_u64 tag = v->tag;
    cp_u64 bits = v->bits;
    cp_u64 seq = __atomic_load_n(&l->seq, __ATOMIC_RELAXED);
    if ((seq & 1) == 0 && tag != CP_TAG_OBJECT &&
        __atomic_compare_exchange_n(&l->seq, &seq, seq + 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
        cp_i64 n = l->len;
        if (i < 0) {
            i += n; // cannot overflow: n >= 0
        }
        if (CP_CONTINUES(l->objs == 0 && (cp_u64)i < (cp_u64)n)) {
            cp_value *e = &l->vals[i];
            __atomic_store_n(&e->tag, tag, __ATOMIC_RELAXED);
            __atomic_store_n(&e->bits, bits, __ATOMIC_RELAXED);
            __atomic_store_n(&l->seq, seq + 2, __ATOMIC_RELEASE);
            CP_CONTINUE();
        }
        __atomic_store_n(&l->seq, seq, __ATOMIC_RELEASE);
    }
    CP_EXIT();
}
