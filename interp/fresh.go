package interp

import (
	"math/bits"

	"github.com/copypatch/copypatch/templates"
)

// Temporary lists that die: reusing their arrays.
//
// a = a[k:] + a[:k] makes two lists that live only until the + has copied
// them. Go cannot free them, so each is fresh memory the collector must
// reclaim later, and touching fresh memory costs a page fault or a cache
// miss per few kilobytes (slices spent half its time there). The compiler
// marks the instructions that consume such a temporary (E of ADD, GET_SLICE
// and SET_SLICE: freshB, freshC): the operand is a slice, a + or a *
// evaluated straight into a temporary slot that nothing else reads. The VM
// then recycles the list's arrays into a small per-VM pool, where the next
// slice, concatenation or repeat takes them while they are still in the
// cache.
//
// The mark only says where the value came from; whether it is a list
// nobody else holds is known at run time: the producing instruction's fast
// path (a list slice, list + list, list * int) notes the new list in
// vm.fresh, and every other outcome of those instructions (a __getitem__,
// __add__ or __rmul__ that may return a list kept elsewhere) clears it. So a marked operand that is
// still noted is the list its producer made, seen by no one else.
// Nothing of this runs once threads run (vm.threaded()): a list is then shared
// property of the lock discipline of objlock.go.

// Marks in Instr.E of a consuming instruction.
const (
	freshB = 1 << iota // operand B is a fresh temporary that dies here
	freshC             // operand C is
)

// freshLists are the lists last made by a producer's fast path.
type freshLists struct {
	l     [2]*List
	next  uint8
	pool  listPool
	small smallLists // whole lists of up to roomMax slots (fresh_small.go)
	pk    []byte     // a dropped packed list's bytes (packed.go)
}

// listPool keeps recycled arrays by capacity class (floor of log2).
type listPool struct {
	vals [poolClasses][poolDepth][]templates.Value
	nv   [poolClasses]uint8
	big  uint64 // bytes held in classes from poolBig on
}

const (
	poolClasses = 25 // up to 2^24 elements (256 MiB of slots)
	poolDepth   = 4
	poolMin     = 8 // smaller arrays cost Go little to allocate
	// Arrays of 2^16 elements and more (1 MiB) are kept one a class and
	// poolBigMax bytes in all: memory the program dropped stays the
	// process's, as CPython's freed arenas may, but bounded.
	poolBig    = 16
	poolBigMax = 64 << 20
)

// noteFresh records l, just made by a producer's fast path.
func (vm *VM) noteFresh(l *List) {
	if vm.threaded() {
		return
	}
	f := &vm.fresh
	f.l[f.next&1] = l
	f.next++
}

// clearFresh forgets the noted lists: a producer ran something else.
func (vm *VM) clearFresh() { vm.fresh.l = [2]*List{} }

// recycle gives v's arrays to the pool when v is a noted list (the
// consuming instruction has finished with it). The list is left empty.
func (vm *VM) recycle(v Val) {
	l, ok := v.O.(*List)
	if !ok || v.T != tagObject || vm.threaded() {
		return
	}
	f := &vm.fresh
	for i := range f.l {
		if f.l[i] == l {
			f.l[i] = nil
			if f.small.put(l) {
				return
			}
			vals := l.vals
			l.vals, l.objs = nil, nil
			f.pool.put(vals)
			return
		}
	}
}

func (p *listPool) put(vals []templates.Value) {
	c := cap(vals)
	if c < poolMin {
		return
	}
	k := bits.Len(uint(c)) - 1
	if k >= poolClasses || p.nv[k] == poolDepth {
		return
	}
	if k >= poolBig {
		b := uint64(c) * templates.SlotSize
		if p.nv[k] > 0 || p.big+b > poolBigMax {
			return
		}
		p.big += b
	}
	p.vals[k][p.nv[k]] = vals[:0]
	p.nv[k]++
}

// took accounts for a taken array of class k.
func (p *listPool) took(k int, a []templates.Value) {
	if k >= poolBig {
		p.big -= uint64(cap(a)) * templates.SlotSize
	}
}

