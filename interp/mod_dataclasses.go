package interp

import "strings"

// dataclasses: @dataclass (init, repr, eq, order, frozen, unsafe_hash,
// kw_only), field(), fields(), asdict(), astuple(), replace(),
// is_dataclass(), FrozenInstanceError, MISSING. Fields come from the
// class's annotations in order (ClassVar ones excluded), after those of
// dataclass bases.

// dcField is one field of a dataclass; its Python face is a Field
// instance holding the same.
type dcField struct {
	name, typ           string
	typVal              Val // the annotation's value (FORWARDREF), or empty: typ as a str
	def, factory        Val // default and default_factory; empty when missing
	init, repr, compare bool
	hash                Val // None, or a bool
	kwOnly              bool
	// initVar: an InitVar pseudo-field, an __init__ parameter passed on
	// to __post_init__, not stored and not in fields().
	initVar  bool
	obj      Val // the Field instance
	metadata Val // field(metadata=) as a mappingproxy, or empty
}

func dataclassesModule(vm *VM) *Module {
	m := newModule("dataclasses")
	missing := ObjVal(&Builtin{name: "MISSING", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		return Val{}, newErr(TypeError, "'_MISSING_TYPE' object is not callable")
	}})
	m.attrs["MISSING"] = missing
	frozenErr := &ExcType{name: "FrozenInstanceError", module: "dataclasses", base: AttributeError}
	m.attrs["FrozenInstanceError"] = ObjVal(frozenErr)
	fieldCls, _ := vm.nativeClass("Field", nil, map[string]nativeFn{
		"__repr__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			name, _ := vm.getAttr(args[0], "name")
			return StrVal("Field(name=" + vm.repr(name) + ")"), nil
		},
	})
	m.attrs["Field"] = ObjVal(fieldCls)
	// Markers read from annotations' text: `_: KW_ONLY` makes the fields
	// after it keyword-only, `x: InitVar[int]` an init-only parameter.
	kwOnly, _ := vm.nativeClass("KW_ONLY", nil, nil)
	m.attrs["KW_ONLY"] = ObjVal(kwOnly)
	// InitVar[T] is evaluated now that class annotations are (PEP 649):
	// an InitVar instance holding T as .type, as CPython's.
	var initVar *Class
	initVar, _ = vm.nativeClass("InitVar", nil, map[string]nativeFn{
		"__class_getitem__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 {
				return Val{}, newErr(TypeError, "InitVar[...] takes one type")
			}
			o := vm.newInstancePlain(initVar)
			vm.objectSetAttr(o, "type", args[0])
			return o, nil
		},
		"__repr__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			t, err := vm.getAttr(args[0], "type")
			if err != nil {
				return Val{}, err
			}
			s := vm.repr(t)
			if isTypeVal(t) {
				if n, err := vm.getAttr(t, "__name__"); err == nil && n.isStr() {
					s = n.str().s
				}
			}
			return StrVal("dataclasses.InitVar[" + s + "]"), nil
		},
	})
	m.attrs["InitVar"] = ObjVal(initVar)
	m.def("field", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if len(pos) > 0 {
			return Val{}, newErr(TypeError, "field() takes 0 positional arguments but %d were given", len(pos))
		}
		f := vm.newInstancePlain(fieldCls)
		set := func(n string, v Val) { vm.objectSetAttr(f, n, v) }
		set("name", NoneVal)
		set("type", NoneVal)
		set("default", missing)
		set("default_factory", missing)
		set("init", True)
		set("repr", True)
		set("hash", NoneVal)
		set("compare", True)
		set("kw_only", missing)
		set("metadata", vm.fieldMetadata(NoneVal))
		for k, v := range kw {
			switch k {
			case "metadata":
				set(k, vm.fieldMetadata(v))
			case "default", "default_factory", "init", "repr", "hash", "compare", "kw_only":
				set(k, v)
			default:
				return Val{}, newErr(TypeError, "field() got an unexpected keyword argument '%s'", k)
			}
		}
		if _, hasD := kw["default"]; hasD {
			if _, hasF := kw["default_factory"]; hasF {
				return Val{}, newErr(ValueError, "cannot specify both default and default_factory")
			}
		}
		return f, nil
	})
	m.def("dataclass", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		opts := map[string]bool{"init": true, "repr": true, "eq": true, "match_args": true}
		for k, v := range kw {
			switch k {
			case "init", "repr", "eq", "order", "unsafe_hash", "frozen", "kw_only", "match_args", "slots", "weakref_slot":
				opts[k] = truthy(v)
			default:
				return Val{}, newErr(TypeError, "dataclass() got an unexpected keyword argument '%s'", k)
			}
		}
		apply := func(vm *VM, c Val) (Val, error) {
			cls, ok := c.O.(*Class)
			if !ok {
				return Val{}, newErr(TypeError, "dataclass() should be called on a class")
			}
			return c, vm.makeDataclass(cls, opts, fieldCls, missing, frozenErr)
		}
		if len(pos) == 1 {
			return apply(vm, pos[0])
		}
		if len(pos) > 1 {
			return Val{}, newErr(TypeError, "dataclass() takes 1 positional argument but %d were given", len(pos))
		}
		return builtinFn("wrap", func(vm *VM, a []Val, k []string) (Val, error) {
			if len(a) != 1 {
				return Val{}, newErr(TypeError, "wrap() takes 1 positional argument but %d were given", len(a))
			}
			return apply(vm, a[0])
		}), nil
	})
	fieldsOf := func(vm *VM, v Val) ([]Val, error) {
		var cls *Class
		switch x := v.O.(type) {
		case *Class:
			cls = x
		case *Instance:
			cls = x.cls
		}
		if cls != nil {
			if fd, ok := cls.lookup("__dataclass_fields__"); ok {
				if d, ok := fd.O.(*Dict); ok {
					var out []Val
					for _, e := range d.live() {
						out = append(out, e.v)
					}
					return out, nil
				}
			}
		}
		return nil, newErr(TypeError, "must be called with a dataclass type or instance")
	}
	m.def("fields", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("fields", args, kwn, 1); err != nil {
			return Val{}, err
		}
		fs, err := fieldsOf(vm, args[0])
		return tupleOf(fs), err
	})
	m.def("is_dataclass", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("is_dataclass", args, kwn, 1); err != nil {
			return Val{}, err
		}
		_, err := fieldsOf(vm, args[0])
		return BoolVal(err == nil), nil
	})
	var convert func(vm *VM, v Val, dict bool) (Val, error)
	convert = func(vm *VM, v Val, dict bool) (Val, error) {
		if inst, ok := v.O.(*Instance); ok {
			if fs, err := fieldsOf(vm, v); err == nil {
				if _, isNT := vm.namedtupleItems(v); !isNT {
					d := newDict()
					var items []Val
					for _, f := range fs {
						n, _ := vm.getAttr(f, "name")
						fv, err := vm.getAttr(v, n.str().s)
						if err != nil {
							return Val{}, err
						}
						c, err := convert(vm, fv, dict)
						if err != nil {
							return Val{}, err
						}
						d.set(n, c)
						items = append(items, c)
					}
					_ = inst
					if dict {
						return ObjVal(d), nil
					}
					return tupleOf(items), nil
				}
			}
		}
		switch x := v.O.(type) {
		case *List:
			var out []Val
			for _, it := range x.items() {
				c, err := convert(vm, it, dict)
				if err != nil {
					return Val{}, err
				}
				out = append(out, c)
			}
			return ObjVal(newList(out)), nil
		case *Tuple:
			var out []Val
			for _, it := range x.items {
				c, err := convert(vm, it, dict)
				if err != nil {
					return Val{}, err
				}
				out = append(out, c)
			}
			return tupleOf(out), nil
		case *Dict:
			d := newDict()
			for _, e := range x.live() {
				k, err := convert(vm, e.k, dict)
				if err != nil {
					return Val{}, err
				}
				c, err := convert(vm, e.v, dict)
				if err != nil {
					return Val{}, err
				}
				d.set(k, c)
			}
			return ObjVal(d), nil
		}
		return vm.deepCopy(v, newCopyMemo())
	}
	conv := func(name string, dict bool) nativeFn {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs(name, args, kwn, 1); err != nil {
				return Val{}, err
			}
			if _, ok := args[0].O.(*Instance); !ok {
				return Val{}, newErr(TypeError, "%s() should be called on dataclass instances", name)
			}
			if _, err := fieldsOf(vm, args[0]); err != nil {
				return Val{}, newErr(TypeError, "%s() should be called on dataclass instances", name)
			}
			return convert(vm, args[0], dict)
		}
	}
	m.def("make_dataclass", makeDataclassFn(m))
	m.def("asdict", conv("asdict", true))
	m.def("astuple", conv("astuple", false))
	m.def("replace", func(vm *VM, args []Val, kwn []string) (Val, error) {
		pos, kw := splitKw(args, kwn)
		if len(pos) != 1 {
			return Val{}, newErr(TypeError, "replace() takes 1 positional argument but %d were given", len(pos))
		}
		fs, err := fieldsOf(vm, pos[0])
		if err != nil {
			return Val{}, newErr(TypeError, "replace() should be called on dataclass instances")
		}
		var names []string
		var vals []Val
		for _, f := range fs {
			n, _ := vm.getAttr(f, "name")
			init, _ := vm.getAttr(f, "init")
			if !truthy(init) {
				if _, ok := kw[n.str().s]; ok {
					return Val{}, newErr(ValueError, "field %s is declared with init=False, it cannot be specified with replace()", n.str().s)
				}
				continue
			}
			v, ok := kw[n.str().s]
			if !ok {
				if v, err = vm.getAttr(pos[0], n.str().s); err != nil {
					return Val{}, err
				}
			}
			delete(kw, n.str().s)
			names = append(names, n.str().s)
			vals = append(vals, v)
		}
		for k, v := range kw {
			names = append(names, k)
			vals = append(vals, v)
		}
		return vm.call(ObjVal(pos[0].O.(*Instance).cls), vals, names)
	})
	return m
}

