package interp

import (
	"math/bits"

	"github.com/copypatch/copypatch/templates"
)

// Sets that die at len(): reusing them (issue 10).
//
// len(set(p[i] + i for i in cols)) makes a set only to count it: a
// 224-byte Set and, past five elements, a grown table (32 slots, 512 bytes,
// for nine) that Go cannot free when len is done with them. nqueens makes
// 725,760 such sets; they were two thirds of its allocated bytes, fresh
// memory each that the kernel and the collector zero and reclaim, where
// CPython frees each set as len returns.
//
// The compiler marks the pair (markLenOfSet): the inner CALL, whose result
// goes straight into the temporary that is the outer call's one argument
// (freshSetA), and the outer CALL, when it names len (lenFreshArg). At run
// time the inner call's consumer fast path (callConsumer, a built-in set
// filled from a generator expression) notes the set it made in
// vm.freshSet; every other outcome of a marked inner call leaves the note
// clear, and the outer call clears it whatever it runs. If the outer call
// is the built-in len and its argument is the noted set, nobody else has
// seen that set: len counts it, its slot is cleared, and its Set and table
// go to a small per-VM pool that the next set(...) and its growth take
// from while they are still in the cache.
//
// Only the interpreter's own fast paths mark and recycle, and nothing of
// this runs once threads run.

// Marks in Instr.E of a CALL (beside ownedA and ownedArg).
const (
	// freshSetA: slot A is the temporary only the next CALL, marked
	// lenFreshArg, reads.
	freshSetA = 1 << (iota + 2)
	// lenFreshArg: the one argument is a freshSetA call's result.
	lenFreshArg
)

// markLenOfSet marks len(f(...)) at pc, the outer CALL, when the
// instruction before it is the inner CALL writing straight into its one
// argument's slot.
func (c *compiler) markLenOfSet(x *Call, pc int) {
	nm, ok := x.fn.(*Name)
	if !ok || nm.id != "len" || len(x.args) != 1 || len(x.kwvals) != 0 || pc < 1 {
		return
	}
	if _, ok := x.args[0].(*Call); !ok {
		return
	}
	outer, inner := &c.code.instrs[pc], &c.code.instrs[pc-1]
	if outer.Op == opCall && outer.D < 0 && inner.Op == opCall && inner.A == outer.B+1 && c.isTemp(int(inner.A)) {
		inner.E |= freshSetA
		outer.E |= lenFreshArg
	}
}

const (
	setPoolSets    = 4  // spare Set structs
	setPoolClasses = 10 // grown tables of 16 to 8192 slots, by log2
	setPoolDepth   = 4
)

// setPool holds sets len() was the last to read, reset, and their grown
// tables by size (not cleared: table clears one as it hands it out).
type setPool struct {
	sets   [setPoolSets]*Set
	nsets  uint8
	tables [setPoolClasses][setPoolDepth][]setSlot
	n      [setPoolClasses]uint8
}

// setPoolClass is the pool class of a table of size slots (a power of two
// above setMinSize), or -1.
func setPoolClass(size int) int {
	k := bits.Len(uint(size)) - 5 // 16 slots: class 0
	if k < 0 || k >= setPoolClasses {
		return -1
	}
	return k
}

// table returns an empty table of size slots, from the pool when it holds
// one (p may be nil).
func (p *setPool) table(size int) []setSlot {
	if p != nil {
		if k := setPoolClass(size); k >= 0 && p.n[k] > 0 {
			p.n[k]--
			t := p.tables[k][p.n[k]]
			p.tables[k][p.n[k]] = nil
			clear(t)
			return t
		}
	}
	return make([]setSlot, size)
}

// newSet returns an empty set, the last one recycled when there is one.
func (p *setPool) newSet() *Set {
	if p.nsets == 0 {
		return newSet()
	}
	p.nsets--
	s := p.sets[p.nsets]
	p.sets[p.nsets] = nil
	return s
}

// put keeps s, which nobody else holds, and its grown table.
func (p *setPool) put(s *Set) {
	if t := s.table; len(t) > setMinSize {
		if k := setPoolClass(len(t)); k >= 0 && p.n[k] < setPoolDepth && len(t) == 1<<(k+4) {
			p.tables[k][p.n[k]] = t
			p.n[k]++
		}
	}
	if p.nsets < setPoolSets {
		*s = Set{}
		p.sets[p.nsets] = s
		p.nsets++
	}
}

// lenOfFreshSet is len(x) at a CALL marked lenFreshArg whose callee is the
// built-in len: when slot B+1 holds the set the inner call noted, it
// counts it, clears the slot and recycles the set.
func (vm *VM) lenOfFreshSet(f *frame, in *Instr) bool {
	s := vm.freshSet
	vm.freshSet = nil
	if s == nil || f.regs[in.B+1].Tag != tagObject || f.objs[in.B+1] != Object(s) || vm.threaded() {
		return false
	}
	n := s.used
	f.regs[in.B+1] = templates.Value{Tag: tagNone}
	f.objs[in.B+1] = nil
	vm.setPool.put(s)
	f.set(in.A, IntVal(int64(n)))
	return true
}
