package interp

// Private ints: the big int a local drops.
//
// state = (state * A + C) % M, state >> 11 (monte_carlo) makes a big int
// per step that the next step's store into state drops; Go cannot free it,
// so each is fresh memory for the collector where CPython reuses the block
// it just freed. A local is int-private when every instruction that reads
// it is an arithmetic operator, a truth test or a return, and the function
// cannot list its locals or capture it (a plain generator may yield:
// the suspended frame holds its locals alone): then a big int an
// arithmetic operator makes and stores there (marked BigInt.priv) is held
// by that slot alone, and the next arithmetic store into the slot gives it
// back to the pool newBigInt takes from (fresh_big.go). What may give an
// operand away clears its mark first: an arithmetic operator whose other
// operand is any other object (its dunder methods, reflected or in place,
// may keep it; an int subclass's value is such an object) and the return
// (sum_squares' total). A big int left marked in the slot
// of a frame that is gone is held by nothing else either, so the next
// frame's store there may recycle it too. Traces' call-outs (execOne)
// neither mark nor recycle, nor does anything once threads run. (A trace
// returns from an inlined or function frame natively, but marks are made
// only by the interpreter, which finishes the frames it resumes.)

// privIntA marks, in Instr.E of an arithmetic operator or a RETURN, that
// slot A is an int-private local.
const privIntA = 1 << 5

// arithOps are the operators whose operands an int-private local may be.
var arithOps = [opCount]bool{
	opAdd: true, opSub: true, opMul: true, opTrueDiv: true, opFloorDiv: true, opMod: true,
	opPow: true, opLshift: true, opRshift: true, opBitAnd: true, opBitOr: true, opBitXor: true,
}

// cmpReads are the comparisons that read an int-private local without
// keeping it: cmpOp clears the marks when an operand is an object whose
// rich comparison may run Python code (a Lucas-Lehmer step's if s >= m).
var cmpReads = [opCount]bool{
	opLt: true, opLe: true, opGt: true, opGe: true, opEq: true, opNe: true, opIs: true, opIsNot: true,
	opJumpIfNotLt: true, opJumpIfNotLe: true, opJumpIfNotGt: true, opJumpIfNotGe: true, opJumpIfNotEq: true, opJumpIfNotNe: true,
	opJumpIfLt: true, opJumpIfLe: true, opJumpIfGt: true, opJumpIfGe: true, opJumpIfEq: true, opJumpIfNe: true,
}

// markPrivateInts sets privIntA on the arithmetic operators whose target
// is an int-private local of co (called once its slots are final).
func markPrivateInts(co *Code) {
	n := int32(co.nlocals)
	// A generator's locals stay in its frame while it is suspended, held
	// by nothing else (gi_frame.f_locals unmarks what it hands out), so
	// a plain generator's may be int-private too (lcg-style streams make
	// a big int per item); coroutines and async generators are not.
	if n == 0 || co.isGenerator && co.genKind != genPlain || co.nsTop || co.firstLine == 0 {
		return
	}
	private := allLocals(n)
	for _, fn := range co.funcs {
		for _, s := range fn.freeFrom {
			private.clear(s)
		}
	}
	for i := range co.instrs {
		in := &co.instrs[i]
		switch {
		case in.Op == opLocals:
			return
		case arithOps[in.Op], cmpReads[in.Op], in.Op == opJumpIfFalse, in.Op == opJumpIfTrue:
			// Read without being kept (a dunder clears the mark).
		case in.Op == opReturn:
			// Kept by the caller: the return clears the mark.
		default:
			private.clearRead(in)
		}
	}
	for i := range co.instrs {
		in := &co.instrs[i]
		if (arithOps[in.Op] || in.Op == opReturn) && in.A >= 0 && in.A < n && private[in.A] {
			in.E |= privIntA
		}
	}
}

// keepPrivateInt stores v, the result of an arithmetic operator, in its
// int-private target slot a: a big int the operator made is marked, and
// the marked big int the slot held goes back to the pool.
func (vm *VM) keepPrivateInt(f *frame, a int32, v Val) {
	var old *BigInt
	if f.regs[a].Tag == tagObject {
		if x, ok := f.objs[a].(*BigInt); ok && x.priv {
			old = x
		}
	}
	f.set(a, v)
	fb := &vm.fbig
	if x, ok := v.O.(*BigInt); ok && v.T == tagObject && (x == fb.made[0] || x == fb.made[1]) {
		x.priv = true
	}
	if old == nil {
		return
	}
	if vb, isBig := v.O.(*BigInt); isBig && vb == old {
		return
	}
	old.priv = false
	for i := range fb.noted {
		if fb.noted[i] == old {
			fb.noted[i] = nil
		}
	}
	vm.unusedBig(old)
}

// unmarkBig clears the mark of a big int that Python code may keep.
func unmarkBig(v Val) {
	if x, ok := v.O.(*BigInt); ok && v.T == tagObject {
		x.priv = false
	}
}
