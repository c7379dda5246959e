package interp

// copy: shallow and deep copies of the built-in containers and of
// instances (through __copy__/__deepcopy__ when a class defines them).

func copyModule(vm *VM) *Module {
	m := newModule("copy")
	m.def("copy", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("copy", args, kwn, 1); err != nil {
			return Val{}, err
		}
		return vm.shallowCopy(args[0])
	})
	m.def("deepcopy", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		// copy.py: def deepcopy(x, memo=None, _nil=[]).
		if len(pos) < 1 {
			return Val{}, newErr(TypeError, "deepcopy() missing 1 required positional argument: 'x'")
		}
		if len(pos) > 3 {
			return Val{}, newErr(TypeError, "deepcopy() takes from 1 to 3 positional arguments but %d were given", len(pos))
		}
		for k := range kw {
			if k != "memo" && k != "_nil" {
				return Val{}, newErr(TypeError, "deepcopy() got an unexpected keyword argument '%s'", k)
			}
		}
		return vm.deepCopy(pos[0], map[Object]Val{})
	})
	m.attrs["Error"] = ObjVal(&ExcType{name: "Error", base: Exception_})
	return m
}

func copyDict(d *Dict) *Dict {
	c := newDict()
	c.factory, c.counter, c.ordered = d.factory, d.counter, d.ordered
	for _, e := range d.live() {
		c.set(e.k, e.v)
	}
	return c
}

func (vm *VM) shallowCopy(v Val) (Val, error) {
	if v.T != tagObject {
		return v, nil
	}
	switch x := v.O.(type) {
	case *List:
		c := newList(x.items())
		c.deque, c.dqMax = x.deque, x.dqMax
		return ObjVal(c), nil
	case *Dict:
		return ObjVal(copyDict(x)), nil
	case *Set:
		return ObjVal(x.copy()), nil
	case *Instance:
		if r, found, err := vm.dunder(v, "__copy__"); found {
			return r, err
		}
		c := newInstanceOf(x.cls, x.numAttrs())
		for i, n := range x.attrNames() {
			c.set(n, x.at(int32(i)))
		}
		return ObjVal(c), nil
	}
	return v, nil
}

func (vm *VM) deepCopy(v Val, memo map[Object]Val) (Val, error) {
	if v.T != tagObject {
		return v, nil
	}
	if c, ok := memo[v.O]; ok {
		return c, nil
	}
	if !vm.enterNest(" while deep-copying") {
		return Val{}, vm.takePending()
	}
	defer vm.leaveNest()
	each := func(items []Val) ([]Val, error) {
		out := make([]Val, len(items))
		for i, it := range items {
			c, err := vm.deepCopy(it, memo)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	switch x := v.O.(type) {
	case *List:
		c := newList(nil)
		c.deque, c.dqMax = x.deque, x.dqMax
		memo[x] = ObjVal(c)
		items, err := each(x.items())
		if err != nil {
			return Val{}, err
		}
		c.setItems(items)
		return ObjVal(c), nil
	case *Tuple:
		items, err := each(x.items)
		if err != nil {
			return Val{}, err
		}
		same := true
		for i := range items {
			if items[i] != x.items[i] {
				same = false
			}
		}
		if same {
			return v, nil
		}
		c := tupleOf(items)
		memo[x] = c
		return c, nil
	case *Dict:
		c := newDict()
		c.factory, c.counter, c.ordered = x.factory, x.counter, x.ordered
		memo[x] = ObjVal(c)
		for _, e := range x.live() {
			k, err := vm.deepCopy(e.k, memo)
			if err != nil {
				return Val{}, err
			}
			val, err := vm.deepCopy(e.v, memo)
			if err != nil {
				return Val{}, err
			}
			if err := c.set(k, val); err != nil {
				return Val{}, err
			}
		}
		return ObjVal(c), nil
	case *Set:
		c := newSet()
		memo[x] = ObjVal(c)
		for _, k := range x.keys() {
			kc, err := vm.deepCopy(k, memo)
			if err != nil {
				return Val{}, err
			}
			if err := c.add(kc); err != nil {
				return Val{}, err
			}
		}
		return ObjVal(c), nil
	case *Instance:
		if r, found, err := vm.dunder(v, "__deepcopy__", ObjVal(newDict())); found {
			return r, err
		}
		c := newInstanceOf(x.cls, x.numAttrs())
		memo[x] = ObjVal(c)
		for i, n := range x.attrNames() {
			a, err := vm.deepCopy(x.at(int32(i)), memo)
			if err != nil {
				return Val{}, err
			}
			c.set(n, a)
		}
		return ObjVal(c), nil
	}
	return v, nil
}
