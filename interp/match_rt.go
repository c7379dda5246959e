package interp

// The structural tests of match statements (match.go rewrites patterns
// into calls of these). Each returns the subject's parts the sub-patterns
// match against, as a list, or None when the subject does not match.

// selfMatching are the built-in types whose class pattern with one
// positional sub-pattern matches the subject itself (int(x), str(s)).
var selfMatching = map[string]bool{"bool": true, "bytearray": true, "bytes": true, "dict": true,
	"float": true, "frozenset": true, "int": true, "list": true, "set": true, "str": true, "tuple": true}

func (vm *VM) matchBuiltins(b map[string]Val) {
	b[".match_seq"] = ObjVal(&Builtin{name: "match_seq", fn: func(vm *VM, a []Val, kwn []string) (Val, error) {
		return vm.matchSeq(a[0], int(a[1].I()), int(a[2].I()))
	}})
	b[".match_map"] = ObjVal(&Builtin{name: "match_map", fn: func(vm *VM, a []Val, kwn []string) (Val, error) {
		return vm.matchMap(a[0], a[1].O.(*Tuple).items, truthy(a[2]))
	}})
	b[".match_class"] = ObjVal(&Builtin{name: "match_class", fn: func(vm *VM, a []Val, kwn []string) (Val, error) {
		return vm.matchClass(a[0], a[1], int(a[2].I()), a[3].O.(*Tuple).items)
	}})
}

// hasABC reports whether v is an instance of a class deriving from one of
// collections.abc's classes named.
func hasABC(v Val, names ...string) bool {
	inst, ok := v.O.(*Instance)
	if !ok || v.T != tagObject {
		return false
	}
	for _, k := range inst.cls.mro {
		for _, n := range names {
			if k.name == n {
				return true
			}
		}
	}
	return false
}

// isMatchSequence is CPython's Py_TPFLAGS_SEQUENCE: list, tuple, range,
// deque, array, memoryview and collections.abc.Sequence's subclasses; not
// str, bytes or bytearray.
func (vm *VM) isMatchSequence(v Val) bool {
	if v.T != tagObject {
		return false
	}
	switch typeName(v) {
	case "list", "tuple", "range", "collections.deque", "deque", "array.array", "memoryview":
		return true
	}
	for _, t := range []string{"list", "tuple"} {
		if r, err := vm.isinstance(v, vm.bi[t]); err == nil && truthy(r) {
			return true
		}
	}
	return hasABC(v, "Sequence", "MutableSequence")
}

func (vm *VM) isMatchMapping(v Val) bool {
	if v.T != tagObject {
		return false
	}
	if _, ok := v.O.(*Dict); ok {
		return true
	}
	if r, err := vm.isinstance(v, vm.bi["dict"]); err == nil && truthy(r) {
		return true
	}
	return hasABC(v, "Mapping", "MutableMapping")
}

// matchSeq matches a sequence of n items besides the starred one at
// index star (-1: none); the starred part comes back as one list.
func (vm *VM) matchSeq(v Val, n, star int) (Val, error) {
	if !vm.isMatchSequence(v) {
		return NoneVal, nil
	}
	size, err := vm.length(v)
	if err != nil {
		return Val{}, err
	}
	if star < 0 && size != n || star >= 0 && size < n {
		return NoneVal, nil
	}
	items, err := vm.iterate(v)
	if err != nil {
		return Val{}, err
	}
	if star < 0 {
		return ObjVal(newList(append([]Val(nil), items...))), nil
	}
	after := n - star
	out := make([]Val, 0, n+1)
	out = append(out, items[:star]...)
	out = append(out, ObjVal(newList(append([]Val(nil), items[star:len(items)-after]...))))
	out = append(out, items[len(items)-after:]...)
	return ObjVal(newList(out)), nil
}

