package interp

import "sort"

// collectionsModule provides defaultdict, Counter and deque. defaultdict and
// Counter are dicts with a flag; deque is a list.
func collectionsModule() *Module {
	m := &Module{name: "collections", attrs: map[string]Val{}}
	m.attrs["defaultdict"] = ObjVal(&typeObj{name: "defaultdict", module: "collections", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		d := newDict()
		d.factory = NoneVal
		npos := len(args) - len(kwn)
		if npos > 0 {
			d.factory = args[0]
			if d.factory.T != tagNone && !vm.isCallable(d.factory) {
				return Val{}, newErr(TypeError, "first argument must be callable or None")
			}
		}
		if rest := args[min(1, npos):]; len(rest) > 0 {
			// The rest are dict()'s arguments: a mapping or pairs, keywords.
			src, err := vm.call(vm.bi["dict"], rest, kwn)
			if err != nil {
				return Val{}, err
			}
			sd, ok := src.O.(*Dict)
			if !ok { // builtins.dict rebound to something else
				return Val{}, newErr(TypeError, "dict() gave %s, not a dict", typeName(src))
			}
			for _, e := range sd.live() {
				if err := d.set(e.k, e.v); err != nil {
					return Val{}, err
				}
			}
		}
		return ObjVal(d), nil
	}})
	m.attrs["Counter"] = ObjVal(&typeObj{name: "Counter", module: "collections", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		d := newDict()
		d.counter = true
		pos, kw := args[:len(args)-len(kwn)], args[len(args)-len(kwn):]
		if len(pos) > 1 {
			return Val{}, newErr(TypeError, "Counter.__init__() takes from 1 to 2 positional arguments but %d were given", len(pos)+1)
		}
		if len(pos) > 0 {
			if err := vm.counterUpdate(d, pos[0]); err != nil {
				return Val{}, err
			}
		}
		if len(kw) > 0 {
			kd := newDict()
			for i, k := range kwn {
				kd.set(StrVal(k), kw[i])
			}
			if err := vm.counterUpdate(d, ObjVal(kd)); err != nil {
				return Val{}, err
			}
		}
		return ObjVal(d), nil
	}})
	m.attrs["deque"] = ObjVal(&typeObj{name: "deque", module: "collections", fn: newDeque})
	m.attrs["namedtuple"] = builtinFn("namedtuple", biNamedtuple)
	m.attrs["OrderedDict"] = ObjVal(&typeObj{name: "OrderedDict", module: "collections", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		v, err := vm.bi["dict"].O.(*typeObj).fn(vm, args, kwn)
		if d, ok := v.O.(*Dict); ok && err == nil {
			d.ordered = true
		}
		return v, err
	}})
	return m
}

func (vm *VM) counterUpdate(d *Dict, src Val) error {
	if s, ok := src.O.(*Dict); ok {
		for _, e := range s.live() {
			cur, _, err := d.get(e.k)
			if err != nil {
				return err
			}
			if cur.T == tagEmpty {
				cur = IntVal(0)
			}
			n, err := vm.binop(opAdd, cur, e.v)
			if err != nil {
				return err
			}
			if err := d.set(e.k, n); err != nil {
				return err
			}
		}
		return nil
	}
	items, err := vm.iterate(src)
	if err != nil {
		return err
	}
	for _, x := range items {
		cur, ok, err := d.get(x)
		if err != nil {
			return err
		}
		if !ok {
			cur = IntVal(0)
		}
		n, err := vm.binop(opAdd, cur, IntVal(1))
		if err != nil {
			return err
		}
		if err := d.set(x, n); err != nil {
			return err
		}
	}
	return nil
}

// mostCommon orders a Counter's entries by count, ties in insertion order.
func (vm *VM) mostCommon(d *Dict) []dictEntry {
	es := d.live()
	sort.SliceStable(es, func(i, j int) bool {
		gt, _ := vm.compare(opGt, es[i].v, es[j].v)
		return gt
	})
	return es
}

// dictTypeKind reports whether t is collections' OrderedDict, Counter or
// defaultdict (dicts with a mark), and which marks its values carry.
func dictTypeKind(t *typeObj) (ordered, counter, ok bool) {
	if t.module != "collections" {
		return false, false, false
	}
	switch t.name {
	case "OrderedDict":
		return true, false, true
	case "Counter":
		return false, true, true
	case "defaultdict":
		return false, false, true
	}
	return false, false, false
}

// dictMissingMethod is a Counter's or defaultdict's __missing__, bound to
// o: a Counter's answers 0, a defaultdict's stores and returns its
// factory's value (KeyError without a factory), as d[key] does.
func dictMissingMethod(o Val, d *Dict) Val {
	return ObjVal(&Builtin{name: "__missing__", bound: o, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "__missing__() takes exactly one argument (%d given)", len(args))
		}
		if d.counter {
			return IntVal(0), nil
		}
		if d.factory.T == tagNone {
			return Val{}, newErrVal(KeyError, args[0])
		}
		v, err := vm.call(d.factory, nil, nil)
		if err != nil {
			return Val{}, err
		}
		return v, d.set(args[0], v)
	}})
}
