// Command gen writes templates/avo/uops_amd64.s: minipy's uop templates for
// amd64, written in Go with avo instead of in C, for stencilgen's avo backend
// (`stencilgen build --backend avo`), which needs no C toolchain.
//
// Usage (from the module root, or via `go generate ./generated/avostencils`):
//
//	go run ./templates/avo/gen -out templates/avo/uops_amd64.s
//
// The contract is the C templates' (templates/uop.h), spelt in Go assembly:
//
//   - A uop is one TEXT symbol named after the uop (·int_add). It receives
//     the VM state in R12 and the frame base in R13, as the C templates'
//     preserve_none convention does, and may clobber every other register
//     but SP (the entry trampoline saves what Go needs) and X0-X1, the
//     cached registers of ABI version 2 that every uop passes on.
//   - Holes are references to the symbols _JIT_*, without a package
//     qualifier so that they have the C templates' names. An operand is
//     read as an 8-byte variable, MOVQ _JIT_OPERAND0(SB), AX: the assembler
//     leaves a PC-relative relocation on the load, which stencilgen reads as
//     a GOT load (the patcher turns it into mov $imm32 when the value fits,
//     as it does for Clang's). Never take a hole's address ($_JIT_X(SB)).
//   - Control leaves by JMP _JIT_CONTINUE(SB), JMP _JIT_JUMP_TARGET(SB),
//     JMP _JIT_EXIT(SB), or RET with the exit code in AX (end, exit, loop).
//     Put the continuation last: stencilgen deletes a trailing JMP to
//     _JIT_CONTINUE. The Go assembler has no conditional jump to a symbol,
//     so a conditional way out is written as a conditional jump over an
//     unconditional one (JNO ok; JMP _JIT_EXIT(SB); ok:), which stencilgen
//     folds into the one conditional jump Clang would emit (jo _JIT_EXIT).
//
// Layout constants (slot size, tags, State offsets, exit codes) come from
// package templates, the Go mirror of vmstate.h that a test proves equal to
// the header.
package main

import (
	"fmt"
	"unsafe"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
	"github.com/mmcloughlin/avo/x86"

	"github.com/copypatch/copypatch/templates"
)

// The preserve_none registers the entry trampoline fills.
var (
	st = R12 // *cp_state
	fp = R13 // frame base
)

// Offsets into cp_value and cp_state.
var (
	tagOff    = int(unsafe.Offsetof(templates.Value{}.Tag))
	bitsOff   = int(unsafe.Offsetof(templates.Value{}.Bits))
	budgetOff = int(unsafe.Offsetof(templates.State{}.Budget))
)

// hole is the 8-byte variable a hole symbol stands for.
func hole(name string) Mem { return Mem{Symbol: Symbol{Name: "_JIT_" + name}, Base: StaticBase} }

func operand(n int) Mem { return hole(fmt.Sprintf("OPERAND%d", n)) }

// slot loads operand n (a slot's byte offset) into r and returns the slot's
// tag and bits as memory operands.
func slot(n int, r Register) (tag, bits Mem) {
	MOVQ(operand(n), r)
	return Mem{Base: fp, Index: r, Scale: 1, Disp: tagOff}, Mem{Base: fp, Index: r, Scale: 1, Disp: bitsOff}
}

func uop(name, doc string) {
	TEXT(name, NOSPLIT|NOFRAME, "func()")
	Comment(doc)
}

func cont() { jumpTo("CONTINUE") }

// jumpTo jumps to a hole: JMP _JIT_X(SB), which the Go assembler encodes as
// a direct jmp rel32 with a relocation. avo takes a JMP to be a branch
// within the function and wants a label, so the instruction is marked as
// what it is here, a tail jump out of the stencil with no successor in it.
func jumpTo(name string) {
	i, err := x86.JMP(hole(name))
	if err != nil {
		panic(err)
	}
	i.IsBranch, i.IsTerminal = false, true
	Instruction(i)
}

// leaveIf leaves by the hole when the condition the jump over it tests is
// false: jumpOver(label) skips the leaving jump.
func leaveUnless(jumpOver func(Op), label, to string) {
	jumpOver(LabelRef(label))
	jumpTo(to)
	Label(label)
}

// storeTagged writes tag and the register's bits into operand 0's slot.
func storeTagged(tag templates.Tag, bits Op, r Register) {
	dtag, dbits := slot(0, r)
	MOVQ(U32(uint32(tag)), dtag)
	switch b := bits.(type) {
	case VecPhysical:
		MOVSD(b, dbits)
	default:
		MOVQ(bits, dbits)
	}
}

// intBinary: slot[op0] = slot[op1] OP slot[op2] on int64, overflow exits.
func intBinary(op func(Op, Op)) {
	_, a := slot(1, RAX)
	MOVQ(a, RAX)
	_, b := slot(2, RCX)
	op(b, RAX)
	leaveUnless(JNO, "ok", "EXIT")
	storeTagged(templates.TagInt, RAX, RCX)
	cont()
}

// floatBinary: slot[op0] = slot[op1] OP slot[op2] on float64.
func floatBinary(op func(Op, Op)) {
	_, a := slot(1, RAX)
	MOVSD(a, X2)
	_, b := slot(2, RAX)
	op(b, X2)
	storeTagged(templates.TagFloat, X2, RAX)
	cont()
}

// leave returns to the trampoline with reason | operand0 << shift.
func leave(reason int) {
	MOVQ(operand(0), RAX)
	SHLQ(U8(templates.ExitIndexShift), RAX)
	ORQ(U8(reason), RAX)
	RET()
}

