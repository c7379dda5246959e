package interp

import "strings"

// typing: the names programs annotate with and use at run time. Since
// minipy never evaluates annotations, these need only exist, subscript
// (List[int]), print as CPython prints them, and serve as bases (Generic[T],
// Protocol, NamedTuple) through __mro_entries__.

// mroEntries replaces bases that are no classes but define
// __mro_entries__ (typing's special forms) with what it returns.
func (vm *VM) mroEntries(bases []Val) ([]Val, error) {
	var out []Val
	changed := false
	for _, b := range bases {
		if inst, ok := b.O.(*Instance); ok && b.T == tagObject {
			if m, ok := inst.cls.lookup("__mro_entries__"); ok {
				r, err := vm.call(m, []Val{b, tupleOf(bases)}, nil)
				if err != nil {
					return nil, err
				}
				t, ok := r.O.(*Tuple)
				if !ok {
					return nil, newErr(TypeError, "__mro_entries__ must return a tuple")
				}
				out = append(out, t.items...)
				changed = true
				continue
			}
		}
		out = append(out, b)
	}
	if !changed {
		return bases, nil
	}
	return out, nil
}

// typingAliased are typing's forms whose subscriptions are objects with
// __origin__ and __args__ (typing.List[int]) or unions (Union, Optional:
// 3.14 makes them the unions `|` makes); the other forms' subscriptions
// are names with a repr.
var typingAliased = map[string]bool{"Union": true, "Optional": true, "List": true, "Dict": true,
	"Set": true, "FrozenSet": true, "Tuple": true, "Type": true, "Deque": true, "DefaultDict": true,
	"OrderedDict": true, "Counter": true, "ChainMap": true, "Callable": true, "Iterable": true,
	"Iterator": true, "Generator": true, "Sequence": true, "MutableSequence": true, "Mapping": true,
	"MutableMapping": true, "AbstractSet": true, "MutableSet": true, "Collection": true,
	"Container": true, "Hashable": true, "Sized": true, "Reversible": true, "KeysView": true,
	"ValuesView": true, "ItemsView": true, "Pattern": true, "Match": true}

