// bf.h: the Brainfuck VM's state as its stencils see it.
//
// Everything here is this VM's own choice; copypatch.h (which stencilgen
// puts on the include path) is the fixed ABI. The frame pointer is the tape
// head: a pointer to the current cell, which uops move. The Go mirror of
// bf_state is `state` in ../jit.go; TestStateLayout checks them against each
// other.
#ifndef BF_H
#define BF_H

// A cell is 16 bits and wraps.
typedef unsigned short bf_cell;

struct bf_state;
#define CP_FRAME bf_cell
#define CP_STATE struct bf_state
#include "copypatch.h"

typedef struct bf_state {
    cp_state cp;     // +0  the fixed head every VM shares
    bf_cell *tape;   // +32 cell 0 (Go's memory, read only here)
    cp_u64 head;     // +40 the head's address, written when a trace leaves
    cp_u64 size;     // +48 the tape's length in bytes: the head stays in [tape, tape+size)
    cp_u8 *out;      // +56 output buffer (Go's memory)
    cp_i64 out_len;  // +64 bytes in it
    cp_i64 out_cap;  // +72 its size
} bf_state;

// This VM's own exit reasons (copypatch.h leaves 16-255 to the VM). The
// exit index is the uop to resume at.
#define BF_EXIT_OUTPUT 16 // the output buffer is full: Go writes it out
#define BF_EXIT_INPUT 17  // Go reads a byte into the input uop's cell

// BF_CELL(n) is the cell at the offset (in cells) operand n names.
#define BF_CELL(n) (fp[(cp_i64)CP_OPERAND(n)])

// BF_SAVE_HEAD tells Go where the head is, before the trace leaves. An
// address as an integer: native code never writes a Go pointer.
#define BF_SAVE_HEAD() (st->head = (cp_u64)fp)

#endif // BF_H
