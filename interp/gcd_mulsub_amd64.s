#include "textflag.h"

// func mulSubVV(d, x1, x2 []big.Word, m1, m2 uint64)
//
// d[i] = low word of m1·x1[i] − m2·x2[i] plus the carries from below: c1
// (R11) of the products added, c2 (R12) of the products and borrows
// subtracted. The caller has made the three slices one length.
TEXT ·mulSubVV(SB), NOSPLIT, $0-88
	MOVQ d_base+0(FP), DI
	MOVQ x1_base+24(FP), SI
	MOVQ x1_len+32(FP), CX
	MOVQ x2_base+48(FP), R8
	MOVQ m1+72(FP), R9
	MOVQ m2+80(FP), R10
	XORQ R11, R11
	XORQ R12, R12
	XORQ BX, BX
	TESTQ CX, CX
	JZ done

loop:
	MOVQ (SI)(BX*8), AX
	MULQ R9
	ADDQ R11, AX
	ADCQ $0, DX
	MOVQ DX, R11
	MOVQ AX, R13
	MOVQ (R8)(BX*8), AX
	MULQ R10
	ADDQ R12, AX
	ADCQ $0, DX
	SUBQ AX, R13
	ADCQ $0, DX
	MOVQ R13, (DI)(BX*8)
	MOVQ DX, R12
	INCQ BX
	CMPQ BX, CX
	JLT loop

done:
	RET
