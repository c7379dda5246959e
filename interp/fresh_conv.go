package interp

import "github.com/copypatch/copypatch/templates"

// Private locals made by list(x), read by tuple(a) (issue 10).
//
// An 8-puzzle search does, for each move,
//
//	cells = list(state)
//	cells[blank], cells[j] = cells[j], cells[blank]
//	nxt = tuple(cells)
//
// and cells's list dies at the next list(state): a 240-byte allocation a
// move that the collector reclaims later (bfs made 283 thousand, 68 MB).
// When cells is private (fresh.go) that list is held by the slot alone,
// so the CALL of list that overwrites it copies the new items into it
// instead. Two more reads keep a local private here: the one argument of
// a call of the global list or tuple (both copy the items and keep
// nothing), which the CALL marks convPrivArg; should that global be
// something else when the call runs, the list loses its mark first
// (convOfPrivate), as len's does (lenPrivArg).

// Marks in Instr.E of a CALL (beside ownedA, ownedArg, freshSetA,
// lenFreshArg, privIntA, lenPrivArg and revPrivArg).
const (
	// convPrivA: a call of the global list with one argument whose
	// slot A is a private local.
	convPrivA = 1 << 10
	// convPrivArg: a call of the global list or tuple whose one
	// argument is a private local's.
	convPrivArg = 1 << 11
)

// globalCallArgMove reports whether the MOVE at pc i fills the one
// argument of a CALL right after it whose callee the instruction before
// it loaded from a global named one of names.
func globalCallArgMove(co *Code, i int, names ...string) bool {
	if i < 1 || i+1 >= len(co.instrs) || co.mod == nil {
		return false
	}
	mv, call, ld := &co.instrs[i], &co.instrs[i+1], &co.instrs[i-1]
	if call.Op != opCall || call.C != 1 || call.D >= 0 || mv.Op != opMove || mv.A != call.B+1 ||
		ld.Op != opLoadGlobal || ld.A != call.B || ld.B < 0 || int(ld.B) >= len(co.mod.gnames) {
		return false
	}
	for _, n := range names {
		if co.mod.gnames[ld.B] == n {
			return true
		}
	}
	return false
}

// convArgMove reports whether the MOVE at pc i passes the one argument
// of list(...) or tuple(...).
func convArgMove(co *Code, i int) bool {
	return globalCallArgMove(co, i, "list", "tuple")
}

// listCallAt reports whether the CALL at pc i is list(x), list loaded
// from the global.
func listCallAt(co *Code, i int) bool {
	return co.instrs[i].Op == opCall && i >= 1 && globalCallArgMove(co, i-1, "list")
}

// convOfPrivate runs at a CALL marked convPrivArg: unless the callee is
// the built-in list or tuple and the argument a list of slots, the
// argument loses its private mark (the callee may keep it, or read a
// packed list's slots).
func (vm *VM) convOfPrivate(f *frame, in *Instr) {
	unmarkUnlessCallee(f, in, func(t *typeObj) bool { return t.conv != convNone })
}

// unmarkUnlessCallee takes the private mark off the list a one-argument
// CALL passes unless the callee is the built-in type expected says (the
// call then only reads it) and the list is not packed.
func unmarkUnlessCallee(f *frame, in *Instr, expected func(*typeObj) bool) {
	s := in.B + 1
	if f.regs[s].Tag != tagObject {
		return
	}
	l, ok := f.objs[s].(*List)
	if !ok || !l.priv {
		return
	}
	if t, ok := f.objs[in.B].(*typeObj); ok && f.regs[in.B].Tag == tagObject && expected(t) && l.pk == nil {
		return
	}
	unmark(ObjVal(l))
}

// listIntoPrivate is list(src) stored in private local a (a CALL marked
// convPrivA whose callee is the built-in list): the marked list a holds
// takes src's items when they are no objects and it has the room, else a
// new list goes there, the old one's array back to the pool. ok is false
// when src is no tuple or list (the call runs).
func (vm *VM) listIntoPrivate(f *frame, a int32, src Object) (ok bool) {
	if vm.threaded() {
		return false
	}
	var n int
	switch x := src.(type) {
	case *Tuple:
		n = len(x.items)
	case *List:
		if x.objs != nil || x.pk != nil {
			n = 0 // (typeConvDirect copies them)
		} else {
			n = len(x.vals)
		}
	default:
		return false
	}
	if old, isList := f.objs[a].(*List); n > 0 && isList && f.regs[a].Tag == tagObject && old.priv && old.pk == nil &&
		Object(old) != src && cap(old.vals) >= n && !partnerHolds(f, a, old) {
		dst := old.vals[:n]
		switch x := src.(type) {
		case *Tuple:
			// Tags and bits, as long as no item is an object (then
			// a new list: old's array goes to the pool).
			items := x.items[:n]
			for i := range items {
				it := &items[i] // (not a copy of all four words)
				if it.O != nil {
					goto fresh
				}
				dst[i] = templates.Value{Tag: it.T, Bits: it.B}
			}
		case *List:
			copy(dst, x.vals)
		}
		old.vals, old.objs = dst, nil
		return true
	}
fresh:
	r := typeConvDirect(convList, src).(*List)
	vm.keepPrivate(f, a, r)
	return true
}
