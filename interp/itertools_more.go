package interp

// More of itertools: groupby, zip_longest, starmap, pairwise, compress,
// filterfalse, batched. Each is lazy, as CPython's are, and each step runs
// with the iterator object locked (vm.next) once threads run.

func itertoolsMore(m *Module) {
	m.attrs["groupby"] = builtinFn("groupby", itertoolsGroupby)
	m.attrs["zip_longest"] = builtinFn("zip_longest", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		fill := NoneVal
		for k, v := range kw {
			if k != "fillvalue" {
				return Val{}, newErr(TypeError, "zip_longest() got an unexpected keyword argument '%s'", k)
			}
			fill = v
		}
		its, err := vm.iters(pos)
		if err != nil {
			return Val{}, err
		}
		live := len(its)
		done := make([]bool, len(its))
		return ObjVal(&funcIter{name: "itertools.zip_longest", next: func(vm *VM) (Val, bool, error) {
			if live == 0 {
				return Val{}, false, nil
			}
			row := make([]Val, len(its))
			for i, it := range its {
				if done[i] {
					row[i] = fill
					continue
				}
				v, ok, err := vm.next(it)
				if err != nil {
					live = 0
					return Val{}, false, err
				}
				if !ok {
					done[i] = true
					live--
					if live == 0 {
						return Val{}, false, nil
					}
					v = fill
				}
				row[i] = v
			}
			return ObjVal(&Tuple{items: row}), true, nil
		}}), nil
	})
	m.attrs["starmap"] = builtinFn("starmap", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(kwn) > 0 {
			return Val{}, newErr(TypeError, "starmap() takes no keyword arguments")
		}
		if len(args) != 2 {
			return Val{}, newErr(TypeError, "starmap expected 2 arguments, got %d", len(args))
		}
		fn := args[0]
		it, err := vm.iter(args[1])
		if err != nil {
			return Val{}, err
		}
		return ObjVal(&funcIter{name: "itertools.starmap", next: func(vm *VM) (Val, bool, error) {
			v, ok, err := vm.next(it)
			if !ok || err != nil {
				return Val{}, false, err
			}
			fargs, err := vm.iterate(v)
			if err != nil {
				return Val{}, false, err
			}
			r, err := vm.call(fn, fargs, nil)
			return r, err == nil, err
		}}), nil
	})
	m.attrs["pairwise"] = builtinFn("pairwise", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(kwn) > 0 {
			return Val{}, newErr(TypeError, "pairwise() takes no keyword arguments")
		}
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "pairwise expected 1 argument, got %d", len(args))
		}
		it, err := vm.iter(args[0])
		if err != nil {
			return Val{}, err
		}
		var prev Val
		started := false
		return ObjVal(&funcIter{name: "itertools.pairwise", next: func(vm *VM) (Val, bool, error) {
			if !started {
				v, ok, err := vm.next(it)
				if !ok || err != nil {
					return Val{}, false, err
				}
				prev, started = v, true
			}
			v, ok, err := vm.next(it)
			if !ok || err != nil {
				return Val{}, false, err
			}
			pair := &Tuple{items: []Val{prev, v}}
			prev = v
			return ObjVal(pair), true, nil
		}}), nil
	})
	m.attrs["compress"] = builtinFn("compress", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if v, ok := kw["data"]; ok {
			pos = append([]Val{v}, pos...)
		}
		if v, ok := kw["selectors"]; ok {
			pos = append(pos, v)
		}
		if len(pos) != 2 {
			return Val{}, newErr(TypeError, "compress() missing required argument 'selectors' (pos 2)")
		}
		its, err := vm.iters(pos)
		if err != nil {
			return Val{}, err
		}
		return ObjVal(&funcIter{name: "itertools.compress", next: func(vm *VM) (Val, bool, error) {
			for {
				v, ok, err := vm.next(its[0])
				if !ok || err != nil {
					return Val{}, false, err
				}
				s, ok, err := vm.next(its[1])
				if !ok || err != nil {
					return Val{}, false, err
				}
				if t, err := vm.truth(s); err != nil {
					return Val{}, false, err
				} else if t {
					return v, true, nil
				}
			}
		}}), nil
	})
	m.attrs["filterfalse"] = builtinFn("filterfalse", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 2 {
			return Val{}, newErr(TypeError, "filterfalse expected 2 arguments, got %d", len(args))
		}
		pred := args[0]
		it, err := vm.iter(args[1])
		if err != nil {
			return Val{}, err
		}
		return ObjVal(&funcIter{name: "itertools.filterfalse", next: func(vm *VM) (Val, bool, error) {
			for {
				v, ok, err := vm.next(it)
				if !ok || err != nil {
					return Val{}, false, err
				}
				r := v
				if pred.T != tagNone {
					if r, err = vm.call(pred, []Val{v}, nil); err != nil {
						return Val{}, false, err
					}
				}
				if t, err := vm.truth(r); err != nil {
					return Val{}, false, err
				} else if !t {
					return v, true, nil
				}
			}
		}}), nil
	})
	m.attrs["batched"] = builtinFn("batched", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if v, ok := kw["n"]; ok {
			pos = append(pos, v)
		}
		if len(pos) != 2 || pos[1].T != tagInt {
			return Val{}, newErr(TypeError, "batched() missing required argument 'n' (pos 2)")
		}
		n := int64(pos[1].B)
		if n < 1 {
			return Val{}, newErr(ValueError, "n must be at least one")
		}
		it, err := vm.iter(pos[0])
		if err != nil {
			return Val{}, err
		}
		return ObjVal(&funcIter{name: "itertools.batched", next: func(vm *VM) (Val, bool, error) {
			var row []Val
			for int64(len(row)) < n {
				v, ok, err := vm.next(it)
				if err != nil {
					return Val{}, false, err
				}
				if !ok {
					break
				}
				row = append(row, v)
			}
			if len(row) == 0 {
				return Val{}, false, nil
			}
			return ObjVal(&Tuple{items: row}), true, nil
		}}), nil
	})
}

