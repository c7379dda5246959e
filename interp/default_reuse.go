package interp

// d.setdefault(k, []): the [] that was not needed (issue 10).
//
// Grouping with d.setdefault(k, []).append(x) makes an empty list at every
// call, kept only when k is new. CPython frees the others at once and
// makes the next [] in the same memory; Go cannot free them, so each was
// fresh memory (160 bytes: the list and the four slots its first append
// takes), a page fault every 25 calls (generators.py's incremental sieve:
// 120,000 of them, most of its page faults). The compiler marks such a
// call (freshDefaultKw as its keyword operand): its last argument is a []
// display evaluated straight into its slot, which only the call reads.
// When the call was dict.setdefault's fast path and returned something
// else, the key was there and the list is nobody's: it becomes the VM's
// spare, the next [] that BUILD_LIST makes.

// freshDefaultKw, as the keyword operand of a CALL_METHOD (no keywords),
// says that its last argument is a [] made for it alone. (withEnterKw is
// -2, withExitKw -4.)
const freshDefaultKw = -3

// isEmptyListDisplay says whether args are two, the second a [] display.
func isEmptyListDisplay(args []Expr) bool {
	if len(args) != 2 {
		return false
	}
	l, ok := args[1].(*ListExpr)
	return ok && len(l.elts) == 0
}

// unusedDefault is the end of a CALL_METHOD marked freshDefaultKw that
// returned v: when the receiver is a dict, the method was dict.setdefault,
// and a v other than the [] means the key was there: the [] goes to
// vm.spareList, its slot let go of.
func (vm *VM) unusedDefault(f *frame, in *Instr, v Val) {
	j := in.B + in.C // the last argument
	if _, isDict := f.objs[in.B].(*Dict); !isDict || f.regs[in.B].Tag != tagObject || f.regs[j].Tag != tagObject || vm.threaded() {
		return
	}
	l, ok := f.objs[j].(*List)
	if !ok || v.O == Object(l) || len(l.vals) != 0 || cap(l.vals) != 4 || l.objs != nil || l.pk != nil || l.priv || l.deque || l.dqMax != 0 || l.seq != 0 {
		return
	}
	f.set(j, NoneVal)
	vm.spareList = l
}
