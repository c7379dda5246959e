package interp

import (
	"math/big"
	"syscall"
	"time"
)

// Small parts of time, functools and itertools that ordinary programs use.

func builtinFn(name string, f func(vm *VM, args []Val, kwn []string) (Val, error)) Val {
	return ObjVal(&Builtin{name: name, fn: f})
}

func timeModule() *Module {
	start := time.Now()
	m := &Module{name: "time", attrs: map[string]Val{}}
	m.attrs["time"] = builtinFn("time", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return FloatVal(float64(time.Now().UnixNano()) / 1e9), nil
	})
	mono := builtinFn("perf_counter", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return FloatVal(time.Since(start).Seconds()), nil
	})
	m.attrs["perf_counter"] = mono
	m.attrs["monotonic"] = mono
	// process_time is the CPU time of the process (user plus system, all
	// threads), as CPython's: timing code on a busy machine by the wall
	// clock counts other processes' turns.
	m.attrs["process_time"] = builtinFn("process_time", func(vm *VM, args []Val, kwn []string) (Val, error) {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			return FloatVal(time.Since(start).Seconds()), nil
		}
		return FloatVal(float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9), nil
	})
	m.attrs["sleep"] = builtinFn("sleep", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "sleep() takes exactly one argument (%d given)", len(args))
		}
		s, err := toFloat(args[0])
		if err != nil {
			return Val{}, err
		}
		if s < 0 {
			return Val{}, newErr(ValueError, "sleep length must be non-negative")
		}
		return NoneVal, vm.sleep(s)
	})
	return m
}

func functoolsModule() *Module {
	m := &Module{name: "functools", attrs: map[string]Val{}}
	m.attrs["singledispatch"] = fromPyModule("_functools_dispatch", "singledispatch")
	m.attrs["singledispatchmethod"] = fromPyModule("_functools_dispatch", "singledispatchmethod")
	m.attrs["partialmethod"] = fromPyModule("_functools_dispatch", "partialmethod")
	m.attrs["reduce"] = builtinFn("reduce", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) < 2 || len(args) > 3 {
			return Val{}, newErr(TypeError, "reduce expected at least 2 arguments, got %d", len(args))
		}
		items, err := vm.iterate(args[1])
		if err != nil {
			return Val{}, err
		}
		var acc Val
		if len(args) == 3 {
			acc = args[2]
		} else {
			if len(items) == 0 {
				return Val{}, newErr(TypeError, "reduce() of empty iterable with no initial value")
			}
			acc, items = items[0], items[1:]
		}
		for _, x := range items {
			if acc, err = vm.call(args[0], []Val{acc, x}, nil); err != nil {
				return Val{}, err
			}
		}
		return acc, nil
	})
	m.attrs["cache"] = builtinFn("cache", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "cache() takes exactly one argument")
		}
		return vm.lruWrapper(args[0], -1, false), nil
	})
	m.attrs["lru_cache"] = builtinFn("lru_cache", func(vm *VM, args []Val, kwn []string) (Val, error) {
		// @lru_cache is @lru_cache(maxsize=128); maxsize=None has no bound.
		pos, kw := splitKw(args, kwn)
		if len(pos) == 1 && len(kw) == 0 {
			switch pos[0].O.(type) {
			case *Function, *Builtin:
				return vm.lruWrapper(pos[0], 128, false), nil
			}
		}
		size := Val(IntVal(128))
		if len(pos) > 0 {
			size = pos[0]
		}
		if v, ok := kw["maxsize"]; ok {
			size = v
		}
		typed := false
		if len(pos) > 1 {
			typed = truthy(pos[1])
		}
		if v, ok := kw["typed"]; ok {
			typed = truthy(v)
		}
		maxsize := -1
		switch {
		case size.T == tagNone:
		case isIntLike(size) && size.T != tagObject:
			maxsize = max(int(int64(size.B)), 0)
		default:
			return Val{}, newErr(TypeError, "Expected first argument to be an integer, a callable, or None")
		}
		return builtinFn("decorating_function", func(vm *VM, a []Val, k []string) (Val, error) {
			if len(a) != 1 {
				return Val{}, newErr(TypeError, "lru_cache decorator takes one function")
			}
			return vm.lruWrapper(a[0], maxsize, typed), nil
		}), nil
	})
	functoolsExtras(m)
	// The class is built on first use: most runs never use it.
	m.attrs["cached_property"] = builtinFn("cached_property", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if vm.cachedProp == nil {
			vm.cachedProp = vm.cachedPropertyClass()
		}
		return vm.newInstance(vm.cachedProp, args, kwn)
	})
	return m
}

