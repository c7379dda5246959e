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
		memo := newCopyMemo()
		mv, given := kw["memo"]
		if len(pos) > 1 {
			mv, given = pos[1], true
		}
		if given && mv.T != tagNone {
			d, ok := mv.O.(*Dict)
			if !ok {
				return Val{}, newErr(AttributeError, "'%s' object has no attribute 'get'", typeName(mv))
			}
			memo.py = d
		}
		return vm.deepCopy(pos[0], memo)
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
			if c.name == "ReferenceType" && c.moduleName() == "weakref" {
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
		if r, ok, err := vm.copyByReduce(x, v, nil); ok {
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

// copyMemo is deepcopy's memo: the copy made of each object, by object,
// and the dict CPython's memo is (id(x) -> copy), made when a
// __deepcopy__(memo) needs it or given as deepcopy's memo argument, so
// that the copies a __deepcopy__ records and reads are deepcopy's too.
type copyMemo struct {
	m  map[Object]Val
	py *Dict
}

func newCopyMemo() *copyMemo { return &copyMemo{m: map[Object]Val{}} }

func (memo *copyMemo) put(x Object, c Val) {
	memo.m[x] = c
	if memo.py != nil {
		memo.py.set(IntVal(objectID(ObjVal(x))), c)
	}
}

func (memo *copyMemo) get(v Val) (Val, bool) {
	if c, ok := memo.m[v.O]; ok {
		return c, true
	}
	if memo.py != nil {
		if c, ok, _ := memo.py.get(IntVal(objectID(v))); ok {
			return c, true
		}
	}
	return Val{}, false
}

// pyDict is the memo as the dict a __deepcopy__ method is given.
func (memo *copyMemo) pyDict() *Dict {
	if memo.py == nil {
		memo.py = newDict()
		for x, c := range memo.m {
			memo.py.set(IntVal(objectID(ObjVal(x))), c)
		}
	}
	return memo.py
}

func (vm *VM) deepCopy(v Val, memo *copyMemo) (Val, error) {
	if v.T != tagObject {
		return v, nil
	}
	if c, ok := memo.get(v); ok {
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
		memo.put(x, ObjVal(c))
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
		memo.put(x, c)
		return c, nil
	case *Dict:
		c := newDict()
		c.factory, c.counter, c.ordered = x.factory, x.counter, x.ordered
		memo.put(x, ObjVal(c))
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
		memo.put(x, ObjVal(c))
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
		if r, found, err := vm.dunder(v, "__deepcopy__", ObjVal(memo.pyDict())); found {
			if err == nil {
				memo.put(x, r)
			}
			return r, err
		}
		if r, ok, err := vm.copyByReduce(x, v, memo); ok {
			return r, err
		}
		if r, ok, err := vm.copyByState(x, v, memo); ok {
			return r, err
		}
		c := newInstanceOf(x.cls, x.numAttrs())
		memo.put(x, ObjVal(c))
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
func (vm *VM) copyByState(x *Instance, v Val, memo *copyMemo) (Val, bool, error) {
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
		memo.put(x, cv)
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

// copyByReduce copies an instance whose class defines __reduce_ex__ or
// __reduce__ as CPython's copy does: from the (callable, args, state,
// listitems, dictitems) it returns, deep-copying args, state and items
// when memo is not nil. A string result means the object itself. ok is
// false for a class that defines neither.
func (vm *VM) copyByReduce(x *Instance, v Val, memo *copyMemo) (Val, bool, error) {
	var rv Val
	var err error
	if m, has := x.cls.lookup("__reduce_ex__"); has {
		rv, err = vm.callWithSelf(m, v, []Val{IntVal(4)}, nil)
	} else if m, has := x.cls.lookup("__reduce__"); has {
		rv, err = vm.callWithSelf(m, v, nil, nil)
	} else {
		return Val{}, false, nil
	}
	if err != nil {
		return Val{}, true, err
	}
	if _, ok := rv.O.(*Str); ok {
		return v, true, nil
	}
	t, ok := rv.O.(*Tuple)
	if !ok || rv.T != tagObject {
		return Val{}, true, newErr(TypeError, "__reduce__ must return a string or tuple, not %s", typeName(rv))
	}
	if n := len(t.items); n < 2 || n > 6 {
		return Val{}, true, newErr(TypeError, "tuple returned by __reduce__ must contain 2 through 6 elements")
	}
	part := func(i int) Val {
		if i < len(t.items) {
			return t.items[i]
		}
		return NoneVal
	}
	deep := func(p Val) (Val, error) {
		if memo == nil {
			return p, nil
		}
		return vm.deepCopy(p, memo)
	}
	args, err := deep(part(1))
	if err != nil {
		return Val{}, true, err
	}
	argv, err := vm.iterate(args)
	if err != nil {
		return Val{}, true, err
	}
	y, err := vm.call(part(0), argv, nil)
	if err != nil {
		return Val{}, true, err
	}
	if memo != nil {
		memo.put(x, y)
	}
	if state := part(2); state.T != tagNone {
		if state, err = deep(state); err != nil {
			return Val{}, true, err
		}
		if err := vm.applyCopyState(y, state); err != nil {
			return Val{}, true, err
		}
	}
	if items := part(3); items.T != tagNone {
		err := vm.each(items, func(it Val) (bool, error) {
			it, err := deep(it)
			if err != nil {
				return true, err
			}
			_, err = vm.callAttr(y, "append", []Val{it}, nil)
			return err != nil, err
		})
		if err != nil {
			return Val{}, true, err
		}
	}
	if items := part(4); items.T != tagNone {
		err := vm.each(items, func(kv Val) (bool, error) {
			pair, err := vm.iterate(kv)
			if err != nil {
				return true, err
			}
			if len(pair) != 2 {
				return true, newErr(ValueError, "not enough values to unpack (expected 2, got %d)", len(pair))
			}
			k, err := deep(pair[0])
			if err != nil {
				return true, err
			}
			val, err := deep(pair[1])
			if err != nil {
				return true, err
			}
			return false, vm.setItem(y, k, val)
		})
		if err != nil {
			return Val{}, true, err
		}
	}
	return y, true, nil
}

// applyCopyState gives y the state a reduce value carries: through
// y.__setstate__ when it has one, else a dict (or the (dict, slots)
// pair) set as attributes.
func (vm *VM) applyCopyState(y, state Val) error {
	if _, found, err := vm.dunder(y, "__setstate__", state); found {
		return err
	}
	parts := []Val{state}
	if t, ok := state.O.(*Tuple); ok && len(t.items) == 2 {
		parts = t.items
	}
	for _, p := range parts {
		d, ok := p.O.(*Dict)
		if !ok {
			continue
		}
		for _, e := range d.live() {
			if err := vm.setAttr(y, vm.strOf(e.k), e.v); err != nil {
				return err
			}
		}
	}
	return nil
}