// take returns an array of length n from the pool, or nil. Its elements
// are stale: the caller overwrites all n.
func (p *listPool) take(n int) []templates.Value {
	if n < poolMin {
		return nil
	}
	k := bits.Len(uint(n)) - 1
	if k >= poolClasses {
		return nil
	}
	// Class k holds capacities in [2^k, 2^(k+1)): look for one that fits,
	// then class k+1, where any does (at most four times n).
	for i := int(p.nv[k]) - 1; i >= 0; i-- {
		if a := p.vals[k][i]; cap(a) >= n {
			last := int(p.nv[k]) - 1
			p.vals[k][i] = p.vals[k][last]
			p.vals[k][last] = nil
			p.nv[k]--
			p.took(k, a)
			return a[:n]
		}
	}
	if k+1 < poolClasses && p.nv[k+1] > 0 {
		p.nv[k+1]--
		a := p.vals[k+1][p.nv[k+1]]
		p.vals[k+1][p.nv[k+1]] = nil
		p.took(k+1, a)
		return a[:n]
	}
	return nil
}

// newVals is an array of n slots for a new list; the caller fills them all.
func (vm *VM) newVals(n int) []templates.Value {
	if vm != nil && !vm.threaded() {
		if a := vm.fresh.pool.take(n); a != nil {
			return a
		}
	}
	return make([]templates.Value, n)
}

// sliceFresh is l[lo:hi:step] for a GET_SLICE, in a pooled array.
func (vm *VM) sliceFresh(l *List, lo, hi, step int64) *List {
	n := sliceLen(lo, hi, step)
	if n <= roomMax {
		if l.objs == nil {
			r := vm.smallList(n)
			gather(r.vals, l.vals, int(lo), int(step))
			return r
		}
		return l.slice(lo, hi, step)
	}
	var vals []templates.Value
	if step == 1 {
		if vals = vm.fresh.pool.take(n); vals != nil {
			copy(vals, l.vals[lo:lo+int64(n)])
		} else {
			// append, not make and copy: the copy is not zeroed first.
			vals = append([]templates.Value(nil), l.vals[lo:lo+int64(n)]...)
		}
	} else {
		vals = vm.newVals(n)
		gather(vals[:n], l.vals, int(lo), int(step))
	}
	r := &List{vals: vals}
	if l.objs != nil {
		r.objs = make([]Object, n)
		if step == 1 {
			copy(r.objs, l.objs[lo:lo+int64(n)])
		} else {
			gather(r.objs, l.objs, int(lo), int(step))
		}
	}
	return r
}

// concatFresh is x + y for an ADD, in a pooled array.
func (vm *VM) concatFresh(x, y *List) *List {
	if n := len(x.vals) + len(y.vals); n <= roomMax {
		if x.objs == nil && y.objs == nil {
			r := vm.smallList(n)
			copy(r.vals, x.vals)
			copy(r.vals[len(x.vals):], y.vals)
			return r
		}
		return x.concatInto(y, nil)
	}
	return x.concatInto(y, vm.newVals(len(x.vals)+len(y.vals)))
}

// repeatFresh is list * int or int * list for a MUL, in a pooled array: the
// fast path of a producer of fresh lists ([i] + [0] * n makes a row and
// drops the repeat). ok is false for any other operands (deques, big ints,
// instances): binop does those.
func (vm *VM) repeatFresh(a, b Val) (*List, bool, error) {
	x, ok := a.O.(*List)
	if !ok || a.T != tagObject {
		if x, ok = b.O.(*List); !ok || b.T != tagObject {
			return nil, false, nil
		}
		a, b = b, a
	}
	if x.deque || (b.T != tagInt && b.T != tagBool) {
		return nil, false, nil
	}
	n := uint64(max(int64(b.B), 0))
	size := mulSat(uint64(len(x.vals)), n)
	if err := memCheckMul(size, 32); err != nil {
		return nil, false, err
	}
	var vals []templates.Value
	if !vm.threaded() {
		vals = vm.fresh.pool.take(int(size))
	}
	if vals == nil {
		vm.reclaim(size * valSize)
		vals = make([]templates.Value, size)
	}
	r := &List{vals: repeatFill(vals, x.vals)}
	if x.objs != nil {
		r.objs = repeatSlice(x.objs, int(n))
	}
	return r, true, nil
}

