package traceopt

import (
	"math/bits"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

// Type is what the optimizer knows of a slot's value.
type Type uint8

const (
	Unknown Type = iota
	Int
	Float
	Bool
	List // an object whose bits point at a cp_list (tag object, bits != 0, no kind bits)
	None
	Instance // an object whose bits point at a cp_instance, plus InstanceBit
	Str      // an ASCII str whose bits point at a cp_str (plus CP_STR_BIT)
	Tuple    // an object whose bits point at a cp_tuple, plus TupleBit
)

var typeNames = [...]string{"unknown", "int", "float", "bool", "list", "none", "instance", "str", "tuple"}

func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "Type(?)"
}

// TypeOfTag is the type a slot with this tag has, as a list_load's
// expected-tag immediate or a constant's tag names it.
func TypeOfTag(tag templates.Tag) Type {
	switch tag {
	case templates.TagInt:
		return Int
	case templates.TagFloat:
		return Float
	case templates.TagBool:
		return Bool
	case templates.TagObject:
		return List
	case templates.TagNone:
		return None
	case templates.KindInstance:
		return Instance
	case templates.KindTuple:
		return Tuple
	}
	return Unknown
}

// TypeOf is what a slot holding v is: Unknown for an object native code
// cannot read (bits 0), for a str (which native code reads only when it is
// ASCII: the recorder says) and for an unbound slot.
func TypeOf(v templates.Value) Type {
	if v.Tag == templates.TagObject {
		switch {
		case v.Bits == 0, v.Bits&7 == templates.StrBit, v.Bits&7 == templates.PackedKind:
			return Unknown
		case v.Bits&templates.InstanceBit != 0:
			return Instance
		case v.Bits&7 == templates.TupleBit:
			return Tuple
		}
	}
	return TypeOfTag(v.Tag)
}

// Kind is the kind immediate (a tag, templates.KindInstance or
// templates.KindTuple) that list_load, attr_load and tuple_load expect for a value of type t.
func Kind(t Type) templates.Tag {
	switch t {
	case Int:
		return templates.TagInt
	case Float:
		return templates.TagFloat
	case Bool:
		return templates.TagBool
	case List:
		return templates.TagObject
	case None:
		return templates.TagNone
	case Instance:
		return templates.KindInstance
	case Tuple:
		return templates.KindTuple
	}
	return templates.TagEmpty
}

// ArgKind says how a uop reads one operand.
type ArgKind uint8

const (
	NoArg  ArgKind = iota
	Dst            // a slot the uop writes (only when it continues)
	Src            // a slot the uop reads
	Imm            // an immediate
	SrcDst         // a slot the uop reads and writes (only when it continues)
)

// Result says what type a uop's Dst slot gets.
type Result uint8

const (
	ResNone   Result = iota
	ResInt           // always an int
	ResFloat         // always a float
	ResBool          // always a bool
	ResCopy          // the type of the Src in operand 1
	ResImmTag        // the type named by the tag immediate in operand 3
	ResStr           // always an ASCII str
)

// OpInfo is what the optimizer knows of a uop.
type OpInfo struct {
	Args   [4]ArgKind
	Result Result
	Exits  bool // can side-exit through its exit stub
	Branch bool // a conditional jump: in the IR, a conditional exit
	Guard  Type // a type guard: operand 0 has this type when it continues
	// Pure uops compute their Dst from their Src slots and immediates
	// alone, so one whose inputs do not change in the loop gives the same
	// answer every iteration.
	Pure bool
	// Load uops read the memory (outside the frame) named by their bits;
	// Store uops may write it. A load with the same inputs gives the same
	// answer as long as no store of its kind of memory ran since.
	Load, Store Mem
	// Flip is the branch with the opposite condition, when the negation is
	// exact (not for float compares, where NaN makes both false).
	Flip generated.Op
	// Commutes: operands 1 and 2 may be swapped.
	Commutes bool
	// CallOut uops leave for Go, which resumes the trace after them.
	CallOut bool
	// Call uops call the trace itself natively (from its first
	// instruction, in a frame above every slot the trace names) and come
	// back to the next instruction; Return uops end a path of a function
	// trace (Trace.Func), going back to the caller.
	Call, Return bool
}

