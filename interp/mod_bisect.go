package interp

// bisect: binary search of sorted sequences with CPython's arguments
// (lo, hi, key) and its comparisons (only <).

func bisectModule(vm *VM) *Module {
	m := newModule("bisect")
	search := func(name string, right bool) func(vm *VM, args []Val, kwn []string) (Val, error) {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, x, lo, hi, key, err := vm.bisectArgs(name, args, kwn)
			if err != nil {
				return Val{}, err
			}
			i, err := vm.bisectIndex(a, x, lo, hi, key, right)
			return IntVal(int64(i)), err
		}
	}
	insort := func(name string, right bool) func(vm *VM, args []Val, kwn []string) (Val, error) {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, x, lo, hi, key, err := vm.bisectArgs(name, args, kwn)
			if err != nil {
				return Val{}, err
			}
			kx := x
			if key.T != tagEmpty && key.T != tagNone {
				if kx, err = vm.call(key, []Val{x}, nil); err != nil {
					return Val{}, err
				}
			}
			i, err := vm.bisectIndex(a, kx, lo, hi, key, right)
			if err != nil {
				return Val{}, err
			}
			_, err = vm.callMethod(a, "insert", []Val{IntVal(int64(i)), x}, nil)
			return NoneVal, err
		}
	}
	m.def("bisect_left", search("bisect_left", false))
	m.def("bisect_right", search("bisect_right", true))
	m.attrs["bisect"] = m.attrs["bisect_right"]
	m.def("insort_left", insort("insort_left", false))
	m.def("insort_right", insort("insort_right", true))
	m.attrs["insort"] = m.attrs["insort_right"]
	return m
}

func (vm *VM) bisectArgs(name string, args []Val, kwn []string) (a, x Val, lo, hi int, key Val, err error) {
	pos, kw := splitKw(args, kwn)
	names := []string{"a", "x", "lo", "hi"}
	vals := map[string]Val{}
	if len(pos) > 4 {
		return a, x, 0, 0, key, newErr(TypeError, "%s() takes at most 4 arguments (%d given)", name, len(pos))
	}
	for i, v := range pos {
		vals[names[i]] = v
	}
	for k, v := range kw {
		if k != "a" && k != "x" && k != "lo" && k != "hi" && k != "key" {
			return a, x, 0, 0, key, newErr(TypeError, "%s() got an unexpected keyword argument '%s'", name, k)
		}
		if _, dup := vals[k]; dup {
			return a, x, 0, 0, key, newErr(TypeError, "argument for %s() given by name ('%s') and position", name, k)
		}
		vals[k] = v
	}
	var ok bool
	if a, ok = vals["a"]; !ok {
		return a, x, 0, 0, key, newErr(TypeError, "%s() missing required argument 'a' (pos 1)", name)
	}
	if x, ok = vals["x"]; !ok {
		return a, x, 0, 0, key, newErr(TypeError, "%s() missing required argument 'x' (pos 2)", name)
	}
	key = vals["key"]
	if v, ok := vals["lo"]; ok {
		l, err := vm.index(v, "")
		if err != nil {
			return a, x, 0, 0, key, err
		}
		if l < 0 {
			return a, x, 0, 0, key, newErr(ValueError, "lo must be non-negative")
		}
		lo = int(l)
	}
	n, err := vm.length(a)
	if err != nil {
		return a, x, 0, 0, key, err
	}
	hi = n
	if v, ok := vals["hi"]; ok && v.T != tagNone {
		h, err := vm.index(v, "")
		if err != nil {
			return a, x, 0, 0, key, err
		}
		hi = int(h)
	}
	return a, x, lo, hi, key, nil
}

func (vm *VM) bisectIndex(a, x Val, lo, hi int, key Val, right bool) (int, error) {
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		item, err := vm.getItem(a, IntVal(int64(mid)))
		if err != nil {
			return 0, err
		}
		if key.T != tagEmpty && key.T != tagNone {
			if item, err = vm.call(key, []Val{item}, nil); err != nil {
				return 0, err
			}
		}
		var lt bool
		if right {
			lt, err = vm.compare(opLt, x, item) // x < a[mid]: go left
		} else {
			lt, err = vm.compare(opLt, item, x) // a[mid] < x: go right
		}
		if err != nil {
			return 0, err
		}
		if right == lt {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, nil
}