// newInstancePlain is an instance of cls without running __init__.
func (vm *VM) newInstancePlain(cls *Class) Val {
	return ObjVal(newInstanceOf(cls, 0))
}

// makeDataclass turns cls into a dataclass: its fields, and the methods
// the options ask for that the class does not define itself.
func (vm *VM) makeDataclass(cls *Class, opts map[string]bool, fieldCls *Class, missing Val, frozenErr *ExcType) error {
	cv := ObjVal(cls)
	var fields []*dcField
	byName := map[string]int{}
	// Fields of dataclass bases first, most basic first.
	for i := len(cls.mro) - 1; i >= 1; i-- {
		b := cls.mro[i]
		fd, ok := b.attrs["__dataclass_fields__"]
		if !ok {
			continue
		}
		for _, e := range fd.O.(*Dict).live() {
			f := vm.fieldFromObj(e.v, missing)
			if j, ok := byName[f.name]; ok {
				fields[j] = f
			} else {
				byName[f.name] = len(fields)
				fields = append(fields, f)
			}
		}
	}
	kwOnlyAll := opts["kw_only"]
	if ad := vm.classAnnTexts(cls); ad != nil {
		vals, err := vm.classAnnForward(cls)
		if err != nil {
			return err
		}
		{
			for _, e := range ad.live() {
				name := e.k.str().s
				typ := vm.strOf(e.v)
				if vals == nil && !e.v.isStr() {
					// A class's own __annotations__ of values (type(),
					// make_dataclass): the value is the field's type,
					// and its markers are read from what it is.
					typ = annValueText(e.v)
				}
				if strings.HasPrefix(typ, "ClassVar") || strings.HasPrefix(typ, "typing.ClassVar") {
					continue
				}
				if typ == "KW_ONLY" || typ == "dataclasses.KW_ONLY" {
					kwOnlyAll = true
					continue
				}
				f := &dcField{name: name, typ: typ, init: true, repr: true, compare: true, hash: NoneVal, kwOnly: kwOnlyAll}
				if vals != nil {
					f.typVal, _, _ = vals.get(e.k)
				} else if !e.v.isStr() {
					f.typVal = e.v
				}
				if strings.HasPrefix(typ, "InitVar") || strings.HasPrefix(typ, "dataclasses.InitVar") {
					f.initVar, f.repr, f.compare = true, false, false
				}
				if v, ok := cls.attrs[name]; ok {
					if inst, ok := v.O.(*Instance); ok && inst.cls == fieldCls {
						g := vm.fieldFromObj(v, missing)
						g.name, g.typ, g.typVal = name, typ, f.typVal
						if f.initVar {
							g.initVar, g.repr, g.compare = true, false, false
						}
						if g.kwOnly == false && kwOnlyAll {
							g.kwOnly = true
						}
						if kv, _ := vm.getAttr(v, "kw_only"); kv == missing {
							g.kwOnly = kwOnlyAll
						}
						f = g
						// The class attribute is the default, or goes.
						if f.def.T != tagEmpty {
							vm.setAttr(cv, name, f.def)
						} else {
							delete(cls.attrs, name)
						}
					} else {
						f.def = v
					}
				}
				if isMutableDefault(f.def) {
					return newErr(ValueError, "mutable default %s for field %s is not allowed: use default_factory", vm.typeRepr(f.def), name)
				}
				if j, ok := byName[name]; ok {
					fields[j] = f
				} else {
					byName[name] = len(fields)
					fields = append(fields, f)
				}
			}
		}
	}
	// A field without a default may not follow one with a default.
	seenDefault := ""
	for _, f := range fields {
		if !f.init || f.kwOnly {
			continue
		}
		if f.def.T != tagEmpty || f.factory.T != tagEmpty {
			seenDefault = f.name
		} else if seenDefault != "" {
			return newErr(TypeError, "non-default argument '%s' follows default argument '%s'", f.name, seenDefault)
		}
	}
	fd := newDict()
	for _, f := range fields {
		if f.initVar {
			continue
		}
		f.obj = vm.fieldObj(f, fieldCls, missing)
		fd.set(StrVal(f.name), f.obj)
	}
	vm.objectSetAttr(cv, "__dataclass_fields__", ObjVal(fd))
	params := newDict()
	for _, k := range []string{"init", "repr", "eq", "order", "unsafe_hash", "frozen"} {
		params.set(StrVal(k), BoolVal(opts[k]))
	}
	vm.objectSetAttr(cv, "__dataclass_params__", ObjVal(params))
	own := func(n string) bool { _, ok := cls.attrs[n]; return ok }
	set := func(n string, f nativeFn) {
		if !own(n) {
			vm.objectSetAttr(cv, n, ObjVal(&Builtin{name: n, fn: f, method: true}))
		}
	}
	values := func(vm *VM, self Val, which func(*dcField) bool) ([]Val, error) {
		var out []Val
		for _, f := range fields {
			if which(f) {
				v, err := vm.getAttr(self, f.name)
				if err != nil {
					return nil, err
				}
				out = append(out, v)
			}
		}
		return out, nil
	}
	cmpFields := func(f *dcField) bool { return f.compare }
	if opts["init"] {
		set("__init__", vm.dataclassInit(cls, fields))
	}
	if opts["repr"] {
		set("__repr__", func(vm *VM, args []Val, kwn []string) (Val, error) {
			self := args[0]
			if !vm.enterNest(" while getting the repr of an object") {
				return Val{}, vm.takePending()
			}
			defer vm.leaveNest()
			var b strings.Builder
			b.WriteString(self.O.(*Instance).cls.name + "(")
			first := true
			for _, f := range fields {
				if !f.repr {
					continue
				}
				v, err := vm.getAttr(self, f.name)
				if err != nil {
					return Val{}, err
				}
				if !first {
					b.WriteString(", ")
				}
				first = false
				b.WriteString(f.name + "=" + vm.repr(v))
			}
			b.WriteString(")")
			return StrVal(b.String()), vm.takePending()
		})
	}
	sameClass := func(a, b Val) bool {
		x, ok1 := a.O.(*Instance)
		y, ok2 := b.O.(*Instance)
		return ok1 && ok2 && x.cls == y.cls
	}
	if opts["eq"] {
		set("__eq__", func(vm *VM, args []Val, kwn []string) (Val, error) {
			if !sameClass(args[0], args[1]) {
				return vm.bi["NotImplemented"], nil
			}
			a, err := values(vm, args[0], cmpFields)
			if err != nil {
				return Val{}, err
			}
			b, err := values(vm, args[1], cmpFields)
			if err != nil {
				return Val{}, err
			}
			r := vm.equal(tupleOf(a), tupleOf(b))
			return BoolVal(r), vm.takePending()
		})
	}
	if opts["order"] {
		if !opts["eq"] {
			return newErr(ValueError, "eq must be true if order is true")
		}
		for _, p := range []struct {
			n  string
			op Op
		}{{"__lt__", opLt}, {"__le__", opLe}, {"__gt__", opGt}, {"__ge__", opGe}} {
			if own(p.n) {
				return newErr(TypeError, "Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering", p.n, cls.name)
			}
			op := p.op
			set(p.n, func(vm *VM, args []Val, kwn []string) (Val, error) {
				if !sameClass(args[0], args[1]) {
					return vm.bi["NotImplemented"], nil
				}
				a, err := values(vm, args[0], cmpFields)
				if err != nil {
					return Val{}, err
				}
				b, err := values(vm, args[1], cmpFields)
				if err != nil {
					return Val{}, err
				}
				r, err := vm.compare(op, tupleOf(a), tupleOf(b))
				return BoolVal(r), err
			})
		}
	}
	if opts["frozen"] {
		for _, n := range []string{"__setattr__", "__delattr__"} {
			if own(n) {
				return newErr(TypeError, "Cannot overwrite attribute %s in class %s", n, cls.name)
			}
		}
		isField := func(n string) bool { _, ok := byName[n]; return ok }
		set("__setattr__", func(vm *VM, args []Val, kwn []string) (Val, error) {
			if x, ok := args[0].O.(*Instance); ok && x.cls == cls || isField(vm.strOf(args[1])) {
				return Val{}, newErr(frozenErr, "cannot assign to field '%s'", vm.strOf(args[1]))
			}
			return NoneVal, vm.objectSetAttr(args[0], vm.strOf(args[1]), args[2])
		})
		set("__delattr__", func(vm *VM, args []Val, kwn []string) (Val, error) {
			if x, ok := args[0].O.(*Instance); ok && x.cls == cls || isField(vm.strOf(args[1])) {
				return Val{}, newErr(frozenErr, "cannot delete field '%s'", vm.strOf(args[1]))
			}
			return NoneVal, vm.objectDelAttr(args[0], vm.strOf(args[1]))
		})
	}
	hashFields := func(f *dcField) bool {
		if f.hash.T == tagNone || f.hash.T == tagEmpty {
			return f.compare
		}
		return truthy(f.hash)
	}
	hashFn := func(vm *VM, args []Val, kwn []string) (Val, error) {
		vs, err := values(vm, args[0], hashFields)
		if err != nil {
			return Val{}, err
		}
		return vm.call(vm.bi["hash"], []Val{tupleOf(vs)}, nil)
	}
	switch {
	case opts["unsafe_hash"]:
		if own("__hash__") {
			return newErr(TypeError, "Cannot overwrite attribute __hash__ in class %s", cls.name)
		}
		set("__hash__", hashFn)
	case opts["eq"] && opts["frozen"]:
		if !own("__hash__") {
			set("__hash__", hashFn)
		}
	case opts["eq"]:
		if !own("__hash__") {
			vm.objectSetAttr(cv, "__hash__", NoneVal)
		}
	}
	var matchArgs []string
	for _, f := range fields {
		if f.init && !f.kwOnly {
			matchArgs = append(matchArgs, f.name)
		}
	}
	if opts["match_args"] && !own("__match_args__") {
		vm.objectSetAttr(cv, "__match_args__", strsTuple(matchArgs))
	}
	if opts["slots"] {
		return vm.dataclassSlots(cls, fields)
	}
	return nil
}

