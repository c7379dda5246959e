package interp

import (
	"slices"
	"strings"
)

// callFunction runs a Python function with positional args and keyword
// args (the last len(kwn) of args).
func (vm *VM) callFunction(fn *Function, args []Val, kwn []string) (Val, error) {
	if err := vm.callCheck(); err != nil {
		return Val{}, err
	}
	if fn.code.isGenerator {
		return vm.newGenerator(fn, args, kwn)
	}
	if vm.jit != nil && fn.code.selfRec >= 0 && vm.ctr == nil && !vm.threaded() && len(kwn) == 0 && fn.code.simple && len(args) == fn.code.nparams {
		if v, err, ok := vm.callTraced(fn, nil, nil, args); ok {
			return v, err
		}
	}
	f := vm.callFrame(fn)
	if co := fn.code; len(kwn) == 0 && co.simple && len(args) == co.nparams {
		// Exactly the plain parameters: no binding to work out.
		for i, a := range args {
			f.set(int32(i), a)
		}
		if fn.free != nil {
			f.setFree(fn)
		}
	} else if err := vm.bindArgs(fn, f, args, kwn); err != nil {
		vm.freeFrame(f)
		return Val{}, err
	}
	return vm.runFrame(f)
}

// callCheck is what every Python call checks first: a pending Ctrl-C
// (code without loops sees it at its calls) and the recursion bound.
func (vm *VM) callCheck() error {
	// Small enough for Go to inline into every call path.
	if vm.sigint.Load() || vm.depth >= vm.limit {
		return vm.callCheckSlow()
	}
	return nil
}

func (vm *VM) callCheckSlow() error {
	if vm.sigint.Load() {
		if err := vm.keyboardInterrupt(); err != nil {
			return err
		}
	}
	if vm.depth >= vm.limit {
		return newErr(RecursionError, "maximum recursion depth exceeded")
	}
	return nil
}

// callFrame is the frame of a call of fn at the current depth, its slots
// empty; runFrame runs it once its parameters are set.
func (vm *VM) callFrame(fn *Function) *frame {
	nf := &vm.frames[vm.depth]
	vm.initFrame(nf, fn.code, fn, 0)
	return nf
}

// callFrameN is callFrame for a caller that sets the first n slots
// (parameters) itself: a method's frame often has no other local to
// clear.
func (vm *VM) callFrameN(fn *Function, n int) *frame {
	nf := &vm.frames[vm.depth]
	vm.initFrame(nf, fn.code, fn, n)
	return nf
}

// setFree copies a closure's captured values into its frame.
func (nf *frame) setFree(fn *Function) {
	for i, to := range fn.code.freeTo {
		nf.set(to, fn.free[i])
	}
}

// runFrame runs a frame from callFrame one level deeper and frees it.
func (vm *VM) runFrame(nf *frame) (Val, error) {
	vm.depth++
	v, err := vm.run(nf)
	vm.depth--
	if err == nil && nf.code.privDie != nil {
		vm.returnPrivate(nf)
	}
	vm.freeFrame(nf)
	return v, err
}

// directArity reports whether a call of fn with n positional arguments
// can fill its frame directly: fn takes plain positional parameters
// only, is no generator, and has defaults for those past the n-th.
func directArity(fn *Function, n int) bool {
	co := fn.code
	if !co.simple || co.isGenerator || n > co.nparams {
		return false
	}
	for i := n; i < co.nparams; i++ {
		if d := fn.defIndex()[i]; d < 0 || d >= len(fn.defaults) {
			return false
		}
	}
	return true
}

// setDefaults fills parameters n and on from fn's defaults (directArity
// said they have them).
func (nf *frame) setDefaults(fn *Function, n int) {
	for i := n; i < fn.code.nparams; i++ {
		nf.set(int32(i), fn.defaults[fn.defIndex()[i]])
	}
}

// callDirectAny is callDirect (call_plain.go) for any call directArity
// allows.
func (vm *VM) callDirectAny(f *frame, fn *Function, first, n int32, pc int) (Val, error) {
	f.pc = int32(pc)
	if err := vm.callCheck(); err != nil {
		return Val{}, err
	}
	if vm.jit != nil && fn.code.selfRec >= 0 && vm.ctr == nil && !vm.threaded() {
		if v, err, ok := vm.callTraced(fn, f.regs[first:first+n], f.objs[first:first+n], nil); ok {
			return v, err
		}
	}
	nf := vm.callFrameN(fn, int(n))
	// Cut to n first: the copy below then has no bounds checks.
	src, srco := f.regs[first:first+n], f.objs[first:first+n]
	dst, dsto := nf.regs[:n], nf.objs[:n]
	for i := range src {
		r := src[i]
		if r.Tag == tagEmpty {
			vm.freeFrame(nf)
			return Val{}, f.unbound(first + int32(i))
		}
		dst[i] = r
		dsto[i] = srco[i]
	}
	if int(n) < fn.code.nparams {
		nf.setDefaults(fn, int(n))
	}
	if fn.free != nil {
		nf.setFree(fn)
	}
	// runFrame inline: a call layer less on the hottest call path.
	vm.depth++
	v, err := vm.runAt(nf, 0)
	vm.depth--
	if err == nil && nf.code.privDie != nil {
		vm.returnPrivate(nf)
	}
	vm.freeFrame(nf)
	return v, err
}

