//go:build ignore

// minipy's uop templates for arm64 in Go assembly, written by hand (avo
// generates amd64 only). The contract is templates/avo/gen's, with the
// AArch64 preserve_none registers: the VM state in R20, the frame base in
// R21. Temporaries are R0-R3 and F2-F3 (F0 and F1 are the cached
// registers every uop passes on: ABI version 2). The assembler's own scratch
// register R27 (REGTMP) holds the page address of each hole load
// (MOVD _JIT_X(SB), Rn is ADRP R27 + LDR Rn). R28 (g for Go's signal
// handler) and R18 (the platform register) are never named; stencilgen
// checks every instruction. A conditional way out is a conditional branch
// over an unconditional JMP to the hole, as Clang writes it for AArch64.
//
// Slot layout (vmstate.h): tag at +0, bits at +8; cp_state: budget at +8,
// interrupt at +16. Tags: int 1, float 2. Exit codes: reason | index << 8,
// end 1, side exit 2, safepoint 3.

#include "textflag.h"

// END: leave with ExitEnd and exit index op0 (an immediate).
TEXT ·end(SB), NOSPLIT|NOFRAME, $0
	MOVD _JIT_OPERAND0(SB), R0
	LSL  $8, R0, R0
	ORR  $1, R0, R0
	RET

// EXIT: a side-exit stub: leave with ExitSide and exit index op0.
TEXT ·exit(SB), NOSPLIT|NOFRAME, $0
	MOVD _JIT_OPERAND0(SB), R0
	LSL  $8, R0, R0
	ORR  $2, R0, R0
	RET

// FLOAT_ADD: slot[op0] = slot[op1] + slot[op2] on float64. Never exits.
TEXT ·float_add(SB), NOSPLIT|NOFRAME, $0
	MOVD  _JIT_OPERAND1(SB), R0
	MOVD  _JIT_OPERAND2(SB), R1
	ADD   R21, R0, R0
	ADD   R21, R1, R1
	FMOVD 8(R0), F2
	FMOVD 8(R1), F3
	FADDD F3, F2, F2
	MOVD  _JIT_OPERAND0(SB), R1
	ADD   R21, R1, R1
	MOVD  $2, R2
	MOVD  R2, (R1)
	FMOVD F2, 8(R1)
	JMP   _JIT_CONTINUE(SB)

// FLOAT_JUMP_IF_LT: jump to the in-trace target if slot[op0] < slot[op1]
// on float64 (false if either is NaN), else continue.
TEXT ·float_jump_if_lt(SB), NOSPLIT|NOFRAME, $0
	MOVD  _JIT_OPERAND0(SB), R0
	MOVD  _JIT_OPERAND1(SB), R1
	ADD   R21, R0, R0
	ADD   R21, R1, R1
	FMOVD 8(R0), F2
	FMOVD 8(R1), F3
	FCMPD F3, F2
	BPL   cont // MI (N set) is "less than" and never "unordered"
	JMP   _JIT_JUMP_TARGET(SB)
cont:
	JMP   _JIT_CONTINUE(SB)

// FLOAT_MUL: slot[op0] = slot[op1] * slot[op2] on float64. Never exits.
TEXT ·float_mul(SB), NOSPLIT|NOFRAME, $0
	MOVD  _JIT_OPERAND1(SB), R0
	MOVD  _JIT_OPERAND2(SB), R1
	ADD   R21, R0, R0
	ADD   R21, R1, R1
	FMOVD 8(R0), F2
	FMOVD 8(R1), F3
	FMULD F3, F2, F2
	MOVD  _JIT_OPERAND0(SB), R1
	ADD   R21, R1, R1
	MOVD  $2, R2
	MOVD  R2, (R1)
	FMOVD F2, 8(R1)
	JMP   _JIT_CONTINUE(SB)

// FLOAT_SUB: slot[op0] = slot[op1] - slot[op2] on float64. Never exits.
TEXT ·float_sub(SB), NOSPLIT|NOFRAME, $0
	MOVD  _JIT_OPERAND1(SB), R0
	MOVD  _JIT_OPERAND2(SB), R1
	ADD   R21, R0, R0
	ADD   R21, R1, R1
	FMOVD 8(R0), F2
	FMOVD 8(R1), F3
	FSUBD F3, F2, F2
	MOVD  _JIT_OPERAND0(SB), R1
	ADD   R21, R1, R1
	MOVD  $2, R2
	MOVD  R2, (R1)
	FMOVD F2, 8(R1)
	JMP   _JIT_CONTINUE(SB)

