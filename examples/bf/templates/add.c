//go:build ignore

// ADD: cell[op0] += op1 (a run of + or -, at an offset from the head).
#include "bf.h"

CP_UOP {
    BF_CELL(0) += (bf_cell)CP_OPERAND(1);
    CP_CONTINUE();
}
