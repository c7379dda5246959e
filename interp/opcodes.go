package interp

// Op is a register-bytecode opcode. Operands A..E are frame-slot indices,
// jump targets, counts or table indices, as opInfo says; slot operands map
// one-to-one onto the slot-offset holes of a uop template.
type Op uint8

const (
	opNop Op = iota
	opMove
	opLoadGlobal
	opStoreGlobal
	opDelGlobal
	opDelLocal
	opAdd
	opSub
	opMul
	opTrueDiv
	opFloorDiv
	opMod
	opPow
	opLshift
	opRshift
	opBitAnd
	opBitOr
	opBitXor
	opMatMul
	opNeg
	opPos
	opInvert
	opNot
	opLt
	opLe
	opGt
	opGe
	opEq
	opNe
	opIs
	opIsNot
	opIn
	opNotIn
	opJump
	opJumpBack
	opJumpIfFalse
	opJumpIfTrue
	opJumpIfNotLt // fused compare-and-branch: jump to C unless slot A < slot B
	opJumpIfNotLe
	opJumpIfNotGt
	opJumpIfNotGe
	opJumpIfNotEq
	opJumpIfNotNe
	opGetIter
	opForIter  // A = iterator, B = target, C = the body (jumped back to); D = forUnpacks when the body starts with an UNPACK (compile.go)
	opForRange // A = counter slot (int), B = target, C = exit, D = stop slot, E = step slot
	opCall
	opCallMethod
	opReturn
	opBuildList
	opBuildTuple
	opBuildDict
	opBuildSet
	opListAppend
	opSetAdd
	opDictSet
	opListExtend
	opGetItem
	opSetItem
	opDelItem
	opBuildSlice
	opGetAttr
	opUnpack
	opFormat
	opBuildString
	opMakeFunction
	opImport
	opRaise
	opRaiseFrom
	opAssertFail
	opExcMatch
	opCheckBound
	opRangePrep
	opCallEx
	opDictUpdate
	opMakeCell
	opLoadCell
	opStoreCell
	opImportName
	opJumpIfLt // fused compare-and-branch: jump to C if slot A < slot B
	opJumpIfLe
	opJumpIfGt
	opJumpIfGe
	opJumpIfEq
	opJumpIfNe
	opSetAttr
	opBuildClass
	opSuper
	opYield
	opWithExit
	opDelAttr
	opYieldFromSend
	opAsync
	opClassDone
	opGetSlice
	opSetSlice
	opDelSlice
	opLocals  // A = a dict of the frame's bound locals (eval.go)
	opGenExpr // A = the generator of generator expression B over iterator C (no function object made)
	opClassGet
	opImportStar
	opCallSuper // super().D(args): self in B, C arguments after it, keyword names E (ops_call.go)
	opDelCell   // del of a name that lives in cell A (a closure captures it)
	opCallArgs  // the next A instructions are MOVEs of a call's operands from slots B, C, D, E, then the call (vm_callargs.go)
	opPrepareClass
	opClassLocals // A = locals() of the body of class B (class_locals.go)
	opLoadName    // A = local B when bound, else global C (exec's top level: exec_globals.go); D=1: not from the globals dict, which is the locals
	opClassCell   // A = the running function's __class__ (a bare __class__ in a method, class_cell.go)
	opCount
)

