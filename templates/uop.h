// uop.h: what every minipy uop template includes.
//
// A uop is one C function, cp_uop, compiled alone into one object file; the
// calling convention, the holes (_JIT_* symbols) and the ways out
// (CP_CONTINUE, CP_JUMP, CP_EXIT, CP_LEAVE) are copypatch.h's, the ABI every
// VM shares. This header adds minipy's frame (vmstate.h) and helpers over
// it.
#ifndef COPYPATCH_UOP_H
#define COPYPATCH_UOP_H

#include "vmstate.h"

// CP_SLOT(n) is the frame slot whose byte offset is operand n.
//
// On x86-64 without -fpic (stencilgen's linux/amd64 flags) the operand's
// "address" is added to fp as it is, so Clang folds it into the access's
// displacement: `mov OFF+8(%r13), %rax` with an R_X86_64_32S hole, one
// instruction where the laundered operand costs a `mov $OFF, %rcx` first
// (levenshtein's loop body spends about a sixth of its instructions on
// those). The pointer arithmetic is on fp, never on the symbol, so Clang
// sees every slot as part of the one frame and never assumes two slots
// differ. A slot offset is a frame byte offset, far inside the signed
// 32 bits the field holds; the patcher refuses one that is not.
#if defined(__x86_64__) && !defined(__PIC__)
#define CP_SLOT(n) ((cp_value *)((char *)fp + (__INTPTR_TYPE__)_JIT_OPERAND##n))
#else
#define CP_SLOT(n) ((cp_value *)((char *)fp + CP_OPERAND(n)))
#endif

// cp_copy copies a slot's tag and bits as two 8-byte loads and stores.
// Left alone, Clang merges them into one 16-byte vector load, which the
// processor cannot forward from the two 8-byte stores the uop before
// usually made (a tag and a result): the load waits for both stores to
// reach the cache, about 15 cycles on every move of a fresh result (perf:
// fib's moves and ret took 45% of its samples). The empty asm keeps tag in
// a general register, so the copy stays scalar.
static inline void cp_copy(cp_value *dst, const cp_value *src) {
    cp_u64 tag = src->tag;
    cp_u64 bits = src->bits;
    __asm__("" : "+r"(tag));
    dst->tag = tag;
    dst->bits = bits;
}

static inline double cp_as_float(cp_u64 bits) { return __builtin_bit_cast(double, bits); }
static inline cp_u64 cp_float_bits(double f) { return __builtin_bit_cast(cp_u64, f); }

// Where a register variant's float operand lives (its //cp:variants value):
// s, the slot operand n names; f0 or f1, that cached register (copypatch.h),
// which holds the slot's value (traceopt/regcache.go proves it). CP_FIN
// reads it; CP_FOUT(where, x) puts a result in cached register where.
#define CP_FIN_s(n) cp_as_float(CP_SLOT(n)->bits)
#define CP_FIN_f0(n) f0
#define CP_FIN_f1(n) f1
#define CP_FIN_(where, n) CP_FIN_##where(n)
#define CP_FIN(where, n) CP_FIN_(where, n)
#define CP_FOUT_f0(x) (f0 = (x))
#define CP_FOUT_f1(x) (f1 = (x))
#define CP_FOUT_(where, x) CP_FOUT_##where(x)
#define CP_FOUT(where, x) CP_FOUT_(where, x)
// CP_FTAG(T, dst) stores the float tag for the variants that write it (t)
// and nothing for those whose destination already has it (b, as _bits).
#define CP_FTAG_b(v) ((void)(v))
#define CP_FTAG_t(v) ((v)->tag = CP_TAG_FLOAT)
#define CP_FTAG_(t, v) CP_FTAG_##t(v)
#define CP_FTAG(t, v) CP_FTAG_(t, v)

// A 128-bit int a trace keeps in one private slot (wide_*.c): tag holds the
// high 64 bits, bits the low 64 bits, two's complement. No other code reads
// such a slot as a value.
static inline __int128 cp_wide(const cp_value *v) {
    return (__int128)(((unsigned __int128)v->tag << 64) | v->bits);
}
static inline void cp_set_wide(cp_value *v, __int128 x) {
    v->tag = (cp_u64)((unsigned __int128)x >> 64);
    v->bits = (cp_u64)x;
}

// cp_str_eq reports whether two strs (values whose bits have CP_STR_BIT)
// are equal: the same object, or the same bytes.
static inline int cp_str_eq(const cp_value *a, const cp_value *b) {
    if (a->bits == b->bits) {
        return 1;
    }
    const cp_str *x = CP_STR(a);
    const cp_str *y = CP_STR(b);
    if (x->len != y->len) {
        return 0;
    }
    for (cp_i64 i = 0; i < x->len; i++) {
        if (x->data[i] != y->data[i]) {
            return 0;
        }
    }
    return 1;
}

#endif // COPYPATCH_UOP_H