// dataclassSlots is slots=True: __slots__ names the fields no base's
// slots name already, and their defaults leave the class (CPython makes
// a new class; minipy's slots are read from the class when it changes).
func (vm *VM) dataclassSlots(cls *Class, fields []*dcField) error {
	if _, ok := cls.attrs["__slots__"]; ok {
		return newErr(TypeError, "%s already specifies __slots__", cls.name)
	}
	inherited := map[string]bool{}
	for _, b := range cls.mro[1:] {
		if sv, ok := b.own("__slots__"); ok {
			for _, n := range classSlotNames(b, sv) {
				inherited[n] = true
			}
		}
	}
	var names []string
	for _, f := range fields {
		if !f.initVar && !inherited[f.name] {
			names = append(names, f.name)
			delete(cls.attrs, f.name)
		}
	}
	return vm.objectSetAttr(ObjVal(cls), "__slots__", strsTuple(names))
}

func isMutableDefault(v Val) bool {
	switch v.O.(type) {
	case *List, *Dict, *Set:
		return v.T == tagObject
	}
	return false
}

func (vm *VM) typeRepr(v Val) string {
	return "<class '" + typeName(v) + "'>"
}

// fieldFromObj reads a Field instance.
func (vm *VM) fieldFromObj(o Val, missing Val) *dcField {
	get := func(n string) Val {
		v, _ := vm.getAttr(o, n)
		return v
	}
	f := &dcField{obj: o, init: truthy(get("init")), repr: truthy(get("repr")), compare: truthy(get("compare")), hash: get("hash")}
	if n := get("name"); n.isStr() {
		f.name = n.str().s
	}
	if t := get("type"); t.isStr() {
		f.typ = t.str().s
	} else {
		f.typVal = t
	}
	if d := get("default"); d != missing {
		f.def = d
	}
	if d := get("default_factory"); d != missing {
		f.factory = d
	}
	if k := get("kw_only"); k != missing {
		f.kwOnly = truthy(k)
	}
	f.metadata = get("metadata")
	return f
}