// Private locals: the list a variable drops.
//
// a = a[k:] + a[:k] in a loop still made one new array per iteration: the
// + result becomes a, and the list a held before dies unseen, so its array
// is garbage for the collector instead of the next iteration's. A local is
// private when every instruction that reads it only indexes, slices,
// stores into, truth-tests or adds it (never moves, passes, returns,
// iterates or captures it), and the function cannot list its locals: then
// the list a producer's fast path stores there is held by that slot alone
// for as long as it stays there. The producer marks such a list (List.priv)
// when its target is private (privA), and when it next overwrites the slot
// it recycles the marked list it replaces. A list's own operations never
// hand the list to Python code; the one instruction that might (an + that
// finds no list on the other side, which may call __radd__) clears the mark
// first.
//
// Two locals that moves join (prev = cur, a row loop's two rows) are a
// pair: neither escapes by the move, each is private only when the other
// is, and a list made in one is held by the pair alone. A producer or a
// move (privA on a MOVE) that overwrites one of them recycles the marked
// list it drops unless the other slot holds that list too. Three or more
// locals joined by moves are not private.

// privA marks, in Instr.E of a GET_SLICE or ADD, that slot A is private.
const privA = 1 << 2

// privNew marks, in Instr.E of a MOVE (beside privA), the move that stores
// the list a starred unpacking just made (first, *rest = rest) into a
// private local: the move is that list's producer, so it marks it
// (List.priv) as keepPrivate does. consume in the slices benchmark dropped
// a 3000-element list an iteration, 82 MB of fresh memory in a run.
const privNew = 1 << 6

// movedFresh marks, in Instr.E of a MOVE, a move from the temporary a
// producer (a slice, a + or a *) evaluated straight into, to a local: a
// tuple assignment's store (evens, odds = a[::2], a[1::2]). markPrivate
// turns it into privA | privFresh when the local is private, and clears
// it otherwise.
const movedFresh = 1 << 9

// privFresh marks, in Instr.E of a MOVE (beside privA), that the list the
// move stores is its producer's when that producer's fast path noted it
// (vm.fresh): the move marks it (List.priv) and takes the note. Any other
// outcome of the producer clears the notes, and a third producer between
// them pushes the note out: the list then stays unmarked.
const privFresh = 1 << 8

