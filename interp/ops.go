package interp

import (
	"fmt"
	"strings"

	"github.com/copypatch/copypatch/templates"
)

var errJump error = &signal{"jump"}

// internalError reports a broken invariant of the interpreter itself.
type internalError struct{ msg string }

func (e *internalError) Error() string { return "internal error: " + e.msg }

func toPyErr(err error) *PyErr {
	if pe, ok := err.(*PyErr); ok {
		return pe
	}
	return newErr(RuntimeError, "%s", err.Error())
}

// generic is the slow path of the operators with inline fast paths.
func (vm *VM) generic(f *frame, in *Instr) error {
	// A packed list meets the generic paths as slots (packed.go).
	switch in.Op {
	case opAdd:
		vm.unpackSlot(f, in.B)
		vm.unpackSlot(f, in.C)
	case opGetItem:
		vm.unpackSlot(f, in.B)
	case opSetItem:
		vm.unpackSlot(f, in.A)
	}
	switch in.Op {
	case opAdd, opSub, opMul, opTrueDiv, opFloorDiv, opMod, opPow, opLshift, opRshift, opBitAnd, opBitOr, opBitXor, opMatMul:
		a, err := f.load(in.B)
		if err != nil {
			return err
		}
		b, err := f.load(in.C)
		if err != nil {
			return err
		}
		if in.Op == opAdd && in.D != inPlace && !vm.threaded() {
			if x, ok := a.O.(*List); ok && !x.deque {
				if y, ok := b.O.(*List); ok && !y.deque {
					// The fast path of a producer of fresh lists (fresh.go).
					if err := memCheckMul(uint64(x.Len()+y.Len()), 32); err != nil {
						return err
					}
					r := vm.concatFresh(x, y)
					if in.E&freshB != 0 {
						vm.recycle(a)
					}
					if in.E&freshC != 0 {
						vm.recycle(b)
					}
					vm.noteFresh(r)
					if in.E&privA != 0 {
						vm.keepPrivate(f, in.A, r)
						return nil
					}
					f.set(in.A, ObjVal(r))
					return nil
				}
			}
			unmark(a) // an __radd__ may keep them (fresh.go)
			unmark(b)
			err := vm.arith(f, in, a, b)
			vm.clearFresh() // what it made may be kept elsewhere
			return err
		}
		if in.Op == opMul && in.D != inPlace && !vm.threaded() {
			if in.E&privA != 0 {
				r, err := vm.repeatPacked(a, b)
				if err != nil {
					return err
				}
				if r != nil {
					vm.keepPrivate(f, in.A, r)
					return nil
				}
			}
			if r, ok, err := vm.repeatFresh(a, b); ok || err != nil {
				if err != nil {
					return err
				}
				vm.noteFresh(r)
				if in.E&privA != 0 {
					vm.keepPrivate(f, in.A, r)
					return nil
				}
				f.set(in.A, ObjVal(r))
				return nil
			}
			unmark(a) // an __rmul__ may keep them (fresh.go)
			unmark(b)
			err := vm.arith(f, in, a, b)
			vm.clearFresh() // an __rmul__ may give a noted list kept elsewhere
			return err
		}
		if in.Op == opAdd {
			unmark(a)
			unmark(b)
		}
		return vm.arith(f, in, a, b)
	case opLt, opLe, opGt, opGe, opEq, opNe, opIs, opIsNot, opIn, opNotIn:
		v, err := vm.cmpOp(f, in.Op, in.B, in.C)
		if err != nil {
			return err
		}
		f.set(in.A, v)
		return nil
	case opGetItem:
		a, err := f.load(in.B)
		if err != nil {
			return err
		}
		b, err := f.load(in.C)
		if err != nil {
			return err
		}
		v, err := vm.getItem(a, b)
		if err != nil {
			return err
		}
		f.set(in.A, v)
		return nil
	case opSetItem:
		a, err := f.load(in.A)
		if err != nil {
			return err
		}
		b, err := f.load(in.B)
		if err != nil {
			return err
		}
		c, err := f.load(in.C)
		if err != nil {
			return err
		}
		return vm.setItem(a, b, c)
	}
	return &internalError{fmt.Sprintf("no generic path for %v", in.Op)}
}

