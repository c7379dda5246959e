package interp

// callDirect calls fn with the n values in f's slots from first on as
// its parameters: directArity(fn, n) holds.
//
// The commonest Python call, exactly the function's plain positional
// parameters (fn.code.plainCall == n+1), is done here in one function:
// the frame set up, the arguments copied, the frame run. Recursive code
// such as fib spends most of its time here, and callDirectAny's layers
// (initFrame, setStart, freeFrame) cost it a third more instructions.
// Anything else (defaults to fill, Ctrl-C, the recursion bound, a trace
// for the function, captured values, a slot stack too small) goes to
// callDirectAny.
func (vm *VM) callDirect(f *frame, fn *Function, first, n int32, pc int) (Val, error) {
	co := fn.code
	d := vm.depth
	sp := vm.sp
	end := sp + co.nslots
	stack, ostack, frames := vm.stack, vm.ostack, vm.frames
	if co.plainCall != n+1 || vm.sigint.Load() || d >= vm.limit || uint(d) >= uint(len(frames)) || fn.free != nil ||
		vm.jit != nil && co.selfRec >= 0 ||
		uint(sp) > uint(end) || end > len(stack) || end > len(ostack) {
		return vm.callDirectAny(f, fn, first, n, pc)
	}
	f.pc = int32(pc)
	regs, objs := stack[sp:end:end], ostack[sp:end:end]
	// The arguments first (an empty one raises before the frame is
	// anyone's), each cut to n so that the loop has no bounds checks.
	src, srco := f.regs[first:first+n], f.objs[first:first+n]
	dst, dsto := regs[:len(src)], objs[:len(src)]
	for i := range src {
		r := src[i]
		if r.Tag == tagEmpty {
			return Val{}, f.unbound(first + int32(i))
		}
		dst[i] = r
		dsto[i] = srco[i]
	}
	// setStart's work: the other locals unbound, the constants in.
	if s := co.start; int(n) < len(s) {
		rs := regs[:len(s)]
		for i := int(n); i < len(s); i++ {
			rs[i] = s[i]
		}
	}
	for _, c := range co.constObjs {
		objs[c.at] = c.o
	}
	vm.sp = end
	nf := &frames[d]
	nf.regs, nf.objs = regs, objs
	// initFrame's pointer stores only where they change anything (write
	// barriers).
	if nf.code != co {
		nf.code = co
	}
	if nf.fn != fn {
		nf.fn = fn
	}
	if nf.gen != nil {
		nf.gen = nil
	}
	nf.pc = 0
	if nf.exit != nil {
		nf.exit = nil
	}
	vm.depth = d + 1
	v, err := vm.runAt(nf, 0)
	vm.depth = d
	if err == nil && co.privDie != nil {
		vm.returnPrivate(nf)
	}
	if vm.sp == end {
		vm.sp = sp // freeFrame's test: the frame is the stack's top
	}
	return v, err
}
