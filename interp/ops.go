package interp

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/copypatch/copypatch/templates"
)

var errJump = errors.New("jump")

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
		if in.Op == opAdd && in.D != inPlace && !vm.mt {
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
					f.set(in.A, ObjVal(r))
					return nil
				}
			}
			err := vm.arith(f, in, a, b)
			vm.clearFresh() // what it made may be kept elsewhere
			return err
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
// the left operand asked first, then the right one reflected.
func (vm *VM) richOrder(op Op, ids [2]specialID, a, b Val) (Val, error) {
	if r, found, err := vm.dunderID(a, ids[0], b); found && (err != nil || !isNotImplemented(r)) {
		return r, err
	}
	if r, found, err := vm.dunderID(b, ids[1], a); found && (err != nil || !isNotImplemented(r)) {
		return r, err
	}
	// compare would ask the same methods again.
	return Val{}, newErr(TypeError, "'%s' not supported between instances of '%s' and '%s'", opSymbols[op], typeName(a), typeName(b))
}

// richEquality is a == b or a != b where an operand is an instance: what
// its __eq__ or __ne__ returns, as it is (CPython does not make it a
// bool), the left operand asked first, then the right one reflected; != of
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
	if r, ok, err := try(a, b); ok {
		return r, err
	}
	if a.O != b.O || a.T != b.T {
		if r, ok, err := try(b, a); ok {
			return r, err
		}
	}
	same := a.T == b.T && a.O == b.O && (a.T == tagObject || a.B == b.B)
	if a.T != tagObject || b.T != tagObject {
		// An instance against a value of a built-in type without the
		// dunders above: the built-in side decides as usual.
		same = vm.equal(a, b)
	}
	return BoolVal(same == (op == opEq)), vm.takePending()
}

