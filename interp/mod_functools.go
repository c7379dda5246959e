package interp

import (
	"slices"
	"strings"
)

// functools beyond reduce and the caches: partial, wraps, update_wrapper,
// total_ordering, cmp_to_key.

// cachedPropertyClass is functools.cached_property: a non-data
// descriptor whose __get__ stores the value as the instance's attribute of
// the same name, which later reads find first.
func (vm *VM) cachedPropertyClass() *Class {
	cls, _ := vm.nativeClass("cached_property", nil, map[string]nativeFn{
		"__init__(func)": func(vm *VM, args []Val, kwn []string) (Val, error) {
			self := args[0].O.(*Instance)
			self.set("func", args[1])
			name := NoneVal
			if n, err := vm.getAttr(args[1], "__name__"); err == nil {
				name = n
			}
			self.set("attrname", name)
			if d, err := vm.getAttr(args[1], "__doc__"); err == nil {
				self.set("__doc__", d)
			}
			return NoneVal, nil
		},
		"__set_name__(owner, name)": func(vm *VM, args []Val, kwn []string) (Val, error) {
			args[0].O.(*Instance).set("attrname", args[2])
			return NoneVal, nil
		},
		"__get__(instance, owner=None)": func(vm *VM, args []Val, kwn []string) (Val, error) {
			self := args[0].O.(*Instance)
			if args[1].T == tagNone {
				return args[0], nil
			}
			fn, _ := self.get("func")
			name, _ := self.get("attrname")
			v, err := vm.call(fn, []Val{args[1]}, nil)
			if err != nil {
				return Val{}, err
			}
			if name.isStr() {
				if err := vm.objectSetAttr(args[1], vm.strOf(name), v); err != nil {
					return Val{}, err
				}
			}
			return v, nil
		},
	})
	return cls
}

func functoolsExtras(m *Module) {
	m.def("partial", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, _ := splitKw(args, kwn)
		if len(pos) == 0 {
			return Val{}, newErr(TypeError, "type 'partial' takes at least one argument")
		}
		fn := pos[0]
		if !vm.isCallable(fn) {
			return Val{}, newErr(TypeError, "the first argument must be callable")
		}
		fixed := append([]Val(nil), pos[1:]...)
		fixedKw := append([]Val(nil), args[len(pos):]...)
		fixedNames := append([]string(nil), kwn...)
		kw := newDict()
		for i, n := range fixedNames {
			kw.set(StrVal(n), fixedKw[i])
		}
		attrs := map[string]Val{"func": fn, "args": tupleOf(fixed), "keywords": ObjVal(kw)}
		kind := &nativeKind{typ: "functools.partial", repr: func(vm *VM) string {
			return callRepr(vm, "functools.partial", append(append([]Val{fn}, fixed...), fixedKw...), fixedNames)
		}}
		return ObjVal(&Builtin{name: "partial", attrs: attrs, native: kind, fn: func(vm *VM, a []Val, k []string) (Val, error) {
			p, _ := splitKw(a, k)
			all := append(append([]Val(nil), fixed...), p...)
			// Keywords of the call override the fixed ones.
			var names []string
			var vals []Val
			for i, n := range fixedNames {
				overridden := false
				for _, kn := range k {
					overridden = overridden || kn == n
				}
				if !overridden {
					names = append(names, n)
					vals = append(vals, fixedKw[i])
				}
			}
			names = append(names, k...)
			vals = append(vals, a[len(p):]...)
			return vm.call(fn, append(all, vals...), names)
		}}), nil
	})
	m.attrs["WRAPPER_ASSIGNMENTS"] = tupleOf(strVals(wrapperAssignments))
	m.attrs["WRAPPER_UPDATES"] = tupleOf([]Val{StrVal("__dict__")})
	m.def("wraps", func(vm *VM, args []Val, kwn []string) (Val, error) {
		wrapped, assigned, updated, err := wrapperArgs("wraps", args, kwn, 1)
		if err != nil {
			return Val{}, err
		}
		return builtinFn("decorator", func(vm *VM, a []Val, k []string) (Val, error) {
			if len(a) != 1 || len(k) > 0 {
				return Val{}, newErr(TypeError, "update_wrapper() missing 1 required positional argument: 'wrapper'")
			}
			return vm.updateWrapper(a[0], wrapped[0], assigned, updated)
		}), nil
	})
	m.def("update_wrapper", func(vm *VM, args []Val, kwn []string) (Val, error) {
		ws, assigned, updated, err := wrapperArgs("update_wrapper", args, kwn, 2)
		if err != nil {
			return Val{}, err
		}
		return vm.updateWrapper(ws[0], ws[1], assigned, updated)
	})
	m.def("total_ordering", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("total_ordering", args, kwn, 1); err != nil {
			return Val{}, err
		}
		cls, ok := args[0].O.(*Class)
		if !ok {
			return Val{}, newErr(ValueError, "must define at least one ordering operation: < > <= >=")
		}
		return args[0], vm.totalOrdering(cls)
	})
	m.def("cmp_to_key", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("cmp_to_key", args, kwn, 1); err != nil {
			return Val{}, err
		}
		return vm.cmpToKey(args[0])
	})
}

