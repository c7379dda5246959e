// uop.h: what every uop template includes.
//
// A uop is one C function, cp_uop, compiled alone into one object file. It
// receives the VM state and the frame base in registers (preserve_none puts
// them in r12/r13 on x86-64 and x20/x21 on AArch64, registers no other
// convention needs) and leaves by a musttail jump, so it never grows the
// native stack and its trailing jump to the next uop can be deleted.
//
// Holes are the extern symbols _JIT_*: Clang leaves a relocation at every use
// and that relocation is the hole. stencilgen maps each name to a
// relocs.Value (see stencilgen's symbol table).
#ifndef COPYPATCH_UOP_H
#define COPYPATCH_UOP_H

#include "vmstate.h"

#define CP_CC __attribute__((preserve_none))

typedef CP_CC cp_u64 (*cp_continuation)(cp_state *st, cp_value *fp);

// Jump holes: the next uop, an in-trace jump target, this uop's exit stub.
extern CP_CC cp_u64 _JIT_CONTINUE(cp_state *st, cp_value *fp);
extern CP_CC cp_u64 _JIT_JUMP_TARGET(cp_state *st, cp_value *fp);
extern CP_CC cp_u64 _JIT_EXIT(cp_state *st, cp_value *fp);

// Operand holes. Their "addresses" are the operand values.
extern char _JIT_OPERAND0[];
extern char _JIT_OPERAND1[];
extern char _JIT_OPERAND2[];
extern char _JIT_OPERAND3[];

// CP_OPERAND(n) is operand n as a 64-bit integer. The empty asm launders it:
// Clang may otherwise assume the address of an object is nonzero and aligned,
// which an operand (a slot offset of 0, an immediate) is not.
#define CP_OPERAND(n)                                                  \
    ({                                                                 \
        cp_u64 op_;                                                    \
        __asm__("" : "=r"(op_) : "0"((cp_u64)(__UINTPTR_TYPE__)_JIT_OPERAND##n)); \
        op_;                                                           \
    })

// CP_SLOT(n) is the frame slot whose byte offset is operand n.
#define CP_SLOT(n) ((cp_value *)((char *)fp + CP_OPERAND(n)))

// CP_CONTINUES(c) marks the condition under which a uop continues to the
// next one. Write every uop that can leave another way as
//     if (CP_CONTINUES(ok)) { ...; CP_CONTINUE(); }
//     CP_EXIT(); (or CP_JUMP();)
// so that Clang puts the jump to _JIT_CONTINUE last, where the runtime
// deletes it, and on x86-64 folds the other way out into one conditional jump
// (jo _JIT_EXIT). The expect-0 is a block-layout request, not a claim about
// probability: the cores we target ignore static branch hints.
#define CP_CONTINUES(c) __builtin_expect(!!(c), 0)

#define CP_UOP CP_CC cp_u64 cp_uop(cp_state *st, cp_value *fp)

#define CP_CONTINUE() __attribute__((musttail)) return _JIT_CONTINUE(st, fp)
#define CP_JUMP() __attribute__((musttail)) return _JIT_JUMP_TARGET(st, fp)
#define CP_EXIT() __attribute__((musttail)) return _JIT_EXIT(st, fp)

// CP_LEAVE returns to the entry trampoline with an exit code.
#define CP_LEAVE(reason, index) return (cp_u64)(reason) | ((cp_u64)(index) << CP_EXIT_INDEX_SHIFT)

static inline double cp_as_float(cp_u64 bits) { return __builtin_bit_cast(double, bits); }
static inline cp_u64 cp_float_bits(double f) { return __builtin_bit_cast(cp_u64, f); }

#endif // COPYPATCH_UOP_H
