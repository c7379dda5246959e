package interp

// except handles an exception raised by the instruction before pc: it
// records the traceback entry and returns the pc of the handler in this
// frame, or the error to propagate.
func (vm *VM) except(f *frame, pc int, err error) (int, error) {
	pe := toPyErr(err)
	vm.pending = nil
	skip := pe.reraised
	if skip {
		// except* re-raising (exc_group.go): no entry for this frame.
		pe.reraised = false
		pe.tbDepth = vm.depth
	} else if st := pe.exc.ctx; st == ctxRechain || st == ctxLazy && pe.exc.context == nil {
		// Raised while an except or finally block of this frame handles
		// another exception: that one is its __context__.
		if handled := handledAt(f, pc-1); handled != nil && handled != pe.exc && !chainHas(handled, pe.exc) {
			pe.exc.context, pe.exc.ctx = handled, ctxLazy
		}
	}
	if !skip && (len(pe.tb) == 0 || pe.tbDepth != vm.depth) && !libFrame(f.code) {
		// A re-raise in the frame that already has an entry adds none.
		pe.tb = append(pe.tb, vm.tbLine(f, pc-1, pe))
		pe.tbDepth = vm.depth
	}
	if h := findHandler(f.code, pc-1); h != nil {
		if pe.exc.ctx == ctxRechain {
			pe.exc.ctx = ctxLazy // caught: its raise is over
		}
		pe.exc.err = pe
		f.set(h.excSlot, ObjVal(pe.exc))
		if n := len(pe.tb); n > 0 && pe.tbDepth == vm.depth && pe.tb[n-1].f == f {
			// This frame goes on: its entry's tb_frame.f_lineno will be
			// the line it returns from.
			if f.exit == nil {
				if pe.catcherUsed {
					f.exit = &frameExit{}
				} else {
					f.exit, pe.catcherUsed = &pe.catcher, true
				}
			}
			pe.tb[n-1].exit = f.exit
		}
		return int(h.handler), nil
	}
	return 0, pe
}

func (vm *VM) takePending() error {
	err := vm.pending
	vm.pending = nil
	return err
}

// handledAt is the exception that the innermost except or finally block
// around pc is handling, or nil.
func handledAt(f *frame, pc int) *Exception {
	var best *excEntry
	for i := range f.code.handling {
		e := &f.code.handling[i]
		if int32(pc) >= e.start && int32(pc) < e.end && (best == nil || e.end-e.start < best.end-best.start) {
			best = e
		}
	}
	if best == nil {
		return nil
	}
	x, _ := f.objs[best.excSlot].(*Exception)
	if f.regs[best.excSlot].Tag != tagObject {
		return nil
	}
	return x
}

// chainHas reports whether x is in e's chain of causes and contexts, so
// linking would make a cycle.
func chainHas(e, x *Exception) bool {
	for n := 0; e != nil && n < 1000; n++ {
		if e == x {
			return true
		}
		if e.cause != nil {
			e = e.cause
		} else {
			e = e.context
		}
	}
	return false
}

func findHandler(co *Code, pc int) *excEntry {
	var best *excEntry
	for i := range co.excTable {
		e := &co.excTable[i]
		if int32(pc) >= e.start && int32(pc) < e.end {
			// The innermost region is the narrowest one.
			if best == nil || e.end-e.start < best.end-best.start {
				best = e
			}
		}
	}
	return best
}
