// copypatch.h: the fixed ABI between stencils and copypatch's runtime.
//
// Every template includes this header (directly, or through its VM's own
// header). It is versioned: CP_ABI_VERSION must equal stencil.ABIVersion in
// the runtime that loads the tables, and stencilgen records it in every
// stencil set. Everything here is contract; everything a VM defines for
// itself (what the frame pointer points at, value tags, objects, extra state
// after cp_state) lives in the VM's own headers. See templates/README.md.
//
// stencilgen puts this file on the include path of any template directory
// that does not have its own copy, so `#include "copypatch.h"` always works.
#ifndef COPYPATCH_H
#define COPYPATCH_H

#define CP_ABI_VERSION 2

typedef unsigned char cp_u8;
typedef unsigned int cp_u32;
typedef long long cp_i64;
typedef unsigned long long cp_u64;

_Static_assert(sizeof(cp_u32) == 4, "cp_u32");
_Static_assert(sizeof(cp_u64) == 8, "cp_u64");
_Static_assert(sizeof(void *) == 8, "64-bit targets only");

// CP_FRAME is what the frame pointer (the second register argument) points
// at; CP_STATE is the VM state the first points at. A VM may define either
// before including this header: CP_FRAME as its slot or cell type, CP_STATE
// as its own struct whose first member is a cp_state (declare a struct
// first, `struct my_state;`, so the prototypes below see the same type).
#ifndef CP_FRAME
#define CP_FRAME void
#endif
#ifndef CP_STATE
#define CP_STATE cp_state
#endif

// cp_state is the fixed head of the VM state. The runtime writes frame
// before entering, refills budget and sets interrupt; the safepoint uop
// reads and decrements budget and reads interrupt. calls is for VMs whose
// traces call traces natively: the VM sets how many calls deep native code
// may go, a call uop decrements it and a return increments it, so the VM
// learns from it at an exit how deep native code was. A VM's own state may
// follow it (CP_STATE), 8-byte aligned.
typedef struct cp_state {
    void *frame;       // +0  frame base as Go passed it; native code only reads it
    cp_i64 budget;     // +8  back-edges left before a safepoint exit
    cp_u32 interrupt;  // +16 set nonzero by Go: leave at the next back-edge
    cp_u32 calls;      // +20 native calls left: a call uop goes one deeper only while nonzero
    cp_u64 exit_count; // +24 exits taken (statistics, written by Go)
} cp_state;

// CP_HEAD(st) is the fixed head of any VM's state.
#define CP_HEAD(st) ((cp_state *)(st))

// Exit codes. A trace returns (reason | index << CP_EXIT_INDEX_SHIFT): the
// low byte says why it left, the bits above say where (an index the VM
// maps to its resume point). Reasons 1-3 are the runtime's; a VM may use
// 16-255 for its own.
#define CP_EXIT_CODE_MASK 0xff
#define CP_EXIT_INDEX_SHIFT 8
#define CP_EXIT_END 1        // the trace ran to its end
#define CP_EXIT_SIDE 2       // a guard failed, or the VM must do something natively impossible
#define CP_EXIT_SAFEPOINT 3  // the back-edge budget ran out or Go interrupted

// The calling convention of every uop: preserve_none passes the state and
// the frame pointer in r12/r13 (x86-64) or x20/x21 (AArch64), which the
// entry trampoline loads, and leaves every other register free. Two
// doubles follow, f0 and f1 (xmm0/xmm1, v0/v1): cached registers a VM may
// keep values in from one uop to the next. Every uop passes them on, so
// one that does not name them leaves them as they were; the trampoline
// enters with them undefined, so a VM reads one only where a uop before it
// in the same trace run wrote it.
#if defined(__clang__)
#define CP_CC __attribute__((preserve_none))
#else
// Stencils are built by Clang only; other compilers read this header for
// the layout checks, where the convention does not matter.
#define CP_CC
#endif

// CP_PARAMS is every uop's and continuation's parameter list.
#define CP_PARAMS CP_STATE *st, CP_FRAME *fp, double f0, double f1
typedef CP_CC cp_u64 (*cp_continuation)(CP_PARAMS);

// Jump holes: the next uop, the uop's in-trace jump target, its exit stub.
extern CP_CC cp_u64 _JIT_CONTINUE(CP_PARAMS);
extern CP_CC cp_u64 _JIT_JUMP_TARGET(CP_PARAMS);
extern CP_CC cp_u64 _JIT_EXIT(CP_PARAMS);

// Operand holes. Their "addresses" are the operand values.
extern char _JIT_OPERAND0[];
extern char _JIT_OPERAND1[];
extern char _JIT_OPERAND2[];
extern char _JIT_OPERAND3[];