func typingModule(vm *VM) *Module {
	m := newModule("typing")
	var form, tdBase *Class
	isForm := func(v Val) (string, bool) {
		if inst, ok := v.O.(*Instance); ok && inst.cls == form {
			r, _ := vm.getAttr(v, "_repr")
			return vm.strOf(r), true
		}
		return "", false
	}
	newForm := func(repr string, entries []Val) Val {
		f := vm.newInstancePlain(form)
		vm.objectSetAttr(f, "_repr", StrVal(repr))
		if entries != nil {
			vm.objectSetAttr(f, "_entries", tupleOf(entries))
		}
		return f
	}
	var reprOf func(vm *VM, v Val) string
	reprOf = func(vm *VM, v Val) string {
		if inst, ok := v.O.(*Instance); ok && inst.cls == form {
			r, _ := vm.getAttr(v, "_repr")
			return vm.strOf(r)
		}
		switch x := v.O.(type) {
		case *ellipsisObj:
			return "..."
		case *Class:
			return "__main__." + x.qualName()
		case *typeObj:
			return x.name
		case *List:
			var parts []string
			for _, it := range x.items() {
				parts = append(parts, reprOf(vm, it))
			}
			return "[" + strings.Join(parts, ", ") + "]"
		case *Tuple:
			var parts []string
			for _, it := range x.items {
				parts = append(parts, vm.repr(it))
			}
			return "[" + strings.Join(parts, ", ") + "]"
		}
		if v.T == tagNone {
			return "None"
		}
		return vm.repr(v)
	}
	form, _ = vm.nativeClass("_SpecialForm", nil, map[string]nativeFn{
		"__repr__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			r, _ := vm.getAttr(args[0], "_repr")
			return r, nil
		},
		"__getitem__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			base, _ := vm.getAttr(args[0], "_repr")
			params := []Val{args[1]}
			if t, ok := args[1].O.(*Tuple); ok {
				params = t.items
			}
			var err error
			if params, err = vm.flattenForm(vm.strOf(base), args[0], params); err != nil {
				return Val{}, err
			}
			var parts []string
			for _, p := range params {
				parts = append(parts, reprOf(vm, p))
			}
			name := vm.strOf(base)
			if typingAliased[strings.TrimPrefix(name, "typing.")] {
				// Run-time objects with origins and args (typealias.py).
				return vm.typeAliasCall("typing_getitem", StrVal(strings.TrimPrefix(name, "typing.")), args[1])
			}
			switch name {
			case "typing.Generic", "typing.Protocol":
				return newForm(name+"["+strings.Join(parts, ", ")+"]", []Val{}), nil
			}
			f := newForm(name+"["+strings.Join(parts, ", ")+"]", nil)
			// What get_origin and get_args read (Literal['a'],
			// ClassVar[int]; Annotated keeps its type as __origin__ and
			// the rest as __metadata__, as CPython's).
			vm.objectSetAttr(f, "_form", args[0])
			if name == "typing.Annotated" && len(params) > 1 {
				vm.objectSetAttr(f, "__origin__", params[0])
				vm.objectSetAttr(f, "__args__", tupleOf([]Val{params[0]}))
				vm.objectSetAttr(f, "__metadata__", tupleOf(append([]Val(nil), params[1:]...)))
			} else {
				vm.objectSetAttr(f, "__origin__", args[0])
				vm.objectSetAttr(f, "__args__", tupleOf(append([]Val(nil), params...)))
			}
			return f, nil
		},
		// Subscriptions are equal when their form and arguments are
		// (Literal's in any order); a bare form is only itself.
		"__eq__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, b := args[0], args[1]
			if _, ok := isForm(b); !ok {
				return vm.bi["NotImplemented"], nil
			}
			fa, errA := vm.getAttr(a, "_form")
			fb, errB := vm.getAttr(b, "_form")
			if errA != nil || errB != nil {
				return BoolVal(a.O == b.O), nil
			}
			if fa.O != fb.O {
				return False, nil
			}
			aa, _ := vm.getAttr(a, "__args__")
			ab, _ := vm.getAttr(b, "__args__")
			if r, _ := isForm(fa); r == "typing.Literal" {
				// Sets of (value, type): unhashable values raise, as
				// CPython's.
				return vm.typeAliasCall("literal_args_equal", aa, ab)
			}
			if ma, err := vm.getAttr(a, "__metadata__"); err == nil {
				aa = tupleOf(append(append([]Val(nil), aa.O.(*Tuple).items...), ma.O.(*Tuple).items...))
			}
			if mb, err := vm.getAttr(b, "__metadata__"); err == nil {
				ab = tupleOf(append(append([]Val(nil), ab.O.(*Tuple).items...), mb.O.(*Tuple).items...))
			}
			return BoolVal(vm.equal(aa, ab)), vm.takePending()
		},
		"__hash__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			key := args[0]
			if f, err := vm.getAttr(key, "_form"); err == nil {
				key = f
			}
			if f, ok := isForm(key); ok && f == "typing.Literal" {
				// Hashed by its set of (value, type), which raises for
				// an unhashable value.
				aa, _ := vm.getAttr(args[0], "__args__")
				if _, err := vm.typeAliasCall("literal_args_equal", aa, aa); err != nil {
					return Val{}, err
				}
			}
			r, _ := vm.getAttr(key, "_repr")
			return vm.call(vm.bi["hash"], []Val{r}, nil)
		},
		"__call__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			base, _ := vm.getAttr(args[0], "_repr")
			if vm.strOf(base) == "typing.TypedDict" {
				return vm.typedDictCall(tdBase, isForm, args[1:], kwn)
			}
			return Val{}, newErr(TypeError, "Cannot instantiate %s", vm.strOf(base))
		},
		"__mro_entries__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			e, err := vm.getAttr(args[0], "_entries")
			if err != nil {
				base, _ := vm.getAttr(args[0], "_repr")
				return Val{}, newErr(TypeError, "Cannot subclass %s", vm.strOf(base))
			}
			return e, nil
		},
		"__or__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return newForm(reprOf(vm, args[0])+" | "+reprOf(vm, args[1]), nil), nil
		},
		"__ror__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return newForm(reprOf(vm, args[1])+" | "+reprOf(vm, args[0]), nil), nil
		},
	})
	for _, n := range []string{"Any", "Union", "Optional", "List", "Dict", "Tuple", "Set", "FrozenSet", "Callable",
		"Iterable", "Iterator", "Generator", "Sequence", "MutableSequence", "Mapping", "MutableMapping", "Type",
		"ClassVar", "Final", "Literal", "NoReturn", "Never", "Self", "Annotated", "DefaultDict", "Deque", "Counter",
		"OrderedDict", "ChainMap", "AbstractSet", "MutableSet", "Collection", "Container", "Hashable", "Sized",
		"Reversible", "Awaitable", "Coroutine", "AsyncIterator", "AsyncIterable", "SupportsInt", "SupportsFloat",
		"SupportsAbs", "SupportsIndex", "TypeAlias", "LiteralString", "Required", "NotRequired", "Unpack",
		"TypeGuard", "Concatenate", "IO", "TextIO", "Pattern", "Match", "KeysView", "ValuesView", "ItemsView"} {
		m.attrs[n] = newForm("typing."+n, nil)
	}
	// 3.14: typing.Union is the class of int | str (types.UnionType).
	if ta, err := vm.importLib("_typealias"); err == nil {
		m.attrs["Union"] = ta.attrs["Union"]
	}
	if tp, err := vm.importLib("_typing"); err == nil {
		for _, n := range []string{"TypeVar", "TypeVarTuple", "ParamSpec", "ParamSpecArgs", "ParamSpecKwargs", "TypeAliasType", "Generic", "NoDefault"} {
			m.attrs[n] = tp.attrs[n]
		}
	}
	m.attrs["Protocol"] = newForm("typing.Protocol", []Val{})
	m.attrs["AnyStr"] = newForm("~AnyStr", nil)
	m.attrs["Text"] = vm.bi["str"]
	m.attrs["TYPE_CHECKING"] = False
	identity := func(name string) {
		m.def(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 {
				return Val{}, newErr(TypeError, "%s() takes 1 positional argument but %d were given", name, len(args))
			}
			return args[0], nil
		})
	}
	for _, n := range []string{"get_origin", "get_args"} {
		m.def(n, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 || len(kwn) != 0 {
				return Val{}, newErr(TypeError, "%s() takes 1 positional argument but %d were given", n, len(args))
			}
			return vm.typeAliasCall(n, args[0])
		})
	}
	m.def("runtime_checkable", runtimeCheckable)
	for _, n := range []string{"overload", "final", "no_type_check", "override", "dataclass_transform"} {
		identity(n)
	}
	m.def("cast", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := pyArity("cast", []string{"typ", "val"}, args, kwn, false); err != nil {
			return Val{}, err
		}
		return args[1], nil
	})
	m.def("NewType", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 2 || !args[0].isStr() {
			return Val{}, newErr(TypeError, "NewType() takes 2 positional arguments")
		}
		b := &Builtin{name: args[0].str().s, fn: func(vm *VM, a []Val, k []string) (Val, error) {
			if len(a) != 1 {
				return Val{}, newErr(TypeError, "takes 1 positional argument but %d were given", len(a))
			}
			return a[0], nil
		}}
		return ObjVal(b), nil
	})
	m.def("get_type_hints", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) < 1 {
			return Val{}, newErr(TypeError, "get_type_hints() missing 1 required positional argument: 'obj'")
		}
		// Annotations kept as text are evaluated there (typealias.py).
		m, err := vm.importLib("_typealias")
		if err != nil {
			return Val{}, err
		}
		return vm.call(m.attrs["get_type_hints"], args, kwn)
	})
	// class P(NamedTuple): fields from the annotations, as namedtuple.
	ntBase, _ := vm.nativeClass("NamedTuple", nil, map[string]nativeFn{
		"__init_subclass__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			cls, ok := args[0].O.(*Class)
			if !ok {
				return NoneVal, nil
			}
			return NoneVal, vm.namedTupleFromClass(cls)
		},
	})
	m.attrs["NamedTuple"] = newForm("typing.NamedTuple", []Val{ObjVal(ntBase)})
	tdBase = vm.typedDictBase(isForm)
	m.attrs["TypedDict"] = newForm("typing.TypedDict", []Val{ObjVal(tdBase)})
	return m
}

