package interp

import "github.com/copypatch/copypatch/templates"

// Generators that die: reusing them (issue 10).
//
// A recursive walk (for c in node.children: yield from walk(c)) makes a
// generator per node, a few hundred bytes each that Go cannot free when
// the walk is done with it: fresh memory for every node, with the page
// faults and collections that come with it (a third of such a walk's
// time). CPython frees each when its last reference goes.
//
// The compiler marks the calls whose result only a loop reads, `for x in
// f(...)` and `yield from f(...)`: the call's target is a temporary that
// GET_ITER and then FOR_ITER or YIELD_FROM_SEND alone read (ownedA in the
// CALL's E). A generator the call's fast path makes there
// (newGeneratorDirect) is held by that slot alone: Python code sees a
// generator only as a value, none reads the slot, and the generator's own
// body has no reference to itself. So when the loop finds it exhausted, it
// goes to a small per-VM pool, and the next generator of its size class is
// made in it while its memory is still in the cache.
//
// Only the interpreter's own fast paths mark and recycle (the generic call
// a JIT call-out makes marks nothing), and nothing of this runs once
// threads run.

// Marks in Instr.E of a CALL.
const (
	// ownedA: slot A is a temporary only a loop's GET_ITER and FOR_ITER
	// or YIELD_FROM_SEND read.
	ownedA = 1 << iota
	// ownedArg: the one argument is a generator expression's, made by
	// GEN_EXPR straight into its slot, which only this call reads.
	ownedArg
)

// genPoolDepth bounds the recycled generators kept per size class: a walk
// needs about one per level of nesting.
const genPoolDepth = 16

// genPool holds finished generators by size class (Generator.class), their
// slots cleared.
type genPool struct {
	free [genClasses][genPoolDepth]*Generator
	n    [genClasses]uint8
}

// markOwnedCall sets ownedA on the instruction just emitted when it is the
// plain call that put e's value into temporary dst (the caller knows that
// only a loop reads dst from here on).
func (c *compiler) markOwnedCall(e Expr, dst int) {
	if _, ok := e.(*Call); !ok || len(c.code.instrs) == 0 {
		return
	}
	if in := &c.code.instrs[len(c.code.instrs)-1]; in.Op == opCall && int(in.A) == dst && in.D < 0 && c.isTemp(dst) {
		in.E |= ownedA
	}
}

// markOwnedArg sets ownedArg on the CALL at pc when it is x's and x's one
// argument is a generator expression evaluated straight before it.
func (c *compiler) markOwnedArg(x *Call, pc int) {
	if len(x.args) != 1 || len(x.kwvals) != 0 || pc < 1 {
		return
	}
	if g, ok := x.args[0].(*Comp); !ok || g.kind != "gen" {
		return
	}
	call, prev := &c.code.instrs[pc], &c.code.instrs[pc-1]
	if call.Op == opCall && call.D < 0 && prev.Op == opGenExpr && prev.A == call.B+1 {
		call.E |= ownedArg
	}
}

// consumerNames are the builtins that, called with one iterable, iterate
// it (to its end unless they stop early) and keep no reference to it.
var consumerNames = []string{"sum", "min", "max", "sorted", "any", "all", "list", "tuple", "set", "frozenset", "dict"}

// markConsumers flags the consumers among the builtins b.
func markConsumers(b map[string]Val) {
	for _, name := range consumerNames {
		switch x := b[name].O.(type) {
		case *Builtin:
			x.consumes = true
		case *typeObj:
			x.consumes = true
		}
	}
}

// callConsumer is a CALL marked ownedArg when its callee is a consumer:
// the call, then the generator expression recycled if the consumer
// exhausted it. done is false when the callee is something else, for the
// usual paths to call.
func (vm *VM) callConsumer(f *frame, in *Instr) (done bool, err error) {
	if f.regs[in.B].Tag != tagObject || f.regs[in.B+1].Tag != tagObject {
		return false, nil
	}
	g, isGen := f.objs[in.B+1].(*Generator)
	if !isGen {
		return false, nil
	}
	var call func(vm *VM, args []Val, kwn []string) (Val, error)
	isSet := false // the built-in set: its result may die at a len (set_reuse.go)
	switch b := f.objs[in.B].(type) {
	case *Builtin:
		if !b.consumes {
			return false, nil
		}
		call = b.fn
	case *typeObj:
		if !b.consumes {
			return false, nil
		}
		call = b.fn
		isSet = b.name == "set" && b.module == ""
	default:
		return false, nil
	}
	args := vm.pushArgs(1)
	args[0] = ObjVal(g)
	v, err := call(vm, args, nil)
	vm.popArgs(1)
	if err != nil {
		return true, err
	}
	f.set(in.A, v)
	if in.E&freshSetA != 0 && !vm.threaded() {
		if s, ok := v.O.(*Set); ok && v.T == tagObject && !s.frozen && isSet {
			vm.freshSet = s
		}
	}
	if g.done && f.objs[in.B+1] == g {
		g.owned = true
		vm.ownedDone(f, in.B+1, g)
	}
	return true, nil
}

// recycleGen gives g to the pool if the loop that owned it may: g was made
// owned, has finished, and belongs to this VM. The caller clears its slot.
func (vm *VM) recycleGen(g *Generator) {
	if !g.owned || !g.done || g.vm != vm || g.tracked >= 0 || g.class == genClassNone || vm.threaded() {
		return
	}
	p := &vm.recycled
	c := g.class
	if p.n[c] == genPoolDepth {
		return
	}
	regs, objs := g.own.regs[:cap(g.own.regs)], g.own.objs[:cap(g.own.objs)]
	clear(regs)
	clear(objs)
	*g = Generator{class: c}
	g.own.regs, g.own.objs = regs, objs
	p.free[c][p.n[c]] = g
	p.n[c]++
}

// reusedGenerator is allocGenerator from the pool: a zero Generator and n
// empty slots, or nil when the pool has none of n's class.
func (vm *VM) reusedGenerator(n int) (*Generator, []templates.Value, []Object) {
	var c uint8
	switch {
	case n <= 8:
		c = genClass8
	case n <= 12:
		c = genClass12
	case n <= 16:
		c = genClass16
	case n <= 32:
		c = genClass32
	default:
		return nil, nil, nil
	}
	p := &vm.recycled
	if p.n[c] == 0 {
		return nil, nil, nil
	}
	p.n[c]--
	g := p.free[c][p.n[c]]
	p.free[c][p.n[c]] = nil
	regs, objs := g.own.regs[:n], g.own.objs[:n]
	g.own.regs, g.own.objs = nil, nil
	return g, regs, objs
}

// ownedDone is what a loop does when the generator in slot s, which it
// found exhausted, was owned: it drops the slot's reference (and the
// running generator's, as its yield from's) and recycles the generator.
func (vm *VM) ownedDone(f *frame, s int32, g *Generator) {
	if !g.owned {
		return
	}
	f.regs[s] = templates.Value{Tag: tagNone}
	f.objs[s] = nil
	if f.gen != nil && f.gen.yf == g {
		f.gen.yf = nil
	}
	vm.recycleGen(g)
}
