package interp

import (
	jit "github.com/copypatch/copypatch/runtime"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// callOuts runs the call-outs of one entry of lt's trace: from exit ec on,
// while the trace leaves through a call-out's exit, the interpreter runs
// that one instruction (or Go does an attribute store) and the trace goes
// on after it. It returns the exit that was not a call-out; or, with left
// set, the pc (and error) at which the interpreter goes on instead, the
// caller still to release the hold.
//
// It is enter's loop on its own, so that a loop whose every iteration
// calls out runs only this between native stretches: no restore for a
// call-out whose snapshot and trace give nothing back (most: see plain),
// and the checks' counter read once.
func (vm *VM) callOuts(f *frame, lt *loopTrace, hold *jit.Hold, frame []templates.Value, ec templates.ExitCode) (templates.ExitCode, int, error, bool) {
	j := vm.jit
	// Nothing of the trace's own to give the interpreter back at a
	// call-out (giveBack): no lists, iterators, 128-bit ints or globals
	// kept in slots.
	keepsNothing := len(lt.lists)+len(lt.entryIters)+len(lt.wides)+len(lt.globals) == 0
	for ec.Reason() == templates.ExitSide {
		at, ok := lt.resumes.get(ec.Index())
		if !ok {
			break
		}
		idx := int(ec.Index() &^ traceopt.PeeledSnap)
		sn := lt.snaps[idx]
		if st := sn.store; st != nil {
			// An attribute store Go does: nothing else changes.
			j.stats.stores++
			vm.storeObject(lt, st)
			if lt.stores++; lt.stores%callOutWindow == 0 && lt.losesToCallOuts() {
				lt.bench(j)
				// (The interpreter does the store again: the same value.)
				pc, err := vm.restore(f, lt, sn)
				return ec, pc, err, true
			}
			ec = vm.runTrace(lt, hold, frame, at)
			continue
		}
		j.stats.callOuts++
		lt.callOuts++
		pc, err := sn.pc, error(nil)
		if !keepsNothing || !sn.plain() {
			g0 := assumeGen.Load()
			pc, err = vm.restore(f, lt, sn)
			if lt.checkedAt == g0 && len(lt.globals) > 0 {
				// restore stored the loop's globals back (storeGlobals),
				// which no check of lt reads (addCheck), and no thread
				// runs beside such a trace (unshared): its checks still
				// hold.
				lt.checkedAt = assumeGen.Load()
			}
		}
		changed := false
		if err == nil {
			sp := vm.sp
			vm.sp = lt.base + lt.extent // calls get frames above the trace's slots
			if idx >= len(lt.reuse) || lt.reuse[idx] == 0 {
				err = vm.execOne(f, pc)
			} else {
				err = vm.sliceCallOut(f, lt, idx, pc)
			}
			vm.sp = sp
			if changed = !lt.unchanged(); changed {
				vm.fillGlobals(lt) // (the instruction may have stored one)
			}
		}
		// A call-out that started the first thread leaves a trace that
		// may not run while threads run (unsharedOp): its plain list
		// stores would go on beside the new thread.
		if err != nil || vm.sigint.Load() || changed && !lt.checksHold(vm) || lt.unshared && vm.threaded() {
			return ec, pc + 1, err, true
		}
		if lt.callOuts%callOutWindow == 0 && lt.losesToCallOuts() {
			// A long entry whose call-outs cost more than its native
			// code saves: the interpreter goes on from here.
			lt.bench(j)
			return ec, pc + 1, nil, true
		}
		ec = vm.runTrace(lt, hold, frame, at)
	}
	return ec, 0, nil, false
}

// plain reports whether the snapshot restores nothing: no inlined frames
// to finish and no slot to set (restoreSlots).
func (sn *snapshot) plain() bool {
	return len(sn.frames)+len(sn.objects)+len(sn.iters)+len(sn.wides)+len(sn.clear) == 0
}

// sliceCallOut runs a slice call-out that may reuse the list it made last
// time (slice_reuse.go).
func (vm *VM) sliceCallOut(f *frame, lt *loopTrace, idx, pc int) error {
	reused, err := vm.reuseSlice(f, lt, idx, pc)
	if reused {
		vm.jit.stats.reusedSlices++
		return err
	}
	if err = vm.execOne(f, pc); err == nil {
		lt.noteSlice(f, idx, pc)
	}
	return err
}

// callOutGetItem does a subscript call-out the common ways, as the
// interpreter's own fast path does them: an item of a list or tuple by an
// int in range (a str of a list of strs, which native code cannot read),
// or a key a dict holds (or the error its hash or compare raised, as that
// fast path raises it). It reports false, nothing done, for anything
// else, which the generic path then does. Through generic, such a
// call-out ran three times the instructions (callgrind: ~370 for
// words[i], most of them loading and checking the operands again).
func callOutGetItem(f *frame, in *Instr) (bool, error) {
	x, y := f.regs[in.B], f.regs[in.C]
	if x.Tag != tagObject || y.Tag == tagEmpty {
		return false, nil
	}
	switch c := f.objs[in.B].(type) {
	case *List:
		i, ok := itemIndex(y, len(c.vals)) // (packed.go's lists have no vals)
		if ok {
			f.set(in.A, c.at(i))
		}
		return ok, nil
	case *Tuple:
		i, ok := itemIndex(y, len(c.items))
		if ok {
			f.set(in.A, c.items[i])
		}
		return ok, nil
	case *Dict:
		v, found, err := c.get(f.get(in.C))
		if err != nil || !found {
			return err != nil, err // (a missing key: KeyError or a factory's value, generic's work)
		}
		f.set(in.A, v)
		return true, nil
	}
	return false, nil
}

// itemIndex is the position int y names in a sequence of n items, counting
// from the end when negative; false when y is no int or is out of range.
func itemIndex(y templates.Value, n int) (int, bool) {
	if y.Tag != tagInt {
		return 0, false
	}
	i := int64(y.Bits)
	if i < 0 {
		i += int64(n)
	}
	return int(i), uint64(i) < uint64(n)
}
