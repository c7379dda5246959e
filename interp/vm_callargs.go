package interp

// CALL_ARGS k stands before the k MOVEs that copy a method call's
// receiver and arguments (plain locals and constants) into the call's
// slots, and the CALL_METHOD after them. When the receiver is an instance
// whose method the call's site has cached, callArgs fills the callee's
// frame straight from the MOVEs' sources and the dispatch loop skips the
// MOVEs and the call: a MOVE dispatched costs more than the call's own
// copy of the value. Anything else falls through to the MOVEs, which also
// raise for an unbound local; traces run them too (record.go).

// maxCallArgs is the most operands (the receiver included) a CALL_ARGS
// carries: its sources are its operands B to E.
const maxCallArgs = 4

// sealCallArgs copies each CALL_ARGS's sources, the slots its MOVEs read
// (final slot numbers), into its operands B to E, and turns it into a NOP
// where a MOVE does more than copy (fresh.go and private_int.go mark
// those) or the operands are too many.
func sealCallArgs(co *Code) {
	for pc := range co.instrs {
		in := &co.instrs[pc]
		if in.Op != opCallArgs {
			continue
		}
		k := int(in.A)
		ok := k <= maxCallArgs && pc+k+1 < len(co.instrs) && co.instrs[pc+k+1].Op == opCallMethod
		for i := 0; ok && i < k; i++ {
			m := &co.instrs[pc+1+i]
			ok = m.Op == opMove && m.E == 0
			if ok {
				*in.operand(1 + i) = m.B
			}
		}
		if !ok {
			*in = Instr{Op: opNop}
		}
	}
}

// callArgs runs the method call after CALL_ARGS in, which stands at pc-1.
// ok is false when the MOVEs and the call must run instead; else the call
// ran, with err what it raised.
func (vm *VM) callArgs(f *frame, in *Instr, pc int) (v Val, ok bool, err error) {
	co := f.code
	k := int(in.A)
	regs, objs := f.regs, f.objs
	x, isInst := objs[in.B].(*Instance)
	if !isInst || regs[in.B].Tag != tagObject {
		if regs[in.B].Tag != tagObject {
			return Val{}, false, nil
		}
		if l, isList := objs[in.B].(*List); isList {
			// Of a list's methods only append has a fast path.
			if k == 2 {
				return appendArgs(f, in, pc, l)
			}
			return Val{}, false, nil
		}
		return vm.extraArgs(f, in, pc)
	}
	c := co.caches[pc+k].Load()
	var e *cacheEntry
	if c != nil && c.n > 0 {
		if w := &c.ways[0]; w.shape == x.shape && w.version == x.cls.version.Load() {
			e = w
		}
	}
	if e == nil {
		// Not vm.lookup: runAt calls callArgs only while no thread
		// runs, so the site needs no lock.
		if e = c.lookup(x); e == nil {
			return Val{}, false, nil
		}
	}
	if e.kind != cacheMethod {
		return Val{}, false, nil
	}
	fn := e.val.O.(*Function)
	if !(fn.code.nparams == k && fn.code.simple && !fn.code.isGenerator || directArity(fn, k)) {
		return Val{}, false, nil
	}
	if vm.jit != nil && fn.code.selfRec >= 0 {
		// callDirect may run it as a function trace, which takes the
		// arguments from the call's slots.
		return Val{}, false, nil
	}
	nf := vm.callFrameN(fn, k)
	// The operands one by one, from the last (fewer bounds checks than
	// a loop over them): k <= nparams <= the frame's slots.
	dst, dsto := nf.regs[:k], nf.objs[:k]
	var empty bool
	switch k {
	case 4:
		r := regs[in.E]
		empty = r.Tag == tagEmpty
		dst[3], dsto[3] = r, objs[in.E]
		fallthrough
	case 3:
		r := regs[in.D]
		empty = empty || r.Tag == tagEmpty
		dst[2], dsto[2] = r, objs[in.D]
		fallthrough
	case 2:
		r := regs[in.C]
		empty = empty || r.Tag == tagEmpty
		dst[1], dsto[1] = r, objs[in.C]
		fallthrough
	case 1:
		dst[0], dsto[0] = regs[in.B], x // the receiver, an instance
	}
	if empty {
		vm.freeFrame(nf)
		return Val{}, false, nil // the MOVE raises
	}
	f.pc = int32(pc + k + 1)
	if err := vm.callCheck(); err != nil {
		vm.freeFrame(nf)
		return Val{}, true, err
	}
	if k < fn.code.nparams {
		nf.setDefaults(fn, k)
	}
	if fn.free != nil {
		nf.setFree(fn)
	}
	vm.depth++
	v, err = vm.runAt(nf, 0)
	vm.depth--
	if err == nil && nf.code.privDie != nil {
		vm.returnPrivate(nf)
	}
	vm.freeFrame(nf)
	return v, true, err
}

// appendArgs is xs.append(v) after CALL_ARGS in: the call's own fast path
// (listAppendAt), with v read from its MOVE's source.
func appendArgs(f *frame, in *Instr, pc int, l *List) (Val, bool, error) {
	co := f.code
	if l.pk != nil || l.dqMax != 0 || co.names[co.instrs[pc+2].D] != "append" {
		return Val{}, false, nil
	}
	v := f.get(in.C)
	if v.T == tagEmpty {
		return Val{}, false, nil // the MOVE raises
	}
	f.pc = int32(pc + 3)
	if err := l.grow(1); err != nil {
		return Val{}, true, err
	}
	l.append(v)
	return NoneVal, true, nil
}

// extraArgs is the method call after CALL_ARGS in when its receiver is of
// a built-in type whose method the call's site has cached with a fast path
// (builtinExtraAt: s.isupper(), counts.get(w, 0), line.split()): the
// method gets the receiver and arguments from the MOVEs' sources, with no
// MOVE or CALL_METHOD dispatched.
func (vm *VM) extraArgs(f *frame, in *Instr, pc int) (Val, bool, error) {
	k := int(in.A)
	fn := builtinExtraAt(f.code.caches[pc+k].Load(), f.objs[in.B])
	if fn == nil {
		return Val{}, false, nil
	}
	sp, n := vm.argSP, k-1
	if sp+n > len(vm.argStack) {
		return Val{}, false, nil
	}
	args := vm.argStack[sp : sp+n : sp+n]
	for i := range args {
		j := *in.operand(2 + i) // C, D, E
		r := f.regs[j]
		if r.Tag == tagEmpty {
			clear(args)
			return Val{}, false, nil // the MOVE raises
		}
		args[i] = Val{T: r.Tag, B: r.Bits}
		if r.Tag == tagObject {
			args[i].O = f.objs[j]
		}
	}
	vm.argSP = sp + n
	f.pc = int32(pc + k + 1)
	vm.extraFrame = f
	v, err := fn(vm, Val{T: tagObject, B: f.regs[in.B].Bits, O: f.objs[in.B]}, args, nil)
	vm.extraFrame = nil
	vm.argSP = sp
	// Only the objects need letting go of (a loop: clear calls the
	// runtime's barriered memclr, a cost per call the size of the loop's).
	for i := range args {
		args[i].O = nil
	}
	if err == nil {
		err = vm.takePending()
	}
	return v, true, err
}