func (vm *VM) cmpOp(f *frame, op Op, ai, bi int32) (Val, error) {
	a, err := f.load(ai)
	if err != nil {
		return Val{}, err
	}
	b, err := f.load(bi)
	if err != nil {
		return Val{}, err
	}
	if a.T == tagObject && !isBigInt(a) || b.T == tagObject && !isBigInt(b) {
		// A rich comparison may keep its operands (private_int.go).
		unmarkBig(a)
		unmarkBig(b)
	}
	switch op {
	case opEq, opNe:
		if isInstanceVal(a) || isInstanceVal(b) {
			return vm.richEquality(op, a, b)
		}
		eq := vm.equal(a, b)
		return BoolVal(eq == (op == opEq)), vm.takePending()
	case opIs, opIsNot:
		same := a.T == b.T && (a.T != tagObject && a.B == b.B || a.T == tagObject && a.O == b.O)
		if a.T == tagObject && b.T == tagObject {
			// Interned-like behaviour for equal short strings is not promised; identity only.
			same = a.O == b.O
		}
		return BoolVal(same == (op == opIs)), nil
	case opIn, opNotIn:
		r, err := vm.contains(b, a)
		if err != nil {
			return Val{}, err
		}
		return BoolVal(r == (op == opIn)), nil
	}
	if ids := cmpSpecials[op]; ids[0] != spNone && (isInstanceVal(a) || isInstanceVal(b)) {
		return vm.richOrder(op, ids, a, b)
	}
	r, err := vm.compare(op, a, b)
	return BoolVal(r), err
}

// richOrder is a < b (and <=, >, >=) where an operand is an instance: what
// the special method returns, as it is (CPython does not make it a bool),
// the left operand asked first, then the right one reflected; when b is
// an instance of a proper subclass of a's class, b reflected goes first
// (CPython's do_richcompare).
func (vm *VM) richOrder(op Op, ids [2]specialID, a, b Val) (Val, error) {
	first := subclassOperand(a, b)
	if first {
		if r, found, err := vm.dunderID(b, ids[1], a); found && (err != nil || !isNotImplemented(r)) {
			return r, err
		}
	}
	if r, found, err := vm.dunderID(a, ids[0], b); found && (err != nil || !isNotImplemented(r)) {
		return r, err
	}
	if !first {
		if r, found, err := vm.dunderID(b, ids[1], a); found && (err != nil || !isNotImplemented(r)) {
			return r, err
		}
	}
	// compare would ask the same methods again.
	return Val{}, newErr(TypeError, "'%s' not supported between instances of '%s' and '%s'", opSymbols[op], typeName(a), typeName(b))
}

// richEquality is a == b or a != b where an operand is an instance: what
// its __eq__ or __ne__ returns, as it is (CPython does not make it a
// bool), the left operand asked first, then the right one reflected (the
// right one first when its class is a proper subclass of the left's); != of
// a class with only __eq__ negates that; with neither, identity decides.
func (vm *VM) richEquality(op Op, a, b Val) (Val, error) {
	name := "__eq__"
	if op == opNe {
		name = "__ne__"
	}
	try := func(x, y Val) (Val, bool, error) {
		r, found, err := vm.dunder(x, name, y)
		if err != nil || found && !isNotImplemented(r) {
			return r, true, err
		}
		if op == opNe {
			// The default __ne__ inverts __eq__.
			r, found, err = vm.dunder(x, "__eq__", y)
			if err != nil || found && !isNotImplemented(r) {
				if err != nil {
					return Val{}, true, err
				}
				return BoolVal(!truthy(r)), true, vm.takePending()
			}
		}
		return Val{}, false, nil
	}
	// b an instance of a proper subclass of a's class: b is asked first
	// (CPython's do_richcompare; == and != reflect to themselves). The
	// reflected call runs for the same object too, as CPython's does.
	first := subclassOperand(a, b)
	if first {
		if r, ok, err := try(b, a); ok {
			return r, err
		}
	}
	if r, ok, err := try(a, b); ok {
		return r, err
	}
	if !first {
		if r, ok, err := try(b, a); ok {
			return r, err
		}
	}
	same := a.T == b.T && a.O == b.O && (a.T == tagObject || a.B == b.B)
	if inst, other := a, b; isInstanceVal(a) != isInstanceVal(b) {
		// An instance against a built-in value whose __eq__ said
		// NotImplemented: the built-in side's == decides, and it sees
		// an instance of a subclass of its type as its built-in value
		// (class J(int) or S(str) whose __eq__ declines: J(3) == 3).
		// A plain instance's __eq__ was asked already, and identity
		// says no.
		if !isInstanceVal(a) {
			inst, other = b, a
		}
		if v, ok := builtinValue(inst); ok {
			same = vm.equal(other, v)
		}
	}
	return BoolVal(same == (op == opEq)), vm.takePending()
}