// countIter is itertools.count: endless, so it cannot be a list.
type countIter struct{ n, step Val }

func (*countIter) typeName() string { return "itertools.count" }

// pyRepr is count(n), or count(n, step) unless step is the int 1.
func (c *countIter) pyRepr(vm *VM) string {
	if c.step.T == tagInt && c.step.B == 1 {
		return "count(" + vm.repr(c.n) + ")"
	}
	return "count(" + vm.repr(c.n) + ", " + vm.repr(c.step) + ")"
}

func itertoolsModule() *Module {
	m := &Module{name: "itertools", attrs: map[string]Val{}}
	tuple := func(items []Val) Val { return ObjVal(&Tuple{items: append([]Val(nil), items...)}) }
	m.attrs["count"] = builtinFn("count", func(vm *VM, args []Val, kwn []string) (Val, error) {
		it := &countIter{n: IntVal(0), step: IntVal(1)}
		if len(args) > 0 {
			it.n = args[0]
		}
		if len(args) > 1 {
			it.step = args[1]
		}
		return ObjVal(it), nil
	})
	// chainIter runs through the iterators that outer gives, one after another.
	chainIter := func(outer Object) Val {
		var cur Object
		return ObjVal(&funcIter{name: "itertools.chain", next: func(vm *VM) (Val, bool, error) {
			for {
				if cur == nil {
					next, ok, err := vm.next(outer)
					if err != nil || !ok {
						return Val{}, false, err
					}
					if cur, err = vm.iter(next); err != nil {
						return Val{}, false, err
					}
				}
				v, ok, err := vm.next(cur)
				if err != nil || ok {
					return v, ok, err
				}
				cur = nil
			}
		}})
	}
	chain := &Builtin{name: "chain", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(kwn) > 0 {
			return Val{}, newErr(TypeError, "chain() takes no keyword arguments")
		}
		return chainIter(&seqIter{items: append([]Val(nil), args...)}), nil
	}}
	chain.attrs = map[string]Val{"from_iterable": builtinFn("from_iterable", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "chain.from_iterable() takes exactly one argument (%d given)", len(args))
		}
		outer, err := vm.iter(args[0])
		if err != nil {
			return Val{}, err
		}
		return chainIter(outer), nil
	})}
	m.attrs["chain"] = ObjVal(chain)
	m.attrs["repeat"] = builtinFn("repeat", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if len(pos) < 1 || len(pos) > 2 {
			return Val{}, newErr(TypeError, "repeat expected 1 or 2 arguments, got %d", len(pos))
		}
		x, times := pos[0], int64(-1)
		timesArg, given := kw["times"]
		if len(pos) == 2 {
			timesArg, given = pos[1], true
		}
		if given {
			n, err := vm.ssizeArg(timesArg)
			if err != nil {
				return Val{}, err
			}
			times = max(n, 0)
		}
		return ObjVal(&funcIter{name: "itertools.repeat", next: func(vm *VM) (Val, bool, error) {
			if times == 0 {
				return Val{}, false, nil
			}
			if times > 0 {
				times--
			}
			return x, true, nil
		}}), nil
	})
	m.attrs["cycle"] = builtinFn("cycle", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "cycle expected 1 argument, got %d", len(args))
		}
		it, err := vm.iter(args[0])
		if err != nil {
			return Val{}, err
		}
		var saved []Val
		i := -1 // -1 while the first pass is still reading it
		return ObjVal(&funcIter{name: "itertools.cycle", next: func(vm *VM) (Val, bool, error) {
			if i < 0 {
				v, ok, err := vm.next(it)
				if err != nil {
					return Val{}, false, err
				}
				if ok {
					saved = append(saved, v)
					return v, true, nil
				}
				i = 0
			}
			if len(saved) == 0 {
				return Val{}, false, nil
			}
			v := saved[i]
			i = (i + 1) % len(saved)
			return v, true, nil
		}}), nil
	})
	for _, name := range []string{"takewhile", "dropwhile"} {
		take := name == "takewhile"
		m.attrs[name] = builtinFn(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 2 {
				return Val{}, newErr(TypeError, "%s expected 2 arguments, got %d", name, len(args))
			}
			pred := args[0]
			it, err := vm.iter(args[1])
			if err != nil {
				return Val{}, err
			}
			done := false // takewhile: the predicate failed; dropwhile: it has, so pass all
			return ObjVal(&funcIter{name: "itertools." + name, next: func(vm *VM) (Val, bool, error) {
				for {
					if take && done {
						return Val{}, false, nil
					}
					v, ok, err := vm.next(it)
					if !ok || err != nil {
						return Val{}, false, err
					}
					if !take && done {
						return v, true, nil
					}
					r, err := vm.call(pred, []Val{v}, nil)
					if err != nil {
						return Val{}, false, err
					}
					if take {
						if truthy(r) {
							return v, true, nil
						}
						done = true
						continue
					}
					if !truthy(r) {
						done = true
						return v, true, nil
					}
				}
			}}), nil
		})
	}
	// accumulate(iterable, func=None, *, initial=None), lazily: the
	// iterable may be endless.
	m.attrs["accumulate"] = builtinFn("accumulate", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		a, err := kwArgs("accumulate", pos, nil, []string{"iterable", "func"}, 0)
		if err != nil {
			return Val{}, err
		}
		initial := NoneVal
		for k, v := range kw {
			switch k {
			case "iterable", "func":
				if a[indexOf([]string{"iterable", "func"}, k)].T != tagEmpty {
					return Val{}, newErr(TypeError, "argument for accumulate() given by name ('%s') and position", k)
				}
				a[indexOf([]string{"iterable", "func"}, k)] = v
			case "initial":
				initial = v
			default:
				return Val{}, newErr(TypeError, "accumulate() got an unexpected keyword argument '%s'", k)
			}
		}
		if a[0].T == tagEmpty {
			return Val{}, newErr(TypeError, "accumulate() missing required argument 'iterable' (pos 1)")
		}
		it, err := vm.iter(a[0])
		if err != nil {
			return Val{}, err
		}
		fn := a[1]
		total, started := initial, initial.T != tagNone
		pending := started // initial is yielded before the first item
		return ObjVal(&funcIter{name: "itertools.accumulate", next: func(vm *VM) (Val, bool, error) {
			if pending {
				pending = false
				return total, true, nil
			}
			x, ok, err := vm.next(it)
			if err != nil || !ok {
				return Val{}, false, err
			}
			if !started {
				total, started = x, true
				return x, true, nil
			}
			if fn.T == tagEmpty || fn.T == tagNone {
				total, err = vm.binop(opAdd, total, x)
			} else {
				total, err = vm.call(fn, []Val{total, x}, nil)
			}
			if err != nil {
				return Val{}, false, err
			}
			return total, true, nil
		}}), nil
	})
	m.attrs["permutations"] = builtinFn("permutations", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) == 0 {
			return Val{}, newErr(TypeError, "permutations() missing required argument 'iterable' (pos 1)")
		}
		if len(args) > 2 {
			return Val{}, newErr(TypeError, "permutations() takes at most 2 arguments (%d given)", len(args))
		}
		pool, err := vm.iterate(args[0])
		if err != nil {
			return Val{}, err
		}
		r := len(pool)
		if len(args) > 1 && args[1].T != tagNone {
			rv := args[1]
			if bv, ok := builtinValue(rv); ok {
				rv = bv // an int subclass's value (IntEnum)
			}
			if !isIntLike(rv) {
				return Val{}, newErr(TypeError, "Expected int as r")
			}
			n, err := vm.ssizeArg(rv)
			if err != nil {
				return Val{}, err
			}
			if n < 0 {
				return Val{}, newErr(ValueError, "r must be non-negative")
			}
			r = int(n)
		}
		return ObjVal(permutationsIter(pool, r)), nil
	})
	m.attrs["combinations"] = builtinFn("combinations", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 2 {
			return Val{}, newErr(TypeError, "combinations() takes 2 arguments")
		}
		pool, err := vm.iterate(args[0])
		if err != nil {
			return Val{}, err
		}
		r, err := vm.ssizeArg(args[1])
		if err != nil {
			return Val{}, err
		}
		if r < 0 {
			return Val{}, newErr(ValueError, "r must be non-negative")
		}
		return ObjVal(combinationsIter(pool, int(r))), nil
	})
	m.attrs["tee"] = builtinFn("tee", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(kwn) > 0 {
			return Val{}, newErr(TypeError, "tee() takes no keyword arguments")
		}
		if len(args) < 1 || len(args) > 2 {
			return Val{}, newErr(TypeError, "tee expected at most 2 arguments, got %d", len(args))
		}
		n := int64(2)
		if len(args) == 2 {
			if args[1].T != tagInt {
				return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[1]))
			}
			if n = int64(args[1].B); n < 0 {
				return Val{}, newErr(ValueError, "n must be >= 0")
			}
		}
		src, err := vm.iter(args[0])
		if err != nil {
			return Val{}, err
		}
		return tupleOf(teeIters(src, int(n))), nil
	})
	m.attrs["combinations_with_replacement"] = builtinFn("combinations_with_replacement", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("combinations_with_replacement", args, kwn, []string{"iterable", "r"}, 2)
		if err != nil {
			return Val{}, err
		}
		if a[1].T != tagInt {
			return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(a[1]))
		}
		if int64(a[1].B) < 0 {
			return Val{}, newErr(ValueError, "r must be non-negative")
		}
		pool, err := vm.iterate(a[0])
		if err != nil {
			return Val{}, err
		}
		return ObjVal(combinationsWRIter(pool, int(int64(a[1].B)))), nil
	})
	m.attrs["product"] = builtinFn("product", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		repeat := 1
		if v, ok := kw["repeat"]; ok {
			n, err := vm.ssizeArg(v)
			if err != nil {
				return Val{}, err
			}
			if n < 0 {
				return Val{}, newErr(ValueError, "repeat argument cannot be negative")
			}
			repeat = int(n)
		}
		var pools [][]Val
		for i := 0; i < repeat; i++ {
			for _, a := range pos {
				items, err := vm.iterate(a)
				if err != nil {
					return Val{}, err
				}
				pools = append(pools, items)
			}
		}
		out := []Val{}
		cur := make([]Val, 0, len(pools))
		var rec func(i int)
		rec = func(i int) {
			if i == len(pools) {
				out = append(out, tuple(cur))
				return
			}
			for _, x := range pools[i] {
				cur = append(cur, x)
				rec(i + 1)
				cur = cur[:len(cur)-1]
			}
		}
		total := new(big.Int).SetInt64(1)
		for _, p := range pools {
			total.Mul(total, big.NewInt(int64(len(p))))
		}
		if err := memCheckTuples(total, len(pools)); err != nil {
			return Val{}, err
		}
		rec(0)
		return ObjVal(&seqIter{items: out, name: "itertools.product"}), nil
	})
	m.attrs["islice"] = builtinFn("islice", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) < 2 {
			return Val{}, newErr(TypeError, "islice expected at least 2 arguments, got %d", len(args))
		}
		// As itertoolsmodule.c's islice_new: each argument is an index
		// that fits a ssize_t, or else -1 (any error swallowed), and -1
		// or less is the ValueError of that argument.
		ssizeOr := func(v, dflt Val) int64 {
			if v.T == tagNone {
				v = dflt
			}
			n, err := vm.ssizeArg(v)
			if err != nil {
				return -1
			}
			return n
		}
		stopArg := args[1]
		start, step := int64(0), int64(1)
		if len(args) > 2 {
			start, stopArg = ssizeOr(args[1], IntVal(0)), args[2]
		}
		stop := int64(-1)
		if stopArg.T != tagNone {
			if stop = ssizeOr(stopArg, NoneVal); stop == -1 {
				return Val{}, newErr(ValueError, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
			}
		}
		if start < 0 || stop < -1 {
			return Val{}, newErr(ValueError, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
		}
		if len(args) > 3 {
			step = ssizeOr(args[3], IntVal(1))
		}
		if step < 1 {
			return Val{}, newErr(ValueError, "Step for islice() must be a positive integer or None.")
		}
		it, err := vm.iter(args[0])
		if err != nil {
			return Val{}, err
		}
		i := int64(0)
		return ObjVal(&funcIter{name: "itertools.islice", next: func(vm *VM) (Val, bool, error) {
			for stop < 0 || i < stop {
				v, ok, err := vm.next(it)
				if !ok || err != nil {
					return Val{}, false, err
				}
				i++
				if i-1 >= start && (i-1-start)%step == 0 {
					return v, true, nil
				}
			}
			return Val{}, false, nil
		}}), nil
	})
	itertoolsMore(m)
	return m
}
