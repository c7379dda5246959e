package interp

import (
	"math/big"
	"strings"
)

// enum: Enum, IntEnum, StrEnum, auto, unique. Members are instances of
// the enum class, made when its body has run (Enum's __init_subclass__),
// with name and value; the class iterates, measures, subscripts and calls
// (Color(1)) through its meta methods (Class.meta).

// metaDunder calls a special method of a class's metaclass on the class.
func (vm *VM) metaDunder(c *Class, name string, args []Val) (Val, bool, error) {
	m, ok := c.meta.lookup(name)
	if !ok {
		return Val{}, false, nil
	}
	r, err := vm.call(m, append([]Val{ObjVal(c)}, args...), nil)
	return r, true, err
}

// enumInfo is what an enum class keeps about its members.
type enumInfo struct {
	names   []string // canonical members in definition order
	members map[string]Val
	byValue []Val // value, member pairs (values may be unhashable)
	kind    string
	pseudo  map[int64]Val // flags: members made for combined values
}

func (*enumInfo) typeName() string { return "enum_info" }

func enumModule(vm *VM) *Module {
	m := newModule("enum")
	autoMethods := map[string]nativeFn{
		"__repr__": func(vm *VM, args []Val, kwn []string) (Val, error) { return StrVal("auto()"), nil },
	}
	var autoCls *Class
	addAutoOps(autoMethods, func() *Class { return autoCls })
	autoCls, _ = vm.nativeClass("auto", nil, autoMethods)
	m.attrs["auto"] = ObjVal(autoCls)
	info := func(c *Class) *enumInfo {
		for _, k := range c.mro {
			if v, ok := k.attrs["_enum_info_"]; ok {
				if e, ok := v.O.(*enumInfo); ok {
					return e
				}
			}
		}
		return nil
	}
	// A subclass of type (issubclass(EnumType, type)); nativeMeta keeps
	// Enum's class statements off the metaclass path (metaclass.go).
	meta, _ := vm.nativeClass("EnumType", []Val{vm.bi["type"]}, map[string]nativeFn{
		"__iter__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			e := info(args[0].O.(*Class))
			var out []Val
			if e != nil {
				for _, n := range e.names {
					out = append(out, e.members[n])
				}
			}
			return ObjVal(&seqIter{items: out}), nil
		},
		"__len__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			e := info(args[0].O.(*Class))
			if e == nil {
				return IntVal(0), nil
			}
			return IntVal(int64(len(e.names))), nil
		},
		"__getitem__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			e := info(args[0].O.(*Class))
			if e != nil && args[1].isStr() {
				if v, ok := e.members[args[1].str().s]; ok {
					return v, nil
				}
			}
			return Val{}, newErrVal(KeyError, args[1])
		},
		"__contains__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			c := args[0].O.(*Class)
			if inst, ok := args[1].O.(*Instance); ok && inst.cls.isSub(c) {
				return True, nil
			}
			// 3.12+: a value is in the enum when a member has it.
			if e := info(c); e != nil {
				for i := 0; i < len(e.byValue); i += 2 {
					if vm.equal(e.byValue[i], args[1]) {
						return True, nil
					}
				}
			}
			return False, nil
		},
		"__call__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			c := args[0].O.(*Class)
			if e := info(c); len(args) != 2 || len(kwn) > 0 || e == nil || len(e.byValue) == 0 {
				if r, ok, err := vm.enumFunctional(c, args[1:], kwn); ok {
					return r, err
				}
			}
			if len(args) != 2 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "%s() takes exactly one argument (%d given)", c.name, len(args)-1)
			}
			if inst, ok := args[1].O.(*Instance); ok && inst.cls == c {
				return args[1], nil
			}
			if e := info(c); e != nil {
				for i := 0; i < len(e.byValue); i += 2 {
					if vm.equal(e.byValue[i], args[1]) {
						return e.byValue[i+1], nil
					}
				}
			}
			if e := info(c); e != nil && isFlagKind(e.kind) && (args[1].T == tagInt || args[1].T == tagBool) {
				return vm.flagMember(c, e, args[1].I())
			}
			qual := c.name
			if c.qual != "" {
				qual = c.qual
			}
			notValid := newErr(ValueError, "%s is not a valid %s", vm.repr(args[1]), qual)
			if _, ok := c.lookup("_missing_"); ok {
				// _missing_ is a classmethod: asked through the class, it
				// answers a member, None (no member) or raises.
				// An error other than a ValueError gets the ValueError as its
				// __context__, as CPython's Enum.__new__ chains it.
				chain := func(err error) error {
					if pe, ok := err.(*PyErr); ok && !pe.exc.typ.isSub(ValueError) {
						pe.exc.context, pe.exc.ctx = notValid.exc, ctxFixed
					}
					return err
				}
				r, err := vm.callAttr(ObjVal(c), "_missing_", args[1:2], nil)
				if err != nil {
					return Val{}, chain(err)
				}
				if inst, ok := r.O.(*Instance); ok && r.T == tagObject && inst.cls.isSub(c) {
					return r, nil
				}
				if r.T != tagNone {
					return Val{}, chain(newErr(TypeError, "error in %s._missing_: returned %s instead of None or a valid member", c.name, vm.repr(r)))
				}
			}
			return Val{}, notValid
		},
		"__repr__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			c := args[0].O.(*Class)
			if e := info(c); e != nil && isFlagKind(e.kind) || c.name == "Flag" || c.name == "IntFlag" {
				return StrVal("<flag '" + c.name + "'>"), nil
			}
			return StrVal("<enum '" + c.name + "'>"), nil
		},
	})
	memberRepr := func(vm *VM, args []Val, kwn []string) (Val, error) {
		self := args[0]
		n, _ := vm.getAttr(self, "_name_")
		v, _ := vm.getAttr(self, "_value_")
		return StrVal("<" + self.O.(*Instance).cls.name + "." + vm.strOf(n) + ": " + vm.repr(v) + ">"), vm.takePending()
	}
	memberStr := func(vm *VM, args []Val, kwn []string) (Val, error) {
		self := args[0]
		n, _ := vm.getAttr(self, "_name_")
		return StrVal(self.O.(*Instance).cls.name + "." + vm.strOf(n)), nil
	}
	valueStr := func(vm *VM, args []Val, kwn []string) (Val, error) {
		v, _ := vm.getAttr(args[0], "_value_")
		return StrVal(vm.strOf(v)), vm.takePending()
	}
	// build takes the VM to build on: the importing one may be running on
	// another thread by the time a base class is first looked up.
	enumBases := &enumLazyBases{classes: map[string]*Class{}}
	build := func(vm *VM, kind string) *Class {
		methods := map[string]nativeFn{
			"__repr__": memberRepr,
			"__str__":  memberStr,
			"__hash__": func(vm *VM, args []Val, kwn []string) (Val, error) {
				n, _ := vm.getAttr(args[0], "_name_")
				return vm.call(vm.bi["hash"], []Val{n}, nil)
			},
			// (the class, (value,)): a copy or pickle is the member itself.
			"__reduce_ex__": func(vm *VM, args []Val, kwn []string) (Val, error) {
				v, err := vm.getAttr(args[0], "_value_")
				if err != nil {
					return Val{}, err
				}
				return tupleOf([]Val{vm.typeOf(args[0]), tupleOf([]Val{v})}), nil
			},
		}
		var cls *Class
		methods["__init_subclass__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
			c, ok := args[0].O.(*Class)
			if !ok {
				return NoneVal, nil
			}
			return NoneVal, vm.makeEnum(c, meta, autoCls, kind)
		}
		if kind != "Enum" && kind != "Flag" {
			// Members act as their values.
			valueOf := func(v Val) Val {
				if inst, ok := v.O.(*Instance); ok && inst.cls.isSub(cls) {
					r, _ := vm.getAttr(v, "_value_")
					return r
				}
				return v
			}
			for _, p := range []struct {
				n  string
				op Op
			}{{"__lt__", opLt}, {"__le__", opLe}, {"__gt__", opGt}, {"__ge__", opGe}} {
				op := p.op
				methods[p.n] = func(vm *VM, args []Val, kwn []string) (Val, error) {
					r, err := vm.compare(op, valueOf(args[0]), valueOf(args[1]))
					if unsupportedOperands(err) {
						// int's own method says NotImplemented: the
						// error then names the member's class.
						return vm.bi["NotImplemented"], nil
					}
					return BoolVal(r), err
				}
			}
			methods["__eq__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
				return BoolVal(vm.equal(valueOf(args[0]), valueOf(args[1]))), vm.takePending()
			}
			methods["__ne__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
				return BoolVal(!vm.equal(valueOf(args[0]), valueOf(args[1]))), vm.takePending()
			}
			methods["__hash__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
				return vm.call(vm.bi["hash"], []Val{valueOf(args[0])}, nil)
			}
			methods["__str__"] = valueStr
			methods["__format__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
				spec := ""
				if len(args) > 1 {
					spec = vm.strOf(args[1])
				}
				if spec == "" {
					// int's and str's __format__ with no spec give str(self),
					// so a member class's own __str__ shows.
					return StrVal(vm.strOf(args[0])), vm.takePending()
				}
				s, err := vm.format(valueOf(args[0]), spec)
				return StrVal(s), err
			}
			for n, op := range map[string]Op{"add": opAdd, "sub": opSub, "mul": opMul, "floordiv": opFloorDiv,
				"truediv": opTrueDiv, "mod": opMod, "pow": opPow, "and": opBitAnd, "or": opBitOr, "xor": opBitXor,
				"lshift": opLshift, "rshift": opRshift} {
				op := op
				methods["__"+n+"__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
					return notImplementedIfUnsupported(vm)(vm.binop(op, valueOf(args[0]), valueOf(args[1])))
				}
				methods["__r"+n+"__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
					r, err := vm.binop(op, valueOf(args[1]), valueOf(args[0]))
					if pe, ok := err.(*PyErr); ok && pe.exc.typ == TypeError && strings.HasPrefix(excStr(nil, pe.exc), "can only concatenate ") {
						// 'a' + Color.RED: the member's value does not add
						// to the left operand, whose own error is the one.
						return vm.bi["NotImplemented"], nil
					}
					return notImplementedIfUnsupported(vm)(r, err)
				}
			}
			for _, n := range []string{"__divmod__", "__rdivmod__"} {
				reflected := n == "__rdivmod__"
				methods[n] = func(vm *VM, args []Val, kwn []string) (Val, error) {
					a, b := valueOf(args[0]), valueOf(args[1])
					if reflected {
						a, b = b, a
					}
					return notImplementedIfUnsupported(vm)(vm.call(vm.bi["divmod"], []Val{a, b}, nil))
				}
			}
			if kind == "IntEnum" || kind == "IntFlag" {
				for _, n := range []string{"__int__", "__index__"} {
					methods[n] = func(vm *VM, args []Val, kwn []string) (Val, error) { return valueOf(args[0]), nil }
				}
				methods["__float__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
					f, err := toFloat(valueOf(args[0]))
					return FloatVal(f), err
				}
				methods["__neg__"] = func(vm *VM, args []Val, kwn []string) (Val, error) { return vm.unary(opNeg, valueOf(args[0])) }
			}
			if kind == "StrEnum" {
				methods["__len__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
					n, err := vm.length(valueOf(args[0]))
					return IntVal(int64(n)), err
				}
				methods["__getattr__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
					return vm.getAttr(valueOf(args[0]), vm.strOf(args[1]))
				}
			}
		}
		if isFlagKind(kind) {
			vm.addFlagMethods(kind, methods, info)
		}
		// IntEnum and IntFlag derive from int, StrEnum from str, as in
		// CPython: members keep their value as the built-in value.
		var bases []Val
		switch kind {
		case "IntEnum", "IntFlag":
			bases = []Val{vm.bi["int"]}
		case "StrEnum":
			bases = []Val{vm.bi["str"]}
		}
		if kind == "ReprEnum" {
			methods = map[string]nativeFn{}
		}
		bases = append(bases, enumBases.parents(kind)...)
		cls, _ = vm.nativeClass(kind, bases, methods)
		cls.meta = meta
		cls.module = "enum" // built lazily: nameNativeClasses does not see it
		enumBases.built(cls)
		return cls
	}
	// Each base class is built when first looked up: a program (or re,
	// for RegexFlag) mostly uses one or two of them, and each is a native
	// class of some sixty methods. Their enum bases (IntFlag's Flag and
	// Enum) join their MROs as those are built (enum_bases.go).
	for _, kind := range []string{"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum"} {
		m.setLazy(kind, func() Val {
			switch kind {
			case "ReprEnum":
				m.lookup("Enum") // built with Enum
				return ObjVal(enumBases.class(kind))
			case "Flag":
				m.lookup("Enum") // its base, built first
			}
			on, done := borrowVM(vm)
			defer done()
			c := build(on, kind)
			if kind == "Enum" {
				build(on, "ReprEnum") // no methods of its own: cheap
			}
			return ObjVal(c)
		})
	}
	meta.module, meta.nativeMeta = "enum", true
	m.attrs["EnumMeta"] = ObjVal(meta)
	m.attrs["EnumType"] = ObjVal(meta)
	// show_flag_values(n): the bits set in n, lowest first (an int, or
	// a flag's value).
	m.def("show_flag_values", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("show_flag_values", args, kwn, 1); err != nil {
			return Val{}, err
		}
		v := args[0]
		if inst, ok := v.O.(*Instance); ok && v.T == tagObject {
			v, _ = inst.get("_value_") // a member: its value
		}
		n, ok := toBig(v)
		if !ok {
			return Val{}, newErr(TypeError, "bad operand type for unary ~: '%s'", typeName(args[0]))
		}
		var bits []Val
		if n.Sign() >= 0 {
			for i := 0; i < n.BitLen(); i++ {
				if n.Bit(i) == 1 {
					bits = append(bits, normBig(new(big.Int).Lsh(big.NewInt(1), uint(i))))
				}
			}
		}
		return ObjVal(newList(bits)), nil
	})
	m.def("unique", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("unique", args, kwn, 1); err != nil {
			return Val{}, err
		}
		c, ok := args[0].O.(*Class)
		if !ok {
			return args[0], nil
		}
		e := info(c)
		if e == nil {
			return args[0], nil
		}
		var dups []string
		for _, n := range sortedAliasNames(c, e) {
			dups = append(dups, n)
		}
		if len(dups) > 0 {
			return Val{}, newErr(ValueError, "duplicate values found in <enum '%s'>: %s", c.name, strings.Join(dups, ", "))
		}
		return args[0], nil
	})
	return m
}

