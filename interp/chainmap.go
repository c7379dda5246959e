package interp

import "strings"

// collections.ChainMap: a view of several mappings searched in order;
// writes and deletions go to the first. Its methods follow CPython's
// Lib/collections/__init__.py.

func (vm *VM) chainMapClass() (*Class, error) {
	var cls *Class
	maps := func(vm *VM, self Val) ([]Val, error) {
		m, err := vm.getAttr(self, "maps")
		if err != nil {
			return nil, err
		}
		l, ok := m.O.(*List)
		if !ok {
			return vm.iterate(m)
		}
		return l.items(), nil
	}
	isKeyErr := func(err error) bool {
		pe, ok := err.(*PyErr)
		return ok && pe.exc.typ.isSub(KeyError)
	}
	newChain := func(vm *VM, ms []Val) (Val, error) {
		return vm.call(ObjVal(cls), ms, nil)
	}
	// merged is the chain as one dict, later maps first (CPython's
	// order for iteration, len, keys, items).
	merged := func(vm *VM, self Val) (*Dict, error) {
		ms, err := maps(vm, self)
		if err != nil {
			return nil, err
		}
		d := newDict()
		for i := len(ms) - 1; i >= 0; i-- {
			keys, err := vm.iterate(ms[i])
			if err != nil {
				return nil, err
			}
			for _, k := range keys {
				if err := d.set(k, NoneVal); err != nil {
					return nil, err
				}
			}
		}
		return d, nil
	}
	getItem := func(vm *VM, self, key Val) (Val, error) {
		ms, err := maps(vm, self)
		if err != nil {
			return Val{}, err
		}
		for _, m := range ms {
			v, err := vm.getItem(m, key)
			if err == nil || !isKeyErr(err) {
				return v, err
			}
		}
		if miss, found, err := vm.dunder(self, "__missing__", key); found {
			return miss, err
		}
		return Val{}, newErrVal(KeyError, key)
	}
	first := func(vm *VM, self Val) (Val, error) {
		ms, err := maps(vm, self)
		if err != nil || len(ms) == 0 {
			return Val{}, err
		}
		return ms[0], nil
	}
	methods := map[string]nativeFn{
		"__init__": func(vm *VM, a []Val, k []string) (Val, error) {
			ms := append([]Val(nil), a[1:]...)
			if len(ms) == 0 {
				ms = []Val{ObjVal(newDict())}
			}
			return NoneVal, vm.setAttr(a[0], "maps", ObjVal(newList(ms)))
		},
		"__getitem__(key)": func(vm *VM, a []Val, k []string) (Val, error) { return getItem(vm, a[0], a[1]) },
		"get(key, default=None)": func(vm *VM, a []Val, k []string) (Val, error) {
			if err := nargs("get", a[1:], 1, 2); err != nil {
				return Val{}, err
			}
			v, err := getItem(vm, a[0], a[1])
			if err != nil && isKeyErr(err) {
				if len(a) > 2 {
					return a[2], nil
				}
				return NoneVal, nil
			}
			return v, err
		},
		"__contains__(key)": func(vm *VM, a []Val, k []string) (Val, error) {
			ms, err := maps(vm, a[0])
			if err != nil {
				return Val{}, err
			}
			for _, m := range ms {
				if in, err := vm.contains(m, a[1]); in || err != nil {
					return BoolVal(in), err
				}
			}
			return False, nil
		},
		"__len__()": func(vm *VM, a []Val, k []string) (Val, error) {
			d, err := merged(vm, a[0])
			if err != nil {
				return Val{}, err
			}
			return IntVal(int64(d.Len())), nil
		},
		"__iter__()": func(vm *VM, a []Val, k []string) (Val, error) {
			d, err := merged(vm, a[0])
			if err != nil {
				return Val{}, err
			}
			// An iterator, as __iter__ must give: the merged dict's keys.
			return ObjVal(&dictIter{d: d, n: d.Len(), left: d.Len(), kind: "keys"}), nil
		},
		"__bool__()": func(vm *VM, a []Val, k []string) (Val, error) {
			ms, err := maps(vm, a[0])
			if err != nil {
				return Val{}, err
			}
			for _, m := range ms {
				if truthy(m) {
					return True, nil
				}
			}
			return False, nil
		},
		"__setitem__(key, value)": func(vm *VM, a []Val, k []string) (Val, error) {
			m, err := first(vm, a[0])
			if err != nil {
				return Val{}, err
			}
			return NoneVal, vm.setItem(m, a[1], a[2])
		},
		"__delitem__(key)": func(vm *VM, a []Val, k []string) (Val, error) {
			m, err := first(vm, a[0])
			if err != nil {
				return Val{}, err
			}
			if err := vm.delItem(m, a[1]); err != nil {
				if isKeyErr(err) {
					return Val{}, newErr(KeyError, "Key not found in the first mapping: %s", vm.repr(a[1]))
				}
				return Val{}, err
			}
			return NoneVal, nil
		},
		"pop(key, *args)": func(vm *VM, a []Val, k []string) (Val, error) {
			m, err := first(vm, a[0])
			if err != nil {
				return Val{}, err
			}
			v, err := vm.callMethod(m, "pop", a[1:], k)
			if err != nil && isKeyErr(err) && len(a) == 2 {
				return Val{}, newErr(KeyError, "Key not found in the first mapping: %s", vm.repr(a[1]))
			}
			return v, err
		},
		"popitem()": func(vm *VM, a []Val, k []string) (Val, error) {
			m, err := first(vm, a[0])
			if err != nil {
				return Val{}, err
			}
			v, err := vm.callMethod(m, "popitem", nil, nil)
			if err != nil && isKeyErr(err) {
				return Val{}, newErr(KeyError, "No keys found in the first mapping.")
			}
			return v, err
		},
		"clear()": func(vm *VM, a []Val, k []string) (Val, error) {
			m, err := first(vm, a[0])
			if err != nil {
				return Val{}, err
			}
			return vm.callMethod(m, "clear", nil, nil)
		},
		"keys() @Mapping.keys": func(vm *VM, a []Val, k []string) (Val, error) {
			d, err := merged(vm, a[0])
			return ObjVal(&DictView{d: d, kind: "keys"}), err
		},
		"items() @Mapping.items": func(vm *VM, a []Val, k []string) (Val, error) { return chainValues(vm, a[0], merged, getItem, true) },
		"values() @Mapping.values": func(vm *VM, a []Val, k []string) (Val, error) {
			return chainValues(vm, a[0], merged, getItem, false)
		},
		"new_child": func(vm *VM, a []Val, k []string) (Val, error) {
			pos, kw := splitKw(a[1:], k)
			var m Val
			if len(pos) > 0 && pos[0].T != tagNone {
				m = pos[0]
			} else {
				m = ObjVal(newDict())
			}
			for name, v := range kw {
				if err := vm.setItem(m, StrVal(name), v); err != nil {
					return Val{}, err
				}
			}
			ms, err := maps(vm, a[0])
			if err != nil {
				return Val{}, err
			}
			return newChain(vm, append([]Val{m}, ms...))
		},
		"copy()": func(vm *VM, a []Val, k []string) (Val, error) {
			ms, err := maps(vm, a[0])
			if err != nil || len(ms) == 0 {
				return Val{}, err
			}
			c, err := vm.callMethod(ms[0], "copy", nil, nil)
			if err != nil {
				return Val{}, err
			}
			return newChain(vm, append([]Val{c}, ms[1:]...))
		},
		"__eq__(other) @Mapping.__eq__": func(vm *VM, a []Val, k []string) (Val, error) {
			x, err := chainValues(vm, a[0], merged, getItem, true)
			if err != nil {
				return Val{}, err
			}
			dx, err := vm.call(vm.bi["dict"], []Val{x}, nil)
			if err != nil {
				return Val{}, err
			}
			dy, err := vm.call(vm.bi["dict"], []Val{a[1]}, nil)
			if err != nil {
				if inst, ok := a[1].O.(*Instance); ok && inst.cls.isSub(cls) {
					y, err := chainValues(vm, a[1], merged, getItem, true)
					if err != nil {
						return Val{}, err
					}
					if dy, err = vm.call(vm.bi["dict"], []Val{y}, nil); err != nil {
						return Val{}, err
					}
				} else {
					return vm.bi["NotImplemented"], nil
				}
			}
			return BoolVal(vm.equal(dx, dy)), vm.takePending()
		},
		"__repr__()": func(vm *VM, a []Val, k []string) (Val, error) {
			ms, err := maps(vm, a[0])
			if err != nil {
				return Val{}, err
			}
			parts := make([]string, len(ms))
			for i, m := range ms {
				parts[i] = vm.repr(m)
			}
			name := "ChainMap"
			if inst, ok := a[0].O.(*Instance); ok {
				name = inst.cls.name
			}
			return StrVal(name + "(" + strings.Join(parts, ", ") + ")"), vm.takePending()
		},
	}
	var err error
	cls, err = vm.nativeClass("ChainMap", nil, methods)
	if err != nil {
		return nil, err
	}
	parents := builtinFn("parents", func(vm *VM, a []Val, k []string) (Val, error) {
		ms, err := maps(vm, a[0])
		if err != nil {
			return Val{}, err
		}
		if len(ms) > 0 {
			ms = ms[1:]
		}
		return newChain(vm, ms)
	})
	if err := vm.setAttr(ObjVal(cls), "parents", ObjVal(&Property{get: parents})); err != nil {
		return nil, err
	}
	return cls, nil
}

// chainValues lists a chain's items (pairs) or values, in its order.
func chainValues(vm *VM, self Val, merged func(*VM, Val) (*Dict, error), get func(*VM, Val, Val) (Val, error), pairs bool) (Val, error) {
	d, err := merged(vm, self)
	if err != nil {
		return Val{}, err
	}
	var out []Val
	for _, k := range d.keys() {
		v, err := get(vm, self, k)
		if err != nil {
			return Val{}, err
		}
		if pairs {
			out = append(out, tupleOf([]Val{k, v}))
		} else {
			out = append(out, v)
		}
	}
	return ObjVal(newList(out)), nil
}

// hasMethod reports whether the instance's class (or a base) has name.
func (x *Instance) hasMethod(name string) bool {
	_, ok := x.cls.lookup(name)
	return ok
}
