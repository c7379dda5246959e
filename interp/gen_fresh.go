package interp

// Fresh lists passed through a yield (issue 10).
//
// nqueens' slice_perms is
//
//	for tail in slice_perms(rest):
//	    yield [items[i]] + tail
//
// Each level makes a list with its +, yields it, and the level above
// reads it only as tail, the right operand of its own +, until the next
// item overwrites tail. Every such list died unseen when the loop moved
// on, a fresh allocation per level per permutation (282 thousand lists
// for 8 queens) that the collector then reclaimed, where CPython frees
// each as its loop variable is rebound.
//
// The compiler marks a YIELD whose operand is a producer's temporary that
// dies there (freshB, as the consumers of fresh.go are marked), and the
// GET_ITER of a loop that alone holds the generator a call made (the
// call's ownedA, gen_reuse.go) when the loop's target is a private local
// (yieldInto). That GET_ITER tells the generator the frame and the slot
// (Generator.into). Each time the body then suspends at a marked YIELD
// whose list its producer's fast path noted (vm.fresh), nobody but the
// loop is about to see that list: the list is marked as a private local's
// (List.priv), and the marked list the target held, which the loop
// overwrites next, goes back to the pools for the next producer. Only a
// generator without try blocks is told (no close can run its body once
// the loop is gone), and nothing of this runs once threads run. The run
// loop is untouched (its code shape moves every program's instruction
// count): the generator's runFrame does it, after the body suspended.

// yieldInto marks, in Instr.E of a GET_ITER, a loop over an owned
// generator whose target is a private local.
const yieldInto = 1 << 2

// Only loops over a call of one of the module's generator functions are
// marked: a marked list in a local marks its len, list, tuple and
// reversed calls too, which the JIT does not trace, and a loop over a
// list does not need them.

// generatorDefs returns the names of the plain generator functions a
// module body defines at its top level.
func generatorDefs(body []Stmt) map[string]bool {
	var m map[string]bool
	for _, s := range body {
		d, ok := s.(*Def)
		if !ok || d.async || len(d.decorators) > 0 {
			continue
		}
		yields := false
		walkStmts(d.body, func(e Expr) {
			if _, ok := e.(*Yield); ok {
				yields = true
			}
		}, func([]param, []Stmt) {})
		if yields {
			if m == nil {
				m = map[string]bool{}
			}
			m[d.name] = true
		}
	}
	return m
}

// loopsOverGenCall reports whether the FOR_ITER at pc i iterates what a
// call of a global named in co's module's genDefs returned, a call only
// the loop reads (ownedA): the loop's head is CALL into the iterator's
// slot, GET_ITER (ownedIter), JUMP.
func loopsOverGenCall(co *Code, i int) bool {
	fi := &co.instrs[i]
	body := int(fi.C)
	if co.mod == nil || len(co.mod.genDefs) == 0 || body < 3 || body > i {
		return false
	}
	gi, call := &co.instrs[body-2], &co.instrs[body-3]
	if gi.Op != opGetIter || gi.E&ownedIter == 0 || gi.A != fi.A || gi.B != fi.A || co.instrs[body-1].Op != opJump ||
		call.Op != opCall || call.A != fi.A || call.E&ownedA == 0 {
		return false
	}
	// The callee: the last instruction before the call that wrote its slot.
	for j := body - 4; j >= 0; j-- {
		in := &co.instrs[j]
		if in.A != call.B || !writesA[in.Op] && in.Op != opLoadGlobal {
			continue
		}
		return in.Op == opLoadGlobal && in.B >= 0 && int(in.B) < len(co.mod.gnames) && co.mod.genDefs[co.mod.gnames[in.B]]
	}
	return false
}

// loopKeepsYields is a GET_ITER marked yieldInto (its D the loop's
// target) of v: an owned generator (its own iterator) not yet started is
// told the loop's frame and target.
func (vm *VM) loopKeepsYields(f *frame, in *Instr, v Val) {
	g, ok := v.O.(*Generator)
	if !ok || v.T != tagObject || !g.owned || g.started || len(g.fn.code.excTable) > 0 || vm.threaded() {
		return
	}
	g.into, g.intoSlot = f, in.D
}

// keepYielded runs when g, told its loop's target, has suspended at a
// yield of v (the YIELD before its resume point).
func (vm *VM) keepYielded(g *Generator, v Val) {
	code := g.fn.code.instrs
	l, ok := v.O.(*List)
	if !ok || v.T != tagObject || g.pc < 1 || int(g.pc) > len(code) || vm.threaded() {
		return
	}
	if y := &code[g.pc-1]; y.Op != opYield || y.E&freshB == 0 || !vm.takeNote(l) {
		return
	}
	vm.dropPrivateAt(g.into, g.intoSlot)
	l.priv = true
}

// dropPrivateAt recycles the marked list private local a holds before a
// fresh list overwrites it, unless the local's partner holds it too.
func (vm *VM) dropPrivateAt(f *frame, a int32) {
	old, ok := f.objs[a].(*List)
	if !ok || !old.priv || f.regs[a].Tag != tagObject || partnerHolds(f, a, old) {
		return
	}
	vm.dropPacked(old)
	old.priv = false
	if vm.fresh.small.put(old) {
		return // a small list kept whole (fresh_small.go)
	}
	vals := old.vals
	old.vals, old.objs = nil, nil
	vm.fresh.pool.put(vals)
}
