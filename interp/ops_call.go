package interp

// Calls: CALL and CALL_METHOD sites, argument errors, builtin call caches, instance operators and getAttr.

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
)

// ---- calls ----

func (vm *VM) opCall(f *frame, in *Instr) error {
	if in.E&lenPrivArg != 0 && vm.lenOfPrivate(f, in) {
		return nil
	}
	if in.E&convPrivArg != 0 {
		vm.convOfPrivate(f, in)
	}
	if in.E&revPrivArg != 0 {
		vm.reversedOfPrivate(f, in)
	}
	fnv, err := f.load(in.B)
	if err != nil {
		return err
	}
	return vm.callWithFrameArgs(f, in, fnv, in.D)
}

// callWithFrameArgs calls fn with the in.C arguments in the slots after
// in.B, the keyword names kwnames[kw] (none if kw < 0), and stores the
// result in slot in.A.
func (vm *VM) callWithFrameArgs(f *frame, in *Instr, fn Val, kw int32) error {
	// Arguments go on the VM's argument stack: callees copy what they keep.
	args := vm.pushArgs(int(in.C))
	defer vm.popArgs(int(in.C))
	var err error
	for i := range args {
		if args[i], err = f.load(in.B + 1 + int32(i)); err != nil {
			return err
		}
	}
	var kwn []string
	if kw >= 0 {
		kwn = f.code.kwnames[kw]
	}
	v, err := vm.call(fn, args, kwn)
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
	case *StaticMethod:
		return vm.call(fn.fn, args, kwn) // callable since 3.10
	}
	if fnv.T == tagObject {
		if t, ok := fnv.O.(*typeObj); ok {
			return t.call(vm, args, kwn)
		}
	}
	if inst, ok := fnv.O.(*Instance); ok && fnv.T == tagObject {
		if m, ok := inst.cls.lookup("__call__"); ok {
			return vm.callWithSelf(m, fnv, args, kwn)
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
		if mn == "builtins" {
			continue // CPython leaves builtins out (print(), not builtins.print())
		}
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

// withExitKw marks the CALL_METHOD of __exit__ a with statement makes: a
// special method, found on the type without its __getattribute__.
const withExitKw = -4

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
		return listAppendAt(f, in, l)
	}
	if s, ok := self.O.(*Set); ok && in.C == 1 && in.E < 0 && (name == "discard" || name == "remove") && !s.frozen && !vm.threaded() {
		if done, err := vm.setDiscardIntAt(f, in, s, name == "discard"); done {
			return err
		}
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

// listAppendAt is xs.append(v) at a CALL_METHOD whose receiver l is in
// slot in.B and v in the slot after it.
func listAppendAt(f *frame, in *Instr, l *List) error {
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

// setAddIntAt is s.add(x) at a CALL_METHOD when x is an int and s a set
// of ints only, probed inline without the argument stack (a board's
// diagonals, one add per square). done is false for anything else, which
// takes the usual paths.
func setAddIntAt(f *frame, in *Instr, s *Set) (done bool, err error) {
	r := f.regs[in.B+1]
	if r.Tag != tagInt || s.frozen || s.tags != nil || s.objs != nil {
		return false, nil
	}
	if err := s.addIntFrom(int64(r.Bits), nil); err != nil {
		return true, err
	}
	f.set(in.A, NoneVal)
	return true, nil
}

// setDiscardIntAt is s.discard(x) or s.remove(x) at a CALL_METHOD when x
// is an int, probed without the argument stack or the method's lookup (a
// constraint solver strikes one candidate per call: the general path was
// nine tenths of the call). done is false for any other argument. A
// remove that misses raises here: searching again on the usual path would
// ask a colliding key's __eq__ a second time.
func (vm *VM) setDiscardIntAt(f *frame, in *Instr, s *Set, discard bool) (done bool, err error) {
	r := f.regs[in.B+1]
	if r.Tag != tagInt {
		return false, nil
	}
	k := Val{T: tagInt, B: r.Bits}
	if j := s.findInt(k, pyIntHash(int64(r.Bits))); j >= 0 {
		s.drop(uint64(j))
	} else if !discard {
		if err := vm.takePending(); err != nil {
			return true, err // a key's __eq__ raised: that, not KeyError
		}
		return true, newErrVal(KeyError, k)
	}
	f.set(in.A, NoneVal)
	return true, nil
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
	switch o := self.O.(type) {
	case *Instance:
		v, err = vm.callMethodOnInstance(f.code.site(in), o, self, name, withSelf, kwn, in.E == withEnterKw || in.E == withExitKw)
	case *Class, *SuperObj:
		// Class and super attributes bind as getAttr says (classmethods,
		// staticmethods, metaclass methods): no shortcut pays here.
		v, err = vm.callAttr(self, name, args, kwn)
	case *Module:
		fv, ok := moduleAttr(f.code.site(in), o, name)
		if !ok {
			if fv, err = vm.getAttr(self, name); err != nil {
				return err
			}
		}
		v, err = vm.call(fv, args, kwn)
	default:
		v, err = vm.callMethodAt(f.code.site(in), self, name, args, kwn)
	}
	if err != nil {
		return err
	}
	f.set(in.A, v)
	return nil
}

// callMethodOnInstance calls inst.name(args): through the site's method
// cache when it holds, else the instance's own attribute, else the class's.
// withSelf is self followed by the arguments. special: a with
// statement's __enter__ or __exit__, which the class's __getattribute__
// does not see.
func (vm *VM) callMethodOnInstance(site *atomic.Pointer[siteCache], inst *Instance, self Val, name string, withSelf []Val, kwn []string, special bool) (Val, error) {
	args := withSelf[1:]
	if fn, ok := vm.methodOf(site, inst, name); ok {
		return vm.callFunction(fn, withSelf, kwn)
	}
	if _, ok := inst.getAttribute(); ok && !special {
		// (methodOf never learns such a class.)
		return vm.callAttr(self, name, args, kwn)
	}
	if a, ok := inst.get(name); ok {
		return vm.call(a, args, kwn)
	}
	m, ok := inst.cls.lookup(name)
	if !ok {
		// __getattr__, __class__, __dict__ ...: what getAttr finds.
		return vm.callAttr(self, name, args, kwn)
	}
	if fn, isFn := m.O.(*Function); isFn {
		return vm.callFunction(fn, withSelf, kwn)
	}
	bound, err := vm.bindClassAttr(m, self, inst.cls, true)
	if err != nil {
		return Val{}, err
	}
	return vm.call(bound, args, kwn)
}

// callAttr calls getattr(self, name)(*args).
func (vm *VM) callAttr(self Val, name string, args []Val, kwn []string) (Val, error) {
	fv, err := vm.getAttr(self, name)
	if err != nil {
		return Val{}, err
	}
	return vm.call(fv, args, kwn)
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

// binArith are the binary operators generic hands to arith.
var binArith = [opCount]bool{opAdd: true, opSub: true, opMul: true, opTrueDiv: true, opFloorDiv: true,
	opMod: true, opPow: true, opLshift: true, opRshift: true, opBitAnd: true, opBitOr: true, opBitXor: true, opMatMul: true}

// instanceArith is generic's path for a binary operator (not in place)
// whose left operand, in slot B, is the instance x, taken from runAt
// before generic's list and big-int cases, which an instance never
// meets: instanceBinop, then what arith and generic do after it. done
// is false when generic must do it.
func (vm *VM) instanceArith(f *frame, in *Instr, x *Instance) (done bool, err error) {
	b := f.get(in.C)
	done, err = vm.instanceBinop(f, in, ObjVal(x), b)
	if done {
		vm.forgetBigs()
		if in.Op == opAdd || in.Op == opMul {
			vm.clearFresh()
		}
	}
	return done, err
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
		// Another instance: binop would only ask the same special
		// methods in the same order (for * too: neither is a sequence
		// it repeats), unless b's class, a subclass of a's, has its
		// reflected method go first (reflectedFirst): binop decides then.
		if y, ok := b.O.(*Instance); !ok || y.cls != x.cls && y.cls.isSub(x.cls) {
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
	nf := vm.callFrameN(fn, 2)
	nf.set(0, a)
	nf.set(1, b)
	if fn.free != nil {
		nf.setFree(fn)
	}
	r, err := vm.runFrame(nf)
	if err == nil && isNotImplemented(r) {
		r, err = vm.reflected(in.Op, a, b)
	}
	if err == nil {
		f.set(in.A, r)
	}
	return true, err
}

// reflected is binop's remaining step after a's method for op returned
// NotImplemented (instanceBinop): the reflected method of b.
func (vm *VM) reflected(op Op, a, b Val) (Val, error) {
	if sameInstanceClass(a, b) {
		return Val{}, binopTypeErr(opSymbols[op], a, b)
	}
	r, found, err := vm.dunderID(b, binSpecials[op][1], a)
	if !found || err == nil && isNotImplemented(r) {
		return Val{}, binopTypeErr(opSymbols[op], a, b)
	}
	return r, err
}

// sameInstanceClass reports whether a and b are instances of one class:
// a binary operator then asks no reflected method (CPython's binary_op1
// tries the right operand's slot only for another type).
func sameInstanceClass(a, b Val) bool {
	x, ok := a.O.(*Instance)
	if !ok || a.T != tagObject || b.T != tagObject {
		return false
	}
	y, ok := b.O.(*Instance)
	return ok && y.cls == x.cls
}

// Codes of the built-in types whose receivers are most often called
// through a site (builtinExtraAt): their Go types name one Python type
// each (a *List a list or, by its flag, a deque), so a type switch stands
// for the name's comparison.
const (
	tcOther uint8 = iota
	tcStr
	tcList
	tcDict
	tcTuple
	tcDeque
)

// builtinCode is the code of the built-in type named tname.
func builtinCode(tname string) uint8 {
	switch tname {
	case "str":
		return tcStr
	case "list":
		return tcList
	case "dict":
		return tcDict
	case "tuple":
		return tcTuple
	case "collections.deque":
		return tcDeque
	}
	return tcOther
}

// builtinExtraAt is the fast method a CALL_METHOD site with cache c
// remembers for receiver o, or nil. Instances, classes, super objects and
// modules never get one: their type names are not built-in types'.
func builtinExtraAt(c *siteCache, o Object) extraFn {
	if c == nil || c.n != 1 {
		return nil
	}
	w := &c.ways[0]
	if w.kind != cacheBuiltin || w.extra == nil {
		return nil
	}
	// One pointer comparison each for the common receivers, where a type
	// switch of this size searches the types' hashes.
	var code uint8
	if _, ok := o.(*Str); ok {
		code = tcStr
	} else if l, ok := o.(*List); ok {
		code = tcList
		if l.deque {
			code = tcDeque
		}
	} else if _, ok := o.(*Dict); ok {
		code = tcDict
	} else if _, ok := o.(*Tuple); ok {
		code = tcTuple
	} else {
		switch o.(type) {
		case nil, *Instance, *Class, *SuperObj, *Module:
			return nil
		}
		if w.tname != o.typeName() {
			return nil
		}
		return w.extra
	}
	if w.tcode != code {
		return nil
	}
	return w.extra
}

// callBuiltinDirect is opCall of built-in function b with the positional
// arguments in f's slots after it.
func (vm *VM) callBuiltinDirect(f *frame, in *Instr, b *Builtin) error {
	return vm.callSlotArgs(f, in, b.fn)
}

// callSlotArgs is opCall of a built-in function or type whose Go function
// is fn, with the positional arguments in f's slots after it: what
// callWithFrameArgs does, without its defer and vm.call's type switch.
func (vm *VM) callSlotArgs(f *frame, in *Instr, fn func(*VM, []Val, []string) (Val, error)) error {
	n := int(in.C)
	args, err := vm.pushSlotArgs(f, in.B+1, n)
	if err != nil {
		return err
	}
	v, err := fn(vm, args, nil)
	vm.popArgs(n)
	if err != nil {
		return err
	}
	f.set(in.A, v)
	return nil
}

// callModuleFunc is m.name(...) with positional arguments at the
// CALL_METHOD at pc-1, when the module's attribute is a built-in or a plain
// Python function: called with the arguments in the slots where they are,
// with no argument stack for a module receiver in between. False, nothing
// done, for anything else.
func (vm *VM) callModuleFunc(f *frame, in *Instr, m *Module, pc int) (bool, error) {
	fv, ok := moduleAttr(&f.code.caches[pc-1], m, f.code.names[in.D])
	if !ok || fv.T != tagObject {
		return false, nil
	}
	switch fn := fv.O.(type) {
	case *Builtin:
		return true, vm.callBuiltinDirect(f, in, fn)
	case *Function:
		if directArity(fn, int(in.C)) {
			v, err := vm.callDirect(f, fn, in.B+1, in.C, pc)
			if err == nil {
				f.set(in.A, v)
			}
			return true, err
		}
	}
	return false, nil
}

// callExtraAt is callBuiltinAt for a site whose method fn is known.
func (vm *VM) callExtraAt(f *frame, in *Instr, fn extraFn) error {
	n := int(in.C)
	if n == 0 {
		// s.lower(), s.isupper() ...: nothing to push or pop.
		vm.extraFrame = f
		v, err := fn(vm, f.get(in.B), nil, nil)
		vm.extraFrame = nil
		if err != nil {
			return err
		}
		f.set(in.A, v)
		return nil
	}
	if sp := vm.argSP; n <= 2 && sp+2 <= len(vm.argStack) {
		// s.strip(chars), d.get(k, 0) ...: the arguments straight onto
		// the stack, without pushSlotArgs' loop.
		args := vm.argStack[sp : sp+n : sp+n]
		for i := range args {
			j := in.B + 1 + int32(i)
			r := f.regs[j]
			if r.Tag == tagEmpty {
				clear(args)
				return f.unbound(j)
			}
			args[i] = Val{T: r.Tag, B: r.Bits}
			if r.Tag == tagObject {
				args[i].O = f.objs[j]
			}
		}
		vm.argSP = sp + n
		vm.extraFrame = f
		v, err := fn(vm, f.get(in.B), args, nil)
		vm.extraFrame = nil
		vm.argSP = sp
		args[0].O = nil
		if n == 2 {
			args[1].O = nil
		}
		if err != nil {
			return err
		}
		if in.E == freshDefaultKw {
			vm.unusedDefault(f, in, v)
		}
		f.set(in.A, v)
		return nil
	}
	args, err := vm.pushSlotArgs(f, in.B+1, n)
	if err != nil {
		return err
	}
	vm.extraFrame = f
	v, err := fn(vm, f.get(in.B), args, nil)
	vm.extraFrame = nil
	vm.popArgs(n)
	if err != nil {
		return err
	}
	f.set(in.A, v)
	return nil
}

func (vm *VM) getAttr(o Val, name string) (Val, error) {
	if m, ok := o.O.(*Module); ok {
		if c := m.cls.Load(); c != nil {
			return vm.subclassedModuleAttr(m, c, o, name)
		}
		if v, ok := m.lookup(name); ok {
			return v, nil
		}
		switch name {
		case "__dict__":
			return ObjVal(m.dictOf()), nil
		case "__name__":
			return StrVal(m.name), nil
		case "__class__":
			return vm.typeOf(o), nil
		case "__annotations__":
			return vm.moduleAnnotations(m, o)
		}
		return Val{}, attrErr(o, name)
	}
	switch t := o.O.(type) {
	case *Dict:
		if name == "default_factory" && t.factory.T != tagEmpty {
			return t.factory, nil
		}
		if name == "__missing__" && (t.counter || t.factory.T != tagEmpty) {
			return dictMissingMethod(o, t), nil
		}
	case *Cell:
		if name == "cell_contents" {
			if t.v.T == tagEmpty {
				return Val{}, newErr(ValueError, "Cell is empty")
			}
			return t.v, nil
		}
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
		if m, ok := builtinDunder(o, name); ok {
			return m, nil
		}
		if v, ok := vm.tableAttr(o, name); ok {
			return v, nil
		}
		return Val{}, attrErr(o, name)
	case *Property:
		if v, ok := t.attr(name); ok {
			return v, nil
		}
	case *StaticMethod:
		if v, ok, err := vm.wrapperAttr(o, t.fn, false, name); ok {
			return v, err
		}
	case *ClassMethod:
		if v, ok, err := vm.wrapperAttr(o, t.fn, true, name); ok {
			return v, err
		}
	case *Instance:
		if ga, ok := t.getAttribute(); ok {
			return vm.viaGetAttribute(t, o, ga, name)
		}
		if v, ok, err := vm.instanceAttr(t, o, name); ok || err != nil {
			return v, err
		}
		if name == "__class__" {
			return vm.typeOf(o), nil
		}
		if name == "__dict__" && t.cls != objectClass && t.cls.hasDict() {
			return t.dictVal(), nil
		}
		if m, ok := objectDunder(o, t, name); ok {
			return m, nil
		}
		if ga, ok := t.cls.lookup("__getattr__"); ok {
			// Called only when normal lookup fails, as in CPython.
			return vm.call(ga, []Val{o, StrVal(name)}, nil)
		}
		return Val{}, withAttrInfo(newErr(AttributeError, "%s", instAttrErrorMsg(t, name)), o, name)
	case *Class:
		if name == "__annotations__" || name == "__annotate__" {
			return vm.classAnnAttr(t, name)
		}
		if name == "__doc__" {
			// Not inherited: each class has its own.
			if v, ok := t.attrs[name]; ok {
				return v, nil
			}
			return NoneVal, nil
		}
		if t.meta != nil {
			// A data descriptor of the metaclass comes first.
			if m := t.pyMeta(); m != nil {
				if p, ok := m.lookup(name); ok {
					if _, isProp := p.O.(*Property); isProp {
						r, _, err := vm.metaAttr(t, name)
						return r, err
					}
				}
			}
		}
		if v, ok := t.lookup(name); ok {
			return vm.bindClassAttr(v, o, t, false)
		}
		if name == "__name__" {
			return StrVal(t.name), nil
		}
		if name == "__abstractmethods__" && t.isABC() {
			return vm.abstractMethodsSet(t)
		}
		if v, ok := vm.classAttr(t, name); ok {
			return v, nil
		}
		if t.meta != nil {
			if v, ok, err := vm.metaAttr(t, name); ok && !slices.Contains(objectSpecials, name) {
				return v, err
			}
		}
		if name == "__new__" {
			// list's for a subclass of list, else object's.
			if v := vm.superNew(t, nil); v.T != tagEmpty {
				return v, nil
			}
		}
		if v, ok := vm.objectAttr(name); ok {
			return v, nil // inherited from object: C.__init__ is object.__init__
		}
		if d, ok := vm.inheritedMethodDescr(t, name); ok {
			return d, nil
		}
		if d, ok := vm.slotMemberDescr(t, name); ok {
			return d, nil
		}
		if name == "__init_subclass__" || name == "__subclasshook__" {
			// object's class methods, bound to the class (an ABC's
			// __subclasshook__ says NotImplemented unless it has its own).
			if m, ok := vm.builtinTypeMethod(o, name, 'C'); ok {
				return m, nil
			}
		}
		if name == "__abstractmethods__" {
			// CPython's type getset words it so.
			return Val{}, withAttrInfo(newErr(AttributeError, "__abstractmethods__"), o, name)
		}
		return Val{}, withAttrInfo(newErr(AttributeError, "type object '%s' has no attribute '%s'", t.name, name), o, name)
	case *SuperObj:
		if et, ok := t.self.O.(*ExcType); ok {
			if v, ok, err := vm.superExcTypeAttr(et, t.cls, name); ok {
				return v, err
			}
		}
		if e, ok := t.self.O.(*Exception); ok {
			if v, ok := vm.superOfException(t, e, name); ok {
				return v, nil
			}
			return Val{}, newErr(AttributeError, "'super' object has no attribute '%s'", name)
		}
		if sc, ok := t.self.O.(*Class); ok && sc.meta != nil && sc.meta.isSub(t.cls) {
			// super() in a method of a metaclass: what follows it in the
			// metaclass's MRO, bound to the class.
			after := false
			for _, k := range sc.meta.mro {
				if after {
					if v, ok := k.own(name); ok {
						return vm.bindClassAttr(v, t.self, sc.meta, true)
					}
				}
				after = after || k == t.cls
			}
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
					if k.builtin {
						// The class standing for list, dict, deque ...
						// answers its other methods from the built-in
						// value: super().append(x) is the value's.
						if v, ok := vm.superBuiltinAttr(k, t.self, name); ok {
							return v, nil
						}
						break
					}
				}
				after = after || k == t.cls
			}
		}
		if m, ok := t.self.O.(*Module); ok && m.cls.Load() != nil {
			// A method of a types.ModuleType subclass (module_type.go).
			cls, after := m.cls.Load(), false
			for _, k := range cls.mro {
				if v, ok := k.attrs[name]; ok && after {
					return vm.bindClassAttr(v, t.self, cls, true)
				}
				after = after || k == t.cls
			}
		}
		if name == "__init__" {
			// object.__init__: accepts nothing, does nothing.
			return ObjVal(&Builtin{name: "__init__", fn: func(vm *VM, args []Val, kwn []string) (Val, error) { return NoneVal, nil }}), nil
		}
		if name == "__new__" {
			// A static method: the caller passes the class. A built-in
			// type's (list.__new__) when the MRO reaches one first.
			var v Val
			switch s := t.self.O.(type) {
			case *Class:
				v = vm.superNew(s, t.cls)
			case *Instance:
				v = vm.superNew(s.cls, t.cls)
			}
			if v.T != tagEmpty {
				return v, nil
			}
			return builtinFn(name, objectNew), nil
		}
		if sc, ok := t.self.O.(*Class); ok && name == "__init_subclass__" {
			// object.__init_subclass__: takes no keywords.
			return builtinFn(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
				if len(kwn) > 0 {
					return Val{}, newErr(TypeError, "%s.__init_subclass__() takes no keyword arguments", sc.name)
				}
				if len(args) > 0 {
					return Val{}, newErr(TypeError, "%s.__init_subclass__() takes no arguments (%d given)", sc.name, len(args))
				}
				return NoneVal, nil
			}), nil
		}
		if f := objectMethod(name); f != nil {
			self := t.self
			return builtinFn(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
				return f(vm, append([]Val{self}, args...), kwn)
			}), nil
		}
		if inst, ok := t.self.O.(*Instance); ok && superObjectSpecials[name] {
			// super().__repr__() (or __getstate__ ...) in a class's own:
			// object's.
			if m, ok := objectDunder(t.self, inst, name); ok {
				return m, nil
			}
		}
		return Val{}, newErr(AttributeError, "'super' object has no attribute '%s'", name)
	case *typeObj:
		if v, ok := t.attrs[name]; ok {
			return v, nil
		}
		// A native type may carry its module in its name (array.array),
		// as CPython's tp_name does.
		mod, short := "builtins", t.name
		if i := strings.LastIndexByte(t.name, '.'); i >= 0 {
			mod, short = t.name[:i], t.name[i+1:]
		}
		switch name {
		case "__name__", "__qualname__":
			return StrVal(short), nil
		case "__module__":
			if t.module != "" {
				mod = t.module
			}
			return StrVal(mod), nil
		case "__class__":
			return vm.typeOf(o), nil
		case "__mro__", "__bases__", "__base__":
			return vm.nativeLineage(o, t, name), nil
		case "__dict__":
			if v, ok, err := vm.builtinTypeDict(o, t); ok {
				return v, err
			}
		case "__new__":
			if t.name != "object" {
				if f := vm.builtinTypeNew(t, o); f.T != tagEmpty {
					return f, nil
				}
			}
		}
		if t.name == "object" {
			if v, ok := vm.objectAttr(name); ok {
				return v, nil
			}
		}
		if f := objectMethod(name); f != nil && t.name == "object" {
			return builtinFn(name, f), nil
		}
		tname := t.name
		if t.module == "collections" && tname == "deque" {
			tname = "collections.deque"
		}
		owner, kind, known := builtinAttrKind(tname, name)
		if known && owner == "object" && t.name != "object" && kind != 'C' {
			// Inherited from object: float.__init__ is object.__init__.
			return vm.getAttr(vm.bi["object"], name)
		}
		if (t.name == "dict" || t.name == "OrderedDict") && name == "fromkeys" {
			ordered := t.name == "OrderedDict" // OrderedDict.fromkeys makes one
			return ObjVal(&Builtin{name: "fromkeys", bound: o, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
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
				d.ordered = ordered
				for _, k := range keys {
					if err := d.set(k, v); err != nil {
						return Val{}, err
					}
				}
				return ObjVal(d), nil
			}}), nil
		}
		if f := extraTypeAttr(t.name, name); f != nil {
			// A class or static method: bound to the type, as CPython's
			// print (<built-in method from_bytes of type object ...>).
			return ObjVal(&Builtin{name: name, bound: o, fn: f}), nil
		}
		if d, ok := vm.dataDescr(tname, name); ok {
			return d, nil
		}
		if ordered, counter, ok := dictTypeKind(t); ok {
			// OrderedDict, Counter and defaultdict run on dict's table:
			// dict's methods and those of their own kind.
			if methodSets()["dict"][name] && dictKindHas(ordered, counter, name) {
				return vm.methodDescr("dict", name), nil
			}
			if d, ok := vm.dataDescr("collections."+t.name, name); ok {
				return d, nil // defaultdict.default_factory
			}
			if name == "__missing__" && t.name != "OrderedDict" {
				return ObjVal(&Builtin{name: name, objclass: "dict", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
					if len(args) == 0 {
						return Val{}, newErr(TypeError, "unbound method %s.__missing__() needs an argument", t.name)
					}
					m, err := vm.getAttr(args[0], name)
					if err != nil {
						return Val{}, err
					}
					return vm.call(m, args[1:], kwn)
				}}), nil
			}
			if v, err := vm.getAttr(vm.bi["dict"], name); err == nil {
				return v, nil
			}
		}
		if known && kind == 'M' || !known {
			for _, m := range append(methodNames[t.name], extraMethodNames(t.name)...) {
				if t.name == "dict" && !dictKindHas(false, false, m) {
					continue
				}
				if m == name {
					if !known {
						owner = t.name
					}
					return vm.methodDescr(owner, name), nil
				}
			}
		}
		if len(name) > 4 && name[:2] == "__" && (known && (kind == 'W' || kind == 'M') || !known && typeHasDunder(t.name, name)) {
			// An unbound special method: list.__len__([1]), hasattr(int, '__add__').
			if !known {
				owner, kind = t.name, 'W'
			}
			return vm.specialDescr(owner, name, kind == 'W'), nil
		}
		if known && kind == 'M' {
			// A method minipy runs through the value's attribute.
			return vm.methodDescr(owner, name), nil
		}
		if known {
			if v, ok := vm.builtinTypeMethod(o, name, kind); ok {
				return v, nil
			}
			switch {
			case kind == 'N' || kind == 'T' && name == "__doc__":
				return NoneVal, nil // list.__hash__; docstrings minipy lacks
			case (kind == 'C' || kind == 'S') && owner != tname:
				if b, ok := vm.bi[owner]; ok {
					return vm.getAttr(b, name) // bool.from_bytes is int's
				}
			case kind == 'C' || kind == 'S' || kind == 'B':
				return notImplementedMethod(o, owner, name, false), nil // float.__getformat__
			}
		}
		if !known && builtinTypes[tname] == nil && (name == "__setattr__" || name == "__delattr__") {
			// A type the table lacks still inherits object's: a
			// ModuleType subclass's __setattr__ calls
			// ModuleType.__setattr__(self, name, value).
			return vm.getAttr(vm.bi["object"], name)
		}
	case *ExcType:
		switch name {
		case "__dict__":
			if t.cls != nil {
				return vm.classDictView(t.cls, t), nil
			}
		case "__name__":
			return StrVal(t.name), nil
		case "__qualname__":
			if t.cls != nil {
				return StrVal(t.cls.qualName()), nil
			}
			return StrVal(t.name), nil
		case "__module__":
			switch {
			case t.module != "":
				return StrVal(t.module), nil
			case t.cls != nil:
				return StrVal("__main__"), nil
			}
			return StrVal("builtins"), nil
		case "__mro__":
			var ms []Val
			for _, x := range t.mro() {
				ms = append(ms, ObjVal(x))
			}
			return tupleOf(append(ms, ObjVal(objectClass))), nil
		case "__bases__", "__base__":
			b := ObjVal(objectClass)
			if t.base != nil {
				b = ObjVal(t.base)
			}
			if name == "__base__" {
				return b, nil
			}
			if t.base2 != nil {
				return tupleOf([]Val{b, ObjVal(t.base2)}), nil
			}
			return tupleOf([]Val{b}), nil
		case "__new__":
			if v, ok := ownExcNew(t); ok {
				return vm.bindExcClassAttr(v, o, t, false)
			}
			return excNewMethod(builtinExcBase(t)), nil
		case "__init__":
			// Exception.__init__(self, *args), called through the class:
			// keeps the arguments, as BaseException.__init__ does. A
			// class's own __init__ is its function.
			if v, ok := t.lookup("__init__"); ok {
				return v, nil
			}
			return ObjVal(&Builtin{name: "__init__", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
				if len(args) == 0 {
					return Val{}, newErr(TypeError, "descriptor '__init__' of 'BaseException' object needs an argument")
				}
				e, ok := args[0].O.(*Exception)
				if !ok || args[0].T != tagObject {
					return Val{}, newErr(TypeError, "descriptor '__init__' requires a '%s' object but received a '%s'", t.name, typeName(args[0]))
				}
				if len(kwn) > 0 {
					return Val{}, newErr(TypeError, "%s() takes no keyword arguments", t.name)
				}
				e.args = append([]Val(nil), args[1:]...)
				return NoneVal, nil
			}}), nil
		}
		if v, ok := t.lookup(name); ok {
			return vm.bindExcClassAttr(v, o, t, false)
		}
	case *Function:
		if name == "__annotations__" {
			d, err := vm.funcAnnotations(t)
			if err != nil {
				return Val{}, err
			}
			return ObjVal(d), nil
		}
		if v, ok := vm.funcAttr(t, name); ok {
			return v, nil
		}
	case *Builtin:
		if v, ok := t.attrs[name]; ok {
			return v, nil
		}
		if wrapped, ok := t.attrs["__wrapped__"]; ok {
			switch name {
			case "__annotations__":
				return vm.getAttr(wrapped, name) // lru_cache's wrapper: its function's
			case "__dict__":
				return vm.wrapperDict(t, wrapped)
			}
		}
		if name == "__call__" {
			return callAttr(o), nil
		}
		if t.objclass != "" {
			if v, ok := vm.methodDescrAttr(t, name); ok {
				return v, nil
			}
		}
		if v, ok := typeClass.attrs[name]; ok && o.O == vm.bi["type"].O {
			return v, nil // type.__new__, type.__init__, type.__call__
		}
		if name == "__dict__" && o.O == vm.bi["type"].O {
			if v, ok, err := vm.typeDictOf(o, "type"); ok {
				return v, err
			}
		}
		if t.bound.T != tagEmpty {
			switch name {
			case "__self__":
				if tv, isType := t.bound.O.(*typeObj); isType {
					if _, kind, _ := builtinAttrKind(tv.name, t.name); kind == 'S' {
						return NoneVal, nil // a static method: str.maketrans
					}
				}
				return t.bound, nil
			case "__qualname__":
				of := t.bound
				if _, isType := of.O.(*typeObj); !isType || of.T != tagObject {
					of = vm.typeOf(of)
				}
				q, err := vm.getAttr(of, "__qualname__")
				if err != nil || !q.isStr() {
					return StrVal(t.name), nil
				}
				return StrVal(q.str().s + "." + t.name), nil
			}
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
		if f, ok := t.fn.O.(*Function); ok && name == "__annotations__" {
			d, err := vm.funcAnnotations(f)
			if err != nil {
				return Val{}, err
			}
			return ObjVal(d), nil
		}
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
	case *Generator:
		if v, ok := vm.genAttr(t, name); ok {
			return v, nil
		}
	}
	if e, ok := o.O.(*Exception); ok && name != "args" {
		if v, ok, err := vm.exceptionAttr(e, o, name); ok || err != nil {
			return v, err
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
		if v, ok := rangeAttr(o, name); ok {
			return v, nil
		}
	case "maxlen":
		if l, ok := o.O.(*List); ok && l.deque {
			if l.dqMax == 0 {
				return NoneVal, nil
			}
			return IntVal(int64(l.dqMax - 1)), nil
		}
	case "real", "numerator":
		if o.T == tagBool {
			return IntVal(int64(o.B)), nil
		}
		if isNumber(o) && (name == "real" || o.T != tagFloat) {
			return o, nil
		}
	case "denominator":
		if isIntLike(o) {
			return IntVal(1), nil
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
	if v, ok := vm.tableAttr(o, name); ok {
		return v, nil
	}
	return Val{}, attrErr(o, name)
}

// rangeAttr is a range's start, stop or step.
func rangeAttr(o Val, name string) (Val, bool) {
	switch r := o.O.(type) {
	case *Range:
		switch name {
		case "start":
			return IntVal(r.start), true
		case "stop":
			return IntVal(r.stop), true
		case "step":
			return IntVal(r.step), true
		}
	case *BigRange:
		switch name {
		case "start":
			return normBig(r.start), true
		case "stop":
			return normBig(r.stop), true
		case "step":
			return normBig(r.step), true
		}
	}
	return Val{}, false
}

// rangeFind is where item is in r, or -1: arithmetic for an int or bool,
// else a search comparing each element with == (an int subclass, 2.0), as
// CPython's range does.
func (vm *VM) rangeFind(r *Range, item Val) (int64, error) {
	if item.T == tagInt || item.T == tagBool {
		n := int64(item.B)
		var off, step int64
		if r.step > 0 {
			if n < r.start || n >= r.stop {
				return -1, nil
			}
			off, step = n-r.start, r.step
		} else {
			if n > r.start || n <= r.stop {
				return -1, nil
			}
			off, step = r.start-n, -r.step
		}
		if off%step != 0 {
			return -1, nil
		}
		return off / step, nil
	}
	if _, isBig := item.O.(*BigInt); isBig && item.T == tagObject {
		return -1, nil // outside any int64 range
	}
	for i, n := int64(0), rangeLen(r); i < n; i++ {
		if eq, err := vm.eqItemErr(IntVal(r.start+i*r.step), item); eq || err != nil {
			return i, err
		}
	}
	return -1, nil
}

// rangeMethod is range.index and range.count.
func (vm *VM) rangeMethod(r *Range, name string, args []Val, kwn []string) (Val, error) {
	if len(args) != 1 || len(kwn) > 0 {
		return Val{}, newErr(TypeError, "range.%s() takes exactly one argument (%d given)", name, len(args))
	}
	i, err := vm.rangeFind(r, args[0])
	if err != nil {
		return Val{}, err
	}
	if name == "count" {
		if i >= 0 {
			return IntVal(1), nil // a range's elements are distinct
		}
		return IntVal(0), nil
	}
	if i < 0 {
		if args[0].T == tagInt || args[0].T == tagBool {
			return Val{}, newErr(ValueError, "%s is not in range", vm.repr(args[0]))
		}
		return Val{}, newErr(ValueError, "sequence.index(x): x not in sequence")
	}
	return IntVal(i), nil
}

// superObjectSpecials are object's methods super() finds for an instance
// when no class after the current one in its MRO defines them.
var superObjectSpecials = map[string]bool{
	"__repr__": true, "__str__": true, "__hash__": true, "__format__": true,
	"__eq__": true, "__ne__": true, "__lt__": true, "__le__": true, "__gt__": true, "__ge__": true,
	"__getstate__": true, "__reduce_ex__": true, "__reduce__": true,
}
