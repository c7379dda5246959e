package interp

import (
	"io"
	"strings"
)

// The rest of CPython's built-in exceptions (CPython 3.14's hierarchy).
var (
	FloatingPointError        = &ExcType{name: "FloatingPointError", base: ArithmeticError}
	BufferError               = &ExcType{name: "BufferError", base: Exception_}
	OSError                   = &ExcType{name: "OSError", base: Exception_}
	BlockingIOError           = &ExcType{name: "BlockingIOError", base: OSError}
	ChildProcessError         = &ExcType{name: "ChildProcessError", base: OSError}
	ConnectionError           = &ExcType{name: "ConnectionError", base: OSError}
	BrokenPipeError           = &ExcType{name: "BrokenPipeError", base: ConnectionError}
	ConnectionAbortedError    = &ExcType{name: "ConnectionAbortedError", base: ConnectionError}
	ConnectionRefusedError    = &ExcType{name: "ConnectionRefusedError", base: ConnectionError}
	ConnectionResetError      = &ExcType{name: "ConnectionResetError", base: ConnectionError}
	FileExistsError           = &ExcType{name: "FileExistsError", base: OSError}
	FileNotFoundError         = &ExcType{name: "FileNotFoundError", base: OSError}
	InterruptedError          = &ExcType{name: "InterruptedError", base: OSError}
	IsADirectoryError         = &ExcType{name: "IsADirectoryError", base: OSError}
	NotADirectoryError        = &ExcType{name: "NotADirectoryError", base: OSError}
	PermissionError           = &ExcType{name: "PermissionError", base: OSError}
	ProcessLookupError        = &ExcType{name: "ProcessLookupError", base: OSError}
	TimeoutError              = &ExcType{name: "TimeoutError", base: OSError}
	ReferenceError            = &ExcType{name: "ReferenceError", base: Exception_}
	PythonFinalizationError   = &ExcType{name: "PythonFinalizationError", base: RuntimeError}
	StopAsyncIteration        = &ExcType{name: "StopAsyncIteration", base: Exception_}
	SyntaxErrorT              = &ExcType{name: "SyntaxError", base: Exception_}
	IndentationErrorT         = &ExcType{name: "IndentationError", base: SyntaxErrorT}
	TabErrorT                 = &ExcType{name: "TabError", base: IndentationErrorT}
	SystemErrorT              = &ExcType{name: "SystemError", base: Exception_}
	UnicodeDecodeError        = &ExcType{name: "UnicodeDecodeError", base: UnicodeError}
	UnicodeEncodeError        = &ExcType{name: "UnicodeEncodeError", base: UnicodeError}
	UnicodeTranslateError     = &ExcType{name: "UnicodeTranslateError", base: UnicodeError}
	Warning                   = &ExcType{name: "Warning", base: Exception_}
	BytesWarning              = &ExcType{name: "BytesWarning", base: Warning}
	DeprecationWarning        = &ExcType{name: "DeprecationWarning", base: Warning}
	EncodingWarning           = &ExcType{name: "EncodingWarning", base: Warning}
	FutureWarning             = &ExcType{name: "FutureWarning", base: Warning}
	ImportWarning             = &ExcType{name: "ImportWarning", base: Warning}
	PendingDeprecationWarning = &ExcType{name: "PendingDeprecationWarning", base: Warning}
	ResourceWarning           = &ExcType{name: "ResourceWarning", base: Warning}
	RuntimeWarning            = &ExcType{name: "RuntimeWarning", base: Warning}
	SyntaxWarning             = &ExcType{name: "SyntaxWarning", base: Warning}
	UnicodeWarning            = &ExcType{name: "UnicodeWarning", base: Warning}
	UserWarning               = &ExcType{name: "UserWarning", base: Warning}
	BaseExceptionGroup        = &ExcType{name: "BaseExceptionGroup", base: BaseException}
	ExceptionGroup            = &ExcType{name: "ExceptionGroup", base: Exception_, base2: BaseExceptionGroup}
)