// slowOp runs the opcodes that have no inline fast path.
func (vm *VM) slowOp(f *frame, in *Instr) error {
	switch in.Op {
	case opNop, opCallArgs:
		return nil
	case opNeg, opPos, opInvert, opNot:
		a, err := f.load(in.B)
		if err != nil {
			return err
		}
		v, err := vm.unary(in.Op, a)
		if err != nil {
			return err
		}
		f.set(in.A, v)
		return nil
	case opIn, opNotIn:
		return vm.opContains(f, in)
	case opAdd, opSub, opMul, opTrueDiv, opFloorDiv, opMod, opPow, opLshift, opRshift, opBitAnd, opBitOr, opBitXor, opMatMul,
		opLt, opLe, opGt, opGe, opEq, opNe, opIs, opIsNot, opGetItem, opSetItem:
		return vm.generic(f, in)
	case opDelGlobal:
		// A global slot holds the builtin of the same name until the module
		// binds its own: deleting that binding uncovers the builtin again.
		// (A module binding that is the builtin itself, len = len, reads as
		// no binding.)
		cur := vm.mod.load(in.A)
		b, isBuiltin := vm.bi[globalBase(vm.mod.gnames[in.A])]
		if cur.T == tagEmpty || isBuiltin && cur == b {
			return nameErr(vm.nameErrorMsg(f, vm.mod.gnames[in.A]), vm.mod.gnames[in.A])
		}
		vm.mod.store(in.A, b)
		if vm.mod.live != nil {
			return vm.mod.liveDel(in.A)
		}
		return nil
	case opDelLocal:
		if f.regs[in.A].Tag == tagEmpty {
			return f.unbound(in.A)
		}
		f.set(in.A, Val{})
		return nil
	case opDelCell:
		cell := f.objs[in.A].(*Cell)
		if cell.v.T == tagEmpty {
			return f.cellUnbound(in.A)
		}
		cell.v = Val{}
		return nil
	case opGetIter:
		v, err := f.load(in.B)
		if err != nil {
			return err
		}
		if in.E&ownedIter != 0 {
			if in.E&yieldInto != 0 {
				vm.loopKeepsYields(f, in, v) // gen_fresh.go
			}
			if it := vm.ownedIterOf(v); it != nil {
				if in.E&ownedSplit != 0 && vm.takeSplitNote(in, v) {
					it.(*listIter).split = true
				}
				f.set(in.A, ObjVal(it))
				return nil
			}
		}
		it, err := vm.iter(v)
		if err != nil {
			if g, ok := v.O.(*Generator); ok && g.fn.code.genKind == genCoroutine && f.code.genKind == genIterableCoro {
				it, err = g, nil // yield from a coroutine, in a types.coroutine generator
			} else {
				return err
			}
		}
		f.set(in.A, ObjVal(it))
		return nil
	case opRangePrep:
		v := f.get(in.A)
		if r, ok := v.O.(*Range); ok {
			f.set(in.A, IntVal(r.start))
			f.set(in.A+1, IntVal(r.stop))
			f.set(in.A+2, IntVal(r.step))
			return nil
		}
		it, err := vm.iter(v)
		if err != nil {
			return err
		}
		f.set(in.A, ObjVal(it))
		return nil
	case opCallMethod:
		return vm.opCallMethod(f, in)
	case opCallSuper:
		return vm.opCallSuper(f, in)
	case opBuildTuple:
		return vm.buildTuple(f, in.A, in.B, int(in.C))
	case opBuildList:
		if in.C == 0 && in.E&privA != 0 {
			vm.buildPrivateEmpty(f, in.A)
			return nil
		}
		return vm.buildList(f, in.A, in.B, int(in.C))
	case opBuildSet:
		if err := memCheckMul(uint64(in.C)+2, valSize); err != nil {
			return err
		}
		items := make([]Val, in.C)
		for i := range items {
			v, err := f.load(in.B + int32(i))
			if err != nil {
				return err
			}
			items[i] = v
		}
		s := newSet()
		for _, x := range items {
			if err := s.add(x); err != nil {
				return err
			}
		}
		if in.D != 0 {
			// Constants: CPython builds a frozenset and, merging
			// constants, rebuilds it from its own order; a display
			// (D == 1) then updates an empty set from it.
			folded := newSet()
			folded.update(nil, s.keys())
			s = folded
			if in.D == 1 {
				s = newSet()
				s.merge(folded)
			}
		}
		f.set(in.A, ObjVal(s))
		return nil
	case opBuildDict:
		if err := memCheckMul(uint64(in.C)+2, 200); err != nil {
			return err
		}
		d := newDict()
		for i := int32(0); i < in.C; i++ {
			k, err := f.load(in.B + 2*i)
			if err != nil {
				return err
			}
			v, err := f.load(in.B + 2*i + 1)
			if err != nil {
				return err
			}
			if err := d.set(k, v); err != nil {
				return err
			}
		}
		f.set(in.A, ObjVal(d))
		return nil
	case opListAppend:
		l := f.objs[in.A].(*List)
		if r := f.regs[in.B]; r.Tag != tagObject && r.Tag != tagEmpty && l.objs == nil && l.pk == nil && len(l.vals) < cap(l.vals) && (in.D <= 0 || len(l.vals) > 0) {
			// A comprehension of numbers with room left: what grow and
			// append below do, without their calls (no growth, no
			// object, no size hint to take).
			l.vals = append(l.vals, r)
			return nil
		}
		v, err := f.load(in.B)
		if err != nil {
			return err
		}
		if err := l.grow(1); err != nil {
			return err
		}
		if in.D > 0 && len(l.vals) == 0 && !vm.threaded() {
			listSizeHint(l, f.objs[in.D-1], v)
		}
		l.append(v)
		return nil
	case opListExtend:
		v, err := f.load(in.B)
		if err != nil {
			return err
		}
		if src, ok := v.O.(*List); ok && !src.deque {
			// Straight from the slot arrays (src may be the list itself).
			l := f.objs[in.A].(*List)
			if err := l.grow(src.Len()); err != nil {
				return err
			}
			l.splice(l.Len(), l.Len(), src)
			return nil
		}
		items, err := vm.iterate(v)
		if err != nil {
			return vm.extendErr(f, in.D, in.C, v, err)
		}
		l := f.objs[in.A].(*List)
		if err := l.grow(len(items)); err != nil {
			return err
		}
		for _, x := range items {
			l.append(x)
		}
		return nil
	case opSetAdd:
		v, err := f.load(in.B)
		if err != nil {
			return err
		}
		return f.objs[in.A].(*Set).add(v)
	case opDictSet:
		k, err := f.load(in.B)
		if err != nil {
			return err
		}
		v, err := f.load(in.C)
		if err != nil {
			return err
		}
		d := f.objs[in.A].(*Dict)
		if in.D < -1 && d.index == nil && !vm.threaded() {
			dictSizeHint(d, f.objs[-2-in.D])
		}
		if in.D >= 0 {
			if err := vm.checkKeywordOnce(f, in.D, d, k); err != nil {
				return err
			}
		}
		return d.set(k, v)
	case opDelItem:
		vm.unpackSlot(f, in.A) // packed.go
		a, err := f.load(in.A)
		if err != nil {
			return err
		}
		k, err := f.load(in.B)
		if err != nil {
			return err
		}
		return vm.delItem(a, k)
	case opDelAttr:
		o, err := f.load(in.A)
		if err != nil {
			return err
		}
		name := f.code.names[in.B]
		if in.C == 1 {
			// DELETE_NAME: only the class namespace, never its bases.
			if _, ok := vm.classNamespaceGet(o, name); !ok {
				return nameErr(vm.nameErrorMsg(f, name), name)
			}
		}
		return vm.delAttr(o, name)
	case opBuildSlice:
		f.set(in.A, ObjVal(&SliceObj{f.get(in.B), f.get(in.C), f.get(in.D)}))
		return nil
	case opGetSlice:
		vm.unpackSlot(f, in.B) // packed.go
		return vm.opGetSlice(f, in)
	case opSetSlice:
		vm.unpackSlot(f, in.A)
		return vm.opSetSlice(f, in)
	case opDelSlice:
		vm.unpackSlot(f, in.A)
		return vm.opDelSlice(f, in)
	case opGetAttr:
		o, err := f.load(in.B)
		if err != nil {
			return err
		}
		var v Val
		if x, ok := o.O.(*Instance); ok {
			v, err = vm.loadAttr(f.code.site(in), x, o, f.code.names[in.C])
		} else if m, ok := o.O.(*Module); ok {
			var found bool
			if v, found = moduleAttr(f.code.site(in), m, f.code.names[in.C]); !found {
				v, err = vm.getAttr(o, f.code.names[in.C]) // __dict__, or the error
			}
		} else {
			v, err = vm.getAttr(o, f.code.names[in.C])
		}
		if err != nil {
			return err
		}
		f.set(in.A, v)
		return nil
	case opUnpack:
		vm.unpackSlot(f, in.B) // a private local's list may be packed (packed.go)
		src, err := f.load(in.B)
		if err != nil {
			return err
		}
		return vm.unpack(f, in.A, src, int(in.C), int(in.D))
	case opFormat:
		v, err := f.load(in.B)
		if err != nil {
			return err
		}
		switch in.D {
		case 'r':
			v = StrVal(vm.repr(v))
		case 's':
			v = StrVal(vm.strOf(v))
		case 'a':
			v = StrVal(asciiRepr(vm.repr(v)))
		}
		spec := ""
		if in.C >= 0 {
			spec = f.get(in.C).str().s
		}
		s, err := vm.format(v, spec)
		if err != nil {
			return err
		}
		f.set(in.A, StrVal(s))
		return nil
	case opBuildString:
		var b strings.Builder
		for i := int32(0); i < in.C; i++ {
			b.WriteString(f.objs[in.B+i].(*Str).s)
		}
		f.set(in.A, StrVal(b.String()))
		return nil
	case opMakeFunction:
		co := f.code.funcs[in.B]
		fn := allocClosure(len(co.freeFrom))
		fn.code, fn.mod = co, vm.mod
		for i := int32(0); i < in.D; i++ {
			fn.defaults = append(fn.defaults, f.get(in.C+i))
		}
		for i, from := range co.freeFrom {
			fn.free[i] = f.get(from)
		}
		if in.E >= 0 || co.inheritClass {
			fn.cls = classCellOf(f, co, in.E)
		}
		f.set(in.A, ObjVal(fn))
		return nil
	case opGenExpr:
		f.set(in.A, ObjVal(vm.genExpr(f, f.code.funcs[in.B], in.C)))
		return nil
	case opImport:
		return vm.opImport(f, in)
	case opRaise:
		if in.A < 0 {
			return newErr(RuntimeError, "No active exception to reraise")
		}
		v, err := f.load(in.A)
		if err != nil {
			return err
		}
		if in.B == 1 {
			raisedAgain(v)
		}
		return vm.raise(v)
	case opRaiseFrom:
		v, err := f.load(in.A)
		if err != nil {
			return err
		}
		c, err := f.load(in.B)
		if err != nil {
			return err
		}
		var cause *Exception
		switch x := c.O.(type) {
		case *Exception:
			cause = x
		case *ExcType:
			cause = &Exception{typ: x}
		default:
			if c.T != tagNone {
				return newErr(TypeError, "exception causes must derive from BaseException")
			}
		}
		raisedAgain(v)
		err = vm.raise(v)
		if pe, ok := err.(*PyErr); ok {
			pe.exc.cause, pe.exc.suppressContext = cause, true
		}
		return err
	case opAssertFail:
		if in.A < 0 {
			return newErrVal(AssertionError)
		}
		return newErrVal(AssertionError, f.get(in.A))
	case opExcMatch:
		e, _ := f.get(in.B).O.(*Exception)
		t := f.get(in.C)
		ok, err := excMatches(e, t)
		if err != nil {
			return err
		}
		f.set(in.A, BoolVal(ok))
		return nil
	case opDictUpdate:
		v, err := f.load(in.B)
		if err != nil {
			return err
		}
		src, ok := v.O.(*Dict)
		if !ok {
			if b, has := builtinValue(v); has {
				src, ok = b.O.(*Dict)
			}
		}
		d := f.objs[in.A].(*Dict)
		if !ok {
			return vm.dictUpdateMapping(f, in.C, d, v)
		}
		for _, e := range src.live() {
			if in.C >= 0 {
				if err := vm.checkKeywordOnce(f, in.C, d, e.k); err != nil {
					return err
				}
			}
			if err := d.set(e.k, e.v); err != nil {
				return err
			}
		}
		return nil
	case opCallEx:
		fnv, err := f.load(in.B)
		if err != nil {
			return err
		}
		if in.E == callExList {
			v, err := vm.call(fnv, f.objs[in.C].(*List).items(), nil)
			if err != nil {
				return err
			}
			f.set(in.A, v)
			return nil
		}
		args := append([]Val(nil), f.get(in.C).O.(*Tuple).items...)
		var kwn []string
		for _, e := range f.get(in.D).O.(*Dict).live() {
			k, ok := e.k.O.(*Str)
			if !ok {
				return newErr(TypeError, "keywords must be strings")
			}
			kwn = append(kwn, k.s)
			args = append(args, e.v)
		}
		v, err := vm.call(fnv, args, kwn)
		if err != nil {
			return err
		}
		f.set(in.A, v)
		return nil
	case opSetAttr:
		o, err := f.load(in.A)
		if err != nil {
			return err
		}
		v, err := f.load(in.C)
		if err != nil {
			return err
		}
		if x, ok := o.O.(*Instance); ok {
			return vm.storeAttr(f.code.site(in), x, o, f.code.names[in.B], v)
		}
		return vm.setAttr(o, f.code.names[in.B], v)
	case opBuildClass:
		bases := make([]Val, in.D)
		for i := range bases {
			bases[i] = f.get(in.C + int32(i))
		}
		// B names the qualified name ("Outer.Inner"); the class's name is its end.
		qual := f.code.names[in.B]
		name := qual[strings.LastIndexByte(qual, '.')+1:]
		v, err := vm.buildClass(name, bases)
		if err != nil {
			return err
		}
		if name != qual {
			switch c := v.O.(type) {
			case *Class:
				c.qual = qual
			case *ExcType:
				if c.cls != nil {
					c.cls.qual = qual // an exception class: its methods' class
				}
			}
		}
		f.set(in.A, v)
		return nil
	case opAsync:
		v, err := vm.asyncOp(in.D, f.get(in.B), f.get(in.C))
		if err != nil {
			return err
		}
		f.set(in.A, v)
		return nil
	case opWithExit:
		mgr := f.get(in.B)
		e := f.get(in.C)
		typ := NoneVal
		if x, ok := e.O.(*Exception); ok {
			typ = ObjVal(x.typ)
		}
		fv, err := vm.getAttr(mgr, "__exit__")
		if err != nil {
			return err
		}
		tb := NoneVal
		if x, ok := e.O.(*Exception); ok {
			tb = x.tracebackVal()
		}
		r, err := vm.call(fv, []Val{typ, e, tb}, nil)
		if err != nil {
			return err
		}
		f.set(in.A, BoolVal(truthy(r)))
		return nil
	case opPrepareClass:
		meta, kw := Val{}, Val{}
		if in.B >= 0 {
			meta = f.get(in.B)
		}
		if in.C >= 0 {
			kw = f.get(in.C)
		}
		return vm.prepareClass(f.get(in.A), meta, kw)
	case opClassDone:
		meta, kw := Val{}, Val{}
		if in.B >= 0 {
			meta = f.get(in.B)
		}
		if in.C >= 0 {
			kw = f.get(in.C)
		}
		vm.endClassLocals(f.get(in.A))
		v, err := vm.finishClass(f.get(in.A), meta, kw)
		if err != nil {
			return err
		}
		f.set(in.A, v)
		return nil
	case opImportStar:
		m, ok := f.get(in.A).O.(*Module)
		if !ok {
			return nil
		}
		return vm.importStar(m)
	case opClassGet:
		if v, ok := vm.classNamespaceGet(f.get(in.B), f.code.names[in.C]); ok {
			f.set(in.A, v)
			vm.jumpTo = int(in.D)
			return errJump
		}
		return nil
	case opYieldFromSend:
		v, ok, err := vm.yieldFromStep(f, f.objs[in.B], f.get(in.C))
		if err != nil {
			return err
		}
		f.set(in.A, v)
		if ok {
			f.set(in.C, NoneVal)
			vm.jumpTo = int(in.D)
			return errJump
		}
		if g, isGen := f.objs[in.B].(*Generator); isGen && f.regs[in.B].Tag == tagObject {
			vm.ownedDone(f, in.B, g)
		}
		return nil
	case opYield:
		if f.gen == nil {
			return &internalError{"yield outside a generator frame"}
		}
		v, err := f.load(in.B)
		if err != nil {
			return err
		}
		// What yield evaluates to once resumed: next() sends None, send()
		// its argument.
		f.set(in.A, NoneVal)
		f.gen.sent = in.A
		vm.yielded = v
		return errYield
	case opLocals:
		f.set(in.A, vm.frameLocals(f))
		return nil
	case opClassCell:
		return loadClassCell(f, in.A)
	case opSuper:
		if err := superCheck(f); err != nil {
			return err
		}
		f.set(in.A, ObjVal(&SuperObj{cls: funcClass(f.fn), self: f.get(in.B)}))
		return nil
	case opImportName:
		name := f.code.names[in.C]
		m, isMod := f.objs[in.B].(*Module)
		if !isMod || f.regs[in.B].Tag != tagObject {
			v, err := vm.importNameFrom(f.get(in.B), name)
			if err != nil {
				return err
			}
			f.set(in.A, v)
			return nil
		}
		v, ok := m.lookup(name)
		if p := vm.progMods[m.name]; !ok && p != nil && p.dir != "" {
			// from package import submodule, of the program's package.
			sub, err := vm.importByName(m.name + "." + name)
			if err != nil && !toPyErr(err).exc.typ.isSub(ModuleNotFoundError) {
				return err
			}
			if err == nil {
				v, ok = ObjVal(sub), true
			}
		}
		if p := vm.progMods[m.name]; !ok && p != nil {
			if !p.done {
				return importErr(ImportError, m.name, p.file, name, "cannot import name '%s' from partially initialized module '%s' (most likely due to a circular import) (%s)", name, m.name, p.file)
			}
			return importErr(ImportError, m.name, p.file, name, "cannot import name '%s' from '%s' (%s)", name, m.name, p.file)
		}
		if !ok && lazyModuleMaker(m.name+"."+name) != nil {
			// from package import submodule imports it (unittest.mock).
			sub, err := vm.importByName(m.name + "." + name)
			if err != nil {
				return err
			}
			v, ok = ObjVal(sub), true
		}
		if !ok {
			return importErr(ImportError, m.name, "", name, "cannot import name '%s' from '%s' (unknown location)%s", name, m.name, importHint(m, name))
		}
		f.set(in.A, v)
		return nil
	case opMakeCell:
		f.set(in.A, ObjVal(&Cell{v: f.get(in.A)}))
		return nil
	case opLoadCell:
		cell := f.objs[in.B].(*Cell)
		if cell.v.T == tagEmpty {
			if v, ok := vm.nsFreeBuiltin(f, in.B); ok {
				f.set(in.A, v)
				return nil
			}
			return f.cellUnbound(in.B)
		}
		f.set(in.A, cell.v)
		return nil
	case opStoreCell:
		v, err := f.load(in.B)
		if err != nil {
			return err
		}
		f.objs[in.A].(*Cell).v = v
		return nil
	case opCheckBound:
		_, err := f.load(in.A)
		return err
	case opLoadName:
		return vm.loadName(f, in)
	case opClassLocals:
		f.set(in.A, vm.classBodyLocals(f.get(in.B)))
		return nil
	}
	return &internalError{fmt.Sprintf("unknown opcode %v", in.Op)}
}

