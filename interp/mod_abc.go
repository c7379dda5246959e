package interp

import (
	_ "embed"
	"slices"
	"sync"
)

// collections.abc: the abstract base classes, for isinstance and
// issubclass checks (built-in values by type, instances by the special
// methods they define or by subclassing) and as bases whose mixin
// methods (Mapping's keys, items, get ...; Sequence's index, count ...)
// come from the few methods a subclass defines.

// abcSpec is one ABC: the built-in types that are it and the special
// methods an instance needs to count as it without subclassing (nil: it
// must subclass).
type abcSpec struct {
	name    string
	types   []string
	methods []string
}

var abcSpecs = []abcSpec{
	{"Hashable", []string{"int", "float", "bool", "str", "tuple", "NoneType", "range", "frozenset", "function", "builtin_function_or_method", "method_descriptor", "type", "exception"}, []string{"__hash__"}},
	{"Iterable", []string{"list", "collections.deque", "tuple", "str", "dict", "set", "frozenset", "range", "generator", "dict_keys", "dict_values", "dict_items", "list_iterator", "range_iterator", "str_ascii_iterator", "tuple_iterator", "iterator", "enumerate", "zip", "map", "filter", "reversed"}, []string{"__iter__"}},
	{"Iterator", []string{"generator", "list_iterator", "range_iterator", "str_ascii_iterator", "tuple_iterator", "iterator", "enumerate", "zip", "map", "filter", "reversed", "dict_keyiterator"}, []string{"__iter__", "__next__"}},
	{"Reversible", []string{"list", "collections.deque", "tuple", "str", "range", "dict", "bytes", "bytearray", "memoryview"}, []string{"__reversed__", "__iter__"}},
	{"Generator", []string{"generator"}, []string{"__iter__", "__next__", "send", "throw", "close"}},
	{"Sized", []string{"list", "collections.deque", "tuple", "str", "dict", "set", "frozenset", "range", "dict_keys", "dict_values", "dict_items"}, []string{"__len__"}},
	{"Container", []string{"list", "collections.deque", "tuple", "str", "dict", "set", "frozenset", "range", "dict_keys", "dict_values", "dict_items", "bytes", "bytearray", "memoryview"}, []string{"__contains__"}},
	{"Callable", []string{"function", "builtin_function_or_method", "method_descriptor", "method", "type"}, []string{"__call__"}},
	{"Collection", []string{"list", "collections.deque", "tuple", "str", "dict", "set", "frozenset", "range", "dict_keys", "dict_values", "dict_items", "bytes", "bytearray", "memoryview"}, []string{"__len__", "__iter__", "__contains__"}},
	{"Sequence", []string{"list", "collections.deque", "tuple", "str", "range", "bytes", "bytearray", "memoryview"}, nil},
	{"MutableSequence", []string{"list", "collections.deque", "bytearray"}, nil},
	{"Set", []string{"set", "frozenset", "dict_keys", "dict_items"}, nil},
	{"MutableSet", []string{"set"}, nil},
	{"Mapping", []string{"dict"}, nil},
	{"MutableMapping", []string{"dict"}, nil},
	{"MappingView", []string{"dict_keys", "dict_values", "dict_items"}, nil},
	{"KeysView", []string{"dict_keys"}, nil},
	{"ValuesView", []string{"dict_values"}, nil},
	{"ItemsView", []string{"dict_items"}, nil},
	{"Awaitable", []string{"coroutine"}, []string{"__await__"}},
	{"Coroutine", []string{"coroutine"}, []string{"__await__", "send", "throw", "close"}},
	{"AsyncIterable", []string{"async_generator"}, []string{"__aiter__"}},
	{"AsyncIterator", []string{"async_generator"}, []string{"__aiter__", "__anext__"}},
	{"AsyncGenerator", []string{"async_generator"}, []string{"__aiter__", "__anext__", "asend", "athrow", "aclose"}},
	{"Buffer", []string{"bytes", "bytearray", "memoryview"}, []string{"__buffer__"}},
}