// Mem is kinds of memory outside the frame, as a set.
type Mem uint8

const (
	MemList  Mem = 1 << iota // list lengths and elements
	MemAttr                  // instance attribute slots
	MemShape                 // instance shapes: only Go changes them
	MemAll   Mem = MemList | MemAttr | MemShape
)

var (
	dss = [4]ArgKind{Dst, Src, Src}
	ds  = [4]ArgKind{Dst, Src}
	ss  = [4]ArgKind{Src, Src}
)

// OpClobber is an IR-only instruction that lowers to nothing: its slot
// changes there in a way no uop shows (the interpreter may put an object
// in it on an exit or a call-out), so nothing known of it before holds
// after.
const OpClobber = generated.Op(0xffff)

// opInfo is what the optimizer knows of each uop below, by op: the source
// of opDense (ztables.go), which gives each variant its uop's.
var opInfo = [generated.NumOps]*OpInfo{
	generated.OpExit: {Args: [4]ArgKind{Imm}},
	// Go runs one bytecode instruction and resumes at the next uop: it may
	// write operand 1's slot and change any list.
	generated.OpCallOut: {Args: [4]ArgKind{Imm, Dst}, CallOut: true, Store: MemAll},
	generated.OpLoop:    {Args: [4]ArgKind{Imm}},
	// A native call: the callee may store into lists and attributes.
	generated.OpCallSelf: {Args: [4]ArgKind{Imm, Imm}, Exits: true, Call: true, Store: MemList | MemAttr},
	generated.OpRet:      {Args: [4]ArgKind{Src, Imm, Imm}, Return: true},

	generated.OpMove:      {Args: ds, Result: ResCopy, Pure: true},
	generated.OpLoadInt:   {Args: [4]ArgKind{Dst, Imm}, Result: ResInt, Pure: true},
	generated.OpLoadFloat: {Args: [4]ArgKind{Dst, Imm}, Result: ResFloat, Pure: true},

	generated.OpGuardInt:   {Args: [4]ArgKind{Src}, Exits: true, Guard: Int, Pure: true},
	generated.OpGuardFloat: {Args: [4]ArgKind{Src}, Exits: true, Guard: Float, Pure: true},
	generated.OpGuardBool:  {Args: [4]ArgKind{Src}, Exits: true, Guard: Bool, Pure: true},
	generated.OpGuardNone:  {Args: [4]ArgKind{Src}, Exits: true, Guard: None, Pure: true},

	generated.OpIntAdd:      {Args: dss, Result: ResInt, Exits: true, Pure: true, Commutes: true},
	generated.OpIntSub:      {Args: dss, Result: ResInt, Exits: true, Pure: true},
	generated.OpIntMul:      {Args: dss, Result: ResInt, Exits: true, Pure: true, Commutes: true},
	generated.OpIntAddImm:   {Args: [4]ArgKind{Dst, Src, Imm}, Result: ResInt, Exits: true, Pure: true},
	generated.OpIntNeg:      {Args: ds, Result: ResInt, Exits: true, Pure: true},
	generated.OpIntToFloat:  {Args: ds, Result: ResFloat, Pure: true},
	generated.OpIntFloordiv: {Args: dss, Result: ResInt, Exits: true, Pure: true},
	generated.OpIntMod:      {Args: dss, Result: ResInt, Exits: true, Pure: true},
	generated.OpIntTruediv:  {Args: dss, Result: ResFloat, Exits: true, Pure: true},
	generated.OpIntLshift:   {Args: dss, Result: ResInt, Exits: true, Pure: true},
	generated.OpIntRshift:   {Args: dss, Result: ResInt, Exits: true, Pure: true},
	generated.OpIntAnd:      {Args: dss, Result: ResInt, Pure: true, Commutes: true},
	// x // 2**k and x % 2**k, folded (fold.go).
	generated.OpIntRshiftImm: {Args: [4]ArgKind{Dst, Src, Imm}, Result: ResInt, Pure: true},
	generated.OpIntAndImm:    {Args: [4]ArgKind{Dst, Src, Imm}, Result: ResInt, Pure: true},
	generated.OpIntOr:        {Args: dss, Result: ResInt, Pure: true, Commutes: true},
	generated.OpIntXor:       {Args: dss, Result: ResInt, Pure: true, Commutes: true},
	generated.OpIntInvert:    {Args: ds, Result: ResInt, Pure: true},
	generated.OpIntAbs:       {Args: ds, Result: ResInt, Exits: true, Pure: true},
	generated.OpFloatSqrt:    {Args: ds, Result: ResFloat, Exits: true, Pure: true},
	generated.OpFloatAbs:     {Args: ds, Result: ResFloat, Pure: true},

	// A 128-bit accumulator in one private slot, updated in place.
	generated.OpWideAdd: {Args: [4]ArgKind{SrcDst, Src}, Exits: true, Pure: true},
	generated.OpWideSub: {Args: [4]ArgKind{SrcDst, Src}, Exits: true, Pure: true},

	// 128-bit ints in private slots (tag: high word): values that outgrew
	// int64 inside an iteration (a 64-bit LCG's products).
	generated.OpIntToWide:   {Args: ds, Pure: true},
	generated.OpWideAddWide: {Args: dss, Exits: true, Pure: true, Commutes: true},
	generated.OpWideSubWide: {Args: dss, Exits: true, Pure: true},
	generated.OpWideMul:     {Args: dss, Exits: true, Pure: true, Commutes: true},
	generated.OpWideAndImm:  {Args: [4]ArgKind{Dst, Src, Imm, Imm}, Pure: true},
	generated.OpWideRshift:  {Args: dss, Exits: true, Pure: true},
	generated.OpWideToInt:   {Args: ds, Result: ResInt, Exits: true, Pure: true},

	// strs are immutable: reading one is pure.
	generated.OpGuardStr:    {Args: [4]ArgKind{Src}, Exits: true, Guard: Str, Pure: true},
	generated.OpStrLen:      {Args: ds, Result: ResInt, Pure: true},
	generated.OpStrChar:     {Args: [4]ArgKind{Dst, Src, Src, Imm}, Result: ResStr, Exits: true, Pure: true},
	generated.OpStrJumpIfEq: {Args: ss, Branch: true, Pure: true},

	generated.OpGuardList: {Args: [4]ArgKind{Src}, Exits: true, Guard: List, Pure: true},
	// Only Go changes a list's length (during a call-out).
	generated.OpListLen:   {Args: ds, Result: ResInt, Load: MemList},
	generated.OpListLoad:  {Args: [4]ArgKind{Dst, Src, Src, Imm}, Result: ResImmTag, Exits: true, Load: MemList},
	generated.OpListStore: {Args: [4]ArgKind{Src, Src, Src}, Exits: true, Store: MemList},
	// list.append natively when it can, else a call-out (operand 0) of the
	// CALL_METHOD that Go runs as call_out's: it reads the frame's slots,
	// not its Src operands, which copies must therefore leave alone.
	generated.OpListAppend: {Args: [4]ArgKind{Imm, Dst, Src, Src}, CallOut: true, Store: MemAll},
	// a[i], a[j] = a[j], a[i] (swap.go): the loads and stores in one.
	generated.OpListSwap: {Args: [4]ArgKind{Src, Src, Src}, Exits: true, Load: MemList, Store: MemList},
	// A packed bool list's byte (interp/packed.go); each checks the list's
	// kind bits itself, so no guard names the list slot.
	generated.OpListLoadPkT: {Args: dss, Result: ResBool, Exits: true, Load: MemList},
	generated.OpListStorePk: {Args: [4]ArgKind{Src, Src, Src}, Exits: true, Store: MemList},
	// list_store_pk of a slot known packed and a value known a bool (tags.go).
	generated.OpListStorePkk: {Args: [4]ArgKind{Src, Src, Src}, Exits: true, Store: MemList},
	// Never in a trace the optimizer sees: the interpreter puts it in
	// place of a slice call-out after lowering (interp/slice_reuse.go).
	generated.OpListCopy: {Args: [4]ArgKind{Src, Src, Imm}, Exits: true, Store: MemList},
	// The forms for traces that run while other threads change lists
	// (Trace.Shared): the same as far as the optimizer knows.
	generated.OpListLoadMt:  {Args: [4]ArgKind{Dst, Src, Src, Imm}, Result: ResImmTag, Exits: true, Load: MemList},
	generated.OpListStoreMt: {Args: [4]ArgKind{Src, Src, Src}, Exits: true, Store: MemList},

	generated.OpGuardInstance: {Args: [4]ArgKind{Src}, Exits: true, Guard: Instance, Pure: true},
	// Tuples never change: reading one is pure. guard_tuple checks the
	// length too, so it is no type guard a known type could remove; a
	// second one of the same slot and length is.
	generated.OpGuardTuple: {Args: [4]ArgKind{Src, Imm}, Exits: true, Pure: true},
	generated.OpTupleLoad:  {Args: [4]ArgKind{Dst, Src, Imm, Imm}, Result: ResImmTag, Exits: true, Pure: true},
	// A shape changes only in Go: a trace without call-outs keeps it. Not
	// a type guard: the same slot may be checked for several shapes.
	generated.OpGuardShape: {Args: [4]ArgKind{Src, Imm}, Exits: true, Load: MemShape},
	generated.OpAttrLoad:   {Args: [4]ArgKind{Dst, Src, Imm, Imm}, Result: ResImmTag, Exits: true, Load: MemAttr},
	generated.OpAttrStore:  {Args: [4]ArgKind{Src, Imm, Src}, Exits: true, Store: MemAttr},

	generated.OpFloatAdd: {Args: dss, Result: ResFloat, Pure: true, Commutes: true},
	generated.OpFloatSub: {Args: dss, Result: ResFloat, Pure: true},
	generated.OpFloatMul: {Args: dss, Result: ResFloat, Pure: true, Commutes: true},
	generated.OpFloatDiv: {Args: dss, Result: ResFloat, Exits: true, Pure: true},
	generated.OpFloatNeg: {Args: ds, Result: ResFloat, Pure: true},

	generated.OpIntLt: {Args: dss, Result: ResBool, Pure: true},
	generated.OpIntLe: {Args: dss, Result: ResBool, Pure: true},
	generated.OpIntGt: {Args: dss, Result: ResBool, Pure: true},
	generated.OpIntGe: {Args: dss, Result: ResBool, Pure: true},
	generated.OpIntEq: {Args: dss, Result: ResBool, Pure: true},
	generated.OpIntNe: {Args: dss, Result: ResBool, Pure: true},

	generated.OpFloatLt: {Args: dss, Result: ResBool, Pure: true},
	generated.OpFloatLe: {Args: dss, Result: ResBool, Pure: true},
	generated.OpFloatGt: {Args: dss, Result: ResBool, Pure: true},
	generated.OpFloatGe: {Args: dss, Result: ResBool, Pure: true},
	generated.OpFloatEq: {Args: dss, Result: ResBool, Pure: true},
	generated.OpFloatNe: {Args: dss, Result: ResBool, Pure: true},

	generated.OpIntJumpIfLt: {Args: ss, Branch: true, Pure: true, Flip: generated.OpIntJumpIfGe},
	generated.OpIntJumpIfLe: {Args: ss, Branch: true, Pure: true, Flip: generated.OpIntJumpIfGt},
	generated.OpIntJumpIfGt: {Args: ss, Branch: true, Pure: true, Flip: generated.OpIntJumpIfLe},
	generated.OpIntJumpIfGe: {Args: ss, Branch: true, Pure: true, Flip: generated.OpIntJumpIfLt},
	generated.OpIntJumpIfEq: {Args: ss, Branch: true, Pure: true, Flip: generated.OpIntJumpIfNe},
	generated.OpIntJumpIfNe: {Args: ss, Branch: true, Pure: true, Flip: generated.OpIntJumpIfEq},

	generated.OpFloatJumpIfLt: {Args: ss, Branch: true, Pure: true},
	generated.OpFloatJumpIfLe: {Args: ss, Branch: true, Pure: true},
	generated.OpFloatJumpIfGt: {Args: ss, Branch: true, Pure: true},
	generated.OpFloatJumpIfGe: {Args: ss, Branch: true, Pure: true},
	generated.OpFloatJumpIfEq: {Args: ss, Branch: true, Pure: true},
	generated.OpFloatJumpIfNe: {Args: ss, Branch: true, Pure: true},

	generated.OpJumpIfTrue:  {Args: [4]ArgKind{Src}, Branch: true, Pure: true, Flip: generated.OpJumpIfFalse},
	generated.OpJumpIfFalse: {Args: [4]ArgKind{Src}, Branch: true, Pure: true, Flip: generated.OpJumpIfTrue},
}