// groupby is CPython's: the outer iterator and the current group share one
// underlying iterator; advancing the outer one ends the group it gave.
type groupby struct {
	it              Object
	key             Val // the key function, or None
	tgt, cur, value Val
	started         bool // cur and value hold an item
	id              int  // the live group's number
}

func itertoolsGroupby(vm *VM, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	g := &groupby{key: NoneVal}
	for k, v := range kw {
		switch k {
		case "iterable":
			pos = append([]Val{v}, pos...)
		case "key":
			g.key = v
		default:
			return Val{}, newErr(TypeError, "groupby() got an unexpected keyword argument '%s'", k)
		}
	}
	if len(pos) == 2 {
		g.key = pos[1]
		pos = pos[:1]
	}
	if len(pos) != 1 {
		return Val{}, newErr(TypeError, "groupby() missing required argument 'iterable' (pos 1)")
	}
	it, err := vm.iter(pos[0])
	if err != nil {
		return Val{}, err
	}
	g.it = it
	return ObjVal(&funcIter{name: "itertools.groupby", next: g.nextGroup}), nil
}

// step reads the next item and its key; false at the end.
func (g *groupby) step(vm *VM) (bool, error) {
	v, ok, err := vm.next(g.it)
	if !ok || err != nil {
		return false, err
	}
	k := v
	if g.key.T != tagNone {
		if k, err = vm.call(g.key, []Val{v}, nil); err != nil {
			return false, err
		}
	}
	g.value, g.cur, g.started = v, k, true
	return true, nil
}

func (g *groupby) nextGroup(vm *VM) (Val, bool, error) {
	g.id++
	for {
		if g.started && !g.tgtSet() {
			break
		}
		if g.started {
			same, err := vm.eqItemErr(g.cur, g.tgt)
			if err != nil {
				return Val{}, false, err
			}
			if !same {
				break
			}
		}
		if ok, err := g.step(vm); !ok || err != nil {
			return Val{}, false, err
		}
	}
	g.tgt = g.cur
	id, tgt := g.id, g.cur
	first := true
	grp := &funcIter{name: "itertools._grouper", next: func(vm *VM) (Val, bool, error) {
		if g.id != id {
			return Val{}, false, nil
		}
		if !first {
			if ok, err := g.step(vm); !ok || err != nil {
				g.id++ // exhausted: the outer iterator stops too
				return Val{}, false, err
			}
		}
		first = false
		same, err := vm.eqItemErr(g.cur, tgt)
		if err != nil || !same {
			first = true // the item read is the next group's first
			return Val{}, false, err
		}
		return g.value, true, nil
	}}
	return ObjVal(&Tuple{items: []Val{g.cur, ObjVal(grp)}}), true, nil
}

// tgtSet: a group has been handed out (tgt holds its key).
func (g *groupby) tgtSet() bool { return g.tgt.T != tagEmpty }

// truth is bool(v) with the error a __bool__ or __len__ raised.
func (vm *VM) truth(v Val) (bool, error) {
	t := truthy(v)
	return t, vm.takePending()
}
