//go:build linux || darwin

#include "textflag.h"

// func enter(code uintptr, st *stencil.State, fp unsafe.Pointer, stack uintptr) uint64
//
// enter switches to the native stack whose (16-byte aligned) top is stack,
// calls the trace at code with the preserve_none convention (st in X20, fp in
// X21), and returns the exit code the trace leaves in X0. The trace may
// clobber every register but SP, x18 and x28 (g), so the Go SP, the frame
// pointer and the link register are saved on the native stack itself.
// NOFRAME: the assembler must not add a frame of its own around the BL.
TEXT ·enter(SB), NOSPLIT|NOFRAME, $0-40
	MOVD code+0(FP), R9
	MOVD st+8(FP), R20
	MOVD fp+16(FP), R21
	MOVD stack+24(FP), R10
	MOVD RSP, R11
	MOVD R11, -8(R10)
	MOVD R29, -16(R10)
	MOVD R30, -24(R10)
	SUB  $32, R10, R10
	MOVD R10, RSP
	CALL (R9)
	MOVD 8(RSP), R30
	MOVD 16(RSP), R29
	MOVD 24(RSP), R11
	MOVD R11, RSP
	MOVD R0, ret+32(FP)
	RET

// func flushICacheLines(start, end uintptr)
//
// flushICacheLines makes freshly written code at [start, end) visible to
// instruction fetch: clean the data cache to the point of unification line
// by line, wait, invalidate the instruction cache lines, wait, and
// resynchronise the pipeline. Line sizes come from CTR_EL0 (DminLine in bits
// 19:16, IminLine in bits 3:0, each log2 of the line size in 4-byte words).
// The instructions are written as WORDs, with their mnemonic, because the Go
// assembler has no syntax for DC/IC.
TEXT ·flushICacheLines(SB), NOSPLIT|NOFRAME, $0-16
	MOVD start+0(FP), R0
	MOVD end+8(FP), R1
	WORD $0xd53b0022 // MRS CTR_EL0, R2
	UBFX $16, R2, $4, R3
	MOVD $4, R4
	LSL  R3, R4, R3 // R3 = data cache line size
	AND  $15, R2, R5
	LSL  R5, R4, R5 // R5 = instruction cache line size
	SUB  $1, R3, R6
	BIC  R6, R0, R7
dloop:
	CMP  R1, R7
	BHS  ddone
	WORD $0xd50b7b27 // DC CVAU, R7
	ADD  R3, R7, R7
	B    dloop
ddone:
	WORD $0xd5033b9f // DSB ISH
	SUB  $1, R5, R6
	BIC  R6, R0, R7
iloop:
	CMP  R1, R7
	BHS  idone
	WORD $0xd50b7527 // IC IVAU, R7
	ADD  R5, R7, R7
	B    iloop
idone:
	WORD $0xd5033b9f // DSB ISH
	WORD $0xd5033fdf // ISB
	RET
