package interp

import (
	"math"
	"math/big"
	"math/bits"
	"runtime"
	"strings"
	"unicode/utf8"
)

var opSymbols = map[Op]string{opAdd: "+", opSub: "-", opMul: "*", opTrueDiv: "/", opFloorDiv: "//", opMod: "%",
	opPow: "** or pow()", opLshift: "<<", opRshift: ">>", opBitAnd: "&", opBitOr: "|", opBitXor: "^", opMatMul: "@",
	opLt: "<", opLe: "<=", opGt: ">", opGe: ">="}

// intArith does op on two int64s, promoting to big on overflow.
// overflowArith is a op b for small ints whose answer is past int64.
func (vm *VM) overflowArith(op Op, a, b int64) (Val, error) {
	if v, ok := vm.wideArith(op, IntVal(a), IntVal(b)); ok {
		return v, nil
	}
	return vm.bigArith(op, vm.scratchA(a), vm.scratchB(b))
}

func (vm *VM) intArith(op Op, a, b int64) (Val, error) {
	switch op {
	case opAdd:
		s := a + b
		if (a^s)&(b^s) < 0 {
			return vm.overflowArith(op, a, b)
		}
		return IntVal(s), nil
	case opSub:
		s := a - b
		if (a^b)&(a^s) < 0 {
			return vm.overflowArith(op, a, b)
		}
		return IntVal(s), nil
	case opMul:
		if p, ok := mul64(a, b); ok {
			return IntVal(p), nil
		}
		return vm.overflowArith(op, a, b)
	case opFloorDiv:
		if b == 0 {
			return Val{}, zeroDiv()
		}
		if a == math.MinInt64 && b == -1 {
			return vm.bigArith(op, vm.scratchA(a), vm.scratchB(b))
		}
		return IntVal(floorDiv(a, b)), nil
	case opMod:
		if b == 0 {
			return Val{}, zeroDiv()
		}
		if b == -1 {
			return IntVal(0), nil
		}
		return IntVal(floorMod(a, b)), nil
	case opTrueDiv:
		if b == 0 {
			return Val{}, zeroDiv()
		}
		if a > -1<<53 && a < 1<<53 && b > -1<<53 && b < 1<<53 {
			return FloatVal(float64(a) / float64(b)), nil
		}
		return vm.bigArith(op, vm.scratchA(a), vm.scratchB(b))
	case opPow:
		if b < 0 {
			if a == 0 {
				return Val{}, newErr(ZeroDivisionError, "zero to a negative power")
			}
			return FloatVal(powFloat(float64(a), float64(b))), nil
		}
		r := int64(1)
		base := a
		e := b
		for e > 0 {
			if e&1 == 1 {
				var ok bool
				if r, ok = mul64(r, base); !ok {
					return vm.bigArith(op, vm.scratchA(a), vm.scratchB(b))
				}
			}
			e >>= 1
			if e > 0 {
				var ok bool
				if base, ok = mul64(base, base); !ok {
					return vm.bigArith(op, vm.scratchA(a), vm.scratchB(b))
				}
			}
		}
		return IntVal(r), nil
	case opLshift:
		if b < 0 {
			return Val{}, newErr(ValueError, "negative shift count")
		}
		if b < 63 && a == (a<<b)>>b {
			return IntVal(a << b), nil
		}
		return vm.bigArith(op, vm.scratchA(a), vm.scratchB(b))
	case opRshift:
		if b < 0 {
			return Val{}, newErr(ValueError, "negative shift count")
		}
		if b > 63 {
			b = 63
		}
		return IntVal(a >> b), nil
	case opBitAnd:
		return IntVal(a & b), nil
	case opBitOr:
		return IntVal(a | b), nil
	case opBitXor:
		return IntVal(a ^ b), nil
	}
	return Val{}, binopTypeErr(opSymbols[op], IntVal(a), IntVal(b))
}

