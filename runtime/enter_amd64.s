//go:build linux || darwin

#include "textflag.h"

// Hand-written rather than generated with avo: avo allocates frames and
// addresses arguments through the Go stack pointer, and has no way to say
// "SP now points into another stack"; the stack switch below is three
// instructions that the Go assembler must not track.

// func enter(code uintptr, st *stencil.State, fp unsafe.Pointer, stack uintptr) uint64
//
// enter switches to the native stack whose (16-byte aligned) top is stack,
// calls the trace at code with the preserve_none convention (st in R12, fp in
// R13), and returns the exit code the trace leaves in AX. The trace may
// clobber every register but SP, so the Go SP and BP are saved on the native
// stack itself. The ABI wrapper that calls this ABI0 function restores R14
// (g) and X15 afterwards.
TEXT ·enter(SB), NOSPLIT, $0-40
	MOVQ code+0(FP), AX
	MOVQ st+8(FP), R12
	MOVQ fp+16(FP), R13
	MOVQ stack+24(FP), DX
	MOVQ SP, -8(DX)
	MOVQ BP, -16(DX)
	LEAQ -16(DX), SP // 16-byte aligned before the CALL, as SysV wants
	CALL AX
	MOVQ 0(SP), BP
	MOVQ 8(SP), SP
	MOVQ AX, ret+32(FP)
	RET
