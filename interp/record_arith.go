package interp

import (
	"unsafe"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
	"github.com/copypatch/copypatch/uopref"
)

// typeOf returns what slot a (relative to the root) holds, guarding it the
// first time the trace relies on it.
func (r *recorder) typeOf(a int32) traceopt.Type {
	// (len first: these maps are most often empty, and a look-up is a
	// call; typeOf's look-ups were 7% of a recording's instructions.)
	if len(r.tmpWides) > 0 {
		if w, ok := r.tmpWides[a]; ok {
			return r.narrow(a, w)
		}
	}
	if len(r.objects) > 0 {
		if _, ok := r.objects[a]; ok {
			return traceopt.Unknown
		}
	}
	if len(r.iters) > 0 {
		if _, ok := r.iters[a]; ok {
			return traceopt.Unknown
		}
	}
	if len(r.wides) > 0 {
		if _, ok := r.wides[a]; ok {
			return traceopt.Unknown
		}
	}
	r.touch(a)
	if t, ok := r.known[a]; ok {
		return t
	}
	if v, ok := r.consts[a]; ok {
		return traceopt.TypeOfTag(v.Tag)
	}
	v := r.regs[a]
	var g generated.Op
	var t traceopt.Type
	switch v.Tag {
	case tagInt:
		g, t = generated.OpGuardInt, traceopt.Int
	case tagFloat:
		g, t = generated.OpGuardFloat, traceopt.Float
	case tagBool:
		g, t = generated.OpGuardBool, traceopt.Bool
	case tagNone:
		g, t = generated.OpGuardNone, traceopt.None
	case tagObject:
		if r.vm.threaded() && v.Bits&7 != 0 {
			// Instances are not traced while threads run, nor strs: a
			// str's kind is worked out lazily (Str.ascii), unlocked.
			return traceopt.Unknown
		}
		switch t = objType(v.Bits); t {
		case traceopt.List:
			g = generated.OpGuardList
		case traceopt.Instance:
			g = generated.OpGuardInstance
		case traceopt.Str:
			g = generated.OpGuardStr
		case traceopt.Tuple:
			// (No guard of the type alone: this one checks the length too.)
			g = generated.OpGuardTuple
		default:
			return traceopt.Unknown
		}
	default:
		return traceopt.Unknown
	}
	in := traceopt.Inst{Op: g, Args: [4]uint64{traceopt.Slot(a)}, Exit: r.snap()}
	if t == traceopt.Tuple {
		in.Args[1] = uint64(len(tupleAt(v.Bits).items))
	}
	r.exec(&in)
	r.insts = append(r.insts, in)
	r.known[a] = t
	r.noteKnown(a)
	if objectType(t) && r.lt.fn {
		// A loop trace only reads a slot it guards: the interpreter left
		// both halves right, and giveBack (run at every call-out) need
		// not look at it. A function trace's callee frames are windows
		// its native calls filled, which exits give back slot by slot.
		r.lists[a] = true
	}
	return t
}

// objectType reports whether a slot of type t holds an object (whose Go
// half exits give back: giveBack).
func objectType(t traceopt.Type) bool {
	return t == traceopt.List || t == traceopt.Instance || t == traceopt.Str || t == traceopt.Tuple
}

// objType is the type native code can read an object with these bits as:
// a list, an instance, an ASCII str (the only strs it indexes), or unknown.
func objType(bits uint64) traceopt.Type {
	switch {
	case bits == 0:
		return traceopt.Unknown
	case bits&templates.InstanceBit != 0:
		return traceopt.Instance
	case bits&7 == 0:
		return traceopt.List
	case bits&7 == templates.StrBit && strAt(bits).ascii():
		return traceopt.Str
	case bits&7 == templates.TupleBit:
		return traceopt.Tuple
	}
	return traceopt.Unknown
}

// asFloat returns a slot that holds slot a as a float: a itself, or a
// scratch slot with an int converted.
func (r *recorder) asFloat(a int32) (int32, bool) {
	switch r.typeOf(a) {
	case traceopt.Float:
		return a, true
	case traceopt.Int:
		d := r.newScratch()
		r.emit(traceopt.Inst{Op: generated.OpIntToFloat, Args: [4]uint64{traceopt.Slot(d), traceopt.Slot(a)}})
		return d, true
	}
	return 0, false
}