// sortedAliasNames lists "alias -> canonical" for every alias, in
// definition order.
func sortedAliasNames(c *Class, e *enumInfo) []string {
	canon := map[string]bool{}
	for _, n := range e.names {
		canon[n] = true
	}
	var out []string
	for _, n := range c.order {
		if v, ok := e.members[n]; ok && !canon[n] {
			cn := ""
			for _, m := range e.names {
				if e.members[m].O == v.O {
					cn = m
				}
			}
			out = append(out, n+" -> "+cn)
		}
	}
	return out
}

// makeEnum turns the plain class attributes of a new enum class into its
// members, in definition order; auto() values count on from the last int
// (StrEnum: the lowercased name); a repeated value makes an alias.
// enumSunders are the _sunder_ names an enum class body may define (3.13's
// list); the others are reserved, as are all names starting _repr_ but
// for pretty-printers.
var enumSunders = map[string]bool{"_order_": true, "_generate_next_value_": true, "_numeric_repr_": true,
	"_missing_": true, "_ignore_": true, "_iter_member_": true, "_iter_member_by_value_": true,
	"_iter_member_by_def_": true, "_add_alias_": true, "_add_value_alias_": true}

func isSunder(n string) bool {
	return len(n) > 2 && n[0] == '_' && n[len(n)-1] == '_' && n[1] != '_' && n[len(n)-2] != '_'
}

