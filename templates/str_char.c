//go:build ignore

// STR_CHAR: slot[op0] = slot[op1][slot[op2]], a one-character str.
// op0: destination slot, op1: a str slot already checked by guard_str
// (ASCII), op2: an int index slot (byte offsets); op3: an immediate, the
// address of 128 object bits, the interpreter's shared one-character strs
// by code point. An index i < 0 means i + len, as in Python. Side-exits
// (_JIT_EXIT) with the frame untouched unless 0 <= i < len after that
// (the interpreter raises IndexError). Every read happens before the
// write, so op0 may name the str or index slot.
#include "uop.h"

CP_UOP {
    const cp_str *s = CP_STR(CP_SLOT(1));
    cp_i64 i = (cp_i64)CP_SLOT(2)->bits;
    cp_i64 n = s->len;
    if (i < 0) {
        i += n; // cannot overflow: n >= 0
    }
    if (CP_CONTINUES((cp_u64)i < (cp_u64)n)) {
        const cp_u64 *chars = (const cp_u64 *)CP_OPERAND(3);
        cp_u64 bits = chars[s->data[i] & 127];
        cp_value *dst = CP_SLOT(0);
        dst->tag = CP_TAG_OBJECT;
        dst->bits = bits;
        CP_CONTINUE();
    }
    CP_EXIT();
}
