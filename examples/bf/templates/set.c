//go:build ignore

// SET: cell[op0] = op1 ([-] and what follows it).
#include "bf.h"

CP_UOP {
    BF_CELL(0) = (bf_cell)CP_OPERAND(1);
    CP_CONTINUE();
}
