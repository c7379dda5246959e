//go:build ignore

// OUT: append the low byte of cell[op0] to the output buffer; when that
// fills it, leave with BF_EXIT_OUTPUT so Go writes it out and resumes at
// uop op1 (the next one).
#include "bf.h"

CP_UOP {
    cp_i64 n = st->out_len;
    st->out[n] = (cp_u8)BF_CELL(0);
    st->out_len = n + 1;
    if (CP_CONTINUES(n + 1 < st->out_cap)) {
        CP_CONTINUE();
    }
    BF_SAVE_HEAD();
    CP_LEAVE(BF_EXIT_OUTPUT, CP_OPERAND(1));
}
