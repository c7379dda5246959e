package traceopt

// fact is what a pure instruction establishes when control passes it: its
// destination holds its result, or its condition held.
type fact struct {
	op     uint16
	args   [4]uint64
	negate bool
}

// RemoveRedundant drops every pure instruction (arithmetic, guard, branch
// that leaves) whose identical copy ran on every path to it with nothing
// since changing its inputs or its destination: an available-expressions
// dataflow over the trace's control flow, back-edges and side paths
// included. It finds what Hoist cannot once bridges join the loop body: a
// check both the main path and the bridge made before the loop top.
func RemoveRedundant(t *Trace) {
	n := len(t.Insts)
	if n == 0 {
		return
	}
	// Facts are numbered and sets of them are bit sets: the dataflow
	// copies and meets a set at every instruction, which with maps of
	// facts cost more than the rest of a bridge's recompile. The pass's
	// tables come from the scratch, cleared, not made afresh: a bridge
	// recompiles the whole trace, and fresh memory is a page fault.
	sc := getScratch()
	defer sc.put()
	rr := &sc.redundant
	// Facts are numbered through a hash table of their numbers (plus
	// one: 0 is empty), open addressing, at most half full: a Go map
	// keyed by the whole fact hashed and compared it the generic way, a
	// fifth of the pass.
	size := 4
	for size < 2*n {
		size <<= 1
	}
	table := grow(&rr.table, size)
	clear(table)
	mask := uint64(size - 1)
	gen := grow(&rr.gen, n) // the fact instruction i establishes, or -1
	facts := rr.facts[:0]
	for i := range t.Insts {
		gen[i] = -1
		f, ok := factOf(&t.Insts[i])
		if !ok {
			continue
		}
		for h := f.hash() & mask; ; h = (h + 1) & mask {
			if k := table[h]; k == 0 {
				table[h] = int32(len(facts)) + 1
				gen[i] = int32(len(facts))
				facts = append(facts, f)
				break
			} else if g := &facts[k-1]; g.op == f.op && g.args == f.args && g.negate == f.negate {
				// (Field by field: == on the structs called the
				// generated equality function.)
				gen[i] = k - 1
				break
			}
		}
	}
	rr.facts = facts
	words := (len(facts) + 63) / 64
	// Each fact's slots (its inputs and its destination), listed once:
	// asking Reads and Writes through closures for each fact, twice, was
	// a fifth of the pass.
	slots := rr.slots[:0]
	slotEnd := grow(&rr.slotEnd, len(facts))
	for id, f := range facts {
		in := Inst{Op: opOf(f.op), Args: f.args}
		slots = in.appendSlots(slots)
		slotEnd[id] = int32(len(slots))
	}
	rr.slots = slots
	// rowOf: per slot, its row of the facts that slot is an input or the
	// destination of, or -1 (a slice by slot, as slots are small and
	// dense: a map cost a tenth of the pass).
	rowOf := grow(&rr.rowOf, int(t.maxSlot())+1)
	for s := range rowOf {
		rowOf[s] = -1
	}
	nrows := 0
	for _, s := range slots {
		if rowOf[s] < 0 {
			rowOf[s] = int32(nrows)
			nrows++
		}
	}
	back := grow(&rr.rows, nrows*words)
	clear(back)
	row := func(s int32) factSet {
		k := int(rowOf[s]) * words
		return factSet(back[k : k+words : k+words])
	}
	from := 0
	for id := range facts {
		for _, s := range slots[from:slotEnd[id]] {
			row(s).add(id)
		}
		from = int(slotEnd[id])
	}
	kill := grow(&rr.kill, n) // what instruction i's write invalidates
	for i := range t.Insts {
		kill[i] = nil
		if d, ok := t.Insts[i].Writes(); ok && int(d) < len(rowOf) && rowOf[d] >= 0 {
			kill[i] = row(d)
		}
	}
	f := t.blocks(sc)
	at, reached := wordRows[factSet](sc, len(f.starts), words)
	clear(at[0])
	reached[0] = true
	out := factSet(grow(&rr.out, words))
	steps := func(lo, hi int, row factSet) {
		for i := lo; i < hi; i++ {
			if g := int(gen[i]); g < 0 || !row.has(g) {
				// (An instruction whose fact holds already will go: its
				// destination holds its result, so it changes nothing.)
				row.remove(kill[i])
				if g >= 0 {
					row.add(g)
				}
			}
		}
	}
	solveForward(t, f, at, reached, out, nil, steps, factSet.meet, false)
	keep := grow(&rr.keep, n)
	for i := range keep {
		keep[i] = true
	}
	visitForward(t, f, at, reached, out, func(lo, hi int, row factSet) {
		for i := lo; i < hi; i++ {
			g := int(gen[i])
			if g >= 0 && row.has(g) {
				keep[i] = false // (and the row stays as it is)
				continue
			}
			row.remove(kill[i])
			if g >= 0 {
				row.add(g)
			}
		}
	})
	t.compact(keep)
}

// factSet is a set of fact numbers, a bit each.
type factSet []uint64

func (s factSet) add(id int)      { s[id>>6] |= 1 << (id & 63) }
func (s factSet) has(id int) bool { return s[id>>6]&(1<<(id&63)) != 0 }

// remove takes the facts of o (nil: none) out of s.
func (s factSet) remove(o factSet) {
	for k, w := range o {
		s[k] &^= w
	}
}

// meet keeps in s only the facts o has too, and reports whether s changed.
func (s factSet) meet(o factSet) bool {
	var lost uint64
	for k, w := range s {
		lost |= w &^ o[k]
		s[k] = w & o[k]
	}
	return lost != 0
}

// hash mixes a fact's fields into a word for RemoveRedundant's table.
func (f fact) hash() uint64 {
	const k = 0x9e3779b97f4a7c15 // (2^64 over the golden ratio: spreads the bits)
	h := uint64(f.op) << 1
	if f.negate {
		h |= 1
	}
	for _, a := range f.args {
		h = (h ^ a) * k
		h ^= h >> 32
	}
	return h
}

// factOf is the fact in establishes, if it is an instruction this pass
// may drop.
func factOf(in *Inst) (fact, bool) {
	info := Info(in.Op)
	if info == nil || !info.Pure || in.InTrace || info.CallOut {
		return fact{}, false
	}
	if d, ok := in.Writes(); ok && in.ReadsSlot(d) {
		return fact{}, false // x = x + 1 does not hold after itself
	}
	return fact{op: uint16(in.Op), args: in.Args, negate: in.Negate}, true
}
