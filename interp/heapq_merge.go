package interp

// heapMerge is heapq.merge(*iterables, key=None, reverse=False): a lazy
// generator over sorted inputs. Each step takes the smallest head (the
// largest when reversed), the earliest input first among equals, as
// CPython's heap of (value, input order) does; inputs are read only as
// far as the output has gone.
func heapMerge(vm *VM, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	pos = append([]Val(nil), pos...) // args is the caller's stack, reused once merge returns
	key, reverse := NoneVal, false
	for k, v := range kw {
		switch k {
		case "key":
			key = v
		case "reverse":
			reverse = truthy(v)
		default:
			return Val{}, newErr(TypeError, "merge() got an unexpected keyword argument '%s'", k)
		}
	}
	type head struct {
		it     Object
		v, k   Val
		active bool
	}
	var heads []head
	started := false
	taken := -1 // the input whose head was yielded last: read on the next step, as CPython's generator does
	start := func(vm *VM) error {
		started = true
		for _, p := range pos {
			it, err := vm.iter(p)
			if err != nil {
				return err
			}
			heads = append(heads, head{it: it, active: true})
		}
		for i := range heads {
			if err := advance(vm, &heads[i].it, &heads[i].v, &heads[i].k, &heads[i].active, key); err != nil {
				return err
			}
		}
		return nil
	}
	return ObjVal(&funcIter{name: "generator", next: func(vm *VM) (Val, bool, error) {
		if !started {
			if err := start(vm); err != nil {
				return Val{}, false, err
			}
		}
		if taken >= 0 {
			h := &heads[taken]
			taken = -1
			if err := advance(vm, &h.it, &h.v, &h.k, &h.active, key); err != nil {
				return Val{}, false, err
			}
		}
		best := -1
		for i := range heads {
			if !heads[i].active {
				continue
			}
			if best < 0 {
				best = i
				continue
			}
			a, b := heads[i].k, heads[best].k
			if reverse {
				a, b = b, a
			}
			lt, err := vm.compare(opLt, a, b)
			if err != nil {
				return Val{}, false, err
			}
			if lt {
				best = i
			}
		}
		if best < 0 {
			return Val{}, false, nil
		}
		taken = best
		return heads[best].v, true, nil
	}}), nil
}

// advance reads the next head of one merge input and its key.
func advance(vm *VM, it *Object, v, k *Val, active *bool, key Val) error {
	x, ok, err := vm.next(*it)
	if err != nil {
		return err
	}
	if !ok {
		*active = false
		return nil
	}
	*v, *k = x, x
	if key.T != tagNone {
		if *k, err = vm.call(key, []Val{x}, nil); err != nil {
			return err
		}
	}
	return nil
}
