//go:build ignore

// JUMP: jump unconditionally to the in-trace target (_JIT_JUMP_TARGET).
// No operands. Never exits.
#include "uop.h"

CP_UOP {
    CP_JUMP();
}