// opInfo gives each opcode's name and operand kinds: s slot, j jump target,
// i count, n name index, g global index, f function index, k keyword-names
// index (-1 none), x conversion flag, - unused.
var opInfo = [opCount]struct {
	name  string
	kinds string
}{
	opNop:           {"NOP", ""},
	opMove:          {"MOVE", "ss"},
	opLoadGlobal:    {"LOAD_GLOBAL", "sg"},
	opStoreGlobal:   {"STORE_GLOBAL", "gs"},
	opDelGlobal:     {"DEL_GLOBAL", "g"},
	opDelLocal:      {"DEL_LOCAL", "s"},
	opAdd:           {"ADD", "sss"},
	opSub:           {"SUB", "sss"},
	opMul:           {"MUL", "sss"},
	opTrueDiv:       {"TRUEDIV", "sss"},
	opFloorDiv:      {"FLOORDIV", "sss"},
	opMod:           {"MOD", "sss"},
	opPow:           {"POW", "sss"},
	opLshift:        {"LSHIFT", "sss"},
	opRshift:        {"RSHIFT", "sss"},
	opBitAnd:        {"AND", "sss"},
	opBitOr:         {"OR", "sss"},
	opBitXor:        {"XOR", "sss"},
	opMatMul:        {"MATMUL", "sss"},
	opNeg:           {"NEG", "ss"},
	opPos:           {"POS", "ss"},
	opInvert:        {"INVERT", "ss"},
	opNot:           {"NOT", "ss"},
	opLt:            {"LT", "sss"},
	opLe:            {"LE", "sss"},
	opGt:            {"GT", "sss"},
	opGe:            {"GE", "sss"},
	opEq:            {"EQ", "sss"},
	opNe:            {"NE", "sss"},
	opIs:            {"IS", "sss"},
	opIsNot:         {"IS_NOT", "sss"},
	opIn:            {"IN", "sss"},
	opNotIn:         {"NOT_IN", "sss"},
	opJump:          {"JUMP", "j"},
	opJumpBack:      {"JUMP_BACK", "j"},
	opJumpIfFalse:   {"JUMP_IF_FALSE", "sj"},
	opJumpIfTrue:    {"JUMP_IF_TRUE", "sj"},
	opJumpIfNotLt:   {"JUMP_IF_NOT_LT", "ssj"},
	opJumpIfNotLe:   {"JUMP_IF_NOT_LE", "ssj"},
	opJumpIfNotGt:   {"JUMP_IF_NOT_GT", "ssj"},
	opJumpIfNotGe:   {"JUMP_IF_NOT_GE", "ssj"},
	opJumpIfNotEq:   {"JUMP_IF_NOT_EQ", "ssj"},
	opJumpIfNotNe:   {"JUMP_IF_NOT_NE", "ssj"},
	opGetIter:       {"GET_ITER", "ss"},
	opForIter:       {"FOR_ITER", "ssj"}, // next item into B and jump back to C, or fall through when done
	opForRange:      {"FOR_RANGE", "ssjss"},
	opCall:          {"CALL", "ssik"},
	opCallMethod:    {"CALL_METHOD", "ssink"},
	opReturn:        {"RETURN", "s"},
	opBuildList:     {"BUILD_LIST", "ssi"},
	opBuildTuple:    {"BUILD_TUPLE", "ssi"},
	opBuildDict:     {"BUILD_DICT", "ssi"},
	opBuildSet:      {"BUILD_SET", "ssi"},
	opListAppend:    {"LIST_APPEND", "ss"},
	opSetAdd:        {"SET_ADD", "ss"},
	opDictSet:       {"DICT_SET", "ssss"},    // D: -1, the function slot of a call whose keywords these are, or -2 - a comprehension's iterator slot (dict_presize.go)
	opListExtend:    {"LIST_EXTEND", "sssi"}, // C: -1 or a called function's slot, D: how a non-iterable is worded (extendErr)
	opGetItem:       {"GET_ITEM", "sss"},
	opSetItem:       {"SET_ITEM", "sss"},
	opDelItem:       {"DEL_ITEM", "ss"},
	opDelAttr:       {"DEL_ATTR", "sni"}, // del A.B; C=1: a class body's del B, a NameError when the class lacks it
	opBuildSlice:    {"BUILD_SLICE", "ssss"},
	opGetAttr:       {"GET_ATTR", "ssn"},
	opUnpack:        {"UNPACK", "ssii"},
	opFormat:        {"FORMAT", "sssx"},
	opBuildString:   {"BUILD_STRING", "ssi"},
	opMakeFunction:  {"MAKE_FUNCTION", "sfsis"}, // E: the slot of the class whose body makes it (-1: none)
	opImport:        {"IMPORT", "sn"},
	opRaise:         {"RAISE", "si"},      // B=1: a raise statement naming the exception
	opRaiseFrom:     {"RAISE_FROM", "ss"}, // raise slot A with cause slot B (None: no context shown)
	opAssertFail:    {"ASSERT_FAIL", "s"},
	opExcMatch:      {"EXC_MATCH", "sss"},
	opCheckBound:    {"CHECK_BOUND", "s"},
	opRangePrep:     {"RANGE_PREP", "s"},
	opCallEx:        {"CALL_EX", "ssss"},
	opDictUpdate:    {"DICT_UPDATE", "sss"}, // C: -1, or the function slot of a call whose keywords these are
	opMakeCell:      {"MAKE_CELL", "s"},
	opLoadCell:      {"LOAD_CELL", "ss"},
	opStoreCell:     {"STORE_CELL", "ss"},
	opImportName:    {"IMPORT_NAME", "ssn"},
	opJumpIfLt:      {"JUMP_IF_LT", "ssj"},
	opJumpIfLe:      {"JUMP_IF_LE", "ssj"},
	opJumpIfGt:      {"JUMP_IF_GT", "ssj"},
	opJumpIfGe:      {"JUMP_IF_GE", "ssj"},
	opJumpIfEq:      {"JUMP_IF_EQ", "ssj"},
	opJumpIfNe:      {"JUMP_IF_NE", "ssj"},
	opSetAttr:       {"SET_ATTR", "sns"},
	opBuildClass:    {"BUILD_CLASS", "snsi"},
	opSuper:         {"SUPER", "ss"},
	opCallSuper:     {"CALL_SUPER", "ssink"},
	opDelCell:       {"DEL_CELL", "s"},
	opCallArgs:      {"CALL_ARGS", "i"},
	opLocals:        {"LOCALS", "s"},
	opGenExpr:       {"GEN_EXPR", "sfs"},
	opYield:         {"YIELD", "ss"}, // yield slot B; A receives the value sent back (None)
	opWithExit:      {"WITH_EXIT", "sss"},
	opYieldFromSend: {"YIELD_FROM_SEND", "sssj"}, // A = iterator B's next item after sending slot C (or throwing the generator's pending exception) and jump to D; once B is exhausted, A = its return value
	opAsync:         {"ASYNC", "sssi"},           // await, async for, async with: A = the iterator behind awaitable B, or the protocol step D (compile_async.go) on B with C
	opClassDone:     {"CLASS_DONE", "sss"},       // the body of class A has run: A = the class its metaclass B (-1: the bases') makes, with keywords dict C (-1: none); __init_subclass__ of its bases
	opPrepareClass:  {"PREPARE_CLASS", "sss"},    // class A's body runs in the namespace its metaclass's __prepare__ makes (B the metaclass, -1: the bases'; C the keywords, -1: none)
	opClassGet:      {"CLASS_GET", "ssnj"},       // A = class B's own attribute named C and jump to D; fall through when it has none
	opImportStar:    {"IMPORT_STAR", "s"},        // from module A import *: its public names (or __all__) into the globals
	opGetSlice:      {"GET_SLICE", "sss"},        // A = B[C:C+1:C+2], the three bounds in consecutive slots
	opSetSlice:      {"SET_SLICE", "sss"},        // A[B:B+1:B+2] = C
	opDelSlice:      {"DEL_SLICE", "ss"},         // del A[B:B+1:B+2]
	opLoadName:      {"LOAD_NAME", "ssgi"},
	opClassCell:     {"CLASS_CELL", "s"},
	opClassLocals:   {"CLASS_LOCALS", "ss"},
}

func (o Op) String() string {
	if o < opCount && opInfo[o].name != "" {
		return opInfo[o].name
	}
	return "OP(" + string(rune('0'+o)) + ")"
}

// Instr is one register instruction.
// callExList in Instr.E of a CALL_EX says that C is the list of the
// positional arguments (f(*xs) without keywords) and that there is no
// keyword dict (D is C again).
const callExList = 1

type Instr struct {
	Op            Op
	A, B, C, D, E int32
}

func (in *Instr) operand(i int) *int32 {
	switch i {
	case 0:
		return &in.A
	case 1:
		return &in.B
	case 2:
		return &in.C
	case 3:
		return &in.D
	}
	return &in.E
}