// slowOp runs the opcodes that have no inline fast path.
func (vm *VM) slowOp(f *frame, in *Instr) error {
	switch in.Op {
	case opNop:
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
		b, isBuiltin := vm.bi[vm.mod.gnames[in.A]]
		if cur.T == tagEmpty || isBuiltin && cur == b {
			return newErr(NameError, "%s", vm.nameErrorMsg(f, vm.mod.gnames[in.A]))
		}
		vm.mod.store(in.A, b)
		return nil
	case opDelLocal:
		if f.regs[in.A].Tag == tagEmpty {
			return f.unbound(in.A)
		}
		f.set(in.A, Val{})
		return nil
	case opGetIter:
		v, err := f.load(in.B)
		if err != nil {
			return err
		}
		it, err := vm.iter(v)
		if err != nil {
			return err
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
	case opBuildTuple:
		return vm.buildTuple(f, in.A, in.B, int(in.C))
	case opBuildList:
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
		v, err := f.load(in.B)
		if err != nil {
			return err
		}
		l := f.objs[in.A].(*List)
		if err := l.grow(1); err != nil {
			return err
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
		if in.D >= 0 {
			if err := vm.checkKeywordOnce(f, in.D, d, k); err != nil {
				return err
			}
		}
		return d.set(k, v)
	case opDelItem:
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
		return vm.delAttr(o, f.code.names[in.B])
	case opBuildSlice:
		f.set(in.A, ObjVal(&SliceObj{f.get(in.B), f.get(in.C), f.get(in.D)}))
		return nil
	case opGetSlice:
		return vm.opGetSlice(f, in)
	case opSetSlice:
		return vm.opSetSlice(f, in)
	case opDelSlice:
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
				err = newErr(AttributeError, "%s", attrErrorMsg(o, f.code.names[in.C]))
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
		f.set(in.A, ObjVal(fn))
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
			if in.C >= 0 {
				return newErr(TypeError, "%s argument after ** must be a mapping, not %s", vm.funcStr(f.get(in.C)), typeName(v))
			}
			return newErr(TypeError, "'%s' object is not a mapping", typeName(v))
		}
		d := f.objs[in.A].(*Dict)
		for _, e := range src.live() {
			if in.C >= 0 {
				if err := vm.checkKeywordOnce(f, in.C, d, e.k); err != nil {
					return err
				}
			}
			d.set(e.k, e.v)
		}
		return nil
	case opCallEx:
		fnv, err := f.load(in.B)
		if err != nil {
			return err
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
		v, err := vm.buildClass(f.code.names[in.B], bases)
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
		r, err := vm.call(fv, []Val{typ, e, NoneVal}, nil)
		if err != nil {
			return err
		}
		f.set(in.A, BoolVal(truthy(r)))
		return nil
	case opClassDone:
		return vm.classDone(f.get(in.A))
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
	case opSuper:
		if f.fn == nil || f.fn.cls == nil || f.code.nparams == 0 {
			return newErr(RuntimeError, "super(): no arguments")
		}
		f.set(in.A, ObjVal(&SuperObj{cls: f.fn.cls, self: f.get(in.B)}))
		return nil
	case opImportName:
		m := f.objs[in.B].(*Module)
		name := f.code.names[in.C]
		v, ok := m.table()[name]
		if !ok {
			return newErr(ImportError, "cannot import name '%s' from '%s' (unknown location)%s", name, m.name, importHint(m, name))
		}
		f.set(in.A, v)
		return nil
	case opMakeCell:
		f.set(in.A, ObjVal(&Cell{v: f.get(in.A)}))
		return nil
	case opLoadCell:
		cell := f.objs[in.B].(*Cell)
		if cell.v.T == tagEmpty {
			name := f.code.localNames[in.B]
			if f.code.isCaptured(in.B) {
				return newErr(NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name)
			}
			return newErr(UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", name)
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
	}
	return &internalError{fmt.Sprintf("unknown opcode %v", in.Op)}
}

// opImport binds a module; its own function because of the defer (a
// defer in slowOp would cost every instruction it runs).
func (vm *VM) opImport(f *frame, in *Instr) error {
	name := f.code.names[in.B]
	if vm.rt != nil && vm.rt.threaded.Load() {
		// Threads share the modules map: a first import writes it.
		vm.rt.mu.Lock()
		defer vm.rt.mu.Unlock()
	}
	m, ok := vm.modules[name]
	if !ok {
		if m, ok = vm.lazyModule(name); !ok {
			return newErr(ModuleNotFoundError, "No module named '%s'", name)
		}
		if i := strings.LastIndexByte(name, '.'); i > 0 {
			if parent, ok := vm.modules[name[:i]]; ok {
				parent.setAttr(vm, name[i+1:], ObjVal(m))
			}
		}
	}
	f.set(in.A, ObjVal(m))
	return nil
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

func (vm *VM) raise(v Val) error {
	switch x := v.O.(type) {
	case *Exception:
		if x.err != nil {
			// Re-raising keeps the traceback collected so far.
			return x.err
		}
		return &PyErr{exc: x}
	case *ExcType:
		return &PyErr{exc: &Exception{typ: x}}
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
			mid := x.slice(int64(star), int64(rest), 1)
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
			if pe, ok := err.(*PyErr); ok && pe.exc.typ == TypeError {
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

// ---- calls ----

func (vm *VM) opCall(f *frame, in *Instr) error {
	fnv, err := f.load(in.B)
	if err != nil {
		return err
	}
	// Arguments go on the VM's argument stack: callees copy what they keep.
	args := vm.pushArgs(int(in.C))
	defer vm.popArgs(int(in.C))
	for i := range args {
		if args[i], err = f.load(in.B + 1 + int32(i)); err != nil {
			return err
		}
	}
	var kwn []string
	if in.D >= 0 {
		kwn = f.code.kwnames[in.D]
	}
	v, err := vm.call(fnv, args, kwn)
	if err != nil {
		return err
	}
	f.set(in.A, v)
	return nil
}

// call calls any callable value.
func (vm *VM) call(fnv Val, args []Val, kwn []string) (Val, error) {
	switch fn := fnv.O.(type) {
	case *Function:
		return vm.callFunction(fn, args, kwn)
	case *Builtin:
		return fn.fn(vm, args, kwn)
	case *BoundMethod:
		return vm.callMethod(fn.self, fn.name, args, kwn)
	case *Class:
		if fn.meta != nil {
			if m, ok := fn.meta.lookup("__call__"); ok {
				return vm.call(m, append([]Val{fnv}, args...), kwn)
			}
		}
		return vm.newInstance(fn, args, kwn)
	case *Method:
		return vm.callWithSelf(fn.fn, fn.self, args, kwn)
	case *ExcType:
		return vm.newException(fn, args, kwn)
	}
	if fnv.T == tagObject {
		if t, ok := fnv.O.(*typeObj); ok {
			return t.call(vm, args, kwn)
		}
	}
	if inst, ok := fnv.O.(*Instance); ok && fnv.T == tagObject {
		if m, ok := inst.cls.lookup("__call__"); ok {
			return vm.call(m, append([]Val{fnv}, args...), kwn)
		}
	}
	return Val{}, newErr(TypeError, "'%s' object is not callable", typeName(fnv))
}

// How LIST_EXTEND words a value after * that is no iterable (its D
// operand); extendCallArg is the lone f(*x) of a call to slot C.
const (
	extendSet = iota
	extendValue
	extendCallArg
)

// extendErr is the error of LIST_EXTEND for v: CPython rewords only "not
// iterable" (ceval.c _Py_Check_ArgsIterable, bytecodes.c LIST_EXTEND).
func (vm *VM) extendErr(f *frame, how, fn int32, v Val, err error) error {
	pe, ok := err.(*PyErr)
	if !ok || how == extendSet || pe.exc.typ != TypeError || excStr(vm, pe.exc) != "'"+typeName(v)+"' object is not iterable" {
		return err
	}
	if how == extendCallArg {
		return newErr(TypeError, "%s argument after * must be an iterable, not %s", vm.funcStr(f.get(fn)), typeName(v))
	}
	return newErr(TypeError, "Value after * must be an iterable, not %s", typeName(v))
}

// checkKeywordOnce raises CPython's error for a keyword a call to slot fn
// is given twice, through ** or once by name and once through **
// (ceval.c _PyEval_FormatKwargsError).
func (vm *VM) checkKeywordOnce(f *frame, fn int32, d *Dict, k Val) error {
	if _, dup, _ := d.get(k); dup {
		return newErr(TypeError, "%s got multiple values for keyword argument '%s'", vm.funcStr(f.get(fn)), vm.strOf(k))
	}
	return nil
}

// funcStr names a callable as CPython's _PyObject_FunctionStr does:
// module.qualname() unless the module is builtins.
func (vm *VM) funcStr(fn Val) string {
	var name string
	switch x := fn.O.(type) {
	case *Builtin:
		name = x.name
	case *typeObj:
		name = x.name
	}
	if name != "" {
		// CPython names a module's function with its module (math.sqrt()).
		if m := vm.moduleOf(fn.O, name); m != "" {
			return m + "." + name + "()"
		}
		return name + "()"
	}
	if bm, ok := fn.O.(*BoundMethod); ok {
		if _, inst := bm.self.O.(*Instance); !inst {
			return typeName(bm.self) + "." + bm.name + "()"
		}
	}
	q, err := vm.getAttr(fn, "__qualname__")
	qs, ok := q.O.(*Str)
	if err != nil || !ok {
		return vm.strOf(fn)
	}
	if m, err := vm.getAttr(fn, "__module__"); err == nil {
		if ms, ok := m.O.(*Str); ok && ms.s != "builtins" {
			return ms.s + "." + qs.s + "()"
		}
	}
	return qs.s + "()"
}

// moduleOf is the name of the imported module holding o as name (the C
// module CPython's function lives in when that is another), or "".
func (vm *VM) moduleOf(o Object, name string) string {
	if vm.rt != nil && vm.rt.threaded.Load() {
		vm.rt.mu.Lock()
		defer vm.rt.mu.Unlock()
	}
	best := ""
	for mn, m := range vm.modules {
		if v, ok := m.attrs[name]; ok && v.O == o && (best == "" || mn < best) {
			best = mn
		}
	}
	switch best {
	case "heapq":
		if strings.HasPrefix(name, "heap") {
			return "_heapq"
		}
	case "bisect", "struct":
		return "_" + best
	case "functools":
		if name == "reduce" || name == "cmp_to_key" {
			return "_functools"
		}
	case "operator":
		if _, isType := o.(*typeObj); !isType {
			return "_operator"
		}
	}
	return best
}

// withEnterKw, as the keyword operand of a CALL_METHOD of __enter__,
// marks the call a with statement makes: no keywords, and the manager is
// checked first as CPython's LOAD_SPECIAL does.
const withEnterKw = -2

// checkContextManager raises CPython 3.14's TypeError for a with
// statement's manager that lacks __exit__ or __enter__ on its type: it
// looks __exit__ up first (codegen.c loads it before __enter__), and
// suggests 'async with' when the type has both async methods
// (ceval.c _Py_SpecialMethods, _PyEval_SpecialMethodCanSuggest).
func (vm *VM) checkContextManager(mgr Val) error {
	has := func(name string) bool {
		if inst, ok := mgr.O.(*Instance); ok {
			_, found := inst.cls.lookup(name)
			return found
		}
		_, err := vm.getAttr(mgr, name)
		return err == nil
	}
	for _, m := range []string{"__exit__", "__enter__"} {
		if has(m) {
			continue
		}
		msg := fmt.Sprintf("'%s' object does not support the context manager protocol (missed %s method)", typeName(mgr), m)
		if has("__aenter__") && has("__aexit__") {
			msg += " but it supports the asynchronous context manager protocol. Did you mean to use 'async with'?"
		}
		return newErr(TypeError, "%s", msg)
	}
	return nil
}

func (vm *VM) opCallMethod(f *frame, in *Instr) error {
	self, err := f.load(in.B)
	if err != nil {
		return err
	}
	name := f.code.names[in.D]
	if in.E == withEnterKw {
		if err := vm.checkContextManager(self); err != nil {
			return err
		}
	}
	// list.append is the hot one: no argument slice.
	if l, ok := self.O.(*List); ok && name == "append" && in.C == 1 && in.E < 0 && l.dqMax == 0 {
		v, err := f.load(in.B + 1)
		if err != nil {
			return err
		}
		if err := l.grow(1); err != nil {
			return err
		}
		l.append(v)
		f.set(in.A, NoneVal)
		return nil
	}
	switch self.O.(type) {
	case *Instance, *Class, *SuperObj, *Module:
	default:
		if self.T == tagObject {
			// A built-in receiver: its site remembers the method.
			return vm.callBuiltinAt(f, in, self, name)
		}
	}
	return vm.callMethodObj(f, in, self, name)
}

// callMethodObj is opCallMethod for instances, classes, super objects,
// modules and ints or floats.
func (vm *VM) callMethodObj(f *frame, in *Instr, self Val, name string) (err error) {
	// Arguments go on the VM's argument stack, after a slot for self:
	// callees copy what they keep.
	withSelf := vm.pushArgs(int(in.C) + 1)
	defer vm.popArgs(int(in.C) + 1)
	withSelf[0] = self
	args := withSelf[1:]
	for i := range args {
		if args[i], err = f.load(in.B + 1 + int32(i)); err != nil {
			return err
		}
	}
	var kwn []string
	if in.E >= 0 {
		kwn = f.code.kwnames[in.E]
	}
	var v Val
	if inst, ok := self.O.(*Instance); ok {
		if fn, ok := vm.methodOf(f.code.site(in), inst, name); ok {
			v, err = vm.callFunction(fn, withSelf, kwn)
		} else if a, ok := inst.get(name); ok {
			v, err = vm.call(a, args, kwn)
		} else if m, ok := inst.cls.lookup(name); ok {
			if fn, isFn := m.O.(*Function); isFn {
				v, err = vm.callFunction(fn, withSelf, kwn)
			} else {
				var bound Val
				if bound, err = vm.bindClassAttr(m, self, inst.cls, true); err == nil {
					v, err = vm.call(bound, args, kwn)
				}
			}
		} else {
			// __getattr__, __class__, __dict__ ...: what getAttr finds.
			var fv Val
			if fv, err = vm.getAttr(self, name); err != nil {
				return err
			}
			v, err = vm.call(fv, args, kwn)
		}
		if err != nil {
			return err
		}
		f.set(in.A, v)
		return nil
	}
	if _, ok := self.O.(*Class); ok {
		fv, err := vm.getAttr(self, name)
		if err != nil {
			return err
		}
		v, err = vm.call(fv, args, kwn)
		if err != nil {
			return err
		}
		f.set(in.A, v)
		return nil
	}
	if sup, ok := self.O.(*SuperObj); ok {
		fv, err := vm.getAttr(ObjVal(sup), name)
		if err != nil {
			return err
		}
		v, err = vm.call(fv, args, kwn)
		if err != nil {
			return err
		}
		f.set(in.A, v)
		return nil
	}
	if m, ok := self.O.(*Module); ok {
		fv, ok := moduleAttr(f.code.site(in), m, name)
		if !ok {
			return newErr(AttributeError, "%s", attrErrorMsg(self, name))
		}
		v, err = vm.call(fv, args, kwn)
	} else {
		v, err = vm.callMethodAt(f.code.site(in), self, name, args, kwn)
	}
	if err != nil {
		return err
	}
	f.set(in.A, v)
	return nil
}

// pushSlotArgs pushes the n arguments in f's slots from first onto the
// VM's argument stack (popArgs(n) gives them back); an unbound slot is
// the error, nothing left pushed.
func (vm *VM) pushSlotArgs(f *frame, first int32, n int) ([]Val, error) {
	args := vm.pushArgs(n)
	for i := range args {
		r := f.regs[first+int32(i)]
		if r.Tag == tagEmpty {
			vm.popArgs(n)
			return nil, f.unbound(first + int32(i))
		}
		args[i] = Val{T: r.Tag, B: r.Bits}
		if r.Tag == tagObject {
			args[i].O = f.objs[first+int32(i)]
		}
	}
	return args, nil
}

// callBuiltinAt is opCallMethod for a receiver of a built-in type
// (without a defer: most method calls of a program come here).
func (vm *VM) callBuiltinAt(f *frame, in *Instr, self Val, name string) error {
	n := int(in.C)
	args, err := vm.pushSlotArgs(f, in.B+1, n)
	if err != nil {
		return err
	}
	var kwn []string
	if in.E >= 0 {
		kwn = f.code.kwnames[in.E]
	}
	v, err := vm.callMethodAt(f.code.site(in), self, name, args, kwn)
	vm.popArgs(n)
	if err != nil {
		return err
	}
	f.set(in.A, v)
	return nil
}

// instanceBinop is binop for an instance a whose class's method for op is
// a plain function of (self, other), and b a number or an instance (the
// operands binop looks at before the special methods are not):
// the operands go straight into the method's frame. done is false when
// binop must do it.
func (vm *VM) instanceBinop(f *frame, in *Instr, a, b Val) (done bool, err error) {
	x, ok := a.O.(*Instance)
	if !ok || a.T != tagObject {
		return false, nil
	}
	switch b.T {
	case tagInt, tagFloat, tagBool, tagNone:
	case tagObject:
		if _, ok := b.O.(*Instance); !ok || in.Op == opMul {
			return false, nil
		}
	default:
		return false, nil
	}
	ids := binSpecials[in.Op]
	if ids[0] == spNone {
		return false, nil
	}
	m, found := x.cls.lookupSpecial(ids[0])
	fn, isFn := m.O.(*Function)
	if !found || !isFn || fn.code.nparams != 2 || !fn.code.simple || fn.code.isGenerator {
		return false, nil
	}
	if err := vm.callCheck(); err != nil {
		return true, err
	}
	nf := vm.callFrame(fn)
	nf.set(0, a)
	nf.set(1, b)
	if fn.free != nil {
		nf.setFree(fn)
	}
	r, err := vm.runFrame(nf)
	if err == nil && isNotImplemented(r) {
		// binop's remaining step: the reflected method of b.
		var found bool
		if r, found, err = vm.dunderID(b, ids[1], a); !found || err == nil && isNotImplemented(r) {
			return true, binopTypeErr(opSymbols[in.Op], a, b)
		}
	}
	if err == nil {
		f.set(in.A, r)
	}
	return true, err
}

// builtinExtraAt is the fast method a CALL_METHOD site with cache c
// remembers for receiver o, or nil. Instances, classes, super objects and
// modules never get one: their type names are not built-in types'.
func builtinExtraAt(c *siteCache, o Object) extraFn {
	if c == nil || c.n != 1 || c.ways[0].kind != cacheBuiltin || c.ways[0].extra == nil {
		return nil
	}
	switch o.(type) {
	case nil, *Instance, *Class, *SuperObj, *Module:
		return nil
	}
	if c.ways[0].tname != o.typeName() {
		return nil
	}
	return c.ways[0].extra
}

// callBuiltinDirect is opCall of built-in function b with the positional
// arguments in f's slots after it.
func (vm *VM) callBuiltinDirect(f *frame, in *Instr, b *Builtin) error {
	n := int(in.C)
	args, err := vm.pushSlotArgs(f, in.B+1, n)
	if err != nil {
		return err
	}
	v, err := b.fn(vm, args, nil)
	vm.popArgs(n)
	if err != nil {
		return err
	}
	f.set(in.A, v)
	return nil
}

// callExtraAt is callBuiltinAt for a site whose method fn is known.
func (vm *VM) callExtraAt(f *frame, in *Instr, fn extraFn) error {
	n := int(in.C)
	args, err := vm.pushSlotArgs(f, in.B+1, n)
	if err != nil {
		return err
	}
	v, err := fn(vm, f.get(in.B), args, nil)
	vm.popArgs(n)
	if err != nil {
		return err
	}
	f.set(in.A, v)
	return nil
}

func (vm *VM) getAttr(o Val, name string) (Val, error) {
	if m, ok := o.O.(*Module); ok {
		if v, ok := m.table()[name]; ok {
			return v, nil
		}
		return Val{}, newErr(AttributeError, "%s", attrErrorMsg(o, name))
	}
	switch t := o.O.(type) {
	case goObject:
		if v, ok := t.attr(vm, name); ok {
			return v, nil
		}
		if t.has(name) {
			return ObjVal(&BoundMethod{self: o, name: name}), nil
		}
		if name == "__class__" {
			return vm.typeOf(o), nil
		}
		return Val{}, newErr(AttributeError, "%s", attrErrorMsg(o, name))
	case *Property:
		if name == "setter" {
			return ObjVal(&Builtin{name: "setter", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
				if len(args) != 1 {
					return Val{}, newErr(TypeError, "setter() takes exactly one argument")
				}
				return ObjVal(&Property{get: t.get, set: args[0]}), nil
			}}), nil
		}
	case *Instance:
		if v, ok, err := vm.instanceAttr(t, o, name); ok || err != nil {
			return v, err
		}
		if name == "__class__" {
			return ObjVal(t.cls), nil
		}
		if name == "__dict__" && t.cls != objectClass && t.cls.hasDict() {
			return ObjVal(t.dict()), nil
		}
		if m, ok := objectDunder(o, t, name); ok {
			return m, nil
		}
		if ga, ok := t.cls.lookup("__getattr__"); ok {
			// Called only when normal lookup fails, as in CPython.
			return vm.call(ga, []Val{o, StrVal(name)}, nil)
		}
		return Val{}, newErr(AttributeError, "%s", instAttrErrorMsg(t, name))
	case *Class:
		if name == "__doc__" {
			// Not inherited: each class has its own.
			if v, ok := t.attrs[name]; ok {
				return v, nil
			}
			return NoneVal, nil
		}
		if v, ok := t.lookup(name); ok {
			return vm.bindClassAttr(v, o, t, false)
		}
		if name == "__name__" {
			return StrVal(t.name), nil
		}
		if v, ok := vm.classAttr(t, name); ok {
			return v, nil
		}
		if v, ok := vm.objectAttr(name); ok {
			return v, nil // inherited from object: C.__init__ is object.__init__
		}
		return Val{}, newErr(AttributeError, "type object '%s' has no attribute '%s'", t.name, name)
	case *SuperObj:
		if e, ok := t.self.O.(*Exception); ok {
			if v, ok := vm.superOfException(t, e, name); ok {
				return v, nil
			}
			return Val{}, newErr(AttributeError, "'super' object has no attribute '%s'", name)
		}
		if sc, ok := t.self.O.(*Class); ok {
			// super(C, cls) in a classmethod: the class attribute after C.
			after := false
			for _, k := range sc.mro {
				if after {
					if v, ok := k.attrs[name]; ok {
						return vm.bindClassAttr(v, t.self, sc, false)
					}
				}
				after = after || k == t.cls
			}
		}
		inst, _ := t.self.O.(*Instance)
		if inst != nil {
			after := false
			for _, k := range inst.cls.mro {
				if after {
					if v, ok := k.attrs[name]; ok {
						return vm.bindClassAttr(v, t.self, inst.cls, true)
					}
				}
				after = after || k == t.cls
			}
		}
		if name == "__init__" {
			// object.__init__: accepts nothing, does nothing.
			return ObjVal(&Builtin{name: "__init__", fn: func(vm *VM, args []Val, kwn []string) (Val, error) { return NoneVal, nil }}), nil
		}
		if name == "__new__" {
			// A static method: the caller passes the class.
			return builtinFn(name, objectNew), nil
		}
		if f := objectMethod(name); f != nil {
			self := t.self
			return builtinFn(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
				return f(vm, append([]Val{self}, args...), kwn)
			}), nil
		}
		return Val{}, newErr(AttributeError, "'super' object has no attribute '%s'", name)
	case *typeObj:
		if name == "__name__" {
			return StrVal(t.name), nil
		}
		if t.name == "object" {
			if v, ok := vm.objectAttr(name); ok {
				return v, nil
			}
		}
		if f := objectMethod(name); f != nil && t.name == "object" {
			return builtinFn(name, f), nil
		}
		if t.name == "dict" && name == "fromkeys" {
			return ObjVal(&Builtin{name: "fromkeys", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
				if len(args) < 1 || len(args) > 2 {
					return Val{}, newErr(TypeError, "fromkeys expected at least 1 argument, got %d", len(args))
				}
				keys, err := vm.iterate(args[0])
				if err != nil {
					return Val{}, err
				}
				v := NoneVal
				if len(args) == 2 {
					v = args[1]
				}
				d := newDict()
				for _, k := range keys {
					if err := d.set(k, v); err != nil {
						return Val{}, err
					}
				}
				return ObjVal(d), nil
			}}), nil
		}
		if f := extraTypeAttr(t.name, name); f != nil {
			return ObjVal(&Builtin{name: name, fn: f}), nil
		}
		for _, m := range append(methodNames[t.name], extraMethodNames(t.name)...) {
			if m == name {
				// An unbound method: str.lower(s) is s.lower().
				tname := t.name
				return ObjVal(&Builtin{name: name, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
					if len(args) == 0 {
						return Val{}, newErr(TypeError, "unbound method %s.%s() needs an argument", tname, name)
					}
					self := args[0]
					if typeName(self) != tname && !(tname == "int" && self.T == tagBool) {
						return Val{}, newErr(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, tname, typeName(self))
					}
					return vm.callMethod(self, name, append([]Val(nil), args[1:]...), kwn)
				}}), nil
			}
		}
		if len(name) > 4 && name[:2] == "__" && typeHasDunder(t.name, name) {
			// An unbound special method: list.__len__([1]), hasattr(int, '__add__').
			tname := t.name
			return ObjVal(&Builtin{name: name, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
				if len(args) == 0 {
					return Val{}, newErr(TypeError, "descriptor '%s' of '%s' object needs an argument", name, tname)
				}
				self := args[0]
				if typeName(self) != tname && !(tname == "int" && self.T == tagBool) && tname != "object" {
					return Val{}, newErr(TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", name, tname, typeName(self))
				}
				m, ok := builtinDunder(self, name)
				if inst, isInst := self.O.(*Instance); isInst {
					m, ok = objectDunder(self, inst, name)
				}
				if !ok {
					return Val{}, newErr(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, tname, typeName(self))
				}
				return vm.call(m, append([]Val(nil), args[1:]...), kwn)
			}}), nil
		}
	case *ExcType:
		switch name {
		case "__name__", "__qualname__":
			return StrVal(t.name), nil
		case "__module__":
			switch {
			case t.module != "":
				return StrVal(t.module), nil
			case t.cls != nil:
				return StrVal("__main__"), nil
			}
			return StrVal("builtins"), nil
		}
	case *Function:
		if v, ok := vm.funcAttr(t, name); ok {
			return v, nil
		}
	case *Builtin:
		if v, ok := t.attrs[name]; ok {
			return v, nil
		}
		switch name {
		case "__name__", "__qualname__":
			return StrVal(t.name), nil
		case "__doc__", "__self__":
			return NoneVal, nil
		case "__module__":
			return StrVal("builtins"), nil
		}
	case *Method:
		if v, ok := vm.methodAttr(t, name); ok {
			return v, nil
		}
	case *BoundMethod:
		switch name {
		case "__name__", "__qualname__":
			return StrVal(t.name), nil
		case "__self__":
			return t.self, nil
		}
	}
	if e, ok := o.O.(*Exception); ok && name != "args" {
		if v, ok := vm.exceptionAttr(e, o, name); ok {
			return v, nil
		}
	}
	if e, ok := o.O.(*Exception); ok && name == "args" {
		return ObjVal(&Tuple{items: e.args}), nil
	}
	if hasMethod(o, name) || extraMethod(o, name) != nil {
		return ObjVal(&BoundMethod{self: o, name: name}), nil
	}
	switch name {
	case "start", "stop", "step", "indices":
		if s, ok := o.O.(*SliceObj); ok {
			return vm.sliceAttr(s, name)
		}
	case "maxlen":
		if l, ok := o.O.(*List); ok && l.deque {
			if l.dqMax == 0 {
				return NoneVal, nil
			}
			return IntVal(int64(l.dqMax - 1)), nil
		}
	case "real":
		if isNumber(o) {
			return o, nil
		}
	case "imag":
		if isIntLike(o) {
			return IntVal(0), nil
		}
		if o.T == tagFloat {
			return FloatVal(0), nil
		}
	case "__class__":
		return vm.typeOf(o), nil
	}
	if len(name) > 4 && name[:2] == "__" {
		switch o.O.(type) {
		case *Instance, *Class, *typeObj, *ExcType, *Exception, *Module, *SuperObj:
		default:
			if m, ok := builtinDunder(o, name); ok {
				return m, nil
			}
		}
	}
	return Val{}, newErr(AttributeError, "%s", attrErrorMsg(o, name))
}

// ---- iteration ----

type listIter struct {
	l *List
	i int
}
type rangeIter struct{ i, stop, step int64 }
type seqIter struct {
	items []Val
	i     int
	name  string // the type's name when not "iterator" (tuple_iterator)
}
type strIter struct {
	s *Str
	i int
}
type bigRangeIter struct{ i, stop, step *big.Int }

// dictIter walks a dict's entries in order and fails, like CPython's, if
// the dict changes size meanwhile, or yields more keys than it had (keys
// deleted and others added).
type dictIter struct {
	d          *Dict
	i, n, left int
	kind       string
}

func (*dictIter) typeName() string { return "dict_keyiterator" }

// instIter iterates an instance through __next__ (or __getitem__).
type instIter struct {
	self   Val
	index  bool
	i      int
	result Val // the value of the StopIteration that ended it, for yield from
}

func (*instIter) typeName() string { return "iterator" }

func (*listIter) typeName() string  { return "list_iterator" }
func (*rangeIter) typeName() string { return "range_iterator" }
func (it *seqIter) typeName() string {
	if it.name != "" {
		return it.name
	}
	return "iterator"
}
func (*strIter) typeName() string      { return "str_ascii_iterator" }
func (*bigRangeIter) typeName() string { return "range_iterator" }

func (vm *VM) iter(v Val) (Object, error) {
	if v.T == tagObject {
		switch x := v.O.(type) {
		case *List:
			return &listIter{l: x}, nil
		case *Range:
			return &rangeIter{x.start, x.stop, x.step}, nil
		case *BigRange:
			return &bigRangeIter{new(big.Int).Set(x.start), x.stop, x.step}, nil
		case *Tuple:
			return &seqIter{items: x.items, name: "tuple_iterator"}, nil
		case *Str:
			return &strIter{s: x}, nil
		case *Bytes:
			return bytesIter(x), nil
		case *Dict:
			return &dictIter{d: x, n: x.Len(), left: x.Len(), kind: "keys"}, nil
		case *Set:
			return &setIter{s: x, n: x.used}, nil
		case *DictView:
			return &dictIter{d: x.d, n: x.d.Len(), left: x.d.Len(), kind: x.kind}, nil
		case *listIter, *rangeIter, *seqIter, *strIter, *bigRangeIter, *Generator, *countIter, *instIter, *dictIter, *setIter, *funcIter:
			return x, nil
		case *Instance:
			if _, ok := x.cls.lookup("__next__"); ok {
				if _, hasIter := x.cls.lookup("__iter__"); !hasIter {
					break
				}
			}
			if r, found, err := vm.dunder(v, "__iter__"); found {
				if err != nil {
					return nil, err
				}
				if inst, ok := r.O.(*Instance); ok {
					if _, ok := inst.cls.lookup("__next__"); ok {
						return &instIter{self: r}, nil
					}
					return nil, newErr(TypeError, "iter() returned non-iterator of type '%s'", inst.cls.name)
				}
				return vm.iter(r)
			}
			if _, ok := x.cls.lookup("__getitem__"); ok {
				return &instIter{self: v, index: true}, nil
			}
		}
	}
	if r, found, err := vm.dunder(v, "__iter__"); found {
		if err != nil {
			return nil, err
		}
		return vm.iter(r)
	}
	return nil, newErr(TypeError, "'%s' object is not iterable", typeName(v))
}

func (vm *VM) nextItem(it Object) (Val, bool, error) {
	switch x := it.(type) {
	case *listIter:
		if x.i < x.l.Len() {
			x.i++
			return x.l.at(x.i - 1), true, nil
		}
	case *rangeIter:
		if (x.step > 0 && x.i < x.stop) || (x.step < 0 && x.i > x.stop) {
			v := x.i
			x.i += x.step
			return IntVal(v), true, nil
		}
	case *seqIter:
		if x.i < len(x.items) {
			x.i++
			return x.items[x.i-1], true, nil
		}
	case *strIter:
		if x.i < x.s.length() {
			x.i++
			return x.s.charVal(x.i - 1), true, nil
		}
	case *bigRangeIter:
		if (x.step.Sign() > 0 && x.i.Cmp(x.stop) < 0) || (x.step.Sign() < 0 && x.i.Cmp(x.stop) > 0) {
			v := normBig(new(big.Int).Set(x.i))
			x.i.Add(x.i, x.step)
			return v, true, nil
		}
	case *Generator:
		return x.next(vm)
	case *funcIter:
		return x.next(vm)
	case *setIter:
		return x.next()
	case *dictIter:
		e, err := x.step()
		if e == nil {
			return Val{}, false, err
		}
		switch x.kind {
		case "keys":
			return e.key(), true, nil
		case "values":
			return e.val(), true, nil
		}
		return ObjVal(pairOf(e.key(), e.val())), true, nil
	case *instIter:
		if x.index {
			// The old protocol: __getitem__(0), (1), ... until IndexError.
			r, _, err := vm.dunder(x.self, "__getitem__", IntVal(int64(x.i)))
			x.i++
			if pe, ok := err.(*PyErr); ok && (pe.exc.typ.isSub(IndexError) || pe.exc.typ.isSub(StopIteration)) {
				return Val{}, false, nil
			}
			return r, err == nil, err
		}
		r, _, err := vm.dunder(x.self, "__next__")
		if pe, ok := err.(*PyErr); ok && pe.exc.typ.isSub(StopIteration) {
			x.result = stopValue(pe.exc)
			return Val{}, false, nil
		}
		return r, err == nil, err
	case *countIter:
		v := x.n
		n, err := vm.binop(opAdd, x.n, x.step)
		if err != nil {
			return Val{}, false, err
		}
		x.n = n
		return v, true, nil
	default:
		return Val{}, false, &internalError{"next on a non-iterator"}
	}
	return Val{}, false, nil
}

// iterate collects all items of an iterable.
func (vm *VM) iterate(v Val) ([]Val, error) {
	switch x := v.O.(type) {
	case *List:
		return x.items(), nil
	case *Tuple:
		return x.items, nil
	}
	var out []Val
	if r, ok := v.O.(*BigRange); ok {
		n, err := r.len()
		if err != nil {
			return nil, err
		}
		if err := memCheckMul(uint64(n), valSize); err != nil {
			return nil, err
		}
	}
	if r, ok := v.O.(*Range); ok {
		n := rangeLen(r)
		if err := memCheckMul(uint64(n), valSize); err != nil {
			return nil, err
		}
		out = make([]Val, 0, n)
	}
	it, err := vm.iter(v)
	if err != nil {
		return nil, err
	}
	for {
		x, ok, err := vm.next(it)
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		if len(out) == cap(out) && uint64(len(out)) >= memBig/valSize {
			if err := memCheckMul(uint64(len(out))*9/4, valSize); err != nil {
				return nil, err
			}
		}
		if out == nil {
			// Room for a short generator's items at once: append from
			// nothing would allocate at 1, 2, 4, 8 and 16 items.
			out = make([]Val, 0, 8)
		}
		out = append(out, x)
	}
}

// ---- subscripts ----

func (vm *VM) index(v Val, what string) (int64, error) {
	switch v.T {
	case tagInt, tagBool:
		return int64(v.B), nil
	}
	if b, ok := v.O.(*BigInt); ok {
		if b.v.Sign() < 0 {
			return math.MinInt64 / 2, nil
		}
		return math.MaxInt64 / 2, nil
	}
	if r, ok, err := instInt(v, "__index__"); ok {
		if err != nil {
			return 0, err
		}
		return vm.index(r, what)
	}
	return 0, newErr(TypeError, "%s indices must be integers or slices, not %s", what, typeName(v))
}

func (vm *VM) getItem(o, k Val) (Val, error) {
	if s, ok := k.O.(*SliceObj); ok {
		if v, ok, err := vm.getSlice(o, s); ok {
			return v, err
		}
	}
	switch x := o.O.(type) {
	case *List:
		i, err := vm.index(k, "list")
		if err != nil {
			return Val{}, err
		}
		if i < 0 {
			i += int64(x.Len())
		}
		if i < 0 || i >= int64(x.Len()) {
			return Val{}, newErr(IndexError, "list index out of range")
		}
		return x.at(int(i)), nil
	case *Tuple:
		i, err := vm.index(k, "tuple")
		if err != nil {
			return Val{}, err
		}
		if i < 0 {
			i += int64(len(x.items))
		}
		if i < 0 || i >= int64(len(x.items)) {
			return Val{}, newErr(IndexError, "tuple index out of range")
		}
		return x.items[i], nil
	case *Str:
		n := int64(x.length())
		i, err := vm.index(k, "string")
		if err != nil {
			// unicodeobject.c words it without "or slices" and quotes
			// the type.
			if pe, ok := err.(*PyErr); ok && pe.exc.typ == TypeError && strings.HasPrefix(excStr(vm, pe.exc), "string indices") {
				return Val{}, newErr(TypeError, "string indices must be integers, not '%s'", typeName(k))
			}
			return Val{}, err
		}
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return Val{}, newErr(IndexError, "string index out of range")
		}
		return x.charVal(int(i)), nil
	case *Bytes:
		return vm.bytesGetItem(x, k)
	case *Dict:
		v, ok, err := x.get(k)
		if err != nil {
			return Val{}, err
		}
		if !ok {
			switch {
			case x.counter:
				return IntVal(0), nil
			case x.factory.T != tagEmpty && x.factory.T != tagNone:
				// defaultdict: make the value, keep it.
				nv, err := vm.call(x.factory, nil, nil)
				if err != nil {
					return Val{}, err
				}
				return nv, x.set(k, nv)
			}
			return Val{}, newErrVal(KeyError, k)
		}
		return v, nil
	case *Range:
		if s, ok := k.O.(*SliceObj); ok {
			return vm.sliceRange(x, s)
		}
		i, err := vm.index(k, "range object")
		if err != nil {
			return Val{}, err
		}
		n := rangeLen(x)
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return Val{}, newErr(IndexError, "range object index out of range")
		}
		return IntVal(x.start + i*x.step), nil
	}
	if r, found, err := vm.dunder(o, "__getitem__", k); found {
		return r, err
	}
	return Val{}, newErr(TypeError, "'%s' object is not subscriptable", typeName(o))
}

func rangeLen(r *Range) int64 {
	if r.step > 0 && r.start < r.stop {
		return (r.stop - r.start + r.step - 1) / r.step
	}
	if r.step < 0 && r.start > r.stop {
		return (r.start - r.stop - r.step - 1) / (-r.step)
	}
	return 0
}

func (vm *VM) setItem(o, k, v Val) error {
	switch x := o.O.(type) {
	case *List:
		if s, ok := k.O.(*SliceObj); ok {
			return vm.setSlice(x, s, v)
		}
		i, err := vm.index(k, "list")
		if err != nil {
			return err
		}
		if i < 0 {
			i += int64(x.Len())
		}
		if i < 0 || i >= int64(x.Len()) {
			return newErr(IndexError, "list assignment index out of range")
		}
		x.setAt(int(i), v)
		return nil
	case *Dict:
		return x.set(k, v)
	case *Bytes:
		return vm.bytesSetItem(x, k, v)
	}
	if _, found, err := vm.dunder(o, "__setitem__", k, v); found {
		return err
	}
	if o.T == tagObject {
		switch o.O.(type) {
		case *Str, *Tuple, *Range:
			return newErr(TypeError, "'%s' object does not support item assignment", typeName(o))
		}
	}
	return newErr(TypeError, "'%s' object does not support item assignment", typeName(o))
}

func (vm *VM) delItem(o, k Val) error {
	switch x := o.O.(type) {
	case *List:
		if s, ok := k.O.(*SliceObj); ok {
			return vm.delSlice(x, s)
		}
		i, err := vm.index(k, "list")
		if err != nil {
			return err
		}
		if i < 0 {
			i += int64(x.Len())
		}
		if i < 0 || i >= int64(x.Len()) {
			return newErr(IndexError, "list assignment index out of range")
		}
		x.removeRange(int(i), int(i)+1)
		return nil
	case *Dict:
		_, ok, err := x.del(k)
		if err != nil {
			return err
		}
		if !ok {
			return newErrVal(KeyError, k)
		}
		return nil
	case *Bytes:
		return vm.bytesDelItem(x, k)
	}
	if _, found, err := vm.dunder(o, "__delitem__", k); found {
		return err
	}
	return newErr(TypeError, "'%s' object doesn't support item deletion", typeName(o))
}

func (vm *VM) sliceIndices(s *SliceObj, n int64) (lo, hi, step int64, err error) {
	step = 1
	if s.step.T != tagNone {
		if step, err = vm.sliceIndex(s.step); err != nil {
			return
		}
		if step == 0 {
			err = newErr(ValueError, "slice step cannot be zero")
			return
		}
	}
	get := func(v Val, def int64) (int64, error) {
		if v.T == tagNone {
			return def, nil
		}
		i, err := vm.sliceIndex(v)
		if err != nil {
			return 0, err
		}
		if i < 0 {
			i += n
			if i < 0 {
				if step < 0 {
					i = -1
				} else {
					i = 0
				}
			}
		} else if i >= n {
			if step < 0 {
				i = n - 1
			} else {
				i = n
			}
		}
		return i, nil
	}
	if step > 0 {
		lo, err = get(s.lo, 0)
		if err == nil {
			hi, err = get(s.hi, n)
		}
	} else {
		lo, err = get(s.lo, n-1)
		if err == nil {
			hi, err = get(s.hi, -1)
		}
	}
	return
}

func (vm *VM) sliceIndex(v Val) (int64, error) {
	switch v.T {
	case tagInt, tagBool:
		return int64(v.B), nil
	}
	if b, ok := v.O.(*BigInt); ok {
		if b.v.Sign() < 0 {
			return math.MinInt64 / 4, nil
		}
		return math.MaxInt64 / 4, nil
	}
	if r, ok, err := instInt(v, "__index__"); ok {
		if err != nil {
			return 0, err
		}
		return vm.sliceIndex(r)
	}
	return 0, newErr(TypeError, "slice indices must be integers or None or have an __index__ method")
}

func sliceRange(lo, hi, step int64) []int64 {
	var out []int64
	if step > 0 {
		for i := lo; i < hi; i += step {
			out = append(out, i)
		}
	} else {
		for i := lo; i > hi; i += step {
			out = append(out, i)
		}
	}
	return out
}

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
	if in.D == inPlace {
		if v, ok, err := vm.inplaceOp(in.Op, a, b); ok || err != nil {
			if err == nil {
				f.set(in.A, v)
			}
			return err
		}
	}
	if in.D != inPlace {
		if done, err := vm.instanceBinop(f, in, a, b); done {
			return err
		}
	}
	v, err := vm.binop(in.Op, a, b)
	if err != nil {
		if in.D == inPlace {
			err = augOpErr(in.Op, err)
		}
		return err
	}
	f.set(in.A, v)
	return nil
}