// markPrivate sets privA on the producers whose target is a private local
// of co (called once its slots are final).
func markPrivate(co *Code) {
	n := int32(co.nlocals)
	if n == 0 {
		return
	}
	private := allLocals(n)
	escape, escapeFrom := private.clear, private.clearFrom
	for _, fn := range co.funcs {
		for _, s := range fn.freeFrom {
			escape(s)
		}
	}
	// A move between two locals (prev = cur) keeps the list between
	// them: it does not escape when the two are a private pair (below).
	var pairs [][2]int32
	var called []int32   // locals read as append's receiver or join's argument
	var reversedAt []int // MOVEs of reversed(a)'s argument a (fresh_reversed.go)
	for i := range co.instrs {
		in := &co.instrs[i]
		switch in.Op {
		case opLocals:
			return
		case opMove:
			if in.A >= 0 && in.A < n && in.B >= 0 && in.B < n {
				if in.A != in.B {
					pairs = append(pairs, [2]int32{in.A, in.B})
				}
				continue
			}
			if lenArgMove(co, i) {
				continue // len(a): read, not kept (lenPrivArg)
			}
			if convArgMove(co, i) {
				continue // list(a), tuple(a): copied (fresh_conv.go)
			}
			if appendRecvMove(co, i) || joinArgMove(co, i) {
				// a.append(x), "".join(a) (fresh_build.go)
				called = append(called, in.B)
				continue
			}
			if in.B >= 0 && in.B < n && reversedArgMove(co, i) {
				// for x in reversed(a) (fresh_reversed.go): read as
				// slots, as append's receiver is.
				called = append(called, in.B)
				reversedAt = append(reversedAt, i)
				continue
			}
			escape(in.B)
		case opGetSlice, opGetItem:
			// A is written; B is read as a container; C is a key or
			// the first of the bounds (temporaries, but ranged).
			if in.Op == opGetSlice {
				escapeFrom(in.C)
			} else {
				escape(in.C)
			}
		case opSetItem:
			escape(in.B)
			escape(in.C)
		case opSetSlice:
			escapeFrom(in.B)
			escape(in.C)
		case opDelItem:
			escape(in.B)
		case opDelSlice:
			escapeFrom(in.B)
		case opAdd:
			// B and C may be read (copied) and A written; a slow path
			// that may give them away clears their marks.
		case opUnpack:
			// B's items are copied out (a starred part into a new list);
			// B itself is kept nowhere.
		case opJumpIfFalse, opJumpIfTrue:
		case opForIter:
			// A loop over a generator's call reads its iterator and
			// only writes its target (a list the generator hands it
			// may be kept there: gen_fresh.go).
			if !loopsOverGenCall(co, i) {
				private.clearRead(in)
				continue
			}
			escape(in.A)
		default:
			// Any other instruction may keep what it reads. What it
			// only writes does not matter: a list that is overwritten
			// unseen is dead either way.
			private.clearRead(in)
		}
	}
	// Locals joined by moves: a list may be in both at once, so each is
	// private only when its partner is, and only in pairs (a move that
	// drops a list then knows the one other slot that may hold it).
	partner := make([]int32, n)
	for i := range partner {
		partner[i] = -1
	}
	for _, p := range pairs {
		a, b := p[0], p[1]
		switch {
		case partner[a] < 0 && partner[b] < 0:
			partner[a], partner[b] = b, a
		case partner[a] == b:
		default: // three or more joined: none of them
			for _, s := range []int32{a, b, partner[a], partner[b]} {
				if s >= 0 {
					private[s] = false
				}
			}
		}
	}
	// reversed(a)'s loop may not recycle a's list; a partner's move could.
	for _, i := range reversedAt {
		if s := co.instrs[i].B; partner[s] >= 0 {
			private[s] = false
		}
	}
	// A packed list (packed.go) knows only indexing reads: a local that
	// append or join reads is private only when no repeat stores there,
	// nor in its partner.
	for _, s := range called {
		for i := range co.instrs {
			in := &co.instrs[i]
			if in.Op == opMul && in.D != inPlace && (in.A == s || in.A >= 0 && in.A < n && partner[s] == in.A) {
				private[s] = false
			}
		}
	}
	// Spread escapes through the pairs until nothing changes (a third
	// local joined later may have unmarked one of a pair).
	for changed := true; changed; {
		changed = false
		for _, p := range pairs {
			a, b := p[0], p[1]
			if private[a] != private[b] {
				private[a], private[b] = false, false
				changed = true
			}
		}
	}
	for s := range partner {
		if partner[s] >= 0 && private[s] {
			if co.partner == nil {
				co.partner = make([]int32, n)
				for i := range co.partner {
					co.partner[i] = -1
				}
			}
			co.partner[s] = partner[s]
		}
	}
	// A pair's moves are marked only when a producer stores into the
	// pair: elsewhere (cost = 0) they move no list made here, and a marked
	// move is a call-out in a trace.
	produced := make([]bool, n)
	for i := range co.instrs {
		in := &co.instrs[i]
		producer := in.Op == opGetSlice || (in.Op == opAdd || in.Op == opMul) && in.D != inPlace ||
			in.Op == opBuildList && in.C == 0
		if producer && in.A >= 0 && in.A < n && private[in.A] {
			in.E |= privA
			produced[in.A] = true
		}
		if in.Op == opForIter && in.B >= 0 && in.B < n && private[in.B] && partner[in.B] < 0 && loopsOverGenCall(co, i) {
			gi := &co.instrs[in.C-2] // its GET_ITER (gen_fresh.go)
			gi.E |= yieldInto
			gi.D = in.B
			produced[in.B] = true
		}
		if in.A >= 0 && in.A < n && private[in.A] && listCallAt(co, i) {
			in.E |= convPrivA // cells = list(state) (fresh_conv.go)
			produced[in.A] = true
		}
	}
	// A starred unpacking makes its list in a temporary that one of the
	// moves right after it stores into its target.
	for i := range co.instrs {
		in := &co.instrs[i]
		if in.Op != opUnpack || in.D < 0 {
			continue
		}
		star := in.A + in.D
		for j := i + 1; j < len(co.instrs) && co.instrs[j].Op == opMove; j++ {
			if mv := &co.instrs[j]; mv.B == star {
				if mv.A >= 0 && mv.A < n && private[mv.A] {
					mv.E |= privA | privNew
					produced[mv.A] = true
				}
				break
			}
		}
	}
	for i := range co.instrs {
		in := &co.instrs[i]
		if in.Op != opMove || in.E&movedFresh == 0 {
			continue
		}
		in.E &^= movedFresh
		if in.A >= 0 && in.A < n && private[in.A] && in.B >= n {
			in.E |= privA | privFresh
			produced[in.A] = true
		}
	}
	// len(a) is marked only where a may hold a marked list.
	for i := range co.instrs {
		in := &co.instrs[i]
		if in.Op != opMove || in.B < 0 || in.B >= n || !private[in.B] || !lenArgMove(co, i) {
			continue
		}
		if p := partner[in.B]; produced[in.B] || p >= 0 && produced[p] {
			co.instrs[i+1].E |= lenPrivArg
		}
	}
	// tuple(a) and list(a) likewise, where a may hold a marked list.
	for i := range co.instrs {
		in := &co.instrs[i]
		if in.Op != opMove || in.B < 0 || in.B >= n || !private[in.B] || !convArgMove(co, i) {
			continue
		}
		if p := partner[in.B]; produced[in.B] || p >= 0 && produced[p] {
			co.instrs[i+1].E |= convPrivArg
		}
	}
	// reversed(a) is marked where a may hold a marked list.
	for _, i := range reversedAt {
		if s := co.instrs[i].B; private[s] && produced[s] {
			co.instrs[i+1].E |= revPrivArg
		}
	}
	// A marked list still held by a private local when the function
	// returns dies with the frame (nothing else holds it): returnPrivate
	// gives its array back to the pool.
	for s := range produced {
		if produced[s] || partner[s] >= 0 && private[s] && produced[partner[s]] {
			co.privDie = append(co.privDie, int32(s))
		}
	}
	for i := range co.instrs {
		in := &co.instrs[i]
		if in.Op != opMove || in.A < 0 || in.A >= n || in.A == in.B || !private[in.A] {
			continue
		}
		if p := partner[in.A]; p >= 0 && (produced[in.A] || produced[p]) {
			in.E |= privA
		}
	}
}