func (vm *VM) makeEnum(c *Class, meta, autoCls *Class, kind string) error {
	for _, n := range c.order {
		if isSunder(n) && !enumSunders[n] && !strings.HasPrefix(n, "_repr_") {
			return newErr(ValueError, "_sunder_ names, such as '%s', are reserved for future Enum use", n)
		}
	}
	// _ignore_ names (a list, or a str of names split at commas and
	// spaces) are neither members nor attributes.
	ignored := map[string]bool{}
	if iv, ok := c.attrs["_ignore_"]; ok {
		var names []Val
		if s, isStr := iv.O.(*Str); isStr {
			for _, f := range strings.Fields(strings.ReplaceAll(s.s, ",", " ")) {
				names = append(names, StrVal(f))
			}
		} else {
			var err error
			if names, err = vm.iterate(iv); err != nil {
				return err
			}
		}
		for _, nv := range names {
			n := vm.strOf(nv)
			ignored[n] = true
			if _, ok := c.attrs[n]; ok {
				if err := vm.objectDelAttr(ObjVal(c), n); err != nil {
					return err
				}
			}
		}
	}
	c.meta = meta
	e := &enumInfo{members: map[string]Val{}, kind: kind}
	mixin := enumMixin(vm, c, kind)
	var last Val
	autos := map[*Instance]Val{} // what each auto() became
	cv := ObjVal(c)
	private := "_" + c.name + "__"
	for _, n := range append([]string(nil), c.order...) {
		v, ok := c.attrs[n]
		// Not members: __dunder__, _sunder_ and private (_Cls__x) names;
		// _x is one.
		dunder := len(n) > 4 && strings.HasPrefix(n, "__") && strings.HasSuffix(n, "__") && n[2] != '_' && n[len(n)-3] != '_'
		isPrivate := len(n) > len(private) && strings.HasPrefix(n, private) && !strings.HasSuffix(n, "__")
		if !ok || dunder || isSunder(n) || isPrivate || ignored[n] || n == "__order__" {
			continue
		}
		switch v.O.(type) {
		case *Function, *StaticMethod, *ClassMethod, *Property, *Builtin:
			continue
		}
		if inst, ok := v.O.(*Instance); ok && inst.cls == autoCls && isAutoExpr(inst) {
			r, err := vm.resolveAuto(v, autos)
			if err != nil {
				return err
			}
			v = r
		} else if inst, ok := v.O.(*Instance); ok && inst.cls == autoCls {
			switch {
			case kind == "StrEnum":
				v = StrVal(strings.ToLower(n))
			case isFlagKind(kind):
				var vals []Val
				for i := 0; i < len(e.byValue); i += 2 {
					vals = append(vals, e.byValue[i])
				}
				v = flagAuto(vals)
			case last.T == tagEmpty:
				v = IntVal(1)
			default:
				r, err := vm.binop(opAdd, last, IntVal(1))
				if err != nil {
					return err
				}
				v = r
			}
			autos[inst] = v
		}
		if (kind == "IntEnum" || isFlagKind(kind)) && !isIntLike(v) {
			r, err := biInt(vm, []Val{v}, nil)
			if err != nil {
				return err
			}
			v = r
		}
		if mixin != "" {
			// A data type mixed in: the member is a value of that type.
			args := []Val{v}
			if t, ok := v.O.(*Tuple); ok {
				args = t.items
			}
			r, err := vm.call(vm.bi[mixin], args, nil)
			if err != nil {
				return err
			}
			v = r
		}
		if kind == "StrEnum" && !v.isStr() {
			return newErr(TypeError, "%s is not a string", vm.repr(v))
		}
		last = v
		var member Val
		for i := 0; i < len(e.byValue); i += 2 {
			if vm.equal(e.byValue[i], v) {
				member = e.byValue[i+1]
			}
		}
		if member.T == tagEmpty {
			member = vm.newInstancePlain(c)
			if kind == "IntEnum" || kind == "IntFlag" || kind == "StrEnum" || mixin != "" {
				member.O.(*Instance).set(builtinValueAttr, v)
			}
			vm.objectSetAttr(member, "_name_", StrVal(n))
			vm.objectSetAttr(member, "_value_", v)
			vm.objectSetAttr(member, "name", StrVal(n))
			vm.objectSetAttr(member, "value", v)
			if !isFlagKind(kind) || v.T == tagInt && v.I() > 0 && v.I()&(v.I()-1) == 0 {
				// A flag's canonical members are its single bits.
				e.names = append(e.names, n)
			}
			e.byValue = append(e.byValue, v, member)
			if init, ok := c.lookup("__init__"); ok {
				if _, isFn := init.O.(*Function); isFn {
					args := []Val{member, v}
					if t, ok := v.O.(*Tuple); ok {
						args = append([]Val{member}, t.items...)
					}
					if _, err := vm.call(init, args, nil); err != nil {
						return err
					}
				}
			}
		}
		e.members[n] = member
		if err := vm.objectSetAttr(cv, n, member); err != nil {
			return err
		}
	}
	if mixin != "" {
		vm.enumMixinMethods(c, kind)
	}
	vm.objectSetAttr(cv, "_enum_info_", ObjVal(e))
	ms := newDict()
	for _, n := range c.order {
		if v, ok := e.members[n]; ok {
			ms.set(StrVal(n), v)
		}
	}
	vm.objectSetAttr(cv, "__members__", ObjVal(ms))
	vm.enumPrivateMaps(cv, e, ms, kind, mixin)
	return nil
}