func mul64(a, b int64) (int64, bool) {
	if uint64(a+1<<31) < 1<<32 && uint64(b+1<<31) < 1<<32 {
		return a * b, true
	}
	neg := (a < 0) != (b < 0)
	ua, ub := uint64(a), uint64(b)
	if a < 0 {
		ua = -ua
	}
	if b < 0 {
		ub = -ub
	}
	hi, lo := bits.Mul64(ua, ub)
	if hi != 0 {
		return 0, false
	}
	if neg {
		if lo > 1<<63 {
			return 0, false
		}
		return -int64(lo), true
	}
	if lo >= 1<<63 {
		return 0, false
	}
	return int64(lo), true
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 {
	m := a % b
	if m != 0 && ((m < 0) != (b < 0)) {
		m += b
	}
	return m
}

// asBig views an int-like value as a big.Int, using tmp (whose digits
// live in buf) for small ints.
func asBig(v Val, tmp *big.Int, buf *[1]big.Word) *big.Int {
	if b, ok := v.O.(*BigInt); ok && v.T == tagObject {
		return &b.v
	}
	tmp.SetBits(buf[:0])
	return tmp.SetInt64(int64(v.B))
}

// modPow2 is a % b for a >= 0 and b a power of two: a mask, no division.
func (vm *VM) modPow2(a, b *big.Int) (Val, bool) {
	if b.Sign() <= 0 || a.Sign() < 0 {
		return Val{}, false
	}
	k := b.BitLen() - 1
	if b.TrailingZeroBits() != uint(k) {
		return Val{}, false
	}
	res := vm.newBigInt()
	if a.BitLen() <= k {
		res.v.Set(a)
	} else {
		const wbits = 32 << (^uint(0) >> 63)
		nw := (k + wbits - 1) / wbits
		var w []big.Word
		if nw <= len(res.buf) {
			w = res.buf[:nw]
		} else {
			w = make([]big.Word, nw)
		}
		copy(w, a.Bits()[:nw])
		if k%wbits != 0 {
			w[nw-1] &= 1<<(k%wbits) - 1
		}
		res.v.SetBits(w)
	}
	return vm.bigOrSmall(res), true
}

// newBigInt hands out big ints from per-VM slabs: one allocation serves
// many results (a slab lives while any of its ints does).
func (vm *VM) newBigInt() *BigInt {
	var res *BigInt
	if vm == nil {
		res = &BigInt{}
	} else {
		if res = vm.takeBig(); res != nil {
			res.priv = false
			// A dead temporary's digits (fresh_big.go): the result
			// overwrites them.
			vm.madeBig(res)
			return res
		}
		if len(vm.bigSlab) == 0 {
			vm.bigSlab = make([]BigInt, 32)
		}
		res = &vm.bigSlab[0]
		vm.bigSlab = vm.bigSlab[1:]
		vm.madeBig(res)
	}
	res.v.SetBits(res.buf[:0])
	return res
}

// scratchA and scratchB view small ints as big ints without allocating;
// bigArith never keeps its operands.
func (vm *VM) scratchA(x int64) *big.Int {
	if vm == nil {
		return big.NewInt(x)
	}
	return asBig(IntVal(x), &vm.tmpA, &vm.bufA)
}

func (vm *VM) scratchB(x int64) *big.Int {
	if vm == nil {
		return big.NewInt(x)
	}
	return asBig(IntVal(x), &vm.tmpB, &vm.bufB)
}

func (vm *VM) bigArith(op Op, a, b *big.Int) (Val, error) {
	res := vm.newBigInt()
	r := &res.v
	switch op {
	case opAdd:
		r.Add(a, b)
	case opSub:
		r.Sub(a, b)
	case opMul:
		if err := memCheck(uint64(a.BitLen()+b.BitLen()) / 8 * 2); err != nil {
			return Val{}, err
		}
		r.Mul(a, b)
	case opFloorDiv, opMod:
		if b.Sign() == 0 {
			return Val{}, zeroDiv()
		}
		if op == opMod {
			if v, ok := vm.modPow2(a, b); ok {
				vm.unusedBig(res)
				return v, nil
			}
		}
		q, m := vm.bigDivMod(res, a, b)
		if op == opMod {
			return m, nil
		}
		return q, nil
	case opTrueDiv:
		if b.Sign() == 0 {
			return Val{}, zeroDiv()
		}
		f, _ := new(big.Rat).SetFrac(a, b).Float64()
		if math.IsInf(f, 0) {
			return Val{}, newErr(OverflowError, "integer division result too large for a float")
		}
		return FloatVal(f), nil
	case opPow:
		if b.Sign() < 0 {
			fa, _ := new(big.Float).SetInt(a).Float64()
			fb, _ := new(big.Float).SetInt(b).Float64()
			if fa == 0 {
				return Val{}, newErr(ZeroDivisionError, "zero to a negative power")
			}
			return FloatVal(powFloat(fa, fb)), nil
		}
		if a.CmpAbs(big.NewInt(1)) > 0 {
			// The result has about b * log2|a| bits: refuse what cannot fit.
			if !b.IsInt64() {
				return Val{}, memErr()
			}
			n := uint64(b.Int64())
			if err := memCheckMul(n, uint64(a.BitLen())/8*3+1); err != nil {
				return Val{}, err
			}
			if k := uint(a.BitLen() - 1); a.TrailingZeroBits() == k {
				// ±2**k: a shift.
				r.Lsh(big.NewInt(1), k*uint(n))
				if a.Sign() < 0 && n%2 == 1 {
					r.Neg(r)
				}
				break
			}
		}
		r.Exp(a, b, nil)
	case opLshift:
		if b.Sign() < 0 {
			return Val{}, newErr(ValueError, "negative shift count")
		}
		if a.Sign() == 0 {
			return IntVal(0), nil
		}
		if !b.IsInt64() {
			return Val{}, newErr(OverflowError, "too many digits in integer")
		}
		if err := memCheck(uint64(b.Int64())/8 + uint64(a.BitLen())/8); err != nil {
			return Val{}, err
		}
		r.Lsh(a, uint(b.Int64()))
	case opRshift:
		if b.Sign() < 0 {
			return Val{}, newErr(ValueError, "negative shift count")
		}
		if !b.IsInt64() || b.Int64() > 1<<30 {
			if a.Sign() < 0 {
				return IntVal(-1), nil
			}
			return IntVal(0), nil
		}
		r.Rsh(a, uint(b.Int64()))
	case opBitAnd:
		r.And(a, b)
	case opBitOr:
		r.Or(a, b)
	case opBitXor:
		r.Xor(a, b)
	default:
		return Val{}, binopTypeErr(opSymbols[op], normBig(a), normBig(b))
	}
	return vm.bigOrSmall(res), nil
}

// bigOrSmall is x as a Python int: a small int when it fits, and then x,
// which no one else has seen, goes back to the pool newBigInt takes from
// (monte_carlo's (state >> 11) and its % 2**64 below 2**63 took a fresh
// big int each for the collector to reclaim).
func (vm *VM) bigOrSmall(x *BigInt) Val {
	if !x.v.IsInt64() {
		return ObjVal(x)
	}
	v := IntVal(x.v.Int64())
	vm.unusedBig(x)
	return v
}

// bigDivMod is Python's divmod(a, b) for b != 0, the quotient in q (a
// fresh big int): a truncated division, then one step toward floor when
// the remainder's sign differs from b's. Both results live in slab ints.
func (vm *VM) bigDivMod(q *BigInt, a, b *big.Int) (Val, Val) {
	m := vm.newBigInt()
	q.v.QuoRem(a, b, &m.v)
	if m.v.Sign() != 0 && (m.v.Sign() < 0) != (b.Sign() < 0) {
		q.v.Sub(&q.v, bigOne)
		m.v.Add(&m.v, b)
	}
	return vm.bigOrSmall(q), vm.bigOrSmall(m)
}

// powMod64 is pow(a, e, m) for ints with e >= 0 and m > 0: square and
// multiply on 128-bit products, no big ints. ok is false for other
// operands (negative exponents and moduli, big ints) and for m == 0.
func powMod64(av, ev, mv Val) (int64, bool) {
	if av.T != tagInt || ev.T != tagInt || mv.T != tagInt {
		return 0, false
	}
	a, e, m := int64(av.B), int64(ev.B), int64(mv.B)
	if e < 0 || m <= 0 {
		return 0, false
	}
	um := uint64(m)
	base := uint64(floorMod(a, m))
	r := uint64(1) % um
	for ; e > 0; e >>= 1 {
		if e&1 == 1 {
			hi, lo := bits.Mul64(r, base)
			r = bits.Rem64(hi, lo, um)
		}
		hi, lo := bits.Mul64(base, base)
		base = bits.Rem64(hi, lo, um)
	}
	return int64(r), true
}

// bigOne is 1, never written.
var bigOne = big.NewInt(1)

func floatArith(op Op, a, b float64) (Val, error) {
	switch op {
	case opAdd:
		return FloatVal(a + b), nil
	case opSub:
		return FloatVal(a - b), nil
	case opMul:
		return FloatVal(a * b), nil
	case opTrueDiv:
		if b == 0 {
			return Val{}, newErr(ZeroDivisionError, "division by zero")
		}
		return FloatVal(a / b), nil
	case opFloorDiv:
		if b == 0 {
			return Val{}, newErr(ZeroDivisionError, "division by zero")
		}
		return FloatVal(floatFloorDiv(a, b)), nil
	case opMod:
		if b == 0 {
			return Val{}, newErr(ZeroDivisionError, "division by zero")
		}
		return FloatVal(floatMod(a, b)), nil
	case opPow:
		if a == 0 && b < 0 {
			return Val{}, newErr(ZeroDivisionError, "zero to a negative power")
		}
		if a < 0 && b != math.Trunc(b) {
			// A negative base to a fractional power is complex (as
			// CPython's float_pow hands it to complex's).
			r, _, err := complexBinop("**", complexVal(a, 0), FloatVal(b))
			return r, err
		}
		r := powFloat(a, b)
		if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
			return Val{}, newErr(OverflowError, "(34, 'Numerical result out of range')")
		}
		return FloatVal(r), nil
	}
	return Val{}, binopTypeErr(opSymbols[op], FloatVal(a), FloatVal(b))
}