// localMarks is a flag per local slot of a code: the private analyses'
// "not yet seen to escape".
type localMarks []bool

// allLocals is n locals, every one marked.
func allLocals(n int32) localMarks {
	m := make(localMarks, n)
	for i := range m {
		m[i] = true
	}
	return m
}

// clear unmarks local s (slots past the locals are temporaries: ignored).
func (m localMarks) clear(s int32) {
	if s >= 0 && int(s) < len(m) {
		m[s] = false
	}
}

// clearFrom unmarks the locals from s on (an operand naming a range).
func (m localMarks) clearFrom(s int32) {
	for i := max(int(s), 0); i < len(m); i++ {
		m[i] = false
	}
}

// clearRead unmarks the locals in reads: the slot of each operand it
// reads, or the range from it on for instructions not known to read
// single slots.
func (m localMarks) clearRead(in *Instr) {
	exact := singleSlots[in.Op]
	for j, k := range opInfo[in.Op].kinds {
		switch {
		case k != 's' || (j == 0 && writesA[in.Op]):
		case exact:
			m.clear(*in.operand(j))
		default:
			m.clearFrom(*in.operand(j))
		}
	}
}

// partnerHolds reports whether the private partner of local a (a local
// that moves join to it) holds l.
func partnerHolds(f *frame, a int32, l *List) bool {
	p := f.code.partner
	if int(a) >= len(p) || p[a] < 0 {
		return false
	}
	b := p[a]
	return f.regs[b].Tag == tagObject && f.objs[b] == Object(l)
}