// abcParents are the ABCs each derives from (made before it in
// abcSpecs), CPython's hierarchy: an instance of a MutableMapping
// subclass is a Mapping, a Sequence subclass is Iterable, a KeysView is
// a Set.
var abcParents = map[string][]string{
	"Iterator":        {"Iterable"},
	"Reversible":      {"Iterable"},
	"Generator":       {"Iterator"},
	"Collection":      {"Sized", "Iterable", "Container"},
	"Sequence":        {"Reversible", "Collection"},
	"MutableSequence": {"Sequence"},
	"Set":             {"Collection"},
	"MutableSet":      {"Set"},
	"Mapping":         {"Collection"},
	"MutableMapping":  {"Mapping"},
	"MappingView":     {"Sized"},
	"KeysView":        {"MappingView", "Set"},
	"ItemsView":       {"MappingView", "Set"},
	"ValuesView":      {"MappingView", "Collection"},
	"Coroutine":       {"Awaitable"},
	"AsyncIterator":   {"AsyncIterable"},
	"AsyncGenerator":  {"AsyncIterator"},
}

// abcRegistry holds what ABC.register(sub) named, per ABC: virtual
// subclasses of it and of every ABC deriving from it.
type abcRegistry struct {
	mu  sync.Mutex
	reg map[*Class][]Val
}

func (r *abcRegistry) add(c *Class, sub Val) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.reg == nil {
		r.reg = map[*Class][]Val{}
	}
	r.reg[c] = append(r.reg[c], sub)
}

// has reports whether sub (a class or built-in type) or a class it
// derives from was registered with c or with an ABC deriving from c.
func (r *abcRegistry) has(c *Class, sub Val) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	k, isClass := sub.O.(*Class)
	for d, subs := range r.reg {
		if !d.isSub(c) {
			continue
		}
		for _, s := range subs {
			if s.O == sub.O {
				return true
			}
			if sc, ok := s.O.(*Class); ok && isClass && k.isSub(sc) {
				return true
			}
		}
	}
	return false
}

// abcClassIs answers issubclass(k, the ABC of sp) for a Python class k
// that does not derive from the ABC: the special methods the ABC's hook
// asks for, each defined and not None along k's MRO (a built-in base
// answering for its type: class M(dict) is a Mapping); an ABC without a
// hook only by a built-in base that is it.
func abcClassIs(sp abcSpec, k *Class) bool {
	if sp.methods == nil {
		for _, m := range k.mro {
			if name, ok := builtinBaseName(m); ok && slices.Contains(sp.types, name) {
				return true
			}
		}
		return false
	}
	for _, n := range sp.methods {
		if !classDefines(sp, k, n) {
			return false
		}
	}
	return true
}

// builtinBaseName is the type name of the built-in type m stands for as
// a base (as abcSpec lists types), false for other classes.
func builtinBaseName(m *Class) (string, bool) {
	switch {
	case m == objectClass:
		return "", false
	case m.module == "builtins":
		return m.name, true
	case m.module == "collections" && m.name == "deque":
		return "collections.deque", true
	case m.module == "collections":
		return "dict", true // OrderedDict, defaultdict, Counter
	}
	return "", false
}

// classDefines says whether k's MRO defines name as other than None
// before object: a class's own attribute, __hash__ None in a class that
// defines __eq__ without it (as CPython makes it), or a built-in base
// that is one of sp's types; __hash__ is object's otherwise.
func classDefines(sp abcSpec, k *Class, name string) bool {
	for _, m := range k.mro {
		if m == objectClass {
			break
		}
		if t, ok := builtinBaseName(m); ok {
			return slices.Contains(sp.types, t)
		}
		m.attrsMu.RLock()
		v, ok := m.attrs[name]
		_, eq := m.attrs["__eq__"]
		m.attrsMu.RUnlock()
		if ok {
			return v.T != tagNone
		}
		if name == "__hash__" && eq {
			return false
		}
	}
	return name == "__hash__"
}