func floatMod(a, b float64) float64 {
	m := math.Mod(a, b)
	if m != 0 {
		if (b < 0) != (m < 0) {
			m += b
		}
	} else {
		m = math.Copysign(0, b)
	}
	return m
}

func floatFloorDiv(a, b float64) float64 {
	m := math.Mod(a, b)
	div := (a - m) / b
	if m != 0 && (b < 0) != (m < 0) {
		div -= 1
	}
	if div == 0 {
		return math.Copysign(0, a/b)
	}
	f := math.Floor(div)
	if div-f > 0.5 {
		f += 1
	}
	return f
}

// binop is the generic binary operator.
func (vm *VM) binop(op Op, a, b Val) (Val, error) {
	if a.T == tagBool && b.T == tagBool {
		// bool's own &, |, ^ keep the type: True & True is True.
		switch op {
		case opBitAnd:
			return BoolVal(a.B&b.B != 0), nil
		case opBitOr:
			return BoolVal(a.B|b.B != 0), nil
		case opBitXor:
			return BoolVal(a.B^b.B != 0), nil
		}
	}
	if (a.T == tagInt || a.T == tagBool) && (b.T == tagInt || b.T == tagBool) {
		return vm.intArith(op, int64(a.B), int64(b.B))
	}
	if isIntLike(a) && isIntLike(b) {
		if fitsWide(&a) && fitsWide(&b) {
			if v, ok := vm.wideArith(op, a, b); ok {
				return v, nil
			}
		}
		if vm == nil {
			// Constant folding (foldNumber) has no VM and so no scratch ints.
			var ta, tb big.Int
			var wa, wb [1]big.Word
			return vm.bigArith(op, asBig(a, &ta, &wa), asBig(b, &tb, &wb))
		}
		// Small operands borrow the VM's scratch ints: bigArith never keeps them.
		return vm.bigArith(op, asBig(a, &vm.tmpA, &vm.bufA), asBig(b, &vm.tmpB, &vm.bufB))
	}
	if isNumber(a) && isNumber(b) {
		switch op {
		case opAdd, opSub, opMul, opTrueDiv, opFloorDiv, opMod, opPow:
			x, err := toFloat(a)
			if err != nil {
				return Val{}, err
			}
			y, err := toFloat(b)
			if err != nil {
				return Val{}, err
			}
			return floatArith(op, x, y)
		}
		return Val{}, binopTypeErr(opSymbols[op], a, b)
	}
	if y, ok := b.O.(*Instance); ok && b.T == tagObject {
		if r, done, err := vm.builtinSubclassRight(op, a, y, b); done {
			return r, err
		}
	}
	if _, ok := a.O.(*Bytes); ok || op == opMul {
		if r, done, err := vm.bytesBinop(op, a, b); done {
			return r, err
		}
	}
	if op == opBitOr && isTypeLike(a) && isTypeLike(b) && (a.T != tagNone || b.T != tagNone) {
		return vm.typeAliasCall("make_union", a, b) // int | str
	}
	switch op {
	case opAdd:
		switch x := a.O.(type) {
		case *Str:
			if y, ok := b.O.(*Str); ok {
				if err := memCheck(uint64(len(x.s)) + uint64(len(y.s))); err != nil {
					return Val{}, err
				}
				return concatStr(x, y), nil
			}
			if bv, ok := builtinValue(b); ok && bv.isStr() {
				return vm.binop(op, a, bv) // a str subclass
			}
			if y, ok := b.O.(*Instance); ok && b.T == tagObject {
				// UserString, another class that adds itself to a str,
				// or a built-in subclass with its own __radd__ (int's
				// would not take a str).
				_, held := y.get(builtinValueAttr)
				if _, own := y.cls.ownSpecial(binSpecials[opAdd][1]); !held || own {
					if r, found, err := vm.dunder(b, "__radd__", a); found && (err != nil || !isNotImplemented(r)) {
						return r, err
					}
				}
			}
			return Val{}, newErr(TypeError, "can only concatenate str (not \"%s\") to str", typeName(b))
		case *List:
			if y, ok := b.O.(*List); ok && y.deque == x.deque {
				if err := memCheckMul(uint64(x.Len()+y.Len()), 32); err != nil {
					return Val{}, err
				}
				r := x.concat(y)
				if x.deque {
					// A deque with the left one's maxlen.
					r.deque, r.dqMax = true, x.dqMax
					r.trimDeque(false)
				}
				return ObjVal(r), nil
			}
			if r, found, err := vm.dunder(b, "__radd__", a); found && (err != nil || !isNotImplemented(r)) {
				return r, err
			}
			return Val{}, newErr(TypeError, "can only concatenate %s (not \"%s\") to %[1]s", x.kind(), typeName(b))
		case *Tuple:
			if y, ok := b.O.(*Tuple); ok {
				items := make([]Val, 0, len(x.items)+len(y.items))
				items = append(append(items, x.items...), y.items...)
				return ObjVal(&Tuple{items: items}), nil
			}
			if y, ok := b.O.(*Instance); ok && b.T == tagObject {
				if _, own := y.cls.ownSpecial(binSpecials[opAdd][1]); own {
					if r, found, err := vm.dunder(b, "__radd__", a); found && (err != nil || !isNotImplemented(r)) {
						return r, err
					}
				}
			}
			if bv, ok := builtinValue(b); ok {
				if _, isT := bv.O.(*Tuple); isT {
					return vm.binop(op, a, bv) // a tuple subclass
				}
			}
			return Val{}, newErr(TypeError, "can only concatenate tuple (not \"%s\") to tuple", typeName(b))
		}
	case opMul:
		// A sequence repeated by an object with __index__.
		if isSeqVal(a) {
			if r, ok, err := instInt(b, "__index__"); ok {
				if err != nil {
					return Val{}, err
				}
				b = r
			}
		} else if isSeqVal(b) {
			if r, ok, err := instInt(a, "__index__"); ok {
				if err != nil {
					return Val{}, err
				}
				a = r
			}
		}
		// x * sequence is sequence * x (an instance's __mul__ is asked
		// first); other operands keep their order for the special
		// methods and the error.
		if isSeqVal(b) && !isSeqVal(a) && !isInstanceVal(a) {
			a, b = b, a
		}
		if isSeqVal(a) && !isIntLike(b) && isInstanceVal(b) {
			// [5] * obj: the sequence gives way to obj.__rmul__.
			if r, found, err := vm.dunder(b, "__rmul__", a); found && (err != nil || !isNotImplemented(r)) {
				return r, err
			}
		}
		if _, ok := a.O.(*Str); ok && !isIntLike(b) {
			return Val{}, newErr(TypeError, "can't multiply sequence by non-int of type '%s'", typeName(b))
		}
		if _, ok := a.O.(*List); ok && !isIntLike(b) {
			return Val{}, newErr(TypeError, "can't multiply sequence by non-int of type '%s'", typeName(b))
		}
		if isIntLike(b) {
			n, err := vm.repeatCount(b)
			if err != nil {
				return Val{}, err
			}
			switch x := a.O.(type) {
			case *Str:
				if n <= 0 {
					return StrVal(""), nil
				}
				if len(x.s) > math.MaxInt64/n && utf8.RuneCountInString(x.s) > math.MaxInt64/n {
					return Val{}, newErr(OverflowError, "repeated string is too long")
				}
				if err := memCheckMul(uint64(len(x.s)), uint64(n)); err != nil {
					return Val{}, err
				}
				return StrVal(strings.Repeat(x.s, n)), nil
			case *List:
				if err := memCheckMul(mulSat(uint64(x.Len()), uint64(n)), 32); err != nil {
					return Val{}, err
				}
				vm.reclaim(mulSat(uint64(x.Len()), uint64(n)) * valSize)
				r := &List{vals: repeatSlice(x.vals, n)}
				if x.objs != nil {
					r.objs = repeatSlice(x.objs, n)
				}
				if x.deque {
					return ObjVal(dequeRepeat(x, r)), nil
				}
				return ObjVal(r), nil
			case *Tuple:
				if err := memCheckMul(mulSat(uint64(len(x.items)), uint64(n)), valSize); err != nil {
					return Val{}, err
				}
				return ObjVal(&Tuple{items: repeatVals(x.items, n)}), nil
			}
		}
	case opMod:
		if x, ok := a.O.(*Str); ok {
			return vm.percentFormat(x.s, b)
		}
	case opBitOr, opBitAnd, opSub, opBitXor:
		if x, ok := a.O.(*Set); ok {
			if y, ok := b.O.(*Set); ok {
				return vm.setOp(op, x, y)
			}
		}
		if x, y, ok := counterOperands(op, a, b); ok {
			return vm.counterOp(op, x, y)
		}
		if r, ok, err := vm.dictViewSetOp(op, a, b); ok {
			return r, err
		}
		if x, ok := a.O.(*Dict); ok && op == opBitOr {
			if y, ok := b.O.(*Dict); ok {
				d := newDict()
				// OrderedDict's __or__, and its __ror__ (asked first, the
				// right operand being of a subclass), make an OrderedDict.
				// The left operand's kind (its __or__), else the right's
				// (__ror__, asked first when the right is of a subclass):
				// an OrderedDict, or a defaultdict with its factory.
				if x.ordered || x.factory.T != tagEmpty {
					d.ordered, d.factory = x.ordered, x.factory
				} else {
					d.ordered, d.factory = y.ordered, y.factory
				}
				for _, e := range append(x.live(), y.live()...) {
					if err := d.set(e.k, e.v); err != nil {
						return Val{}, err
					}
				}
				return ObjVal(d), nil
			}
		}
	}
	if x, y, ok := counterOperands(op, a, b); ok && op == opAdd {
		return vm.counterOp(op, x, y)
	}
	if ids := binSpecials[op]; ids[0] != spNone {
		first := reflectedFirst(a, b, ids[1])
		if first {
			if r, found, err := vm.dunderID(b, ids[1], a); found && (err != nil || !isNotImplemented(r)) {
				return r, err
			}
		}
		if r, found, err := vm.dunderID(a, ids[0], b); found && (err != nil || !isNotImplemented(r)) {
			return r, err
		}
		if !first && !sameInstanceClass(a, b) {
			if r, found, err := vm.dunderID(b, ids[1], a); found && (err != nil || !isNotImplemented(r)) {
				return r, err
			}
		}
	}
	return Val{}, binopTypeErr(opSymbols[op], a, b)
}