func init() {
	have := map[string]bool{}
	for _, t := range excTypes {
		have[t.name] = true
	}
	for _, t := range []*ExcType{FloatingPointError, BufferError, OSError, BlockingIOError, ChildProcessError,
		ConnectionError, BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError,
		FileExistsError, FileNotFoundError, InterruptedError, IsADirectoryError, NotADirectoryError,
		PermissionError, ProcessLookupError, TimeoutError, ReferenceError, PythonFinalizationError,
		StopAsyncIteration, SyntaxErrorT, IndentationErrorT, TabErrorT, SystemErrorT, UnicodeDecodeError,
		UnicodeEncodeError, UnicodeTranslateError, Warning, BytesWarning, DeprecationWarning, EncodingWarning,
		FutureWarning, ImportWarning, PendingDeprecationWarning, ResourceWarning, RuntimeWarning, SyntaxWarning,
		UnicodeWarning, UserWarning, BaseExceptionGroup, ExceptionGroup} {
		if !have[t.name] {
			excTypes = append(excTypes, t)
		}
	}
}

// moreBuiltins adds the builtins beyond the core set: slice, exit, quit,
// input, the OSError aliases.
func (vm *VM) moreBuiltins(b map[string]Val) {
	for _, t := range excTypes {
		if _, ok := b[t.name]; !ok {
			b[t.name] = ObjVal(t)
		}
	}
	vm.bytesBuiltins(b)
	vm.matchBuiltins(b)
	b["complex"] = ObjVal(&typeObj{name: "complex", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		return vm.newComplex(args, kwn)
	}})
	vm.starBuiltins(b)
	asyncBuiltins(b)
	if os, ok := b["OSError"]; ok {
		b["EnvironmentError"], b["IOError"] = os, os
	}
	b["slice"] = ObjVal(&typeObj{name: "slice", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := noKw("slice", kwn); err != nil {
			return Val{}, err
		}
		switch len(args) {
		case 1:
			return ObjVal(&SliceObj{NoneVal, args[0], NoneVal}), nil
		case 2:
			return ObjVal(&SliceObj{args[0], args[1], NoneVal}), nil
		case 3:
			return ObjVal(&SliceObj{args[0], args[1], args[2]}), nil
		case 0:
			return Val{}, newErr(TypeError, "slice expected at least 1 argument, got 0")
		}
		return Val{}, newErr(TypeError, "slice expected at most 3 arguments, got %d", len(args))
	}})
	exit := func(name string) Val {
		return builtinFn(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) > 1 {
				return Val{}, newErr(TypeError, "%s() takes from 0 to 1 positional arguments but %d were given", name, len(args))
			}
			code := NoneVal
			if len(args) == 1 {
				code = args[0]
			}
			return Val{}, newErrVal(SystemExit, code)
		})
	}
	b["exit"], b["quit"] = exit("exit"), exit("quit")
	b["Ellipsis"] = ObjVal(Ellipsis)
	// super(C, obj); the zero-argument form is compiled to SUPER.
	b["memoryview"] = ObjVal(&typeObj{name: "memoryview", fn: biMemoryview})
	b["super"] = ObjVal(&typeObj{name: "super", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) == 0 {
			return Val{}, newErr(RuntimeError, "super(): no arguments")
		}
		if len(args) != 2 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "super() takes 2 arguments here (%d given)", len(args))
		}
		var cls *Class
		switch c := args[0].O.(type) {
		case *Class:
			cls = c
		case *ExcType:
			cls = c.cls
		case *typeObj:
			// A built-in type: the class standing for it as a base.
			if c.name == "object" {
				cls = objectClass
			} else if cls = vm.baseOf(c); cls == nil {
				cls = &Class{name: c.name, builtin: true}
			}
		}
		if cls == nil {
			return Val{}, newErr(TypeError, "super() argument 1 must be a type, not %s", typeName(args[0]))
		}
		ok := false
		switch o := args[1].O.(type) {
		case *Instance:
			ok = o.cls.isSub(cls)
		case *Class:
			ok = o.isSub(cls)
		case *Exception:
			for t := o.typ; t != nil; t = t.base {
				ok = ok || t.cls == cls
			}
		case *typeObj, *ExcType:
			ok = cls == objectClass
		default:
			if _, isType := args[0].O.(*typeObj); isType {
				r, err := vm.isinstance(args[1], args[0])
				if err != nil {
					return Val{}, err
				}
				ok = truthy(r)
			} else {
				ok = cls == objectClass
			}
		}
		if !ok {
			tn := ""
			switch t := args[1].O.(type) {
			case *Class:
				tn = t.name
			case *typeObj:
				tn = t.name
			case *ExcType:
				tn = t.name
			}
			if tn != "" {
				return Val{}, newErr(TypeError, "super(type, obj): obj (type %s) is not an instance or subtype of type (%s).", tn, cls.name)
			}
			return Val{}, newErr(TypeError, "super(type, obj): obj (instance of %s) is not an instance or subtype of type (%s).", typeName(args[1]), cls.name)
		}
		return ObjVal(&SuperObj{cls: cls, self: args[1]}), nil
	}})
	// open() is pylib/fileio.py's, loaded on the first call.
	b["open"] = fromPyModule("_fileio", "open")
	b["input"] = builtinFn("input", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := noKw("input", kwn); err != nil {
			return Val{}, err
		}
		if len(args) > 1 {
			return Val{}, newErr(TypeError, "input expected at most 1 argument, got %d", len(args))
		}
		if len(args) == 1 {
			vm.out.WriteString(vm.strOf(args[0]))
			if err := vm.takePending(); err != nil {
				return Val{}, err
			}
		}
		vm.out.Flush()
		if vm.stdin == nil {
			return Val{}, newErr(EOFErrorT, "EOF when reading a line")
		}
		line, err := vm.stdin.ReadString('\n')
		if err != nil && (err != io.EOF || line == "") {
			return Val{}, newErr(EOFErrorT, "EOF when reading a line")
		}
		line = strings.TrimSuffix(line, "\n")
		return StrVal(strings.TrimSuffix(line, "\r")), nil
	})
}