func abcModule(vm *VM) *Module {
	m := newModule("collections.abc")
	specs := map[*Class]abcSpec{}
	registry := &abcRegistry{}
	// register is ABCMeta.register, a class method of each ABC here (their
	// metaclass is native: its methods are not found through the class).
	register := ObjVal(&ClassMethod{fn: ObjVal(&Builtin{name: "register", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 2 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "register() takes exactly one argument")
		}
		switch args[1].O.(type) {
		case *Class, *typeObj, *ExcType:
		default:
			return Val{}, newErr(TypeError, "Can only register classes")
		}
		registry.add(args[0].O.(*Class), args[1])
		return args[1], nil
	}})})
	meta, _ := vm.nativeClass("ABCMeta", nil, map[string]nativeFn{
		"__instancecheck__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			c := args[0].O.(*Class)
			v := args[1]
			sp := specs[c]
			t := typeName(v)
			for _, n := range sp.types {
				if n == t {
					return True, nil
				}
			}
			if registry.has(c, vm.typeOf(v)) {
				return True, nil
			}
			inst, ok := v.O.(*Instance)
			if !ok || v.T != tagObject {
				return False, nil
			}
			return BoolVal(inst.cls.isSub(c) || abcClassIs(sp, inst.cls)), nil
		},
		// issubclass(sub, ABC): a built-in type by its name, a class by
		// inheritance, either by the special methods the ABC's hook asks
		// for (CPython's __subclasshook__s: Hashable needs a __hash__
		// that is not None ...).
		"__subclasscheck__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			c := args[0].O.(*Class)
			sub := args[1]
			sp := specs[c]
			if registry.has(c, sub) {
				return True, nil
			}
			if k, ok := sub.O.(*Class); ok && sub.T == tagObject {
				return BoolVal(k.isSub(c) || abcClassIs(sp, k)), nil
			}
			var name string
			switch t := sub.O.(type) {
			case *typeObj:
				name = t.name
				if collectionsDict(t) {
					name = "dict"
				} else if t.module != "" && t.module != "builtins" {
					name = t.module + "." + t.name
				}
			case *ExcType:
				name = "exception"
			case *Builtin:
				if sub.O != vm.bi["type"].O {
					return Val{}, newErr(TypeError, "issubclass() arg 1 must be a class")
				}
				name = "type"
			default:
				return Val{}, newErr(TypeError, "issubclass() arg 1 must be a class")
			}
			for _, n := range sp.types {
				if n == name {
					return True, nil
				}
			}
			if sp.methods == nil {
				return False, nil
			}
			for _, n := range sp.methods {
				f, err := vm.getAttr(sub, n)
				if err != nil || f.T == tagNone {
					return False, nil
				}
			}
			return True, nil
		},
		"__repr__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return StrVal("<class 'collections.abc." + args[0].O.(*Class).name + "'>"), nil
		},
	})
	mappingMixins := map[string]nativeFn{
		"__contains__": func(vm *VM, a []Val, k []string) (Val, error) {
			_, err := vm.getItem(a[0], a[1])
			if pe, ok := err.(*PyErr); ok && pe.exc.typ.isSub(KeyError) {
				return False, nil
			}
			return BoolVal(err == nil), err
		},
		"get": func(vm *VM, a []Val, k []string) (Val, error) {
			v, err := vm.getItem(a[0], a[1])
			if pe, ok := err.(*PyErr); ok && pe.exc.typ.isSub(KeyError) {
				if len(a) > 2 {
					return a[2], nil
				}
				return NoneVal, nil
			}
			return v, err
		},
		// keys, items and values are views over the mapping, made by the
		// view ABCs (their methods come from abc_mixins.py).
		"keys": func(vm *VM, a []Val, k []string) (Val, error) {
			return vm.call(m.attrs["KeysView"], []Val{a[0]}, nil)
		},
		"items": func(vm *VM, a []Val, k []string) (Val, error) {
			return vm.call(m.attrs["ItemsView"], []Val{a[0]}, nil)
		},
		"values": func(vm *VM, a []Val, k []string) (Val, error) {
			return vm.call(m.attrs["ValuesView"], []Val{a[0]}, nil)
		},
	}
	sequenceMixins := map[string]nativeFn{
		"__iter__": func(vm *VM, a []Val, k []string) (Val, error) {
			self := a[0]
			return ObjVal(&instIter{self: self, index: true}), nil
		},
		"__contains__": func(vm *VM, a []Val, k []string) (Val, error) {
			items, err := vm.iterate(a[0])
			if err != nil {
				return Val{}, err
			}
			for _, it := range items {
				if vm.eqItem(it, a[1]) {
					return True, nil
				}
			}
			return False, vm.takePending()
		},
		"index": func(vm *VM, a []Val, k []string) (Val, error) {
			items, err := vm.iterate(a[0])
			if err != nil {
				return Val{}, err
			}
			// index(value, start=0, stop=None): negative bounds count
			// from the end; a miss is a ValueError without a message.
			lo, hi := int64(0), int64(len(items))
			bound := func(v Val) (int64, error) {
				n, err := vm.index(v, "slice indices")
				if n < 0 {
					n = max(n+int64(len(items)), 0)
				}
				return n, err
			}
			if len(a) > 2 && a[2].T != tagNone {
				if lo, err = bound(a[2]); err != nil {
					return Val{}, err
				}
			}
			if len(a) > 3 && a[3].T != tagNone {
				if hi, err = bound(a[3]); err != nil {
					return Val{}, err
				}
				hi = min(hi, int64(len(items)))
			}
			for i := lo; i < hi; i++ {
				if vm.eqItem(items[i], a[1]) {
					return IntVal(i), nil
				}
			}
			return Val{}, newErrVal(ValueError)
		},
		"count": func(vm *VM, a []Val, k []string) (Val, error) {
			items, err := vm.iterate(a[0])
			n := 0
			for _, it := range items {
				if vm.eqItem(it, a[1]) {
					n++
				}
			}
			return IntVal(int64(n)), err
		},
		"__reversed__": func(vm *VM, a []Val, k []string) (Val, error) {
			items, err := vm.iterate(a[0])
			for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
				items[i], items[j] = items[j], items[i]
			}
			return ObjVal(&seqIter{items: items}), err
		},
	}
	for _, sp := range abcSpecs {
		var mixins map[string]nativeFn
		switch sp.name {
		case "Mapping", "MutableMapping":
			mixins = mappingMixins
		case "Sequence", "MutableSequence":
			mixins = sequenceMixins
		}
		var bases []Val
		for _, b := range abcParents[sp.name] {
			bases = append(bases, m.attrs[b])
		}
		c, err := vm.nativeClass(sp.name, bases, mixins)
		if err != nil {
			continue
		}
		c.meta = meta
		// Every collections.abc class has __slots__ (CPython's: () but
		// MappingView's _mapping), so a subclass that sets __slots__ too
		// has instances without a __dict__.
		slots := ObjVal(emptyTuple)
		if sp.name == "MappingView" {
			slots = ObjVal(&Tuple{items: []Val{StrVal("_mapping")}})
		}
		if err := vm.setAttr(ObjVal(c), "__slots__", slots); err != nil {
			panic(&internalError{"collections.abc " + sp.name + ".__slots__: " + err.Error()})
		}
		if err := vm.setAttr(ObjVal(c), "register", register); err != nil {
			panic(&internalError{"collections.abc " + sp.name + ".register: " + err.Error()})
		}
		specs[c] = sp
		m.attrs[sp.name] = ObjVal(c)
	}
	vm.addABCMixins(m)
	return m
}

