package interp

import "strings"

// The functional API of enum: Enum('Color', 'RED GREEN'), with the
// members' names as a string, a sequence of names, of (name, value) pairs
// or a mapping, and the keywords module=, qualname=, type= (a data type
// mixed in: Enum('N', 'A B', type=int)), start= (the first automatic
// value) and boundary= (accepted, as minipy's flags keep no boundary).

// enumFunctional is cls(value, names, *, module, qualname, type, start,
// boundary) for an enum class without members: a new enum class. ok is
// false for a call that looks a member up (no names).
func (vm *VM) enumFunctional(c *Class, args []Val, kwn []string) (Val, bool, error) {
	pos, kw := splitKw(args, kwn)
	if len(pos) > 2 {
		return Val{}, true, newErr(TypeError, "%s() takes from 2 to 3 positional arguments but %d were given", "EnumType.__call__", len(pos)+1)
	}
	get := func(name string, i int) (Val, bool) {
		if v, ok := kw[name]; ok {
			return v, true
		}
		if i < len(pos) {
			return pos[i], true
		}
		return Val{}, false
	}
	for k := range kw {
		switch k {
		case "value", "names", "module", "qualname", "type", "start", "boundary":
		default:
			return Val{}, true, newErr(TypeError, "EnumType.__call__() got an unexpected keyword argument '%s'", k)
		}
	}
	names, ok := get("names", 1)
	if !ok || names.T == tagNone {
		return Val{}, false, nil
	}
	name, ok := get("value", 0)
	if !ok {
		return Val{}, true, newErr(TypeError, "EnumType.__call__() missing 1 required positional argument: 'value'")
	}
	if !name.isStr() {
		return Val{}, true, newErr(TypeError, "type.__new__() argument 1 must be str, not %s", typeName(name))
	}
	start := IntVal(1)
	if v, ok := kw["start"]; ok {
		start = v
	}
	e := enumInfoOf(c)
	kind := "Enum"
	if e != nil {
		kind = e.kind
	} else if k := enumKindOf(c); k != "" {
		kind = k
	}
	pairs, err := vm.enumFunctionalPairs(names, kind, start)
	if err != nil {
		return Val{}, true, err
	}
	ns := newDict()
	module := StrVal("__main__")
	if v, ok := kw["module"]; ok && v.T != tagNone {
		module = v
	}
	ns.set(StrVal("__module__"), module)
	if v, ok := kw["qualname"]; ok && v.T != tagNone {
		ns.set(StrVal("__qualname__"), v)
	}
	for i := 0; i < len(pairs); i += 2 {
		ns.set(pairs[i], pairs[i+1])
	}
	bases := []Val{ObjVal(c)}
	if t, ok := kw["type"]; ok && t.T != tagNone {
		bases = []Val{t, ObjVal(c)}
	}
	r, err := vm.call(vm.bi["type"], []Val{name, tupleOf(bases), ObjVal(ns)}, nil)
	return r, true, err
}

// enumFunctionalPairs is the (name, value) pairs the names argument
// gives, automatic values counting from start as the class statement's
// auto() would.
func (vm *VM) enumFunctionalPairs(names Val, kind string, start Val) ([]Val, error) {
	var out []Val
	var autoNames []string
	switch {
	case names.isStr():
		autoNames = strings.Fields(strings.ReplaceAll(names.str().s, ",", " "))
	default:
		if d, ok := names.O.(*Dict); ok {
			for _, k := range d.keys() {
				v, _, _ := d.get(k)
				out = append(out, k, v)
			}
			return out, nil
		}
		items, err := vm.iterate(names)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if it.isStr() {
				autoNames = append(autoNames, it.str().s)
				continue
			}
			pair, err := vm.iterate(it)
			if err != nil {
				return nil, err
			}
			if len(pair) != 2 {
				return nil, newErr(ValueError, "too many values to unpack (expected 2, got %d)", len(pair))
			}
			out = append(out, pair[0], pair[1])
		}
	}
	var last []Val
	for _, n := range autoNames {
		var v Val
		switch {
		case kind == "StrEnum":
			v = StrVal(strings.ToLower(n))
		case len(last) == 0:
			v = start
		case isFlagKind(kind):
			v = flagAuto(last)
		default:
			r, err := vm.binop(opAdd, last[len(last)-1], IntVal(1))
			if err != nil {
				return nil, err
			}
			v = r
		}
		last = append(last, v)
		out = append(out, StrVal(n), v)
	}
	return out, nil
}

// enumInfoOf is what the enum class c (or the enum it derives from)
// keeps about its members, or nil.
func enumInfoOf(c *Class) *enumInfo {
	for _, k := range c.mro {
		if v, ok := k.attrs["_enum_info_"]; ok {
			if e, ok := v.O.(*enumInfo); ok {
				return e
			}
		}
	}
	return nil
}

// enumKindOf is the name of the enum module's base class c derives from
// (Enum, IntEnum, StrEnum, Flag, IntFlag), or "".
func enumKindOf(c *Class) string {
	for _, k := range c.mro {
		m, _ := k.attrs["__module__"].O.(*Str)
		if k.module == "enum" || m != nil && m.s == "enum" {
			switch k.name {
			case "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag":
				return k.name
			}
		}
	}
	return ""
}

// enumMixin is the built-in data type (int, str, float ...) an Enum or
// Flag class mixes in (class N(int, Enum), Enum('N', 'A', type=int)), or "".
func enumMixin(vm *VM, c *Class, kind string) string {
	if kind != "Enum" && kind != "Flag" {
		return "" // IntEnum, IntFlag and StrEnum have theirs built in
	}
	for _, k := range c.mro {
		if vm.isBuiltinBase(k) {
			return k.name
		}
	}
	return ""
}

// enumMixinMethods gives a class with a data type mixed in the enum's
// repr, str and format where it has none of its own, as EnumType does:
// the data type's would show the bare value.
func (vm *VM) enumMixinMethods(c *Class, kind string) {
	var base *Class
	for _, k := range c.mro {
		if k.name == kind && enumKindOf(k) == kind {
			base = k
			break
		}
	}
	if base == nil {
		return
	}
	for _, n := range []string{"__repr__", "__str__"} {
		if _, own := c.attrs[n]; !own {
			if f, ok := base.attrs[n]; ok {
				vm.objectSetAttr(ObjVal(c), n, f)
			}
		}
	}
	if _, own := c.attrs["__format__"]; !own {
		vm.objectSetAttr(ObjVal(c), "__format__", ObjVal(&Builtin{name: "__format__", method: true,
			fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
				if len(args) == 0 {
					return Val{}, newErr(TypeError, "__format__ expects an argument")
				}
				return StrVal(vm.strOf(args[0])), vm.takePending()
			}}))
	}
}