// matchMap looks the keys up with get, as CPython does; with rest, the
// last item is a dict of the other items.
func (vm *VM) matchMap(v Val, keys []Val, rest bool) (Val, error) {
	if !vm.isMatchMapping(v) {
		return NoneVal, nil
	}
	if len(keys) > 0 {
		size, err := vm.length(v)
		if err != nil {
			return Val{}, err
		}
		if size < len(keys) {
			return NoneVal, nil
		}
	}
	missing := ObjVal(&Instance{cls: objectClass})
	out := make([]Val, 0, len(keys)+1)
	for i, k := range keys {
		for _, prev := range keys[:i] {
			if vm.eqItem(prev, k) {
				return Val{}, newErr(ValueError, "mapping pattern checks duplicate key (%s)", vm.repr(k))
			}
		}
		var got Val
		var err error
		if d, ok := v.O.(*Dict); ok {
			var found bool
			got, found, err = d.get(k)
			if !found {
				got = missing
			}
		} else {
			var get Val
			if get, err = vm.getAttr(v, "get"); err == nil {
				got, err = vm.call(get, []Val{k, missing}, nil)
			}
		}
		if err != nil {
			return Val{}, err
		}
		if got.T == tagObject && got.O == missing.O {
			return NoneVal, nil
		}
		out = append(out, got)
	}
	if rest {
		var d *Dict
		if sd, ok := v.O.(*Dict); ok {
			d = sd.copy()
			d.factory, d.counter, d.ordered = Val{}, false, false
		} else {
			// Another mapping: its keys, and an item for each.
			d = newDict()
			ks, err := vm.iterate(v)
			if err != nil {
				return Val{}, err
			}
			for _, k := range ks {
				it, err := vm.getItem(v, k)
				if err != nil {
					return Val{}, err
				}
				if err := d.set(k, it); err != nil {
					return Val{}, err
				}
			}
		}
		for _, k := range keys {
			if _, _, err := d.del(k); err != nil {
				return Val{}, err
			}
		}
		out = append(out, ObjVal(d))
	}
	return ObjVal(newList(out)), nil
}

// typeValName is a class's name for messages, or "" when v is no class.
func typeValName(v Val) string {
	switch t := v.O.(type) {
	case *typeObj:
		return t.name
	case *Class:
		return t.name
	case *ExcType:
		return t.name
	}
	return ""
}

// matchClass matches cls(positional..., kw=...): isinstance, then the
// attributes __match_args__ names for the positional sub-patterns and the
// keywords' for the rest.
func (vm *VM) matchClass(v, cls Val, npos int, kws []Val) (Val, error) {
	name := typeValName(cls)
	if name == "" || cls.T != tagObject {
		return Val{}, newErr(TypeError, "called match pattern must be a class")
	}
	r, err := vm.isinstance(v, cls)
	if err != nil {
		return Val{}, err
	}
	if !truthy(r) {
		return NoneVal, nil
	}
	out := make([]Val, 0, npos+len(kws))
	var seen []string
	attr := func(n string) (bool, error) {
		for _, s := range seen {
			if s == n {
				return false, newErr(TypeError, "%s() got multiple sub-patterns for attribute '%s'", name, n)
			}
		}
		seen = append(seen, n)
		a, err := vm.getAttr(v, n)
		if err != nil {
			if pe, ok := err.(*PyErr); ok && pe.exc.typ.isSub(AttributeError) {
				return false, nil
			}
			return false, err
		}
		out = append(out, a)
		return true, nil
	}
	if npos > 0 {
		var margs []Val
		matchSelf := false
		ma, err := vm.getAttr(cls, "__match_args__")
		if err != nil {
			if pe, ok := err.(*PyErr); !ok || !pe.exc.typ.isSub(AttributeError) {
				return Val{}, err
			}
			matchSelf = isSelfMatching(cls)
		} else {
			t, ok := ma.O.(*Tuple)
			if !ok || ma.T != tagObject {
				return Val{}, newErr(TypeError, "%s.__match_args__ must be a tuple (got %s)", name, typeName(ma))
			}
			margs = t.items
		}
		allowed := len(margs)
		if matchSelf {
			allowed = 1
		}
		if npos > allowed {
			s := "s"
			if allowed == 1 {
				s = ""
			}
			return Val{}, newErr(TypeError, "%s() accepts %d positional sub-pattern%s (%d given)", name, allowed, s, npos)
		}
		if matchSelf {
			out = append(out, v)
		} else {
			for _, m := range margs[:npos] {
				if !m.isStr() {
					return Val{}, newErr(TypeError, "__match_args__ elements must be strings (got %s)", typeName(m))
				}
				ok, err := attr(vm.strOf(m))
				if !ok || err != nil {
					return NoneVal, err
				}
			}
		}
	}
	for _, k := range kws {
		ok, err := attr(vm.strOf(k))
		if !ok || err != nil {
			return NoneVal, err
		}
	}
	return ObjVal(newList(out)), nil
}

// isSelfMatching reports whether cls is one of selfMatching's types or
// derives from one.
func isSelfMatching(cls Val) bool {
	switch t := cls.O.(type) {
	case *typeObj:
		return selfMatching[t.name]
	case *Class:
		for _, k := range t.mro {
			if k.builtin && selfMatching[k.name] {
				return true
			}
		}
	}
	return false
}
