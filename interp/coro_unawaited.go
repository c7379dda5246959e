package interp

import "sort"

// "coroutine 'f' was never awaited": CPython warns when a coroutine that
// never started is freed. minipy has no reference counts; it warns in the
// case that matters in practice, a call of an async function as an
// expression statement (`fetch()` for `await fetch()`), whose coroutine
// CPython frees as soon as the statement drops it. The compiler records
// those calls (Code.discards); making a coroutine looks its call up there.
// A coroutine dropped any other way gives no warning.

// markDiscarded records the instruction just emitted when it is the call
// that evaluates expression statement e.
func (c *compiler) markDiscarded(e Expr, dst int) {
	if _, ok := e.(*Call); !ok || len(c.code.instrs) == 0 {
		return
	}
	pc := len(c.code.instrs) - 1
	switch in := &c.code.instrs[pc]; in.Op {
	case opCall, opCallMethod, opCallEx:
		if int(in.A) == dst {
			c.code.discards = append(c.code.discards, int32(pc))
		}
	}
}

// noteCoroutine warns when g, just made, is a coroutine that the call
// running in frame f makes only to drop it.
func (vm *VM) noteCoroutine(f *frame, g *Generator) {
	co := g.fn.code
	if co.genKind != genCoroutine || f == nil || f.code == nil || len(f.code.discards) == 0 {
		return
	}
	pc := f.pc - 1
	ds := f.code.discards
	if i := sort.Search(len(ds), func(i int) bool { return ds[i] >= pc }); i == len(ds) || ds[i] != pc {
		return
	}
	// The call at pc must be the one that made g (not a built-in it
	// called, map(fetch, urls), which hands the coroutines on).
	switch in := &f.code.instrs[pc]; in.Op {
	case opCall:
		if fn, ok := f.objs[in.B].(*Function); !ok || fn != g.fn {
			return
		}
	case opCallMethod:
		if f.code.names[in.D] != co.name {
			return
		}
	}
	m, ok := vm.modules["warnings"] // the program's, with its filters
	if !ok {
		var err error
		if m, ok, err = vm.loadModule("warnings"); !ok || err != nil {
			return
		}
	}
	warn, ok := m.lookup("warn")
	if !ok {
		return
	}
	msg := StrVal("coroutine '" + g.fn.qualname() + "' was never awaited")
	// An error the warning raises (a filter set to "error") is dropped,
	// as CPython ignores what a dealloc warning raises.
	_, _ = vm.call(warn, []Val{msg, ObjVal(RuntimeWarning), ObjVal(g)}, []string{"source"})
}