//go:embed pylib/abc_mixins.py
var abcMixinsSource string

// addABCMixins copies the mixin methods written in Python (pylib/
// abc_mixins.py: MutableMapping's pop, update, setdefault ...,
// MutableSequence's append, extend ..., Set's operators, MutableSet's)
// onto the ABCs of the same names; a derived ABC inherits its parents'.
func (vm *VM) addABCMixins(m *Module) {
	py := vm.pyModule("_abc_mixins", abcMixinsSource, map[string]nativeFn{
		// Set's comparisons take only Sets (a list is not one).
		"_is_abc_set": func(vm *VM, a []Val, k []string) (Val, error) {
			return vm.isinstance(a[0], m.attrs["Set"])
		},
		// Mapping's == and MutableMapping.update tell Mappings apart.
		"_is_abc_mapping": func(vm *VM, a []Val, k []string) (Val, error) {
			return vm.isinstance(a[0], m.attrs["Mapping"])
		},
	})
	copyFrom := func(dst, src string) {
		d, ok := m.attrs[dst].O.(*Class)
		s, ok2 := py.attrs[src].O.(*Class)
		if !ok || !ok2 {
			return
		}
		s.attrsMu.RLock()
		names := append([]string(nil), s.order...)
		s.attrsMu.RUnlock()
		for _, n := range names {
			if n == "__module__" || n == "__qualname__" || n == "__doc__" {
				continue
			}
			if _, has := d.own(n); has {
				continue
			}
			v, _ := s.own(n)
			if err := vm.setAttr(ObjVal(d), n, v); err != nil {
				panic(&internalError{"collections.abc mixin " + n + ": " + err.Error()})
			}
		}
	}
	// Each ABC gets its own class's methods; the rest it inherits
	// (abcParents).
	for _, n := range []string{"Iterator", "Mapping", "MutableMapping", "MutableSequence", "Set", "MutableSet",
		"MappingView", "KeysView", "ItemsView", "ValuesView"} {
		copyFrom(n, n)
	}
}
