package interp

// Private locals made by [] (issue 10).
//
// words = [] at the top of a loop body, filled by words.append(...) and
// read by " ".join(words), made a new list an iteration and grew it
// through two or three pairs of arrays: wordcount's make_text allocated
// ~1 KB a line that way, 29 MB of its 160. When the local is private
// (fresh.go) the list the [] stored there on the iteration before is held
// by that slot alone, so the BUILD_LIST that overwrites it empties it and
// stores it again, arrays and all. Two more reads keep a local private
// here: the receiver of a call of a method named append with one
// argument (a list [] made is an exact list, whose append keeps nothing
// but its argument; a local holding anything else holds no marked list),
// and the one argument of a method named join called on a str constant
// (str.join reads the items and keeps nothing).

// privEmptyMax is the largest capacity an emptied private list keeps: a
// bigger one goes, as CPython frees a long list's array.
const privEmptyMax = 1024

// appendRecvMove reports whether the MOVE at pc i copies its local into
// the receiver of a CALL_METHOD named append with one positional argument
// further on, with no jump between and nothing in between reading or
// writing that receiver slot (the argument is computed above it).
func appendRecvMove(co *Code, i int) bool {
	mv := &co.instrs[i]
	t := mv.A
	if int(t) < co.nlocals+len(co.consts) {
		return false
	}
	for j := i + 1; j < len(co.instrs) && j-i <= 64; j++ {
		in := &co.instrs[j]
		if in.Op == opCallMethod && in.B == t {
			return in.C == 1 && in.E < 0 && int(in.D) < len(co.names) && co.names[in.D] == "append"
		}
		if touchesSlot(in, t) {
			return false
		}
	}
	return false
}

// touchesSlot reports whether in jumps or may read or write slot t: an
// operand naming t, or a range of slots starting at or below it.
func touchesSlot(in *Instr, t int32) bool {
	exact := singleSlots[in.Op]
	for j, k := range opInfo[in.Op].kinds {
		switch k {
		case 'j':
			return true
		case 's':
			x := *in.operand(j)
			if x == t || !exact && x >= 0 && x < t {
				return true
			}
		}
	}
	return false
}

// joinArgMove reports whether the MOVE at pc i copies its local into the
// one argument of the CALL_METHOD named join right after it, whose
// receiver the MOVE before it copied from a str constant.
func joinArgMove(co *Code, i int) bool {
	if i < 1 || i+1 >= len(co.instrs) {
		return false
	}
	mv, call, recv := &co.instrs[i], &co.instrs[i+1], &co.instrs[i-1]
	if call.Op != opCallMethod || call.C != 1 || call.E >= 0 || mv.A != call.B+1 ||
		int(call.D) >= len(co.names) || co.names[call.D] != "join" ||
		recv.Op != opMove || recv.A != call.B {
		return false
	}
	c := int(recv.B) - co.nlocals
	if c < 0 || c >= len(co.consts) {
		return false
	}
	k := co.consts[c]
	_, ok := k.O.(*Str)
	return ok && k.T == tagObject
}

// buildPrivateEmpty is [] into private local a (BUILD_LIST marked privA):
// the marked list a holds, emptied, when nothing else holds it.
func (vm *VM) buildPrivateEmpty(f *frame, a int32) {
	if f.regs[a].Tag == tagObject && !vm.threaded() {
		if l, ok := f.objs[a].(*List); ok && l.priv && !partnerHolds(f, a, l) &&
			l.pk == nil && !l.deque && l.dqMax == 0 && cap(l.vals) <= privEmptyMax {
			clear(l.objs)
			l.vals, l.objs = l.vals[:0], l.objs[:0]
			return
		}
	}
	l := newEmptyList()
	l.priv = !vm.threaded()
	f.set(a, ObjVal(l))
}