// fieldMetadata is a Field's metadata: the mapping given, read-only (a
// mappingproxy), or an empty one for None.
func (vm *VM) fieldMetadata(v Val) Val {
	d, ok := v.O.(*Dict)
	if v.T == tagNone {
		d, ok = newDict(), true
	}
	if !ok {
		return v
	}
	if p, err := vm.mappingProxy(d); err == nil {
		return p
	}
	return v
}

// fieldObj is the Field instance describing f.
func (vm *VM) fieldObj(f *dcField, fieldCls *Class, missing Val) Val {
	o := vm.newInstancePlain(fieldCls)
	or := func(v Val) Val {
		if v.T == tagEmpty {
			return missing
		}
		return v
	}
	typ := f.typVal
	if typ.T == tagEmpty {
		typ = StrVal(f.typ)
	}
	meta := f.metadata
	if meta.T == tagEmpty {
		meta = vm.fieldMetadata(NoneVal)
	}
	for _, kv := range []struct {
		n string
		v Val
	}{{"name", StrVal(f.name)}, {"type", typ}, {"default", or(f.def)}, {"default_factory", or(f.factory)},
		{"init", BoolVal(f.init)}, {"repr", BoolVal(f.repr)}, {"hash", f.hash}, {"compare", BoolVal(f.compare)},
		{"kw_only", BoolVal(f.kwOnly)}, {"metadata", meta}} {
		vm.objectSetAttr(o, kv.n, kv.v)
	}
	return o
}