// builtinSubclassRight is binop's step for a built-in left operand and a
// right one whose class derives from a built-in type (y is b's instance):
// CPython asks b's reflected method first when b's class derives from a's
// type and defines it itself ('a' + S('b') for class S(str) with
// __radd__), and otherwise a's own method where it takes b as the
// built-in value b holds (1.5 + I(2) is 3.5 even when class I(int) has
// __radd__).
func (vm *VM) builtinSubclassRight(op Op, a Val, y *Instance, b Val) (Val, bool, error) {
	if _, ok := a.O.(*Instance); ok && a.T == tagObject {
		return Val{}, false, nil
	}
	bv, ok := builtinValue(b)
	if !ok {
		return Val{}, false, nil
	}
	rid := binSpecials[op][1]
	if rid == spNone {
		return Val{}, false, nil
	}
	_, own := y.cls.ownSpecial(rid)
	if own && typeName(a) == typeName(bv) {
		r, found, err := vm.dunderID(b, rid, a)
		if found && (err != nil || !isNotImplemented(r)) {
			return r, true, err
		}
	}
	// An int's methods take ints, a float's ints and floats: 1 + F(2.0)
	// for class F(float) is F's __radd__.
	if isNumber(a) && isNumber(bv) && (a.T == tagFloat || bv.T != tagFloat) {
		r, err := vm.binop(op, a, bv)
		if pe, ok := err.(*PyErr); !ok || !pe.exc.typ.isSub(TypeError) {
			return r, true, err
		}
		// Unsupported (1.5 | J(1)): b's own reflected method may take
		// it; the built-in's would not, and the error names b's class.
		if !own {
			return Val{}, true, binopTypeErr(opSymbols[op], a, b)
		}
	}
	return Val{}, false, nil
}

