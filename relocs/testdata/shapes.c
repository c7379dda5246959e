// Relocation shapes that the templates may grow into: constants in
// .rodata, GOT references folded into arithmetic, calls and tail calls to
// external functions, conditional tail calls. clang_test.go compiles this
// with the stencil flags (plus -fno-plt) and checks every relocation.
typedef __attribute__((preserve_none)) void cont(long *);
extern cont _JIT_CONTINUE, _JIT_EXIT;
extern char _JIT_OPERAND0[], _JIT_OPERAND1[];
extern void helper(long);
extern long table[];

double float_constants(double x) { return x * 1.2345 + 6.789; }
long add_address(long x) { return x + (long)_JIT_OPERAND0; }
int compare_address(long x) { return x == (long)_JIT_OPERAND1; }
long load_extern_array(long i) { return table[i] + table[i + 100]; }
void call_helper(long x) { helper(x); helper(x + 1); }
void tail_call_helper(long x) { helper(x); }

__attribute__((preserve_none)) void conditional_tail(long *f) {
	if (f[(long)_JIT_OPERAND0] > 0) {
		__attribute__((musttail)) return _JIT_EXIT(f);
	}
	__attribute__((musttail)) return _JIT_CONTINUE(f);
}