// dataclassInit is the generated __init__: parameters in field order
// (keyword-only ones after), defaults and default factories, then
// __post_init__.
func (vm *VM) dataclassInit(cls *Class, fields []*dcField) nativeFn {
	var pos, kwo []*dcField
	for _, f := range fields {
		if !f.init {
			continue
		}
		if f.kwOnly {
			kwo = append(kwo, f)
		} else {
			pos = append(pos, f)
		}
	}
	qual := cls.name + ".__init__"
	return func(vm *VM, args []Val, kwn []string) (Val, error) {
		self := args[0]
		p, kw := splitKw(args[1:], kwn)
		if len(p) > len(pos) {
			ndef := 0
			for _, f := range pos {
				if f.def.T != tagEmpty || f.factory.T != tagEmpty {
					ndef++
				}
			}
			sig, s := formatInt(int64(len(pos)+1)), plural(len(pos)+1)
			if ndef > 0 {
				sig, s = "from "+formatInt(int64(len(pos)+1-ndef))+" to "+sig, "s"
			}
			return Val{}, newErr(TypeError, "%s() takes %s positional argument%s but %d were given", qual, sig, s, len(p)+1)
		}
		vals := map[string]Val{}
		for i, v := range p {
			vals[pos[i].name] = v
		}
		for _, k := range kwn {
			known := false
			for _, f := range append(append([]*dcField(nil), pos...), kwo...) {
				known = known || f.name == k
			}
			if !known {
				return Val{}, newErr(TypeError, "%s() got an unexpected keyword argument '%s'", qual, k)
			}
			if _, dup := vals[k]; dup {
				return Val{}, newErr(TypeError, "%s() got multiple values for argument '%s'", qual, k)
			}
			vals[k] = kw[k]
		}
		var missingPos, missingKw []string
		for _, f := range pos {
			if _, ok := vals[f.name]; !ok && f.def.T == tagEmpty && f.factory.T == tagEmpty {
				missingPos = append(missingPos, "'"+f.name+"'")
			}
		}
		for _, f := range kwo {
			if _, ok := vals[f.name]; !ok && f.def.T == tagEmpty && f.factory.T == tagEmpty {
				missingKw = append(missingKw, "'"+f.name+"'")
			}
		}
		if len(missingPos) > 0 {
			return Val{}, newErr(TypeError, "%s() missing %d required positional argument%s: %s", qual, len(missingPos), plural(len(missingPos)), andList(missingPos))
		}
		if len(missingKw) > 0 {
			return Val{}, newErr(TypeError, "%s() missing %d required keyword-only argument%s: %s", qual, len(missingKw), plural(len(missingKw)), andList(missingKw))
		}
		var initVars []Val
		for _, f := range fields {
			v, ok := vals[f.name]
			if f.initVar {
				if !ok {
					v = f.def
				}
				initVars = append(initVars, v)
				continue
			}
			if !ok || !f.init {
				switch {
				case f.factory.T != tagEmpty:
					var err error
					if v, err = vm.call(f.factory, nil, nil); err != nil {
						return Val{}, err
					}
				case f.def.T != tagEmpty:
					v = f.def
				default:
					continue
				}
			}
			if err := vm.objectSetAttr(self, f.name, v); err != nil {
				return Val{}, err
			}
		}
		if pi, ok := cls.lookup("__post_init__"); ok {
			if _, err := vm.call(pi, append([]Val{self}, initVars...), nil); err != nil {
				return Val{}, err
			}
		}
		return NoneVal, nil
	}
}

// annValueText is the text an annotation's value stands for where
// dataclass looks for its markers: KW_ONLY, InitVar[...], ClassVar[...].
func annValueText(v Val) string {
	switch x := v.O.(type) {
	case *Class:
		if x.name == "KW_ONLY" {
			return "KW_ONLY"
		}
	case *Instance:
		if x.cls.name == "InitVar" {
			return "InitVar"
		}
		if x.cls.name == "_SpecialForm" {
			if r, ok := x.get("_repr"); ok && r.isStr() {
				return r.str().s
			}
		}
	}
	return typeName(v)
}