// clobberInfo is OpClobber's OpInfo.
var clobberInfo = &OpInfo{Args: [4]ArgKind{Dst}}

// Info returns what the optimizer knows of op, or nil for a uop it cannot
// place in a trace.
func Info(op generated.Op) *OpInfo {
	// (Small enough to inline: the passes ask it of every instruction.)
	if int(op) < len(opDense) {
		return opDense[op]
	}
	if op == OpClobber {
		return clobberInfo
	}
	return nil
}

// resultType is the type in's Dst gets, given the types known before it.
func resultType(in *Inst, info *OpInfo, known map[int32]Type) Type {
	switch info.Result {
	case ResInt:
		return Int
	case ResFloat:
		return Float
	case ResBool:
		return Bool
	case ResCopy:
		return known[slotOf(in.Args[1])]
	case ResImmTag:
		return TypeOfTag(templates.Tag(in.Args[3]))
	case ResStr:
		return Str
	}
	return Unknown
}

// dst returns the slot in writes, if any; info is in's. (Writes reads
// it from dstArg: looping over info's Args for the Dst was a twentieth of
// the optimizer's instructions.)
func dst(in *Inst, info *OpInfo) (int32, bool) { return in.Writes() }

// srcs calls f with each slot in reads; info is in's.
func srcs(in *Inst, info *OpInfo, f func(int32)) { in.Reads(f) }