// floatPair returns float slots for a mixed int/float compare or
// arithmetic, converting an int only when the conversion is exact for
// every value the slot can hold here: a constant within ±2^53.
func (r *recorder) floatPair(a, b int32, exactOnly bool) (int32, int32, bool) {
	if exactOnly {
		for _, s := range [2]int32{a, b} {
			if r.typeOf(s) == traceopt.Int {
				v, ok := r.cval[s]
				r.reliesOn(s)
				if !ok {
					return 0, 0, false
				}
				if x := int64(v.Bits); x < -1<<53 || x > 1<<53 {
					return 0, 0, false
				}
			}
		}
	}
	fa, ok1 := r.asFloat(a)
	fb, ok2 := r.asFloat(b)
	return fa, fb, ok1 && ok2
}

var (
	intBinOps = map[Op]generated.Op{
		opAdd: generated.OpIntAdd, opSub: generated.OpIntSub, opMul: generated.OpIntMul,
		opFloorDiv: generated.OpIntFloordiv, opMod: generated.OpIntMod, opTrueDiv: generated.OpIntTruediv,
		opLshift: generated.OpIntLshift, opRshift: generated.OpIntRshift,
		opBitAnd: generated.OpIntAnd, opBitOr: generated.OpIntOr, opBitXor: generated.OpIntXor,
		opLt: generated.OpIntLt, opLe: generated.OpIntLe, opGt: generated.OpIntGt,
		opGe: generated.OpIntGe, opEq: generated.OpIntEq, opNe: generated.OpIntNe,
	}
	floatBinOps = map[Op]generated.Op{
		opAdd: generated.OpFloatAdd, opSub: generated.OpFloatSub, opMul: generated.OpFloatMul, opTrueDiv: generated.OpFloatDiv,
		opLt: generated.OpFloatLt, opLe: generated.OpFloatLe, opGt: generated.OpFloatGt,
		opGe: generated.OpFloatGe, opEq: generated.OpFloatEq, opNe: generated.OpFloatNe,
	}
	intJumpIf = map[Op]generated.Op{opLt: generated.OpIntJumpIfLt, opLe: generated.OpIntJumpIfLe, opGt: generated.OpIntJumpIfGt,
		opGe: generated.OpIntJumpIfGe, opEq: generated.OpIntJumpIfEq, opNe: generated.OpIntJumpIfNe}
	floatJumpIf = map[Op]generated.Op{opLt: generated.OpFloatJumpIfLt, opLe: generated.OpFloatJumpIfLe, opGt: generated.OpFloatJumpIfGt,
		opGe: generated.OpFloatJumpIfGe, opEq: generated.OpFloatJumpIfEq, opNe: generated.OpFloatJumpIfNe}
)

// charTable is str_char's operand: the address of charBits, a Go global,
// which does not move.
var charTable = uint64(uintptr(unsafe.Pointer(&charBits)))

func isCompare(op Op) bool { return op >= opLt && op <= opNe }

// binary translates A = B op C.
func (r *recorder) binary(op Op, a, b, c int32) {
	if (op == opAdd || op == opSub) && a == b && r.wideAccumulate(op, a, c) {
		return
	}
	if r.wideBinary(op, a, b, c) {
		return
	}
	tb, tc := r.typeOf(b), r.typeOf(c)
	if tb == traceopt.Int && tc == traceopt.Int {
		if u, ok := intBinOps[op]; ok {
			r.emit(traceopt.Inst{Op: u, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(b), traceopt.Slot(c)}, Exit: r.snap()})
			return
		}
	}
	numeric := func(t traceopt.Type) bool { return t == traceopt.Int || t == traceopt.Float }
	if u, ok := floatBinOps[op]; ok && numeric(tb) && numeric(tc) && (tb == traceopt.Float || tc == traceopt.Float) {
		// Python converts the int operand; comparisons are exact in
		// Python, so they convert only where that is exact.
		fb, fc, ok := r.floatPair(b, c, isCompare(op))
		if ok {
			r.emit(traceopt.Inst{Op: u, Args: [4]uint64{traceopt.Slot(a), traceopt.Slot(fb), traceopt.Slot(fc)}, Exit: r.snap()})
			return
		}
	}
	r.failOperands(op, tb, tc)
}

// failOperands stops the recording at operator op on operands of types tb
// and tc, which it has no uops for. An operator on an instance is a wall
// like others (given up when met twice, or on the only path): met on a
// rare branch, as a loop's first iterations may take (a warm-up step
// calling v + w on Vectors), it must not give up a loop whose common
// path traces.
func (r *recorder) failOperands(op Op, tb, tc traceopt.Type) {
	if r.abort != "" {
		return
	}
	r.failf("%v on %v and %v", op, tb, tc)
}