// GUARD_FLOAT: side-exit unless slot[op0] holds a float.
TEXT ·guard_float(SB), NOSPLIT|NOFRAME, $0
	MOVD _JIT_OPERAND0(SB), R0
	MOVD (R21)(R0), R0
	CMP  $2, R0
	BEQ  ok
	JMP  _JIT_EXIT(SB)
ok:
	JMP  _JIT_CONTINUE(SB)

// GUARD_INT: side-exit unless slot[op0] holds an int.
TEXT ·guard_int(SB), NOSPLIT|NOFRAME, $0
	MOVD _JIT_OPERAND0(SB), R0
	MOVD (R21)(R0), R0
	CMP  $1, R0
	BEQ  ok
	JMP  _JIT_EXIT(SB)
ok:
	JMP  _JIT_CONTINUE(SB)

// INT_ADD: slot[op0] = slot[op1] + slot[op2] on int64; overflow
// side-exits with the frame untouched.
TEXT ·int_add(SB), NOSPLIT|NOFRAME, $0
	MOVD _JIT_OPERAND1(SB), R0
	MOVD _JIT_OPERAND2(SB), R1
	ADD  R21, R0, R0
	ADD  R21, R1, R1
	MOVD 8(R0), R0
	MOVD 8(R1), R1
	ADDS R1, R0, R0
	BVC  ok
	JMP  _JIT_EXIT(SB)
ok:
	MOVD _JIT_OPERAND0(SB), R1
	ADD  R21, R1, R1
	MOVD $1, R2
	STP  (R2, R0), (R1)
	JMP  _JIT_CONTINUE(SB)

// INT_ADD_IMM: slot[op0] = slot[op1] + op2 (an int64 immediate); overflow
// side-exits with the frame untouched.
TEXT ·int_add_imm(SB), NOSPLIT|NOFRAME, $0
	MOVD _JIT_OPERAND1(SB), R0
	MOVD _JIT_OPERAND2(SB), R1
	ADD  R21, R0, R0
	MOVD 8(R0), R0
	ADDS R1, R0, R0
	BVC  ok
	JMP  _JIT_EXIT(SB)
ok:
	MOVD _JIT_OPERAND0(SB), R1
	ADD  R21, R1, R1
	MOVD $1, R2
	STP  (R2, R0), (R1)
	JMP  _JIT_CONTINUE(SB)

// INT_JUMP_IF_GE: jump to the in-trace target if slot[op0] >= slot[op1]
// on int64, else continue.
TEXT ·int_jump_if_ge(SB), NOSPLIT|NOFRAME, $0
	MOVD _JIT_OPERAND0(SB), R0
	MOVD _JIT_OPERAND1(SB), R1
	ADD  R21, R0, R0
	ADD  R21, R1, R1
	MOVD 8(R0), R0
	MOVD 8(R1), R1
	CMP  R1, R0
	BLT  cont
	JMP  _JIT_JUMP_TARGET(SB)
cont:
	JMP  _JIT_CONTINUE(SB)

// INT_JUMP_IF_LT: jump to the in-trace target if slot[op0] < slot[op1]
// on int64, else continue.
TEXT ·int_jump_if_lt(SB), NOSPLIT|NOFRAME, $0
	MOVD _JIT_OPERAND0(SB), R0
	MOVD _JIT_OPERAND1(SB), R1
	ADD  R21, R0, R0
	ADD  R21, R1, R1
	MOVD 8(R0), R0
	MOVD 8(R1), R1
	CMP  R1, R0
	BGE  cont
	JMP  _JIT_JUMP_TARGET(SB)
cont:
	JMP  _JIT_CONTINUE(SB)