// Reads calls f with each slot in reads.
func (in *Inst) Reads(f func(slot int32)) {
	if int(in.Op) < len(readArgs) {
		for mask := readArgs[in.Op]; mask != 0; mask &= mask - 1 {
			f(slotOf(in.Args[bits.TrailingZeros8(mask)]))
		}
	}
	// (OpClobber reads nothing.)
}

// appendSlots appends the slots in reads, then the one it writes, if any.
func (in *Inst) appendSlots(buf []int32) []int32 {
	if int(in.Op) < len(readArgs) {
		for mask := readArgs[in.Op]; mask != 0; mask &= mask - 1 {
			buf = append(buf, slotOf(in.Args[bits.TrailingZeros8(mask)]))
		}
	}
	if d, ok := in.Writes(); ok {
		buf = append(buf, d)
	}
	return buf
}

// ReadsSlot reports whether in reads slot s (Reads, for one slot,
// without a call per operand: liveness walks ask it of every
// instruction they pass).
func (in *Inst) ReadsSlot(s int32) bool {
	if int(in.Op) < len(readArgs) {
		for mask := readArgs[in.Op]; mask != 0; mask &= mask - 1 {
			if slotOf(in.Args[bits.TrailingZeros8(mask)]) == s {
				return true
			}
		}
	}
	return false
}

// Writes returns the slot in writes, if any.
func (in *Inst) Writes() (int32, bool) {
	if int(in.Op) < len(dstArg) {
		if k := dstArg[in.Op]; k >= 2 {
			return slotOf(in.Args[k-2]), true
		}
		return 0, false
	}
	if in.Op == OpClobber {
		return slotOf(in.Args[0]), true
	}
	return 0, false
}

// By op, what Reads and Writes would ask Info for (ztables.go): every
// pass asks them of every instruction, several times. readArgs has a bit
// for each Src or SrcDst operand; dstArg is the Dst or SrcDst operand
// plus two, noDst, or 0 for an op the optimizer does not know.

// noDst in dstArg: the op writes no slot.
const noDst = 1

// readArgMask is the bits of readArgs for an op described by info.
func readArgMask(info *OpInfo) uint8 {
	var mask uint8
	for k, kind := range info.Args {
		if kind == Src || kind == SrcDst {
			mask |= 1 << k
		}
	}
	return mask
}

func opOf(op uint16) generated.Op { return generated.Op(op) }