func (vm *VM) isCallable(v Val) bool {
	r, err := vm.call(vm.bi["callable"], []Val{v}, nil)
	return err == nil && truthy(r)
}

// totalOrdering fills in the comparisons a class lacks from the one it
// defines (the first of __lt__, __le__, __gt__, __ge__) and __eq__.
func (vm *VM) totalOrdering(cls *Class) error {
	var root string
	for _, n := range []string{"__lt__", "__le__", "__gt__", "__ge__"} {
		if _, ok := cls.lookupOwnOrBase(n); ok {
			root = n
			break
		}
	}
	if root == "" {
		return newErr(ValueError, "must define at least one ordering operation: < > <= >=")
	}
	call := func(vm *VM, name string, a, b Val) (Val, bool, error) {
		r, _, err := vm.dunder(a, name, b)
		if err != nil {
			return Val{}, false, err
		}
		if isNotImplemented(r) {
			return r, false, nil
		}
		return r, true, nil
	}
	eq := func(vm *VM, a, b Val) (bool, error) {
		r := vm.equal(a, b)
		return r, vm.takePending()
	}
	// derived[name] computes name from root and ==, as functools does.
	derive := func(name string) nativeFn {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, b := args[0], args[1]
			r, ok, err := call(vm, root, a, b)
			if err != nil || !ok {
				return r, err
			}
			t := truthy(r)
			var res bool
			switch root + name {
			case "__lt____gt__": // not (a < b) and a != b
				e, err := eq(vm, a, b)
				if err != nil {
					return Val{}, err
				}
				res = !t && !e
			case "__lt____le__", "__gt____ge__": // a < b or a == b
				e, err := eq(vm, a, b)
				if err != nil {
					return Val{}, err
				}
				res = t || e
			case "__lt____ge__", "__gt____le__", "__le____gt__", "__ge____lt__": // not root
				res = !t
			case "__le____ge__", "__ge____le__": // not root or a == b
				e, err := eq(vm, a, b)
				if err != nil {
					return Val{}, err
				}
				res = !t || e
			case "__le____lt__", "__ge____gt__": // root and a != b
				e, err := eq(vm, a, b)
				if err != nil {
					return Val{}, err
				}
				res = t && !e
			case "__gt____lt__": // not (a > b) and a != b
				e, err := eq(vm, a, b)
				if err != nil {
					return Val{}, err
				}
				res = !t && !e
			}
			return BoolVal(res), nil
		}
	}
	for _, n := range []string{"__lt__", "__le__", "__gt__", "__ge__"} {
		if _, ok := cls.lookupOwnOrBase(n); ok {
			continue
		}
		if err := vm.setAttr(ObjVal(cls), n, ObjVal(&Builtin{name: n, fn: derive(n), method: true})); err != nil {
			return err
		}
	}
	return nil
}