// movePrivate is a MOVE into a private local (privA): the marked list the
// local held dies there unless its partner, the move's source, holds it
// too (prev = cur after cur got a new row), and its array goes back to
// the pool for the next producer. levenshtein made a fresh 24 KB row an
// outer iteration, most of its run with the JIT on being the kernel
// zeroing fresh pages.
func (vm *VM) movePrivate(f *frame, in *Instr) {
	a := in.A
	if f.regs[a].Tag == tagObject && !vm.threaded() {
		if old, ok := f.objs[a].(*List); ok && old.priv && !partnerHolds(f, a, old) {
			vals := old.vals
			vm.dropPacked(old)
			old.vals, old.objs, old.priv = nil, nil, false
			vm.fresh.pool.put(vals)
		}
	}
	if in.E&(privNew|privFresh) != 0 && f.regs[in.B].Tag == tagObject && !vm.threaded() {
		if l, ok := f.objs[in.B].(*List); ok && (in.E&privNew != 0 || vm.takeNote(l)) {
			l.priv = true
		}
	}
}

// lenPrivArg marks, in Instr.E of a CALL, len(a) of a private local a: the
// MOVE before it passes a's list as the one argument, and the callee was
// loaded from the global len. Should that global be something else when
// the call runs, the list loses its mark first (lenOfPrivate).
const lenPrivArg = 1 << 7

// lenArgMove reports whether the MOVE at pc i fills the one argument of a
// CALL right after it whose callee the instruction before it loaded from
// the global named len.
func lenArgMove(co *Code, i int) bool {
	if i < 1 || i+1 >= len(co.instrs) || co.mod == nil {
		return false
	}
	mv, call, ld := &co.instrs[i], &co.instrs[i+1], &co.instrs[i-1]
	return call.Op == opCall && call.C == 1 && call.D < 0 && mv.A == call.B+1 &&
		ld.Op == opLoadGlobal && ld.A == call.B && ld.B >= 0 && int(ld.B) < len(co.mod.gnames) && co.mod.gnames[ld.B] == "len"
}

// lenOfPrivate runs at a CALL marked lenPrivArg. When the callee is the
// built-in len and the argument a packed list, it answers (the slots'
// count would be 0) and reports true; a callee other than len may keep
// the list, which loses its mark.
func (vm *VM) lenOfPrivate(f *frame, in *Instr) bool {
	s := in.B + 1
	if f.regs[s].Tag != tagObject {
		return false
	}
	l, ok := f.objs[s].(*List)
	if !ok || !l.priv {
		return false
	}
	if b, ok := f.objs[in.B].(*Builtin); ok && f.regs[in.B].Tag == tagObject && b.isLen {
		if l.pk != nil {
			f.set(in.A, IntVal(int64(len(l.pk))))
			return true
		}
		return false
	}
	unmark(ObjVal(l))
	return false
}

// takeNote reports whether l is one of the lists a producer's fast path
// noted, and forgets it.
func (vm *VM) takeNote(l *List) bool {
	for i, x := range vm.fresh.l {
		if x == l {
			vm.fresh.l[i] = nil
			return true
		}
	}
	return false
}