func excMatches(e *Exception, t Val) (bool, error) {
	if e == nil {
		return false, nil
	}
	switch x := t.O.(type) {
	case *ExcType:
		return e.typ.isSub(x), nil
	case *Tuple:
		for _, it := range x.items {
			if ok, err := excMatches(e, it); ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	}
	return false, newErr(TypeError, "catching classes that do not inherit from BaseException is not allowed")
}

// raisedAgain marks an exception that a raise statement names as to get
// the raising frame's traceback entry even when that frame already has
// one (it caught the exception and raises it again by name), as CPython's
// RAISE_VARARGS adds the frame where RERAISE does not; and whose context
// is to be chained anew, as every raise statement does.
func raisedAgain(v Val) {
	if x, ok := v.O.(*Exception); ok {
		// A raise statement chains the context anew (VM.except).
		x.ctx = ctxRechain
		if x.err != nil {
			x.err.tbDepth = -1
		}
	}
}

func (vm *VM) raise(v Val) error {
	switch x := v.O.(type) {
	case *Exception:
		if x.err != nil {
			// Re-raising keeps the traceback collected so far.
			return x.err
		}
		return &PyErr{exc: x}
	case *ExcType:
		// raise E is raise E(): a class's own __init__ or __new__ runs.
		r, err := vm.call(v, nil, nil)
		if err != nil {
			return err
		}
		if e, ok := r.O.(*Exception); ok && r.T == tagObject {
			if e.err != nil {
				return e.err
			}
			return &PyErr{exc: e}
		}
		return newErr(TypeError, "calling %s should have returned an instance of BaseException, not %s", vm.repr(v), vm.repr(vm.typeOf(r)))
	}
	return newErr(TypeError, "exceptions must derive from BaseException")
}

func asciiRepr(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x10000:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	return b.String()
}

func (vm *VM) unpack(f *frame, base int32, src Val, n, star int) error {
	var items []Val
	switch x := src.O.(type) {
	case *Tuple:
		items = x.items
	case *List:
		// Straight from the list's slots: no copy but the starred part.
		if star < 0 && x.Len() == n {
			for i := 0; i < n; i++ {
				f.set(base+int32(i), x.at(i))
			}
			return nil
		}
		if star >= 0 && x.Len() >= n-1 {
			rest := x.Len() - (n - 1 - star)
			var mid *List
			if vm.threaded() {
				mid = x.slice(int64(star), int64(rest), 1)
			} else {
				// In a pooled array: first, *rest = rest drops one of
				// the same size each time (fresh.go, privNew).
				mid = vm.sliceFresh(x, int64(star), int64(rest), 1)
			}
			for i := 0; i < star; i++ {
				f.set(base+int32(i), x.at(i))
			}
			for i := star + 1; i < n; i++ {
				f.set(base+int32(i), x.at(rest+i-star-1))
			}
			f.set(base+int32(star), ObjVal(mid))
			return nil
		}
		items = x.items()
	default:
		if src.T != tagObject {
			return newErr(TypeError, "cannot unpack non-iterable %s object", typeName(src))
		}
		var err error
		if items, err = vm.iterate(src); err != nil {
			// Only a value without an iterator cannot be unpacked: a
			// TypeError from __iter__ or while iterating passes as it is.
			if notIterable(err, src) {
				return newErr(TypeError, "cannot unpack non-iterable %s object", typeName(src))
			}
			return err
		}
	}
	if star >= 0 {
		if len(items) < n-1 {
			return newErr(ValueError, "not enough values to unpack (expected at least %d, got %d)", n-1, len(items))
		}
		for i := 0; i < star; i++ {
			f.set(base+int32(i), items[i])
		}
		rest := len(items) - (n - 1 - star)
		f.set(base+int32(star), ObjVal(newList(items[star:rest]))) // newList copies
		for i := star + 1; i < n; i++ {
			f.set(base+int32(i), items[rest+i-star-1])
		}
		return nil
	}
	if len(items) < n {
		return newErr(ValueError, "not enough values to unpack (expected %d, got %d)", n, len(items))
	}
	if len(items) > n {
		// CPython counts only an exact list, tuple or dict (ceval.c
		// unpack_iterable); a str or an iterator gets no "got".
		switch src.O.(type) {
		case *Tuple, *List, *Dict:
			return newErr(ValueError, "too many values to unpack (expected %d, got %d)", n, len(items))
		}
		return newErr(ValueError, "too many values to unpack (expected %d)", n)
	}
	for i := 0; i < n; i++ {
		f.set(base+int32(i), items[i])
	}
	return nil
}

// ---- subscripts ----

var _ = templates.TagInt

// Cell holds a variable shared between a function and the functions nested in it.
type Cell struct{ v Val }

func (*Cell) typeName() string { return "cell" }

func (co *Code) isCaptured(slot int32) bool {
	for _, to := range co.freeTo {
		if to == slot {
			return true
		}
	}
	return false
}

// SuperObj is super(): attribute lookup that starts after cls in self's MRO.
type SuperObj struct {
	cls  *Class
	self Val
}

func (*SuperObj) typeName() string { return "super" }

// arith is an arithmetic instruction's slow path, A = B op C (in place when
// D says so), on the loaded operands.
func (vm *VM) arith(f *frame, in *Instr, a, b Val) error {
	vm.fbig.made = [2]*BigInt{}
	if fitsWide(&a) && fitsWide(&b) {
		if v, ok := vm.wideArith(in.Op, a, b); ok {
			// Ints of at most 128 bits (int_wide.go): no dunder method
			// can run, nothing else sees the operands.
			vm.storeArith(f, in, a, b, v)
			return nil
		}
	}
	if a.T == tagObject && !isBigInt(a) || b.T == tagObject && !isBigInt(b) {
		// Python code may see the operands: a dunder method, reflected
		// or in place, may keep them (private_int.go).
		unmarkBig(a)
		unmarkBig(b)
	}
	if in.D == inPlace {
		if v, ok, err := vm.inplaceOp(in.Op, a, b); ok || err != nil {
			vm.forgetBigs() // it may hand back any object (fresh_big.go)
			if err == nil {
				f.set(in.A, v)
			}
			return err
		}
	}
	if in.D != inPlace {
		if done, err := vm.instanceBinop(f, in, a, b); done {
			vm.forgetBigs()
			return err
		}
	}
	vm.fbig.made = [2]*BigInt{}
	v, err := vm.binop(in.Op, a, b)
	if err != nil {
		vm.forgetBigs()
		if in.D == inPlace {
			err = augOpErr(in.Op, err)
		}
		return err
	}
	vm.storeArith(f, in, a, b, v)
	return nil
}

// storeArith stores v, what arithmetic instruction in made of a and b, in
// its target, and keeps the books of private and fresh big ints.
func (vm *VM) storeArith(f *frame, in *Instr, a, b, v Val) {
	if in.E&privIntA != 0 && !vm.threaded() && !vm.callingOut {
		vm.keepPrivateInt(f, in.A, v)
	} else {
		f.set(in.A, v)
	}
	if !vm.threaded() {
		vm.bigOutcome(in, a, b, v)
	}
}