// lookupOwnOrBase finds a method the class or a base defines (not object's).
func (c *Class) lookupOwnOrBase(name string) (Val, bool) {
	for _, k := range c.mro {
		if k == objectClass {
			continue
		}
		if v, ok := k.attrs[name]; ok {
			return v, true
		}
	}
	return Val{}, false
}

// cmpToKey is functools.cmp_to_key: a class K whose instances compare by
// calling cmp on what they wrap.
func (vm *VM) cmpToKey(cmp Val) (Val, error) {
	get := func(vm *VM, v Val) (Val, error) { return vm.getAttr(v, "obj") }
	rel := func(test func(int64) bool) nativeFn {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, err := get(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			b, err := get(vm, args[1])
			if err != nil {
				return Val{}, err
			}
			r, err := vm.call(cmp, []Val{a, b}, nil)
			if err != nil {
				return Val{}, err
			}
			zero, err := vm.compare(opLt, r, IntVal(0))
			if err != nil {
				return Val{}, err
			}
			pos, err := vm.compare(opGt, r, IntVal(0))
			if err != nil {
				return Val{}, err
			}
			c := int64(0)
			if zero {
				c = -1
			} else if pos {
				c = 1
			}
			return BoolVal(test(c)), nil
		}
	}
	cls, err := vm.nativeClass("K", nil, map[string]nativeFn{
		"__init__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 2 {
				return Val{}, newErr(TypeError, "K() takes exactly 1 argument (%d given)", len(args)-1)
			}
			return NoneVal, vm.setAttr(args[0], "obj", args[1])
		},
		"__lt__": rel(func(c int64) bool { return c < 0 }),
		"__le__": rel(func(c int64) bool { return c <= 0 }),
		"__gt__": rel(func(c int64) bool { return c > 0 }),
		"__ge__": rel(func(c int64) bool { return c >= 0 }),
		"__eq__": rel(func(c int64) bool { return c == 0 }),
	})
	if err != nil {
		return Val{}, err
	}
	vm.setAttr(ObjVal(cls), "__hash__", NoneVal)
	return ObjVal(cls), nil
}

// capwords is string.capwords(s, sep=None).
func capwords(vm *VM, args []Val, kwn []string) (Val, error) {
	pos, kw := splitKw(args, kwn)
	if v, ok := kw["sep"]; ok {
		pos = append(pos, v)
	}
	if len(pos) < 1 || len(pos) > 2 {
		return Val{}, newErr(TypeError, "capwords() takes from 1 to 2 positional arguments but %d were given", len(pos))
	}
	s, err := strArg(pos[0], "capwords")
	if err != nil {
		// string.py's capwords calls s.split(sep).
		return Val{}, newErr(AttributeError, "'%s' object has no attribute 'split'", typeName(pos[0]))
	}
	var words []string
	sep := " "
	if len(pos) == 2 && pos[1].T != tagNone {
		if sep, err = strArg(pos[1], "capwords"); err != nil {
			return Val{}, err
		}
		words = strings.Split(s, sep)
	} else {
		words = strings.Fields(s)
	}
	for i, w := range words {
		c, err := vm.strMethod(StrVal(w).str(), "capitalize", nil, nil)
		if err != nil {
			return Val{}, err
		}
		words[i] = c.str().s
	}
	return StrVal(strings.Join(words, sep)), nil
}

// updateWrapper is functools.update_wrapper: the wrapper takes the
// wrapped function's name, qualname, docstring, module and attributes,
// and __wrapped__ points back to it.
// wrapperAssignments is CPython 3.14's functools.WRAPPER_ASSIGNMENTS.
var wrapperAssignments = []string{"__module__", "__name__", "__qualname__", "__doc__", "__annotate__", "__type_params__"}