// ownSpecial is c's special method id when a class of c's other than the
// one standing for a built-in base defines it (a subclass of int with its
// own __radd__, IntFlag's __ror__; not int's, which c inherits).
func (c *Class) ownSpecial(id specialID) (Val, bool) {
	m, found := c.lookupSpecial(id)
	if !found {
		return Val{}, false
	}
	for _, k := range c.mro {
		if k.module == "builtins" {
			k.attrsMu.RLock()
			bm, ok := k.attrs[specialNames[id]]
			k.attrsMu.RUnlock()
			return m, !ok || bm.O != m.O || bm.T != m.T || bm.B != m.B
		}
	}
	return m, true
}

// subclassOperand reports whether b is an instance of a proper subclass
// of a's class: an ordering asks b's reflected method first then, whether
// or not the subclass overrides it (CPython's do_richcompare).
func subclassOperand(a, b Val) bool {
	x, ok := a.O.(*Instance)
	if !ok || a.T != tagObject {
		return false
	}
	y, ok := b.O.(*Instance)
	return ok && b.T == tagObject && y.cls != x.cls && y.cls.isSub(x.cls)
}

// reflectedFirst reports whether b's reflected method rid runs before a's
// own method: b is an instance of a proper subclass of a's class that has
// its own version of the reflected method (CPython's slot functions,
// typeobject.c SLOT1BINFULL with method_is_overloaded), so that
// A() + B() calls B.__radd__ first when B overrides it.
func reflectedFirst(a, b Val, rid specialID) bool { return overridesReflected(a, b, rid, "") }