// CP_OPERAND(n) is operand n as a 64-bit integer. The empty asm launders it:
// Clang may otherwise assume the address of an object is nonzero and aligned,
// which an operand (a slot offset of 0, an immediate) is not.
//
// Where stencilgen compiles without -fpic (linux/amd64, so that a slot
// operand can be a memory operand's disp32: minipy's uop.h), Clang would
// read the address as a zero-extended 32-bit immediate, wrong for a
// negative or 64-bit operand; the asm then spells out the GOT load that
// -fpic gives, which the patcher relaxes to mov $imm32 as before.
#if defined(__x86_64__) && !defined(__PIC__)
#define CP_OPERAND(n)                                                  \
    ({                                                                 \
        cp_u64 op_;                                                    \
        __asm__("movq _JIT_OPERAND" #n "@GOTPCREL(%%rip), %0" : "=r"(op_)); \
        op_;                                                           \
    })
#else
#define CP_OPERAND(n)                                                  \
    ({                                                                 \
        cp_u64 op_;                                                    \
        __asm__("" : "=r"(op_) : "0"((cp_u64)(__UINTPTR_TYPE__)_JIT_OPERAND##n)); \
        op_;                                                           \
    })
#endif

// CP_CONTINUE_ADDRESS() is the next uop's address as a 64-bit integer (a
// return address a call uop stores). Without -fpic, Clang would write
// &_JIT_CONTINUE as an absolute 32-bit field, which the code's run-time
// address does not fit; the asm keeps the GOT load that -fpic gives.
#if defined(__x86_64__) && !defined(__PIC__)
#define CP_CONTINUE_ADDRESS()                                              \
    ({                                                                     \
        cp_u64 a_;                                                         \
        __asm__("movq _JIT_CONTINUE@GOTPCREL(%%rip), %0" : "=r"(a_));      \
        a_;                                                                \
    })
#else
#define CP_CONTINUE_ADDRESS() ((cp_u64)(__UINTPTR_TYPE__)&_JIT_CONTINUE)
#endif

// CP_CONTINUES(c) marks the condition under which a uop continues to the
// next one. Write every uop that can leave another way as
//     if (CP_CONTINUES(ok)) { ...; CP_CONTINUE(); }
//     CP_EXIT(); (or CP_JUMP();)
// so that Clang puts the jump to _JIT_CONTINUE last, where the runtime
// deletes it, and on x86-64 folds the other way out into one conditional jump
// (jo _JIT_EXIT). The expect-0 is a block-layout request, not a claim about
// probability: the cores we target ignore static branch hints.
#define CP_CONTINUES(c) __builtin_expect(!!(c), 0)

// A uop is one function, cp_uop, alone in its file.
#define CP_UOP CP_CC cp_u64 cp_uop(CP_PARAMS)

// Leaving a uop: always by a musttail jump, so no uop grows the stack. The
// _TO forms pass on another frame pointer (a VM may move it, as a
// Brainfuck tape head does).
#define CP_CONTINUE() __attribute__((musttail)) return _JIT_CONTINUE(st, fp, f0, f1)
#define CP_JUMP() __attribute__((musttail)) return _JIT_JUMP_TARGET(st, fp, f0, f1)
#define CP_EXIT() __attribute__((musttail)) return _JIT_EXIT(st, fp, f0, f1)
#define CP_CONTINUE_TO(f) __attribute__((musttail)) return _JIT_CONTINUE(st, (f), f0, f1)
#define CP_JUMP_TO(f) __attribute__((musttail)) return _JIT_JUMP_TARGET(st, (f), f0, f1)
#define CP_EXIT_TO(f) __attribute__((musttail)) return _JIT_EXIT(st, (f), f0, f1)

// CP_LEAVE returns to the entry trampoline with an exit code.
#define CP_LEAVE(reason, index) return (cp_u64)(reason) | ((cp_u64)(index) << CP_EXIT_INDEX_SHIFT)

// CP_SAFEPOINT(index) spends one unit of the back-edge budget and leaves
// with CP_EXIT_SAFEPOINT and the index when the budget was 1 or less or Go
// set the interrupt flag; otherwise the uop goes on. Every loop in a trace
// must pass one, so Go's garbage collector and scheduler get their turn.
// The runtime resumes a safepoint exit at the jump target of the set's loop
// uop whose operand 0 is the index. The decrement is unsigned: it wraps
// instead of being undefined.
#define CP_SAFEPOINT(index)                                                         \
    do {                                                                            \
        cp_i64 budget_ = CP_HEAD(st)->budget;                                       \
        CP_HEAD(st)->budget = (cp_i64)((cp_u64)budget_ - 1);                        \
        if (__builtin_expect(budget_ <= 1 || CP_HEAD(st)->interrupt != 0, 0)) {     \
            CP_LEAVE(CP_EXIT_SAFEPOINT, (index));                                   \
        }                                                                           \
    } while (0)

#endif // COPYPATCH_H
