// holes.c: one stencil-shaped function whose relocations cover what the
// object-file parsers must report. The .o files beside it are its Clang
// output; rebuild them with `go run gen.go` in this directory.
//
//   - GOT loads of extern symbols (_JIT_OPERAND0, _JIT_OPERAND1);
//   - a musttail jump to an extern (_JIT_CONTINUE);
//   - a float constant no instruction can encode, so it lands in read-only
//     data (.LCPI0_0 / .rodata.cst8 / __literal8; arm64 Mach-O builds it
//     with MOVZ/MOVK instead);
//   - a static const table indexed at run time (.rodata / __const);
//   - the address of an element of a static zero-filled array: a
//     section-relative reference into .bss, and on arm64 Mach-O an
//     ARM64_RELOC_ADDEND pair;
//   - a hidden extern read at an offset (a direct, non-GOT reference).

#define CC __attribute__((preserve_none))

typedef unsigned long u64;

extern CC u64 _JIT_CONTINUE(u64 *st, double *fp);
extern char _JIT_OPERAND0[];
extern char _JIT_OPERAND1[];
__attribute__((visibility("hidden"))) extern long helper_table[];

static u64 counters[16];
static const double scale[4] = {0.5, 1.5, 2.5, 3.75};

CC u64 holes(u64 *st, double *fp) {
    fp[0] = fp[(u64)_JIT_OPERAND0] * 3.14159;
    fp[1] = scale[(u64)_JIT_OPERAND1 & 3];
    st[0] = (u64)_JIT_OPERAND1;
    st[1] = (u64)helper_table[5];
    st[2] = (u64)&counters[7];
    __attribute__((musttail)) return _JIT_CONTINUE(st, fp);
}