// overridesReflected is reflectedFirst for the reflected method with
// special id rid or, when name is set, of that name (__rdivmod__ has no id).
func overridesReflected(a, b Val, rid specialID, name string) bool {
	x, ok := a.O.(*Instance)
	if !ok || a.T != tagObject {
		return false
	}
	y, ok := b.O.(*Instance)
	if !ok || b.T != tagObject || y.cls == x.cls || !y.cls.isSub(x.cls) {
		return false
	}
	find := func(c *Class) (Val, bool) {
		if name != "" {
			return c.lookup(name)
		}
		return c.lookupSpecial(rid)
	}
	rm, ok := find(y.cls)
	if !ok {
		return false
	}
	am, ok := find(x.cls)
	return !ok || rm.T != am.T || rm.B != am.B || rm.O != am.O
}

func (d *Dict) live() []dictEntry {
	out := make([]dictEntry, 0, d.Len())
	for i := range d.entries {
		if e := &d.entries[i]; !e.deleted() {
			out = append(out, dictEntry{k: e.key(), v: e.val(), h: e.h})
		}
	}
	return out
}

func (vm *VM) setOp(op Op, x, y *Set) (Val, error) {
	var r *Set
	var err error
	switch op {
	case opBitOr:
		r, err = x.union(y)
	case opBitAnd:
		r = x.intersection(y)
	case opSub:
		r = x.difference(y)
	case opBitXor:
		r, err = x.symmetricDifference(y)
	}
	if r != nil {
		r.frozen = x.frozen // the type of the left operand, as CPython's
	}
	return ObjVal(r), err
}