// sliceAttr is slice.start, .stop, .step and .indices.
func (vm *VM) sliceAttr(s *SliceObj, name string) (Val, error) {
	or := func(v Val) Val {
		if v.T == tagEmpty {
			return NoneVal
		}
		return v
	}
	switch name {
	case "start":
		return or(s.lo), nil
	case "stop":
		return or(s.hi), nil
	case "step":
		return or(s.step), nil
	}
	return builtinFn("indices", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("slice.indices", args, kwn, 1); err != nil {
			return Val{}, err
		}
		n, err := vm.index(args[0], "")
		if err != nil {
			return Val{}, err
		}
		if n < 0 {
			return Val{}, newErr(ValueError, "length should not be negative")
		}
		lo, hi, step, err := vm.sliceIndices(s, n)
		if err != nil {
			return Val{}, err
		}
		return tupleOf([]Val{IntVal(lo), IntVal(hi), IntVal(step)}), nil
	}), nil
}

// sliceRange is range[slice]: another range.
func (vm *VM) sliceRange(r *Range, s *SliceObj) (Val, error) {
	lo, hi, step, err := vm.sliceIndices(s, rangeLen(r))
	if err != nil {
		return Val{}, err
	}
	// The elements at lo, lo+step, ... up to hi of r.
	start := r.start + lo*r.step
	stop := r.start + hi*r.step
	return ObjVal(&Range{start, stop, r.step * step}), nil
}

