//go:build ignore

// MUL_ADD: cell[op0] += cell[0] * op1: one target of a loop that moves or
// multiplies the current cell into others ([->+>++<<]); a SET of cell 0
// follows.
#include "bf.h"

CP_UOP {
    BF_CELL(0) += (bf_cell)(fp[0] * (bf_cell)CP_OPERAND(1));
    CP_CONTINUE();
}