func (vm *VM) repeatCount(b Val) (int, error) {
	if b.T == tagInt || b.T == tagBool {
		return int(max(int64(b.B), 0)), nil
	}
	// Past 64 bits either way, as CPython's PyNumber_AsSsize_t with
	// OverflowError ("ab" * -2**70 is no '').
	return 0, newErr(OverflowError, "cannot fit 'int' into an index-sized integer")
}

func repeatVals(items []Val, n int) []Val { return repeatSlice(items, n) }

func repeatSlice[T any](items []T, n int) []T {
	if n <= 0 || len(items) == 0 {
		return []T{}
	}
	return repeatFill(make([]T, len(items)*n), items)
}

// repeatFill fills out, a whole number of len(items), with items repeated.
func repeatFill[T any](out, items []T) []T {
	if len(out) == 0 {
		return out
	}
	filled := copy(out, items)
	// A copy cannot be preempted: one of 16 MB into fresh pages
	// ([True] * 2_000_001) kept a GC waiting tens of ms for this
	// goroutine's stack. Bounded copies (whole repeats, so out stays
	// periodic) with a yield between them let it in.
	step := max(repeatChunk/len(items), 1) * len(items)
	for filled < len(out) {
		k := min(filled, len(out)-filled, step)
		filled += copy(out[filled:filled+k], out[:k])
		if k == step {
			runtime.Gosched()
		}
	}
	return out
}