// wideAccumulate translates a += c or a -= c where a holds an int that
// outgrew int64 (a big int within 128 bits) and c an int: for the whole
// trace, a lives in a private 128-bit slot, filled on entry and made a
// Python int again on every exit. It reports false to translate the
// instruction the ordinary way.
func (r *recorder) wideAccumulate(op Op, a, c int32) bool {
	w, ok := r.wides[a]
	if !ok {
		// Only the main recording makes a slot 128-bit: the whole trace
		// must keep it so, and a bridge is only part of it.
		if r.bridge || len(r.frames) > 0 || r.isTouched(a) || a >= int32(r.rootCode.nslots) {
			return false
		}
		o, isObj := r.vm.ostack[r.lt.base+int(a)].(*BigInt)
		if r.regs[a].Tag != tagObject || !isObj {
			return false
		}
		hi, lo, fits := to128(&o.v)
		if !fits {
			return false
		}
		if r.typeOf(c) != traceopt.Int {
			return false
		}
		w = r.newScratch()
		r.regs[w] = templates.Value{Tag: templates.Tag(hi), Bits: lo}
		r.wides[a] = w
		r.lt.wides = append(r.lt.wides, wideSlot{slot: a, wide: w})
	} else if r.typeOf(c) != traceopt.Int {
		r.failf("a 128-bit accumulator with %s", aName(r.typeOf(c)))
		return true
	}
	u := generated.OpWideAdd
	if op == opSub {
		u = generated.OpWideSub
	}
	r.emit(traceopt.Inst{Op: u, Args: [4]uint64{traceopt.Slot(w), traceopt.Slot(c)}, Exit: r.snap()})
	return true
}

// branch emits a conditional exit on "b cmp c" and reports whether the
// comparison held on the recorded path: the trace leaves when it differs.
func (r *recorder) branch(cmp Op, b, c int32) bool {
	tb, tc := r.typeOf(b), r.typeOf(c)
	var u generated.Op
	switch {
	case tb == traceopt.Int && tc == traceopt.Int:
		u = intJumpIf[cmp]
	case tb == traceopt.Str && tc == traceopt.Str && (cmp == opEq || cmp == opNe):
		// One uop, equality: != is its negation.
		eq := r.cond(traceopt.Inst{Op: generated.OpStrJumpIfEq, Args: [4]uint64{traceopt.Slot(b), traceopt.Slot(c)}, Exit: r.snap()})
		return eq == (cmp == opEq)
	case (tb == traceopt.Float || tc == traceopt.Float) && (tb == traceopt.Int || tb == traceopt.Float) && (tc == traceopt.Int || tc == traceopt.Float):
		fb, fc, ok := r.floatPair(b, c, true)
		if !ok {
			r.failf("compare of a float with a variable int")
			return false
		}
		b, c, u = fb, fc, floatJumpIf[cmp]
	default:
		r.failOperands(cmp, tb, tc)
		return false
	}
	return r.cond(traceopt.Inst{Op: u, Args: [4]uint64{traceopt.Slot(b), traceopt.Slot(c)}, Exit: r.snap()})
}

// cond runs a branch uop, records it to leave when the condition differs
// from now, and returns the condition.
func (r *recorder) cond(in traceopt.Inst) bool {
	if r.abort != "" {
		return false
	}
	if l := r.left; l != nil && len(r.insts) == 0 && l.Op == in.Op && l.Args == in.Args {
		// A function trace's bridge starts at the branch that left for
		// it: its answer is known.
		r.left = nil
		return r.exec(&in) == uopref.Jump
	}
	// A snapshot of its own, so that its exits are counted apart and can
	// grow a bridge.
	in.Exit = r.freshSnap()
	taken := r.exec(&in) == uopref.Jump
	in.Negate = taken
	r.insts = append(r.insts, in)
	return taken
}

// truth emits a conditional exit on the truth of slot a.
func (r *recorder) truth(a int32) bool {
	if t, ok := r.constTruth(a); ok {
		return t
	}
	switch r.typeOf(a) {
	case traceopt.Bool, traceopt.Int:
		return r.cond(traceopt.Inst{Op: generated.OpJumpIfTrue, Args: [4]uint64{traceopt.Slot(a)}, Exit: r.snap()})
	case traceopt.List, traceopt.Str:
		// `while queue:`: a list or str is true when it is not empty.
		op := generated.OpListLen
		if r.typeOf(a) == traceopt.Str {
			op = generated.OpStrLen
		}
		n := r.newScratch()
		r.emit(traceopt.Inst{Op: op, Args: [4]uint64{traceopt.Slot(n), traceopt.Slot(a)}})
		if r.abort != "" {
			return false
		}
		return r.cond(traceopt.Inst{Op: generated.OpJumpIfTrue, Args: [4]uint64{traceopt.Slot(n)}, Exit: r.snap()})
	}
	r.failf("truth of %s", aName(r.typeOf(a)))
	return false
}
