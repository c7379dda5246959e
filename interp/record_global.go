package interp

import (
	"slices"

	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// Globals in trace slots. A loop at module level keeps its variables in
// globals (`for n in range(...): acc = (acc + f(n)) % M`), and a function
// may store one (`global count`). A trace cannot take those as constants,
// as it does the globals it only reads: it keeps each global the loop
// stores, and each global list it reads, in a scratch slot of its own,
// filled from the global at every entry, stored back into the global
// (giveBack) before the interpreter runs anything (an exit, a call-out,
// the end of a recording), and filled again after a call-out, which may
// have changed it. While the trace runs no other code can see the global,
// so such traces do not run while threads run (loopTrace.unshared).

// globalSlot is a global kept in a trace's scratch slot.
type globalSlot struct {
	index  int32 // the global
	slot   int32
	stored bool // the loop stores it: exits store it back
}

// globalSlotOf returns the scratch slot that holds global g in the trace,
// or false.
func (lt *loopTrace) globalSlotOf(g int32) (int32, bool) {
	for _, gs := range lt.globals {
		if gs.index == g {
			return gs.slot, true
		}
	}
	return 0, false
}

// isGlobalSlot reports whether scratch slot s holds a global.
func (lt *loopTrace) isGlobalSlot(s int32) bool {
	for _, gs := range lt.globals {
		if gs.slot == s {
			return true
		}
	}
	return false
}

// fillGlobals loads lt's globals into their slots.
func (vm *VM) fillGlobals(lt *loopTrace) {
	for _, gs := range lt.globals {
		v := vm.mod.load(gs.index)
		vm.stack[lt.base+int(gs.slot)] = templates.Value{Tag: v.T, Bits: v.B}
		vm.ostack[lt.base+int(gs.slot)] = v.O
	}
}

// storeGlobals stores the globals lt's loop stores from their slots, whose
// objects giveBack has made right.
func (vm *VM) storeGlobals(lt *loopTrace) {
	for _, gs := range lt.globals {
		if !gs.stored {
			continue
		}
		r := vm.stack[lt.base+int(gs.slot)]
		v := Val{T: r.Tag, B: r.Bits}
		if r.Tag == tagObject {
			v.O = vm.ostack[lt.base+int(gs.slot)]
		}
		if cur := vm.mod.load(gs.index); cur.T == v.T && cur.B == v.B && sameObject(cur.O, v.O) {
			// Unchanged since the last store back: storing it again would
			// count as a change (assumeGen) at every call-out.
			continue
		}
		vm.mod.store(gs.index, v)
	}
}

// storedGlobals gives a slot to every global the loop's own code stores
// (on any path: a bridge may take another) and fills them.
func (r *recorder) storedGlobals() {
	co := r.rootCode
	for pc := r.head; pc <= r.end; pc++ {
		if in := &co.instrs[pc]; in.Op == opStoreGlobal {
			if _, ok := r.lt.globalSlotOf(in.A); !ok {
				r.addGlobal(in.A, true)
			}
		}
	}
}

// addGlobal gives global g a scratch slot, filled now.
func (r *recorder) addGlobal(g int32, stored bool) (int32, bool) {
	if r.vm.mt {
		r.failf("a global in a trace while threads run")
		return 0, false
	}
	if r.lt.fn {
		r.failf("a global in a function trace")
		return 0, false
	}
	s := r.newScratch()
	if r.abort != "" {
		return 0, false
	}
	r.lt.globals = append(r.lt.globals, globalSlot{index: g, slot: s, stored: stored})
	if !r.vm.mod.watch(g) || slices.ContainsFunc(r.lt.checks, func(c globalCheck) bool { return c.index == int(g) }) {
		r.lt.slowChecks = true // (call-outs must fill its slot again: unchanged; addCheck)
	}
	r.lt.exitReads[s] = true // (exits read it: giveBack)
	v := r.vm.mod.load(g)
	r.regs[s] = templates.Value{Tag: v.T, Bits: v.B}
	r.vm.ostack[r.lt.base+int(s)] = v.O // (both halves: native code only reads an object global's slot)
	return s, true
}

// loadGlobalSlot translates a load of global g kept in slot s.
func (r *recorder) loadGlobalSlot(a, s int32) {
	if r.regs[s].Tag == tagEmpty {
		r.failf("unbound global")
		return
	}
	if r.typeOf(s) == traceopt.Unknown {
		r.failf("global holding %s", aName(r.regs[s].Tag))
		return
	}
	r.move(a, s)
}

// storeGlobal translates a store of slot src into global g.
func (r *recorder) storeGlobal(g, src int32) {
	s, ok := r.lt.globalSlotOf(g)
	if !ok || !r.lt.globals[r.globalIndex(g)].stored {
		r.failf("STORE_GLOBAL of a global the loop does not store")
		return
	}
	if _, isObj := r.objects[src]; isObj || r.typeOf(src) == traceopt.Unknown {
		r.failf("STORE_GLOBAL of an object")
		return
	}
	r.move(s, src)
}

func (r *recorder) globalIndex(g int32) int {
	for i, gs := range r.lt.globals {
		if gs.index == g {
			return i
		}
	}
	return -1
}

// refillGlobals runs after a call-out, which may have stored into the
// globals: their slots are loaded again, and what was known of them is
// forgotten.
func (r *recorder) refillGlobals() {
	for _, gs := range r.lt.globals {
		v := r.vm.mod.load(gs.index)
		r.regs[gs.slot] = templates.Value{Tag: v.T, Bits: v.B}
		r.vm.ostack[r.lt.base+int(gs.slot)] = v.O
		r.wrote(gs.slot)
		r.clobber(gs.slot)
	}
}
