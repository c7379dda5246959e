//go:build ignore

// IN: leave with BF_EXIT_INPUT; Go reads a byte into cell[op0] and resumes
// at uop op1 (the next one).
#include "bf.h"

CP_UOP {
    BF_SAVE_HEAD();
    CP_LEAVE(BF_EXIT_INPUT, CP_OPERAND(1));
}