// enumPrivateMaps sets the tables CPython's EnumType keeps on an enum
// class, which code reaches for despite their underscores: _member_map_
// (name to member, aliases too), _member_names_ (the canonical names),
// _value2member_map_ and _member_type_.
func (vm *VM) enumPrivateMaps(cv Val, e *enumInfo, ms *Dict, kind, mixin string) {
	names := make([]Val, len(e.names))
	for i, n := range e.names {
		names[i] = StrVal(n)
	}
	byValue := newDict()
	for i := 0; i+1 < len(e.byValue); i += 2 {
		byValue.set(e.byValue[i], e.byValue[i+1]) // an unhashable value is left out, as CPython does
	}
	mt := vm.bi["object"]
	switch {
	case mixin != "":
		mt = vm.bi[mixin]
	case kind == "IntEnum" || kind == "IntFlag":
		mt = vm.bi["int"]
	case kind == "StrEnum":
		mt = vm.bi["str"]
	}
	vm.objectSetAttr(cv, "_member_map_", ObjVal(ms))
	vm.objectSetAttr(cv, "_member_names_", ObjVal(newList(names)))
	vm.objectSetAttr(cv, "_value2member_map_", ObjVal(byValue))
	vm.objectSetAttr(cv, "_member_type_", mt)
}

// unsupportedOperands says whether err is the TypeError an operator
// raises when neither operand's type supports it: what a member acting as
// its value turns into NotImplemented, so that the final error names the
// member's class ('Color' and 'str'), as CPython's int methods do.
func unsupportedOperands(err error) bool {
	if err == nil {
		return false
	}
	pe := toPyErr(err)
	if pe == nil || pe.exc.typ != TypeError || len(pe.exc.args) != 1 {
		return false
	}
	msg, ok := pe.exc.args[0].O.(*Str)
	return ok && (strings.HasPrefix(msg.s, "unsupported operand type(s) for ") ||
		strings.Contains(msg.s, "' not supported between instances of '"))
}

// notImplementedIfUnsupported passes a binary method's result on, or
// NotImplemented for unsupportedOperands.
func notImplementedIfUnsupported(vm *VM) func(Val, error) (Val, error) {
	return func(v Val, err error) (Val, error) {
		if unsupportedOperands(err) {
			return vm.bi["NotImplemented"], nil
		}
		return v, err
	}
}