// keepPrivate stores r, just made by a producer's fast path, in its
// private target slot a, recycling the marked list the slot held.
func (vm *VM) keepPrivate(f *frame, a int32, r *List) {
	if f.regs[a].Tag == tagObject {
		if old, ok := f.objs[a].(*List); ok && old.priv && old != r && !partnerHolds(f, a, old) {
			vals := old.vals
			vm.dropPacked(old)
			old.vals, old.objs, old.priv = nil, nil, false
			vm.fresh.pool.put(vals)
		}
	}
	r.priv = true
	f.set(a, ObjVal(r))
}

// returnPrivate recycles the marked lists f's private locals hold as f
// returns normally: the frame was their only holder. sieve's
// flags = [True] * (limit + 1), 32 MB, was fresh memory at every call
// (the kernel zeroing fresh pages, the collector forced by reclaim) where
// the call before had just dropped an array of the same size.
func (vm *VM) returnPrivate(f *frame) {
	if vm.threaded() {
		return
	}
	for _, s := range f.code.privDie {
		if int(s) >= len(f.regs) || f.regs[s].Tag != tagObject {
			continue
		}
		if l, ok := f.objs[s].(*List); ok && l.priv {
			vals := l.vals
			vm.dropPacked(l)
			l.vals, l.objs, l.priv = nil, nil, false
			f.objs[s] = nil
			f.regs[s] = templates.Value{}
			vm.fresh.pool.put(vals)
		}
	}
}

// unmark clears v's private mark: it is about to be seen by Python code.
func unmark(v Val) {
	if l, ok := v.O.(*List); ok && l.priv {
		l.priv = false
		// A packed list (packed.go) becomes slots first. (The bits of the
		// slot that held it still say packed: list uops leave on them,
		// and Go reads the list from the object.)
		l.unpack(nil)
	}
}

// writesA are the instructions whose operand A is only written.
var writesA = [opCount]bool{
	opMove: true, opLoadGlobal: true, opAdd: true, opSub: true, opMul: true, opTrueDiv: true,
	opFloorDiv: true, opMod: true, opPow: true, opLshift: true, opRshift: true, opBitAnd: true,
	opBitOr: true, opBitXor: true, opMatMul: true, opNeg: true, opPos: true, opInvert: true,
	opNot: true, opLt: true, opLe: true, opGt: true, opGe: true, opEq: true, opNe: true, opIs: true,
	opIsNot: true, opIn: true, opNotIn: true, opGetIter: true, opCall: true, opCallMethod: true, opCallSuper: true,
	opBuildList: true, opBuildTuple: true, opBuildDict: true, opBuildSet: true, opGetItem: true,
	opGetAttr: true, opUnpack: true, opLoadCell: true, opGetSlice: true,
}

// singleSlots are the instructions whose slot operands each name one slot.
var singleSlots = [opCount]bool{
	opMove: true, opAdd: true, opSub: true, opMul: true, opTrueDiv: true, opFloorDiv: true,
	opMod: true, opPow: true, opLshift: true, opRshift: true, opBitAnd: true, opBitOr: true,
	opBitXor: true, opMatMul: true, opNeg: true, opPos: true, opInvert: true, opNot: true,
	opLt: true, opLe: true, opGt: true, opGe: true, opEq: true, opNe: true, opIs: true,
	opIsNot: true, opIn: true, opNotIn: true, opJumpIfFalse: true, opJumpIfTrue: true,
	opJumpIfNotLt: true, opJumpIfNotLe: true, opJumpIfNotGt: true, opJumpIfNotGe: true,
	opJumpIfNotEq: true, opJumpIfNotNe: true, opJumpIfLt: true, opJumpIfLe: true,
	opJumpIfGt: true, opJumpIfGe: true, opJumpIfEq: true, opJumpIfNe: true, opGetIter: true,
	opForIter: true, opForRange: true, opReturn: true, opGetItem: true, opSetItem: true,
	opDelItem: true, opGetAttr: true, opSetAttr: true, opUnpack: true, opStoreGlobal: true,
	opLoadCell: true, opStoreCell: true, opListAppend: true, opSetAdd: true,
}