// tooManyPositional is CPython's error for a call with more positional
// arguments than the function takes: "from m to n" when some have
// defaults, and the keyword-only arguments given counted apart.
func tooManyPositional(fn *Function, f *frame, given int) error {
	co := fn.code
	ndef := 0
	for i := 0; i < co.npos; i++ {
		if fn.defIndex()[i] >= 0 {
			ndef++
		}
	}
	kwGiven := 0
	for _, s := range co.kwonly {
		if f.regs[s].Tag != tagEmpty {
			kwGiven++
		}
	}
	sig, s := formatInt(int64(co.npos)), plural(co.npos)
	if ndef > 0 {
		sig, s = formatInt(int64(co.npos-ndef))+" to "+formatInt(int64(co.npos)), "s"
		sig = "from " + sig
	}
	kwSig := ""
	verb := wasWere(given)
	if kwGiven > 0 {
		kwSig = " positional argument" + plural(given) + " (and " + formatInt(int64(kwGiven)) + " keyword-only argument" + plural(kwGiven) + ")"
		verb = "were"
	}
	return newErr(TypeError, "%s() takes %s positional argument%s but %d%s %s given", qualOrName(co), sig, s, given, kwSig, verb)
}

// instFloat converts an instance through __float__ (or __index__), as
// float() and every function taking a real number do.
func instFloat(v Val) (float64, bool, error) {
	inst, ok := v.O.(*Instance)
	if !ok || v.T != tagObject || inst.cls.vm == nil {
		return 0, false, nil
	}
	vm := inst.cls.vm
	if r, found, err := vm.dunder(v, "__float__"); found {
		if err != nil {
			return 0, true, err
		}
		if r.T != tagFloat {
			return 0, true, newErr(TypeError, "%s.__float__ returned non-float (type %s)", inst.cls.name, typeName(r))
		}
		return r.F(), true, nil
	}
	if r, ok, err := instInt(v, "__index__"); ok {
		if err != nil {
			return 0, true, err
		}
		f, err := toFloat(r)
		return f, true, err
	}
	return 0, false, nil
}

// instInt converts an instance through the first of the special methods
// names it defines, which must return an int.
func instInt(v Val, names ...string) (Val, bool, error) {
	inst, ok := v.O.(*Instance)
	if !ok || v.T != tagObject || inst.cls.vm == nil {
		return Val{}, false, nil
	}
	for _, n := range names {
		if r, found, err := inst.cls.vm.dunder(v, n); found {
			if err == nil && !isIntLike(r) {
				err = newErr(TypeError, "%s returned non-int (type %s)", n, typeName(r))
			}
			if r.T == tagBool {
				r = IntVal(int64(r.B))
			}
			return r, true, err
		}
	}
	return Val{}, false, nil
}

func isSeqVal(v Val) bool {
	switch v.O.(type) {
	case *Str, *List, *Tuple:
		return v.T == tagObject
	}
	return false
}

func isInstanceVal(v Val) bool {
	_, ok := v.O.(*Instance)
	return ok && v.T == tagObject
}

// printTo is print(..., file=f) for any f with a write method: one write
// call per piece, as CPython makes them.
func (vm *VM) printTo(f Val, pos []Val, kw map[string]Val) (Val, error) {
	write, err := vm.getAttr(f, "write")
	if err != nil {
		return Val{}, err
	}
	sep, end := " ", "\n"
	if v, ok := kw["sep"]; ok && v.T != tagNone {
		sep = vm.strOf(v)
	}
	if v, ok := kw["end"]; ok && v.T != tagNone {
		end = vm.strOf(v)
	}
	put := func(s string) error {
		_, err := vm.call(write, []Val{StrVal(s)}, nil)
		return err
	}
	for i, a := range pos {
		if i > 0 {
			if err := put(sep); err != nil {
				return Val{}, err
			}
		}
		s := vm.strOf(a)
		if err := vm.takePending(); err != nil {
			return Val{}, err
		}
		if err := put(s); err != nil {
			return Val{}, err
		}
	}
	if err := put(end); err != nil {
		return Val{}, err
	}
	if fl, ok := kw["flush"]; ok && truthy(fl) {
		if fm, err := vm.getAttr(f, "flush"); err == nil {
			if _, err := vm.call(fm, nil, nil); err != nil {
				return Val{}, err
			}
		}
	}
	return NoneVal, nil
}