// repeatChunk is about the most elements repeatFill copies without a
// yield.
const repeatChunk = 1 << 16

// unary applies -, +, ~ or not.
func (vm *VM) unary(op Op, a Val) (Val, error) {
	if d, ok := a.O.(*Dict); ok && d.counter && a.T == tagObject && (op == opNeg || op == opPos) {
		return vm.counterUnary(op == opNeg, d)
	}
	switch op {
	case opNot:
		return BoolVal(!truthy(a)), nil
	case opNeg:
		switch a.T {
		case tagInt, tagBool:
			if int64(a.B) == math.MinInt64 {
				return normBig(new(big.Int).Neg(big.NewInt(math.MinInt64))), nil
			}
			return IntVal(-int64(a.B)), nil
		case tagFloat:
			return FloatVal(-a.F()), nil
		}
		if b, ok := a.O.(*BigInt); ok {
			return normBig(new(big.Int).Neg(&b.v)), nil
		}
		if r, found, err := vm.dunder(a, "__neg__"); found {
			return r, err
		}
		return Val{}, newErr(TypeError, "bad operand type for unary -: '%s'", typeName(a))
	case opPos:
		switch a.T {
		case tagInt, tagFloat:
			return a, nil
		case tagBool:
			return IntVal(int64(a.B)), nil
		}
		if _, ok := a.O.(*BigInt); ok {
			return a, nil
		}
		if r, found, err := vm.dunder(a, "__pos__"); found {
			return r, err
		}
		return Val{}, newErr(TypeError, "bad operand type for unary +: '%s'", typeName(a))
	case opInvert:
		switch a.T {
		case tagInt, tagBool:
			return IntVal(^int64(a.B)), nil
		}
		if b, ok := a.O.(*BigInt); ok {
			return normBig(new(big.Int).Not(&b.v)), nil
		}
		if r, found, err := vm.dunder(a, "__invert__"); found {
			return r, err
		}
		return Val{}, newErr(TypeError, "bad operand type for unary ~: '%s'", typeName(a))
	}
	return Val{}, newErr(TypeError, "bad unary operator")
}
