package interp

// Temporary big ints that die: reusing their digits.
//
// (2*q + r) * (2*k + 1) with big q and r makes 2*q and 2*q + r only for the
// next operator to read. Go cannot free them, so every result takes fresh
// memory, which Go zeroes and the collector reclaims later: a spigot over
// numbers of thousands of digits spent a third of its time clearing and
// page-faulting such memory. The compiler marks (freshIntB, freshIntC)
// the operands of an arithmetic operator that are themselves arithmetic
// operators evaluated straight into a temporary slot nothing else reads,
// as fresh.go does for lists. At run time an arithmetic instruction whose
// result is a big int made during it notes that int (noteBig); every other
// outcome of an arithmetic instruction that may leave an object (a dunder
// method, an in-place operator, an operand handed back) forgets the notes.
// So a marked operand that is still noted is the int its producer made,
// seen by no one else, and once the consumer has its result the int goes
// to a small pool that newBigInt takes from: the next result is written
// into digits still in the cache.
//
// Native traces move values between slots without Go, and snapshots put
// them back on exit, so a trace entry and every call-out forget the notes
// (forgetBigs); nothing of this runs once threads run.

const (
	freshIntB = 1 << 3 // operand B is a temporary an arithmetic operator made
	freshIntC = 1 << 4 // operand C is
)

// bigPoolDepth is how many dead big ints the pool keeps.
const bigPoolDepth = 4

// freshBigs are the notes and the pool.
type freshBigs struct {
	noted [2]*BigInt
	next  uint8
	// made are the last big ints newBigInt handed out, cleared before an
	// arithmetic instruction runs: a result among them is new.
	made [2]*BigInt
	pool [bigPoolDepth]*BigInt
	n    int
}

// bigArithOps are the operators whose results may be big ints that
// nothing else holds.
var bigArithOps = map[string]bool{"+": true, "-": true, "*": true, "//": true, "%": true, "**": true,
	"<<": true, ">>": true, "&": true, "|": true, "^": true}

// freshIntMark is mark when e is an arithmetic operator's result that only
// its consumer reads (exprAny puts a BinOp in a temporary of its own).
func freshIntMark(e Expr, mark int32) int32 {
	if x, ok := e.(*BinOp); ok && bigArithOps[x.op] {
		return mark
	}
	return 0
}

// forgetBigs drops the notes.
func (vm *VM) forgetBigs() { vm.fbig.noted = [2]*BigInt{} }

// takeBig is a pooled big int, or nil.
func (vm *VM) takeBig() *BigInt {
	fb := &vm.fbig
	if fb.n == 0 {
		return nil
	}
	fb.n--
	x := fb.pool[fb.n]
	fb.pool[fb.n] = nil
	return x
}

// unusedBig gives the pool x, a big int newBigInt handed out that no
// value refers to.
func (vm *VM) unusedBig(x *BigInt) {
	if vm == nil {
		return
	}
	fb := &vm.fbig
	if fb.n < bigPoolDepth {
		fb.pool[fb.n] = x
		fb.n++
	}
}

// madeBig records x, just handed out by newBigInt.
func (vm *VM) madeBig(x *BigInt) {
	fb := &vm.fbig
	fb.made[1] = fb.made[0]
	fb.made[0] = x
}

// bigOutcome follows an arithmetic instruction that stored v: it recycles
// the marked operands that were noted and notes v when it is a big int the
// instruction made, and otherwise forgets the notes when v is an object.
func (vm *VM) bigOutcome(in *Instr, a, b, v Val) {
	fb := &vm.fbig
	if in.E&freshIntB != 0 {
		vm.recycleBig(a, v)
	}
	if in.E&freshIntC != 0 {
		vm.recycleBig(b, v)
	}
	if v.T != tagObject {
		return
	}
	if x, ok := v.O.(*BigInt); ok && (x == fb.made[0] || x == fb.made[1]) {
		fb.noted[fb.next&1] = x
		fb.next++
		return
	}
	vm.forgetBigs()
}

// recycleBig gives operand x to the pool when it is a noted big int (and
// not the result itself).
func (vm *VM) recycleBig(x, v Val) {
	if x.T != tagObject {
		return
	}
	bx, ok := x.O.(*BigInt)
	if !ok {
		return
	}
	// Pointers compared, not interfaces (runtime.ifaceeq at every step).
	if vb, isBig := v.O.(*BigInt); isBig && vb == bx {
		return
	}
	fb := &vm.fbig
	for i := range fb.noted {
		if fb.noted[i] == bx {
			fb.noted[i] = nil
			if fb.n < bigPoolDepth {
				fb.pool[fb.n] = bx
				fb.n++
			}
			return
		}
	}
}
