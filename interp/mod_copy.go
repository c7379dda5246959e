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

// copiedAsIs reports whether copy and deepcopy give x itself, as CPython's
// do for weak references (among the built-in types that minipy writes as
// classes); err is set for what CPython cannot copy at all (modules).
func copiedAsIs(x Object) (bool, error) {
	switch o := x.(type) {
	case *Module:
		return false, newErr(TypeError, "cannot pickle 'module' object")
	case *Instance:
		for _, c := range o.cls.mro {
			if c.name == "ref" && c.moduleName() == "weakref" {
				return true, nil
			}
		}
	}
	return false, nil
}

func (vm *VM) shallowCopy(v Val) (Val, error) {
	if v.T != tagObject {
		return v, nil
	}
	if same, err := copiedAsIs(v.O); same || err != nil {
		return v, err
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
		if r, ok, err := vm.copyByState(x, v, nil); ok {
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
	if same, err := copiedAsIs(v.O); same || err != nil {
		return v, err
	}
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
		if r, ok, err := vm.copyByState(x, v, memo); ok {
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

// copyByState copies an instance whose class defines __getstate__ or
// __setstate__ as CPython's copy does through __reduce_ex__: the state
// __getstate__ gives (else the attributes), deep-copied when memo is not
// nil, handed to the new instance's __setstate__ (else its attributes
// set from it). ok is false for other instances.
func (vm *VM) copyByState(x *Instance, v Val, memo map[Object]Val) (Val, bool, error) {
	get, hasGet := x.cls.lookup("__getstate__")
	set, hasSet := x.cls.lookup("__setstate__")
	if !hasGet && !hasSet {
		return Val{}, false, nil
	}
	var state Val
	var err error
	if hasGet {
		if state, err = vm.callWithSelf(get, v, nil, nil); err != nil {
			return Val{}, true, err
		}
	} else {
		d := newDict()
		for i, n := range x.attrNames() {
			d.set(StrVal(n), x.at(int32(i)))
		}
		state = NoneVal
		if d.Len() > 0 {
			state = ObjVal(d)
		}
	}
	c := newInstanceOf(x.cls, x.numAttrs())
	cv := ObjVal(c)
	if memo != nil {
		memo[x] = cv
		if state, err = vm.deepCopy(state, memo); err != nil {
			return Val{}, true, err
		}
	}
	if state.T == tagNone {
		return cv, true, nil
	}
	if hasSet {
		_, err = vm.callWithSelf(set, cv, []Val{state}, nil)
		return cv, true, err
	}
	if t, ok := state.O.(*Tuple); ok && len(t.items) == 2 {
		// (dict, slots): both set as attributes.
		for _, part := range t.items {
			if d, ok := part.O.(*Dict); ok {
				for _, e := range d.live() {
					if err := vm.setAttr(cv, vm.strOf(e.k), e.v); err != nil {
						return Val{}, true, err
					}
				}
			}
		}
		return cv, true, nil
	}
	if d, ok := state.O.(*Dict); ok {
		for _, e := range d.live() {
			if err := vm.setAttr(cv, vm.strOf(e.k), e.v); err != nil {
				return Val{}, true, err
			}
		}
	}
	return cv, true, nil
}