// namedTupleFromClass turns a class deriving from typing.NamedTuple into
// a namedtuple: its annotated names are the fields, their values the
// defaults; methods the class defines stay.
func (vm *VM) namedTupleFromClass(cls *Class) error {
	var fields []string
	var defaults []Val
	if ad := vm.classAnnTexts(cls); ad != nil {
		{
			for _, e := range ad.live() {
				n := e.k.str().s
				if v, ok := cls.attrs[n]; ok {
					defaults = append(defaults, v)
					delete(cls.attrs, n)
				} else if len(defaults) > 0 {
					return newErr(TypeError, "Non-default namedtuple field %s cannot follow default field%s %s", n, plural(len(defaults)), "")
				}
				fields = append(fields, n)
			}
		}
	}
	tmpl, err := vm.namedtupleClass(cls.name, fields, defaults)
	if err != nil {
		return err
	}
	cv := ObjVal(cls)
	for _, n := range tmpl.order {
		if _, own := cls.attrs[n]; own {
			continue
		}
		if err := vm.objectSetAttr(cv, n, tmpl.attrs[n]); err != nil {
			return err
		}
	}
	// A tuple subclass, as the namedtuple it stands for.
	if tb := vm.builtinBase("tuple"); !cls.isSub(tb) {
		cls.bases = append(cls.bases, tb)
		cls.mro = append(cls.mro, tb)
		cls.changed()
	}
	return nil
}