// unexpectedKeyword words CPython 3.13+'s error for a keyword no
// parameter takes, with a "Did you mean" from the parameters a keyword
// can name (ceval.c, gh-107944).
func unexpectedKeyword(co *Code, name string) *PyErr {
	var cands []string
	for i := co.nposonly; i < co.nparams; i++ {
		if i != co.varargSlot && i != co.varkwSlot {
			cands = append(cands, co.localNames[i])
		}
	}
	if s := suggest(cands, name); s != "" {
		return newErr(TypeError, "%s() got an unexpected keyword argument '%s'. Did you mean '%s'?", qualOrName(co), name, s)
	}
	return newErr(TypeError, "%s() got an unexpected keyword argument '%s'", qualOrName(co), name)
}

func (vm *VM) bindArgs(fn *Function, f *frame, args []Val, kwn []string) error {
	co := fn.code
	npos := len(args) - len(kwn)
	for i := 0; i < npos && i < co.npos; i++ {
		f.set(int32(i), args[i])
	}
	if co.varargSlot >= 0 {
		var extra []Val
		if npos > co.npos {
			extra = append(extra, args[co.npos:npos]...)
		}
		f.set(int32(co.varargSlot), ObjVal(&Tuple{items: extra}))
	}
	var kwd *Dict
	if co.varkwSlot >= 0 {
		kwd = newDict()
		f.set(int32(co.varkwSlot), ObjVal(kwd))
	}
	var posOnlyKw []string
	for k, name := range kwn {
		idx := -1
		for i := co.nposonly; i < co.nparams; i++ {
			if i != co.varargSlot && i != co.varkwSlot && co.localNames[i] == name {
				idx = i
				break
			}
		}
		if idx < 0 {
			if kwd != nil {
				kwd.set(StrVal(name), args[npos+k])
				continue
			}
			if slices.Contains(co.localNames[:co.nposonly], name) {
				posOnlyKw = append(posOnlyKw, name)
				continue
			}
			return unexpectedKeyword(co, name)
		}
		if f.regs[idx].Tag != tagEmpty {
			return newErr(TypeError, "%s() got multiple values for argument '%s'", qualOrName(co), name)
		}
		f.set(int32(idx), args[npos+k])
	}
	if len(posOnlyKw) > 0 {
		return newErr(TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'", qualOrName(co), strings.Join(posOnlyKw, ", "))
	}
	if npos > co.npos && co.varargSlot < 0 {
		return tooManyPositional(fn, f, npos)
	}
	var missing, missingKw []string
	for i := 0; i < co.nparams; i++ {
		if i == co.varargSlot || i == co.varkwSlot || f.regs[i].Tag != tagEmpty {
			continue
		}
		if d := fn.defIndex()[i]; d >= 0 && d < len(fn.defaults) {
			f.set(int32(i), fn.defaults[d])
		} else if i < co.npos {
			missing = append(missing, "'"+co.localNames[i]+"'")
		} else {
			missingKw = append(missingKw, "'"+co.localNames[i]+"'")
		}
	}
	if len(missing) > 0 {
		return newErr(TypeError, "%s() missing %d required positional argument%s: %s", qualOrName(co), len(missing), plural(len(missing)), andList(missing))
	}
	if len(missingKw) > 0 {
		return newErr(TypeError, "%s() missing %d required keyword-only argument%s: %s", qualOrName(co), len(missingKw), plural(len(missingKw)), andList(missingKw))
	}
	if fn.free != nil {
		f.setFree(fn)
	}
	return nil
}

func andList(names []string) string {
	list := names[len(names)-1]
	if len(names) == 2 {
		list = names[0] + " and " + list
	} else if len(names) > 2 {
		list = joinStr(names[:len(names)-1], ", ") + ", and " + list
	}
	return list
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func wasWere(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

func joinStr(xs []string, sep string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += sep
		}
		out += x
	}
	return out
}

// pushArgs takes n argument slots from the VM's argument stack.
func (vm *VM) pushArgs(n int) []Val {
	if vm.argSP+n > len(vm.argStack) {
		vm.argStack = make([]Val, max(2*len(vm.argStack), vm.argSP+n, 256))
		vm.argSP = 0 // older frames keep their slices of the old array
	}
	a := vm.argStack[vm.argSP : vm.argSP+n : vm.argSP+n]
	vm.argSP += n
	return a
}

func (vm *VM) popArgs(n int) {
	if vm.argSP >= n {
		vm.argSP -= n
		// Only the object halves keep anything alive: a store each is
		// cheaper for a call's few arguments than clear's bulk barrier.
		for i := range vm.argStack[vm.argSP : vm.argSP+n] {
			vm.argStack[vm.argSP+i].O = nil
		}
	}
}
