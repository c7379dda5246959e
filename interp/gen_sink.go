package interp

import "github.com/copypatch/copypatch/templates"

// set(genexpr) without a resumption per item (issue 10).
//
// set(p[i] + i for i in cols) resumed the generator once per item: next,
// runFrame and runAt's entry and exit around five instructions of body,
// then Set.add through the generic hashing, ~800 instructions an item
// where the body's own work is ~150 (nqueens makes 375 thousand such
// sets of nine).
//
// Instead the set builder hands the generator a sink: while it is set, a
// YIELD whose value the sink takes adds it to the set and goes on at the
// next instruction, as the resumption with None would, without leaving
// the run loop. Python cannot tell: between a yield and the next
// resumption the builder runs no Python code as long as the values it
// adds are inert (ints, floats, bools, None, strs: hashed and compared
// natively, against a set that holds only such values), and the body
// cannot see its own suspension point. A value the sink does not take is
// yielded as usual, the builder adds it the usual way (a __hash__ or
// __eq__ may run, with the generator suspended as in CPython), and the
// sink is dropped for the rest of the generator. Only a plain generator
// on the one thread gets a sink; its loop yields every iteration, so the
// JIT records no trace of it either way (yieldsEveryIteration).

// setSinkMaxTable bounds the table a sink grows: a resize that could fail
// the memory check is left to the usual path, which raises in the builder.
const setSinkMaxTable = 1 << 20

// fillSetFromGen adds g's items to s, the builder of set(g).
func (vm *VM) fillSetFromGen(s *Set, g *Generator, p *setPool) error {
	if g.sink != nil || g.running != 0 || g.done || g.yf != nil || g.fn.code.genKind != genPlain || vm.threaded() {
		return vm.each(ObjVal(g), func(x Val) (bool, error) { return false, s.addFrom(x, p) })
	}
	g.sink = s
	for {
		x, ok, err := g.nextItem(vm)
		if !ok || err != nil {
			g.sink = nil
			return err
		}
		// Not inert (or the set's table at its bound): the usual way from
		// here on.
		g.sink = nil
		if err := s.addFrom(x, p); err != nil {
			return err
		}
	}
}

// sinkYieldAt is YIELD in when f's generator has a sink that takes the
// value: the yield is then done, None in its slot as a resumption by
// next() leaves it.
func (vm *VM) sinkYieldAt(f *frame, in *Instr) bool {
	g := f.gen
	if g == nil || g.sink == nil || f.regs[in.B].Tag == tagEmpty {
		return false
	}
	v := Val{T: f.regs[in.B].Tag, B: f.regs[in.B].Bits}
	if v.T == tagObject {
		v.O = f.objs[in.B]
	}
	if !vm.sinkYield(g.sink, v) {
		return false
	}
	f.regs[in.A] = templates.Value{Tag: tagNone}
	f.objs[in.A] = nil
	return true
}

// sinkYield is a YIELD of v in a generator with a sink: it
// reports whether the sink took the value, the yield then done. (The set
// takes its tables from vm's pool, as the builder's p, while no thread
// runs: once one does, say one the body started, it declines.)
func (vm *VM) sinkYield(s *Set, v Val) bool {
	p := &vm.setPool
	if len(s.table) >= setSinkMaxTable || vm.threaded() {
		return false
	}
	switch v.T {
	case tagInt:
		if s.tags == nil && s.objs == nil {
			_ = s.addIntFrom(int64(v.B), p) // (below the bound: no error)
			return true
		}
	case tagFloat, tagBool, tagNone:
	case tagObject:
		if _, ok := v.O.(*Str); !ok {
			return false
		}
	default:
		return false
	}
	// Inert, into a set of inert values: no Python code runs, and no
	// resize below the bound fails.
	_ = s.addFrom(v, p)
	return true
}