// flattenForm is CPython's flattening of a subscription's parameters:
// Literal[Literal[1, 2], 3] is Literal[1, 2, 3] with repeated (value,
// type) pairs dropped (when all are hashable), Annotated[Annotated[T, x],
// y] is Annotated[T, x, y].
func (vm *VM) flattenForm(name string, form Val, params []Val) ([]Val, error) {
	sub := func(p Val) bool {
		f, err := vm.getAttr(p, "_form")
		return err == nil && f.O == form.O
	}
	switch name {
	case "typing.Literal":
		var flat []Val
		for _, p := range params {
			if sub(p) {
				a, _ := vm.getAttr(p, "__args__")
				if t, ok := a.O.(*Tuple); ok {
					flat = append(flat, t.items...)
					continue
				}
			}
			flat = append(flat, p)
		}
		r, err := vm.typeAliasCall("literal_dedup", tupleOf(flat))
		if err != nil {
			return nil, err
		}
		if t, ok := r.O.(*Tuple); ok {
			return t.items, nil
		}
	case "typing.Annotated":
		if len(params) > 1 && sub(params[0]) {
			o, _ := vm.getAttr(params[0], "__origin__")
			m, _ := vm.getAttr(params[0], "__metadata__")
			if t, ok := m.O.(*Tuple); ok {
				return append(append([]Val{o}, t.items...), params[1:]...), nil
			}
		}
	}
	return params, nil
}
