//go:build ignore

// DICT_SET_INT: slot[op0][slot[op1]] = slot[op2], a dict store by an int
// key of a number, a bool or None.
// op0: the dict slot (checked here: tag CP_TAG_OBJECT, kind bits
// CP_DICT_KIND), op1: an int key slot, op2: the value slot (byte offsets);
// op3: an immediate, the address of the interpreter's tag marks (tag 0's;
// vmstate.h's cp_dict_entry).
// Overwrites the value of the key's entry when that value is no object, or
// appends an entry for a missing key when the dict has room (its entries'
// capacity, an index under two thirds full: Go's insertHashed resizes
// otherwise) and the entry past the last holds no object's words. Every
// word written is a number's bits or a tag mark's address, and every word
// overwritten was one (or zero): no Go heap pointer is made or lost, so
// the write barrier has nothing to do. Side-exits (_JIT_EXIT) with the
// frame and the dict untouched otherwise: no dict in the slot, a value
// that is an object, a dict whose stores Go must see (glive), a key
// cp_dict_find_int cannot answer, no room.
#include "uop.h"

// cp_mark_or_zero reports whether p is a tag mark or NULL: a word native
// code may overwrite without a write barrier.
static inline int cp_mark_or_zero(const void *p, const cp_u8 *marks) {
    return (cp_u64)((const cp_u8 *)p - marks) < CP_TAG_OBJECT || p == 0;
}

CP_UOP {
    const cp_value *dv = CP_SLOT(0);
    const cp_u8 *marks = (const cp_u8 *)CP_OPERAND(3);
    cp_i64 k = (cp_i64)CP_SLOT(1)->bits;
    cp_u64 tag = CP_SLOT(2)->tag;
    cp_u64 bits = CP_SLOT(2)->bits;
    cp_dict_entry *e = 0;
    if (dv->tag == CP_TAG_OBJECT && CP_OBJ_KIND(dv->bits) == CP_DICT_KIND && tag - 1 < CP_TAG_OBJECT - 1) {
        cp_dict *d = CP_DICT(dv);
        if (d->glive == 0) {
            const cp_dict_entry *f = cp_dict_find_int(d, k, marks + CP_TAG_INT);
            if (f != 0 && f != CP_DICT_ASK && cp_mark_or_zero(f->vp, marks)) {
                e = (cp_dict_entry *)f;
            } else if (f == 0 && d->ilen != 0 && d->len < d->cap && d->filled < d->ilen * 2 / 3) {
                cp_dict_entry *n = &d->entries[d->len];
                if (cp_mark_or_zero(n->kp, marks) && cp_mark_or_zero(n->vp, marks)) {
                    // Go's insertHashed and place: the entry, then the
                    // first free index slot of the key's probe sequence.
                    n->h = k;
                    n->kw = (cp_u64)k;
                    n->kp = marks + CP_TAG_INT;
                    d->len++;
                    d->used++;
                    d->filled++;
                    cp_u64 mask = (cp_u64)d->ilen - 1;
                    cp_u64 perturb = (cp_u64)k;
                    cp_u64 i = (cp_u64)k & mask;
                    while (d->index[i] != 0) {
                        perturb >>= 5;
                        i = (i * 5 + perturb + 1) & mask;
                    }
                    d->index[i] = (int)((cp_u32)d->len | ((cp_u32)k & 0x7fffffff & ~(cp_u32)mask));
                    e = n;
                }
            }
        }
    }
    // One test on every path, as dict_get_int's.
    __asm__("" : "+r"(e));
    if (CP_CONTINUES(e != 0)) {
        __asm__("" : "+r"(tag)); // scalar stores, as cp_copy's (uop.h)
        e->vw = bits;
        e->vp = marks + tag;
        CP_CONTINUE();
    }
    CP_EXIT();
}