// INT_MUL: slot[op0] = slot[op1] * slot[op2] on int64; overflow
// side-exits with the frame untouched. The product fits when its high 64
// bits are the sign extension of the low 64.
TEXT ·int_mul(SB), NOSPLIT|NOFRAME, $0
	MOVD  _JIT_OPERAND1(SB), R0
	MOVD  _JIT_OPERAND2(SB), R1
	ADD   R21, R0, R0
	ADD   R21, R1, R1
	MOVD  8(R0), R0
	MOVD  8(R1), R1
	MUL   R1, R0, R2
	SMULH R1, R0, R3
	CMP   R2->63, R3
	BEQ   ok
	JMP   _JIT_EXIT(SB)
ok:
	MOVD  _JIT_OPERAND0(SB), R1
	ADD   R21, R1, R1
	MOVD  $1, R0
	STP   (R0, R2), (R1)
	JMP   _JIT_CONTINUE(SB)

// INT_SUB: slot[op0] = slot[op1] - slot[op2] on int64; overflow
// side-exits with the frame untouched.
TEXT ·int_sub(SB), NOSPLIT|NOFRAME, $0
	MOVD _JIT_OPERAND1(SB), R0
	MOVD _JIT_OPERAND2(SB), R1
	ADD  R21, R0, R0
	ADD  R21, R1, R1
	MOVD 8(R0), R0
	MOVD 8(R1), R1
	SUBS R1, R0, R0
	BVC  ok
	JMP  _JIT_EXIT(SB)
ok:
	MOVD _JIT_OPERAND0(SB), R1
	ADD  R21, R1, R1
	MOVD $1, R2
	STP  (R2, R0), (R1)
	JMP  _JIT_CONTINUE(SB)

// INT_TO_FLOAT: slot[op0] = float(slot[op1]), slot[op1] an int64. Never
// exits.
TEXT ·int_to_float(SB), NOSPLIT|NOFRAME, $0
	MOVD   _JIT_OPERAND1(SB), R0
	ADD    R21, R0, R0
	MOVD   8(R0), R0
	SCVTFD R0, F2
	MOVD   _JIT_OPERAND0(SB), R1
	ADD    R21, R1, R1
	MOVD   $2, R2
	MOVD   R2, (R1)
	FMOVD  F2, 8(R1)
	JMP    _JIT_CONTINUE(SB)

// JUMP: jump unconditionally to the in-trace target.
TEXT ·jump(SB), NOSPLIT|NOFRAME, $0
	JMP _JIT_JUMP_TARGET(SB)

// LOAD_FLOAT: slot[op0] = float op1 (an immediate: the float's bits).
TEXT ·load_float(SB), NOSPLIT|NOFRAME, $0
	MOVD _JIT_OPERAND1(SB), R0
	MOVD _JIT_OPERAND0(SB), R1
	ADD  R21, R1, R1
	MOVD $2, R2
	STP  (R2, R0), (R1)
	JMP  _JIT_CONTINUE(SB)

// LOAD_INT: slot[op0] = int op1 (an int64 immediate).
TEXT ·load_int(SB), NOSPLIT|NOFRAME, $0
	MOVD _JIT_OPERAND1(SB), R0
	MOVD _JIT_OPERAND0(SB), R1
	ADD  R21, R1, R1
	MOVD $1, R2
	STP  (R2, R0), (R1)
	JMP  _JIT_CONTINUE(SB)

// LOOP: the back-edge: spend one unit of the budget and jump to the loop
// top, or leave with ExitSafepoint and exit index op0 when the budget was
// 1 or less. It does not read the interrupt flag (templates/loop.c says
// why).
TEXT ·loop(SB), NOSPLIT|NOFRAME, $0
	MOVD  8(R20), R0
	SUB   $1, R0, R1
	MOVD  R1, 8(R20)
	CMP   $1, R0
	BLE   safepoint
	JMP   _JIT_JUMP_TARGET(SB)
safepoint:
	MOVD  _JIT_OPERAND0(SB), R0
	LSL   $8, R0, R0
	ORR   $3, R0, R0
	RET

// MOVE: slot[op0] = slot[op1], tag and bits. Never exits.
TEXT ·move(SB), NOSPLIT|NOFRAME, $0
	MOVD _JIT_OPERAND1(SB), R0
	MOVD _JIT_OPERAND0(SB), R1
	ADD  R21, R0, R0
	ADD  R21, R1, R1
	LDP  (R0), (R2, R3)
	STP  (R2, R3), (R1)
	JMP  _JIT_CONTINUE(SB)
