package interp

import (
	"math/bits"

	"github.com/copypatch/copypatch/templates"
)

// Split lists that die at the end of their loop: reusing them (issue 10).
//
// `for raw in line.split():` makes a list only for the loop to walk:
// wordcount splits each of its 34,000 lines three times, and those lists
// (a List, its two slot arrays and the words' Str objects, ~900 bytes a
// line) were half of the bytes it allocated, fresh memory each that the
// collector must reclaim and the kernel fault in, where CPython frees the
// list when the loop drops it.
//
// The compiler marks the loop's GET_ITER (ownedSplit, beside ownedIter)
// when the instruction before it is a method call named split writing
// straight into the GET_ITER's temporary. At run time, the built-in
// method paths of the dispatch loop (callExtraAt, extraArgs) tell split
// which frame calls it (vm.extraFrame); when the instruction after the
// call is such a GET_ITER, str.split is being called for that loop alone:
// it builds its list in one from the pool and notes it (vm.splitNote).
// The GET_ITER finds its operand to be the noted list, so nobody else has
// seen it (a list split noted for an earlier run of the site is one no
// code can reach: only a loop's temporary or iterator held it); its owned
// iterator then carries the list, and FOR_ITER finding it exhausted gives
// the list's arrays back to the pool, its words' references cleared. The
// words are a separate allocation (they outlive the list: a loop yields
// them, a dict keeps them). A loop left early leaves its list alone.
//
// Only the interpreter's own fast paths note and recycle, and nothing of
// this runs once threads run.

// ownedSplit in a GET_ITER's E (with ownedIter): its operand is the result
// of the method call named split just before it.
const ownedSplit = 2

const (
	splitPoolDepth = 4
	// splitPoolMax bounds the lists kept: a line's words, not a text's.
	splitPoolMax = 64
)

// splitPool holds lists their loops have finished, emptied.
type splitPool struct {
	l [splitPoolDepth]*List
	n uint8
}

// markOwnedSplit sets ownedSplit on the marked GET_ITER just emitted when
// the instruction before it is a call of a method named split writing its
// operand.
func (c *compiler) markOwnedSplit() {
	n := len(c.code.instrs)
	if n < 2 {
		return
	}
	in, call := &c.code.instrs[n-1], &c.code.instrs[n-2]
	if in.Op == opGetIter && in.E&ownedIter != 0 && call.Op == opCallMethod && call.A == in.B &&
		call.E < 0 && c.code.names[call.D] == "split" {
		in.E |= ownedSplit
	}
}

// splitForLoop reports whether the built-in method being called from f
// (vm.extraFrame) is called for a loop marked ownedSplit: the instruction
// f resumes at is that GET_ITER.
func (vm *VM) splitForLoop() *Instr {
	f := vm.extraFrame
	vm.extraFrame = nil // split asks once: what it calls asks nothing
	if f == nil || vm.threaded() {
		return nil
	}
	if pc := int(f.pc); pc < len(f.code.instrs) {
		if in := &f.code.instrs[pc]; in.Op == opGetIter && in.E&ownedSplit != 0 {
			return in
		}
	}
	return nil
}

// loopStrList is newStrList for split's list at a loop marked ownedSplit
// (site, its GET_ITER): a pooled list when one is big enough, noted for
// the GET_ITER.
func (vm *VM) loopStrList(n int, site *Instr) (*List, []Str) {
	var l *List
	var strs []Str
	p := &vm.splitPool
	for i := int(p.n) - 1; i >= 0; i-- {
		if x := p.l[i]; cap(x.vals) >= n {
			p.n--
			p.l[i], p.l[p.n] = p.l[p.n], nil
			l = x
			break
		}
	}
	if l == nil {
		if n > splitPoolMax {
			return newStrList(n)
		}
		// Room for any line of up to 16 words, so that one pooled list
		// serves them all: the pool fills once and then always hits.
		c := max(16, 1<<bits.Len(uint(n-1)))
		l = &List{vals: make([]templates.Value, n, c), objs: make([]Object, n, c)}
	} else {
		l.vals, l.objs = l.vals[:n], l.objs[:n]
	}
	for i := range l.vals {
		l.vals[i] = templates.Value{Tag: tagObject}
	}
	if n > 0 {
		strs = make([]Str, n)
	}
	vm.splitNote, vm.splitSite = l, site
	return l, strs
}

// takeSplitNote reports whether v, the operand of the marked GET_ITER in,
// is the list split noted for it, and forgets the note.
func (vm *VM) takeSplitNote(in *Instr, v Val) bool {
	l := vm.splitNote
	ok := l != nil && vm.splitSite == in && v.T == tagObject && v.O == Object(l)
	vm.splitNote, vm.splitSite = nil, nil
	return ok
}

// putSplitList keeps l, a split list whose loop has finished and that
// nobody else holds, emptied.
func (vm *VM) putSplitList(l *List) {
	p := &vm.splitPool
	if int(p.n) >= splitPoolDepth || cap(l.vals) > splitPoolMax || cap(l.objs) != cap(l.vals) ||
		l.pk != nil || l.deque || l.priv || l.dqMax != 0 {
		return
	}
	// Past len the slots were cleared when the list was last put here.
	clear(l.objs)
	l.vals, l.objs = l.vals[:0], l.objs[:0]
	p.l[p.n] = l
	p.n++
}

// splitList is the list of n strs a split builds: a pooled one when a for
// loop will give it back (splitForLoop), a new one otherwise.
func (vm *VM) splitList(n int) (*List, []Str) {
	if site := vm.splitForLoop(); site != nil {
		return vm.loopStrList(n, site)
	}
	return newStrList(n)
}