// wrapperArgs parses wraps(wrapped, assigned=..., updated=...) and
// update_wrapper(wrapper, wrapped, assigned=..., updated=...): the
// positional ones (n of them), then the names to assign and to update.
func wrapperArgs(fn string, args []Val, kwn []string, n int) (pos []Val, assigned, updated Val, err error) {
	p, kw := splitKw(args, kwn)
	pos = append([]Val(nil), p...) // args is the VM's argument stack: wraps' decorator keeps these
	assigned, updated = tupleOf(strVals(wrapperAssignments)), tupleOf([]Val{StrVal("__dict__")})
	names := []string{"wrapper", "wrapped"}[2-n:]
	for _, k := range kwn {
		v := kw[k]
		switch k {
		case "assigned":
			assigned = v
		case "updated":
			updated = v
		default:
			if !slices.Contains(names, k) {
				return nil, Val{}, Val{}, newErr(TypeError, "%s() got an unexpected keyword argument '%s'", fn, k)
			}
		}
	}
	// wrapper= and wrapped= fill the positions after the positional ones.
	for _, k := range names[min(len(pos), len(names)):] {
		if v, ok := kw[k]; ok {
			pos = append(pos, v)
		}
	}
	if len(pos) > n {
		pos, extra := pos[:n], pos[n:]
		if len(extra) >= 1 {
			assigned = extra[0]
		}
		if len(extra) >= 2 {
			updated = extra[1]
		}
		if len(extra) > 2 {
			return nil, Val{}, Val{}, newErr(TypeError, "%s() takes from %d to %d positional arguments but %d were given", fn, n, n+2, len(args)-len(kwn))
		}
		return pos, assigned, updated, nil
	}
	if len(pos) < n {
		missing := names[len(pos):]
		if len(missing) == 2 {
			return nil, Val{}, Val{}, newErr(TypeError, "%s() missing 2 required positional arguments: 'wrapper' and 'wrapped'", fn)
		}
		return nil, Val{}, Val{}, newErr(TypeError, "%s() missing 1 required positional argument: '%s'", fn, missing[0])
	}
	return pos, assigned, updated, nil
}

// updateWrapper is functools.update_wrapper: each attribute named in
// assigned that wrapped has is set on wrapper, each named in updated is
// updated from wrapped's, and __wrapped__ is set last. CPython 3.14 copies
// __annotate__, from which the wrapper's __annotations__ come when read
// (so a forward reference is no NameError here); a function whose
// __annotations__ were already read or assigned gives a copy of those.
func (vm *VM) updateWrapper(wrapper, wrapped, assigned, updated Val) (Val, error) {
	names, err := vm.strList(assigned)
	if err != nil {
		return Val{}, err
	}
	for _, n := range names {
		if n == "__annotate__" {
			fn, ok := wrapped.O.(*Function)
			if !ok {
				continue
			}
			if fn.ann != nil {
				n = "__annotations__"
			}
		}
		v, err := vm.getAttr(wrapped, n)
		if err != nil {
			if isAttrErr(err) {
				continue
			}
			return Val{}, err
		}
		if d, ok := v.O.(*Dict); ok && n == "__annotations__" {
			v = ObjVal(d.copy())
		}
		if err := vm.setAttr(wrapper, n, v); err != nil {
			return Val{}, err
		}
	}
	ups, err := vm.strList(updated)
	if err != nil {
		return Val{}, err
	}
	for _, n := range ups {
		src, err := vm.getAttr(wrapped, n)
		if err != nil {
			if isAttrErr(err) {
				continue
			}
			return Val{}, err
		}
		dst, err := vm.getAttr(wrapper, n)
		if err != nil {
			return Val{}, err
		}
		upd, err := vm.getAttr(dst, "update")
		if err != nil {
			return Val{}, err
		}
		if _, err := vm.call(upd, []Val{src}, nil); err != nil {
			return Val{}, err
		}
	}
	return wrapper, vm.setAttr(wrapper, "__wrapped__", wrapped)
}

func isAttrErr(err error) bool {
	pe, ok := err.(*PyErr)
	return ok && pe.exc.typ.isSub(AttributeError)
}

// strList is the strs an iterable of attribute names holds.
func (vm *VM) strList(v Val) ([]string, error) {
	var out []string
	err := vm.each(v, func(x Val) (bool, error) {
		s, ok := x.O.(*Str)
		if !ok || x.T != tagObject {
			return true, newErr(TypeError, "attribute name must be string, not '%s'", typeName(x))
		}
		out = append(out, s.s)
		return false, nil
	})
	return out, err
}
