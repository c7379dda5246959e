//go:build ignore

// WIDE_SUB: slot[op0] -= slot[op1], slot[op0] a 128-bit int kept by a trace
// in one private slot (tag: the high 64 bits, bits: the low 64 bits; no
// other code reads that slot as a value), slot[op1] an int64, sign-extended.
// An accumulator that outgrew int64 (Python made it a big int) lives there
// while the trace runs. op0: the 128-bit slot, op1: the int slot (byte
// offsets). Overflow of 128 bits side-exits (_JIT_EXIT) with the frame
// untouched.
#include "uop.h"

CP_UOP {
    cp_value *acc = CP_SLOT(0);
    __int128 a = (__int128)(((unsigned __int128)acc->tag << 64) | acc->bits);
    __int128 diff;
    if (CP_CONTINUES(!__builtin_sub_overflow(a, (__int128)(cp_i64)CP_SLOT(1)->bits, &diff))) {
        acc->tag = (cp_u64)((unsigned __int128)diff >> 64);
        acc->bits = (cp_u64)diff;
        CP_CONTINUE();
    }
    CP_EXIT();
}
