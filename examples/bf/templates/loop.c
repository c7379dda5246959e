//go:build ignore

// LOOP: ']': back to the loop body's first uop while the current cell is
// not zero. It is the set's safepoint: when the budget runs out (or Go
// interrupts) it leaves with CP_EXIT_SAFEPOINT and index op0, which the
// runtime resumes at this uop's jump target.
#include "bf.h"

CP_UOP {
    if (CP_CONTINUES(fp[0] == 0)) {
        CP_CONTINUE();
    }
    BF_SAVE_HEAD();
    CP_SAFEPOINT(CP_OPERAND(0));
    CP_JUMP();
}