func main() {
	ConstraintExpr("ignore") // the file is stencilgen's input, never part of a Go build

	uop("end", "END: the trace ran to its end: leave with ExitEnd and exit index op0 (an immediate).")
	leave(templates.ExitEnd)

	uop("exit", "EXIT: a side-exit stub: leave with ExitSide and exit index op0 (an immediate).")
	leave(templates.ExitSide)

	uop("float_add", "FLOAT_ADD: slot[op0] = slot[op1] + slot[op2] on float64. Never exits.")
	floatBinary(ADDSD)

	uop("float_mul", "FLOAT_MUL: slot[op0] = slot[op1] * slot[op2] on float64. Never exits.")
	floatBinary(MULSD)

	uop("float_sub", "FLOAT_SUB: slot[op0] = slot[op1] - slot[op2] on float64. Never exits.")
	floatBinary(SUBSD)

	uop("float_jump_if_lt", "FLOAT_JUMP_IF_LT: jump to the in-trace target if slot[op0] < slot[op1] on float64 (false if either is NaN), else continue.")
	_, a := slot(1, RAX)
	MOVSD(a, X2)
	_, b := slot(0, RAX)
	// b < a is a > b: UCOMISD sets CF=ZF=0 only for "above", never for NaN.
	UCOMISD(b, X2)
	leaveUnless(JLS, "cont", "JUMP_TARGET")
	cont()

	uop("guard_float", "GUARD_FLOAT: side-exit unless slot[op0] holds a float.")
	guardTag(templates.TagFloat)

	uop("guard_int", "GUARD_INT: side-exit unless slot[op0] holds an int.")
	guardTag(templates.TagInt)

	uop("int_add", "INT_ADD: slot[op0] = slot[op1] + slot[op2] on int64; overflow side-exits with the frame untouched.")
	intBinary(func(b, r Op) { ADDQ(b, r) })

	uop("int_add_imm", "INT_ADD_IMM: slot[op0] = slot[op1] + op2 (an int64 immediate); overflow side-exits with the frame untouched.")
	_, a = slot(1, RAX)
	MOVQ(a, RAX)
	ADDQ(operand(2), RAX)
	leaveUnless(JNO, "ok", "EXIT")
	storeTagged(templates.TagInt, RAX, RCX)
	cont()

	for _, c := range []struct {
		name, py string
		notTaken func(Op) // jumps when the comparison is false
	}{
		{"int_jump_if_ge", ">=", JLT},
		{"int_jump_if_lt", "<", JGE},
	} {
		uop(c.name, fmt.Sprintf("%s: jump to the in-trace target if slot[op0] %s slot[op1] on int64, else continue.", c.name, c.py))
		_, a := slot(0, RAX)
		MOVQ(a, RAX)
		_, b := slot(1, RCX)
		CMPQ(RAX, b)
		leaveUnless(c.notTaken, "cont", "JUMP_TARGET")
		cont()
	}

	uop("int_mul", "INT_MUL: slot[op0] = slot[op1] * slot[op2] on int64; overflow side-exits with the frame untouched.")
	intBinary(func(b, r Op) { IMULQ(b, r) })

	uop("int_sub", "INT_SUB: slot[op0] = slot[op1] - slot[op2] on int64; overflow side-exits with the frame untouched.")
	intBinary(func(b, r Op) { SUBQ(b, r) })

	uop("int_to_float", "INT_TO_FLOAT: slot[op0] = float(slot[op1]), slot[op1] an int64. Never exits.")
	_, a = slot(1, RAX)
	CVTSQ2SD(a, X2)
	storeTagged(templates.TagFloat, X2, RAX)
	cont()

	uop("jump", "JUMP: jump unconditionally to the in-trace target.")
	jumpTo("JUMP_TARGET")

	uop("load_float", "LOAD_FLOAT: slot[op0] = float op1 (an immediate: the float's IEEE-754 bits).")
	loadImm(templates.TagFloat)

	uop("load_int", "LOAD_INT: slot[op0] = int op1 (an int64 immediate).")
	loadImm(templates.TagInt)

	uop("loop", "LOOP: the back-edge: spend one unit of State.Budget and jump to the loop top, or leave with ExitSafepoint and exit index op0 when the budget was 1 or less. It does not read State.Interrupt (templates/loop.c says why).")
	budget := Mem{Base: st, Disp: budgetOff}
	MOVQ(budget, RAX)
	LEAQ(Mem{Base: RAX, Disp: -1}, RCX)
	MOVQ(RCX, budget)
	CMPQ(RAX, U8(1))
	leaveUnless(JLE, "safepoint", "JUMP_TARGET")
	leave(templates.ExitSafepoint)

	uop("move", "MOVE: slot[op0] = slot[op1], tag and bits. Never exits.")
	MOVQ(operand(1), RAX)
	MOVQ(operand(0), RCX)
	MOVUPS(Mem{Base: fp, Index: RAX, Scale: 1}, X2)
	MOVUPS(X2, Mem{Base: fp, Index: RCX, Scale: 1})
	cont()

	Generate()
}

// guardTag side-exits unless operand 0's slot has the tag.
func guardTag(tag templates.Tag) {
	t, _ := slot(0, RAX)
	CMPQ(t, U8(uint8(tag)))
	leaveUnless(JEQ, "ok", "EXIT")
	cont()
}

// loadImm: slot[op0] = (tag, op1).
func loadImm(tag templates.Tag) {
	MOVQ(operand(1), RAX)
	storeTagged(tag, RAX, RCX)
	cont()
}
