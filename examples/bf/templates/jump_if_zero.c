//go:build ignore

// JUMP_IF_ZERO: '[': skip the loop (to the uop after its LOOP) when the
// current cell is zero.
#include "bf.h"

CP_UOP {
    if (CP_CONTINUES(fp[0] != 0)) {
        CP_CONTINUE();
    }
    CP_JUMP();
}