// ellipsisObj is the type of Ellipsis (...); it has one value, shared by
// every run (it has no state to change).
type ellipsisObj struct{ _ byte }

func (*ellipsisObj) typeName() string { return "ellipsis" }

var Ellipsis = &ellipsisObj{}

// biDivmod is divmod(a, b): one division for big ints; where an operand
// is an instance, its __divmod__ / __rdivmod__ decide alone (CPython's
// nb_divmod slot): there is no fallback to // and % then.
func biDivmod(vm *VM, args []Val, kwn []string) (Val, error) {
	if err := nargs("divmod", args, 2, 2); err != nil {
		return Val{}, err
	}
	a, b := args[0], args[1]
	if isIntLike(a) && isIntLike(b) && (a.T == tagObject || b.T == tagObject) {
		x := asBig(a, &vm.tmpA, &vm.bufA)
		y := asBig(b, &vm.tmpB, &vm.bufB)
		if y.Sign() == 0 {
			return Val{}, zeroDiv()
		}
		q, r := vm.bigDivMod(vm.newBigInt(), x, y)
		return ObjVal(&Tuple{items: []Val{q, r}}), nil
	}
	if isInstanceVal(a) || isInstanceVal(b) {
		return vm.instanceDivmod(a, b)
	}
	if r, found, err := vm.dunder(a, "__divmod__", b); found && (err != nil || !isNotImplemented(r)) {
		return r, err
	}
	if r, found, err := vm.dunder(b, "__rdivmod__", a); found && (err != nil || !isNotImplemented(r)) {
		return r, err
	}
	return vm.nativeDivmod(a, b, a, b)
}

// nativeDivmod is divmod of built-in values x and y (// then %); a and b
// are the operands as given, for the TypeError's type names.
func (vm *VM) nativeDivmod(x, y, a, b Val) (Val, error) {
	q, err := vm.binop(opFloorDiv, x, y)
	if err != nil {
		if pe, ok := err.(*PyErr); ok && pe.exc.typ == TypeError {
			return Val{}, divmodTypeErr(a, b)
		}
		return Val{}, err
	}
	r, err := vm.binop(opMod, x, y)
	return ObjVal(&Tuple{items: []Val{q, r}}), err
}

func divmodTypeErr(a, b Val) error {
	return newErr(TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", typeName(a), typeName(b))
}

// instanceDivmod is divmod(a, b) where a or b is an instance: a.__divmod__
// then b.__rdivmod__ (b's first when its class is a proper subclass of
// a's that overrides __rdivmod__); an instance of a subclass of int or
// float without them divides as its built-in value.
func (vm *VM) instanceDivmod(a, b Val) (Val, error) {
	first := rdivmodFirst(a, b)
	if first {
		if r, found, err := vm.dunder(b, "__rdivmod__", a); found && (err != nil || !isNotImplemented(r)) {
			return r, err
		}
	}
	if r, found, err := vm.dunder(a, "__divmod__", b); found && (err != nil || !isNotImplemented(r)) {
		return r, err
	}
	if !first {
		if r, found, err := vm.dunder(b, "__rdivmod__", a); found && (err != nil || !isNotImplemented(r)) {
			return r, err
		}
	}
	x, y := builtinOperand(a), builtinOperand(b)
	if isInstanceVal(x) || isInstanceVal(y) || !isNumber(x) || !isNumber(y) {
		return Val{}, divmodTypeErr(a, b)
	}
	return vm.nativeDivmod(x, y, a, b)
}

// rdivmodFirst is reflectedFirst for __rdivmod__, which has no special id.
func rdivmodFirst(a, b Val) bool { return overridesReflected(a, b, 0, "__rdivmod__") }
