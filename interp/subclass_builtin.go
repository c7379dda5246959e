package interp

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Subclasses of list, dict and set: the instance keeps a value of the
// built-in type (its attribute __builtin_value__, made on first use) and
// a class standing for the type, between the subclass and object,
// forwards the special methods and, through __getattr__, every other
// method to it. isinstance(x, list) looks for that class.

const builtinValueAttr = "__builtin_value__"

// builtinBase is the class standing for the built-in type name as a
// base, or nil for types that cannot be subclassed this way.
func (vm *VM) builtinBase(name string) *Class {
	i := builtinBaseIndex(name)
	if i < 0 {
		return nil
	}
	// isinstance(obj, int) asks on every call: once made, the class is
	// read without the cache's lock, map and key string.
	if c := vm.typeObjs.bases[i].Load(); c != nil {
		return c
	}
	c := vm.typeObjs.get("base:"+name, func() Val { return ObjVal(vm.makeBuiltinBase(name)) }).O.(*Class)
	vm.typeObjs.bases[i].Store(c)
	return c
}

// isBuiltinBase says whether c is the class standing for a built-in type
// (its repr is the type's: <class 'list'>, not a class of __main__).
func (vm *VM) isBuiltinBase(c *Class) bool {
	i := builtinBaseIndex(c.name)
	return i >= 0 && vm.typeObjs.bases[i].Load() == c
}

// builtinBaseIndex is name's place among the built-in types a class can
// subclass, or -1.
func builtinBaseIndex(name string) int {
	switch name {
	case "list":
		return 0
	case "dict":
		return 1
	case "set":
		return 2
	case "int":
		return 3
	case "float":
		return 4
	case "str":
		return 5
	case "tuple":
		return 6
	case "bytes":
		return 7
	case "frozenset":
		return 8
	}
	return -1
}

// collectionsBase is builtinBase for collections' types a class can
// subclass (OrderedDict, defaultdict, Counter: dicts; deque), or nil.
func (vm *VM) collectionsBase(t *typeObj) *Class {
	var parents []Val
	switch {
	case collectionsDict(t):
		// isinstance(x, dict) holds for their subclasses' instances.
		parents = []Val{ObjVal(vm.builtinBase("dict"))}
	case t.module == "collections" && t.name == "deque":
	default:
		return nil
	}
	return vm.typeObjs.get("base:collections."+t.name, func() Val {
		c := vm.makeBaseClass(t.name, ObjVal(t), parents)
		c.module = "collections"
		vm.objectSetAttr(ObjVal(c), "__hash__", NoneVal)
		return ObjVal(c)
	}).O.(*Class)
}

// collectionsDict says whether t is one of collections' dict types
// (OrderedDict, defaultdict, Counter): subclasses of dict in CPython.
func collectionsDict(t *typeObj) bool {
	switch t.name {
	case "OrderedDict", "defaultdict", "Counter":
		return t.module == "collections"
	}
	return false
}

// baseOf is the class standing for the built-in type t as a base, or nil.
func (vm *VM) baseOf(t *typeObj) *Class {
	if t.module == "collections" {
		return vm.collectionsBase(t)
	}
	if t.name == "module" && t.module == "" {
		return vm.moduleBase()
	}
	return vm.builtinBase(t.name)
}

func (vm *VM) makeBuiltinBase(name string) *Class {
	c := vm.makeBaseClass(name, vm.bi[name], nil)
	c.module = "builtins"
	if !immutableBase[name] {
		vm.objectSetAttr(ObjVal(c), "__hash__", NoneVal)
	}
	return c
}

// makeBaseClass makes the class standing for the type typ (named name)
// as a base: its methods forward to the instance's built-in value.
func (vm *VM) makeBaseClass(name string, typ Val, parents []Val) *Class {
	backing := func(vm *VM, self Val) (Val, error) {
		inst, ok := self.O.(*Instance)
		if !ok {
			return Val{}, newErr(TypeError, "descriptor requires a '%s' object but received a '%s'", name, typeName(self))
		}
		if v, ok := inst.get(builtinValueAttr); ok {
			return v, nil
		}
		v, err := vm.call(typ, nil, nil)
		if err != nil {
			return Val{}, err
		}
		inst.set(builtinValueAttr, v)
		return v, nil
	}
	// on forwards a special method to the built-in value.
	on := func(f func(vm *VM, b Val, args []Val) (Val, error)) nativeFn {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := backing(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			return f(vm, b, args[1:])
		}
	}
	other := func(vm *VM, v Val) Val {
		if inst, ok := v.O.(*Instance); ok {
			if b, ok := inst.get(builtinValueAttr); ok {
				return b
			}
		}
		return v
	}
	methods := map[string]nativeFn{
		"__init__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			v, err := vm.call(typ, args[1:], kwn)
			if err != nil {
				return Val{}, err
			}
			args[0].O.(*Instance).set(builtinValueAttr, v)
			return NoneVal, nil
		},
		"__len__": on(func(vm *VM, b Val, a []Val) (Val, error) {
			n, err := vm.length(b)
			return IntVal(int64(n)), err
		}),
		"__iter__": on(func(vm *VM, b Val, a []Val) (Val, error) {
			it, err := vm.iter(b)
			return ObjVal(it), err
		}),
		"__contains__": on(func(vm *VM, b Val, a []Val) (Val, error) {
			r, err := vm.contains(b, a[0])
			return BoolVal(r), err
		}),
		"__getitem__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := backing(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			if name == "Counter" || name == "defaultdict" {
				// Counter's own __missing__ (0) and defaultdict's (the
				// factory) answer inside the value; a subclass's replaces it.
				if inst, ok := args[0].O.(*Instance); ok && definesBeforeBuiltin(inst.cls, "__missing__") {
					if d, ok := b.O.(*Dict); ok {
						v, found, err := d.get(args[1])
						if err != nil || found {
							return v, err
						}
						return vm.callAttr(args[0], "__missing__", args[1:2], nil)
					}
				}
			}
			r, err := vm.getItem(b, args[1])
			if pe, ok := err.(*PyErr); ok && pe.exc.typ == KeyError && (name == "dict" || name == "OrderedDict") {
				if m, ok := args[0].O.(*Instance).cls.lookup("__missing__"); ok {
					return vm.call(m, []Val{args[0], args[1]}, nil)
				}
			}
			return r, err
		},
		"__setitem__": on(func(vm *VM, b Val, a []Val) (Val, error) { return NoneVal, vm.setItem(b, a[0], a[1]) }),
		"__delitem__": on(func(vm *VM, b Val, a []Val) (Val, error) { return NoneVal, vm.delItem(b, a[0]) }),
		"__repr__": on(func(vm *VM, b Val, a []Val) (Val, error) {
			return StrVal(vm.repr(b)), vm.takePending()
		}),
		"__bool__": on(func(vm *VM, b Val, a []Val) (Val, error) { return BoolVal(truthy(b)), nil }),
		"__eq__": on(func(vm *VM, b Val, a []Val) (Val, error) {
			return BoolVal(vm.equal(b, other(vm, a[0]))), vm.takePending()
		}),
		"__ne__": on(func(vm *VM, b Val, a []Val) (Val, error) {
			return BoolVal(!vm.equal(b, other(vm, a[0]))), vm.takePending()
		}),
		"__add__":  on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.binop(opAdd, b, other(vm, a[0])) }),
		"__radd__": on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.binop(opAdd, other(vm, a[0]), b) }),
		"__mul__":  on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.binop(opMul, b, a[0]) }),
		"__rmul__": on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.binop(opMul, a[0], b) }),
		"__or__":   on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.binop(opBitOr, b, other(vm, a[0])) }),
		"__ror__": on(func(vm *VM, b Val, a []Val) (Val, error) {
			// {} | D(): asked first, D being a subclass; NotImplemented
			// when the base has no | either (the error names D then).
			return notImplementedIfUnsupported(vm)(vm.binop(opBitOr, other(vm, a[0]), b))
		}),
		"__and__": on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.binop(opBitAnd, b, other(vm, a[0])) }),
		"__sub__": on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.binop(opSub, b, other(vm, a[0])) }),
		"__iadd__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := backing(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			if _, ok, err := vm.inplaceOp(opAdd, b, other(vm, args[1])); !ok || err != nil {
				if err != nil {
					return Val{}, err
				}
				return vm.bi["NotImplemented"], nil
			}
			return args[0], nil
		},
		"__getattr__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := backing(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			n := vm.strOf(args[1])
			if n == builtinValueAttr {
				return Val{}, newErr(AttributeError, "'%s' object has no attribute '%s'", typeName(args[0]), n)
			}
			r, err := vm.getAttr(b, n)
			if err != nil {
				return Val{}, newErr(AttributeError, "'%s' object has no attribute '%s'", typeName(args[0]), n)
			}
			return r, nil
		},
	}
	for _, p := range []struct {
		n  string
		op Op
	}{{"__lt__", opLt}, {"__le__", opLe}, {"__gt__", opGt}, {"__ge__", opGe}} {
		op := p.op
		methods[p.n] = on(func(vm *VM, b Val, a []Val) (Val, error) {
			r, err := vm.compare(op, b, other(vm, a[0]))
			return BoolVal(r), err
		})
	}
	if immutableBase[name] {
		vm.immutableBaseMethods(name, typ, methods, on, other)
	}
	if name == "dict" || name == "OrderedDict" || name == "defaultdict" {
		dictSubclassOr(name, methods, backing)
	}
	if name == "set" || name == "frozenset" {
		methods["__xor__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.binop(opBitXor, b, other(vm, a[0])) })
		methods["__ror__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.binop(opBitOr, other(vm, a[0]), b) })
		methods["__rand__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.binop(opBitAnd, other(vm, a[0]), b) })
		methods["__rxor__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.binop(opBitXor, other(vm, a[0]), b) })
		methods["__rsub__"] = on(func(vm *VM, b Val, a []Val) (Val, error) { return vm.binop(opSub, other(vm, a[0]), b) })
	}
	if typ.O != vm.bi[name].O || name == "set" || name == "frozenset" {
		// The repr names the subclass, as those of sets, frozensets and
		// collections' types (OrderedDict, Counter, defaultdict, deque)
		// do: S({1, 2}), S().
		methods["__repr__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := backing(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			r := vm.repr(b)
			if rest, ok := strings.CutPrefix(r, name+"("); ok {
				r = typeName(args[0]) + "(" + rest
			} else if name == "set" {
				r = typeName(args[0]) + "(" + r + ")"
			}
			return StrVal(r), vm.takePending()
		}
	}
	if name == "Counter" || name == "OrderedDict" {
		methods["__init__"] = vm.mappingSubclassInit(name, typ)
	}
	if name == "OrderedDict" {
		// MutableMapping.update in CPython: each item through
		// self[key] = value.
		methods["update"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
			npos := len(args) - 1 - len(kwn)
			if npos > 1 {
				return Val{}, newErr(TypeError, "update() takes at most 1 positional argument (%d given)", npos)
			}
			if npos == 1 {
				if err := vm.updateViaSetItem(args[0], args[1]); err != nil {
					return Val{}, err
				}
			}
			for i, k := range kwn {
				if err := vm.setItem(args[0], StrVal(k), args[1+npos+i]); err != nil {
					return Val{}, err
				}
			}
			return NoneVal, nil
		}
	}
	if name == "Counter" || name == "defaultdict" {
		// What super().__missing__(key) in a subclass's __missing__ reaches.
		methods["__missing__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 2 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "__missing__() takes exactly one argument (%d given)", len(args)-1)
			}
			if name == "Counter" {
				return IntVal(0), nil
			}
			b, err := backing(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			f, err := vm.getAttr(b, "default_factory")
			if err != nil {
				return Val{}, err
			}
			if f.T == tagNone {
				return Val{}, newErrVal(KeyError, args[1])
			}
			v, err := vm.call(f, nil, nil)
			if err != nil {
				return Val{}, err
			}
			return v, vm.setItem(args[0], args[1], v)
		}
	}
	if name == "OrderedDict" {
		methods["setdefault"] = odictSubclassSetdefault(backing)
	}
	if name == "Counter" {
		methods["update"] = counterSubclassUpdate("update", backing)
		methods["subtract"] = counterSubclassUpdate("subtract", backing)
	}
	var classMethods []string
	if t, ok := typ.O.(*typeObj); ok && t.module == "collections" {
		classMethods = collectionsKindMethods(name, methods, backing)
	}
	c, _ := vm.nativeClass(name, parents, withSlotSigs(name, methods), classMethods...)
	c.builtin = true
	c.builtinType = typ
	return c
}

// typeCache keeps what type() and subclassing made for a run, shared by
// its threads.
type typeCache struct {
	mu sync.Mutex
	m  map[string]Val
	// bases are the classes builtinBase made, by builtinBaseIndex.
	bases [9]atomic.Pointer[Class]
}

func newTypeCache() *typeCache { return &typeCache{m: map[string]Val{}} }

// get returns the value for key, made by mk the first time.
func (c *typeCache) get(key string, mk func() Val) Val {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.m[key]; ok {
		return v
	}
	v := mk()
	c.m[key] = v
	return v
}

// builtinTypeNew is int.__new__ and the like. T.__new__(T, ...) of an
// immutable type is T(...); of a mutable one (list, dict, deque ...) an
// empty T, which __init__ fills, as CPython's. T.__new__(C, ...) for a
// subclass C of T makes a C around the value without running C.__init__
// (what copyreg's _reconstructor and __newobj__ rely on).
func (vm *VM) builtinTypeNew(t *typeObj, typ Val) Val {
	base := vm.baseOf(t)
	if base == nil && (t.name != "bytearray" || t.module != "") {
		return Val{}
	}
	// One per type: L.__new__ is list.__new__.
	return vm.typeObjs.get("__new__:"+t.module+"."+t.name, func() Val { return vm.makeBuiltinTypeNew(t, typ, base) })
}

func (vm *VM) makeBuiltinTypeNew(t *typeObj, typ Val, base *Class) Val {
	name := t.name
	switch {
	case name == "Counter":
		name = "dict" // a Python class in CPython: dict's __new__
	case t.module == "collections":
		name = "collections." + name
	}
	return ObjVal(&Builtin{name: "__new__", fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) == 0 {
			return Val{}, newErr(TypeError, "%s.__new__(): not enough arguments", name)
		}
		if args[0].O == typ.O {
			if immutableBase[t.name] {
				return vm.call(typ, args[1:], kwn)
			}
			return vm.call(typ, nil, nil)
		}
		if o, ok := args[0].O.(*typeObj); ok && args[0].T == tagObject {
			return Val{}, newErr(TypeError, "%s.__new__(%s): %s is not a subtype of %s", name, o.name, o.name, name)
		}
		c, ok := args[0].O.(*Class)
		if !ok || args[0].T != tagObject {
			return Val{}, newErr(TypeError, "%s.__new__(X): X is not a type object (%s)", name, typeName(args[0]))
		}
		if base == nil || !c.isSub(base) {
			return Val{}, newErr(TypeError, "%s.__new__(%s): %s is not a subtype of %s", name, c.name, c.name, name)
		}
		if nw, ok := base.attrs["__new__"]; ok {
			return vm.call(nw, args, kwn)
		}
		// A mutable type's __new__ makes it empty; __init__ fills it.
		return vm.newInstancePlain(c), nil
	}})
}

// superNew is super().__new__ for a class c whose MRO reaches after (the
// class super() names) a class standing for a built-in type before one
// with a __new__ of its own: that type's __new__. Otherwise nothing (the
// caller's is object's). With after nil, the search starts at c: C.__new__.
func (vm *VM) superNew(c, after *Class) Val {
	past := after == nil
	for _, k := range c.mro {
		if !past {
			past = k == after
			continue
		}
		if _, ok := k.attrs["__new__"]; ok {
			break
		}
		if k.builtin {
			if t, ok := k.builtinType.O.(*typeObj); ok && k.builtinType.T == tagObject {
				if f := vm.builtinTypeNew(t, k.builtinType); f.T != tagEmpty {
					return f
				}
			}
			break
		}
	}
	return Val{}
}

// superBuiltinAttr is super().name for an instance whose MRO reaches base
// (a class standing for a built-in type) before any class defining name:
// the built-in value's attribute, its method bound to that value. Names
// object's own methods answer (__new__, __setattr__ ...) are left to them.
func (vm *VM) superBuiltinAttr(base *Class, self Val, name string) (Val, bool) {
	if superNotForwarded[name] {
		return Val{}, false
	}
	ga, ok := base.attrs["__getattr__"]
	if !ok {
		return Val{}, false
	}
	v, err := vm.call(ga, []Val{self, StrVal(name)}, nil)
	return v, err == nil
}

// superNotForwarded are the names super() of a subclass of a built-in
// type does not take from the built-in value: the instance's own
// machinery, which object's methods (or the class) answer for it.
var superNotForwarded = map[string]bool{
	builtinValueAttr: true, "__new__": true, "__init__": true, "__init_subclass__": true,
	"__setattr__": true, "__delattr__": true, "__getattribute__": true, "__getattr__": true,
	"__dir__": true, "__class__": true, "__dict__": true, "__reduce__": true,
	"__reduce_ex__": true, "__getstate__": true, "__subclasshook__": true,
	// object.__str__ is repr(self): only str's base has a __str__ of its own.
	"__str__": true,
}

// mappingSubclassInit is __init__ of Counter and OrderedDict as bases,
// which CPython runs through the instance's own methods, so a subclass's
// overrides see the first items: Counter's calls self.update(iterable,
// **kwds), OrderedDict's stores each item with self[key] = value.
func (vm *VM) mappingSubclassInit(name string, typ Val) nativeFn {
	return func(vm *VM, args []Val, kwn []string) (Val, error) {
		self := args[0]
		inst := self.O.(*Instance)
		npos := len(args) - 1 - len(kwn)
		if npos > 1 {
			if name == "Counter" {
				return Val{}, newErr(TypeError, "Counter.__init__() takes from 1 to 2 positional arguments but %d were given", npos+1)
			}
			return Val{}, newErr(TypeError, "expected at most 1 arguments, got %d", npos)
		}
		empty, err := vm.call(typ, nil, nil)
		if err != nil {
			return Val{}, err
		}
		inst.set(builtinValueAttr, empty)
		if name == "Counter" {
			upd := make([]Val, 0, 1+len(kwn))
			if npos == 1 {
				upd = append(upd, args[1])
			} else {
				upd = append(upd, NoneVal)
			}
			upd = append(upd, args[1+npos:]...)
			_, err := vm.callAttr(self, "update", upd, kwn)
			return NoneVal, err
		}
		if npos == 1 {
			if err := vm.updateViaSetItem(self, args[1]); err != nil {
				return Val{}, err
			}
		}
		for i, k := range kwn {
			if err := vm.setItem(self, StrVal(k), args[1+npos+i]); err != nil {
				return Val{}, err
			}
		}
		return NoneVal, nil
	}
}

// updateViaSetItem stores src's items in self one self[key] = value at a
// time: a mapping's (anything with keys()) or an iterable's pairs.
func (vm *VM) updateViaSetItem(self, src Val) error {
	if keys, err := vm.getAttr(src, "keys"); err == nil {
		ks, err := vm.call(keys, nil, nil)
		if err != nil {
			return err
		}
		return vm.each(ks, func(k Val) (bool, error) {
			v, err := vm.getItem(src, k)
			if err != nil {
				return true, err
			}
			return false, vm.setItem(self, k, v)
		})
	} else if !isAttrErr(err) {
		return err
	}
	// Each pair is unpacked as `k, v = pair` would be.
	return vm.each(src, func(p Val) (bool, error) {
		kv, err := vm.iterate(p)
		if err != nil {
			return true, err
		}
		switch {
		case len(kv) > 2:
			return true, newErr(ValueError, "too many values to unpack (expected 2)")
		case len(kv) < 2:
			return true, newErr(ValueError, "not enough values to unpack (expected 2, got %d)", len(kv))
		}
		return false, vm.setItem(self, kv[0], kv[1])
	})
}

// counterSubclassUpdate is Counter.update (or subtract) as a base's
// method. A subclass overriding get or __setitem__ has its counts made
// as CPython's Python code makes them, self[elem] = self.get(elem, 0) ±
// count; otherwise the built-in value counts directly. Keywords come back
// through self.update(kwds), so a subclass's override sees them.
func counterSubclassUpdate(name string, backing func(vm *VM, self Val) (Val, error)) nativeFn {
	return func(vm *VM, args []Val, kwn []string) (Val, error) {
		npos := len(args) - 1 - len(kwn)
		if npos > 1 {
			return Val{}, newErr(TypeError, "Counter.%s() takes from 1 to 2 positional arguments but %d were given", name, npos+1)
		}
		self := args[0]
		b, err := backing(vm, self)
		if err != nil {
			return Val{}, err
		}
		if npos == 1 && args[1].T != tagNone {
			if inst, ok := self.O.(*Instance); ok && definesBeforeBuiltin(inst.cls, "get", "__setitem__") {
				err = vm.counterCountViaItems(self, b, args[1], name == "subtract")
			} else {
				_, err = vm.callAttr(b, name, args[1:2], nil)
			}
			if err != nil {
				return Val{}, err
			}
		}
		if len(kwn) > 0 {
			kw := newDict()
			for i, k := range kwn {
				if err := kw.set(StrVal(k), args[1+npos+i]); err != nil {
					return Val{}, err
				}
			}
			if _, err := vm.callAttr(self, name, []Val{ObjVal(kw)}, nil); err != nil {
				return Val{}, err
			}
		}
		return NoneVal, nil
	}
}

// definesBeforeBuiltin reports whether a Python class in c's MRO, before
// the class standing for the built-in type, defines one of names.
func definesBeforeBuiltin(c *Class, names ...string) bool {
	for _, k := range c.mro {
		if k.builtin || k == objectClass {
			return false
		}
		for _, n := range names {
			if _, ok := k.attrs[n]; ok {
				return true
			}
		}
	}
	return false
}

// counterCountViaItems counts src into self through the mapping protocol:
// each element (or each key of a mapping, by its count) becomes
// self[elem] = self.get(elem, 0) + 1 (or - 1 to subtract). Like CPython's,
// update of an empty counter from a mapping copies it as dict.update does.
func (vm *VM) counterCountViaItems(self, b, src Val, subtract bool) error {
	items, err := vm.getAttr(src, "items")
	isMapping := err == nil
	if err != nil && !isAttrErr(err) {
		return err
	}
	get, err := vm.getAttr(self, "get")
	if err != nil {
		return err
	}
	add := func(elem, count Val) (bool, error) {
		cur, err := vm.call(get, []Val{elem, IntVal(0)}, nil)
		if err != nil {
			return true, err
		}
		var n Val
		switch {
		case subtract:
			n, err = vm.binop(opSub, cur, count)
		case isMapping: // count + self.get(elem, 0), in that order
			n, err = vm.binop(opAdd, count, cur)
		default:
			n, err = vm.binop(opAdd, cur, count)
		}
		if err != nil {
			return true, err
		}
		return false, vm.setItem(self, elem, n)
	}
	if !isMapping {
		return vm.each(src, func(elem Val) (bool, error) { return add(elem, IntVal(1)) })
	}
	pairs, err := vm.call(items, nil, nil)
	if err != nil {
		return err
	}
	d, copyIn := b.O.(*Dict)
	copyIn = copyIn && !subtract && d.Len() == 0
	return vm.each(pairs, func(p Val) (bool, error) {
		kv, err := vm.iterate(p)
		if err != nil {
			return true, err
		}
		if len(kv) != 2 {
			return true, newErr(ValueError, "expected (key, count) pairs from items()")
		}
		if copyIn {
			return false, d.set(kv[0], kv[1])
		}
		return add(kv[0], kv[1])
	})
}

// odictSubclassSetdefault is OrderedDict.setdefault as a base's method.
// CPython's C code answers a subclass through the mapping protocol (key in
// self, then self[key] or self[key] = default); only a subclass overriding
// one of those takes that way here, the rest ask the built-in value.
func odictSubclassSetdefault(backing func(vm *VM, self Val) (Val, error)) nativeFn {
	return func(vm *VM, args []Val, kwn []string) (Val, error) {
		self := args[0]
		inst, ok := self.O.(*Instance)
		if !ok || !definesBeforeBuiltin(inst.cls, "__contains__", "__getitem__", "__setitem__") {
			b, err := backing(vm, self)
			if err != nil {
				return Val{}, err
			}
			return vm.callAttr(b, "setdefault", args[1:], kwn)
		}
		key, dflt, err := setdefaultArgs(args[1:], kwn)
		if err != nil {
			return Val{}, err
		}
		has, err := vm.contains(self, key)
		if err != nil {
			return Val{}, err
		}
		if has {
			return vm.getItem(self, key)
		}
		return dflt, vm.setItem(self, key, dflt)
	}
}

// setdefaultArgs unpacks setdefault(key, default=None).
func setdefaultArgs(args []Val, kwn []string) (key, dflt Val, err error) {
	npos := len(args) - len(kwn)
	dflt = NoneVal
	if len(args) > 2 {
		return Val{}, Val{}, newErr(TypeError, "setdefault() takes at most 2 arguments (%d given)", len(args))
	}
	for i, k := range kwn {
		switch {
		case k != "key" && k != "default":
			return Val{}, Val{}, newErr(TypeError, "setdefault() got an unexpected keyword argument '%s'", k)
		case k == "key" && npos >= 1:
			return Val{}, Val{}, newErr(TypeError, "argument for setdefault() given by name ('key') and position (1)")
		case k == "default" && npos >= 2:
			return Val{}, Val{}, newErr(TypeError, "argument for setdefault() given by name ('default') and position (2)")
		}
		if k == "key" {
			key = args[npos+i]
		} else {
			dflt = args[npos+i]
		}
	}
	if npos >= 1 {
		key = args[0]
	}
	if npos == 2 {
		dflt = args[1]
	}
	if key.T == tagEmpty {
		return Val{}, Val{}, newErr(TypeError, "setdefault() missing required argument 'key' (pos 1)")
	}
	return key, dflt, nil
}

// dictSubclassOr gives a subclass of dict, OrderedDict or defaultdict
// CPython's |= (an update of the instance itself, where | made a new
// value), and OrderedDict's and defaultdict's | an instance of the
// subclass, as their __or__ and __ror__ make it: type(self)(self) (with
// the factory first for a defaultdict) updated with the other operand.
func dictSubclassOr(name string, methods map[string]nativeFn, backing func(vm *VM, self Val) (Val, error)) {
	isDict := func(v Val) bool {
		if _, ok := v.O.(*Dict); ok && v.T == tagObject {
			return true
		}
		b, ok := builtinValue(v)
		_, isD := b.O.(*Dict)
		return ok && isD
	}
	methods["__ior__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 2 {
			return Val{}, newErr(TypeError, "expected 1 argument, got %d", len(args)-1)
		}
		if _, err := vm.callAttr(args[0], "update", args[1:2], nil); err != nil {
			return Val{}, err
		}
		return args[0], nil
	}
	if name == "dict" {
		return // dict's | gives a dict
	}
	// made is type(self)(first), with the factory before it for a defaultdict.
	made := func(vm *VM, self, first Val) (Val, error) {
		args := []Val{first}
		if name == "defaultdict" {
			b, err := backing(vm, self)
			if err != nil {
				return Val{}, err
			}
			f := NoneVal
			if d, ok := b.O.(*Dict); ok && d.factory.T != tagEmpty {
				f = d.factory
			}
			args = []Val{f, first}
		}
		return vm.call(vm.typeOf(self), args, nil)
	}
	or := func(right bool) nativeFn {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 2 {
				return Val{}, newErr(TypeError, "expected 1 argument, got %d", len(args)-1)
			}
			self, o := args[0], args[1]
			if !isDict(o) {
				return vm.bi["NotImplemented"], nil
			}
			first, then := self, o
			if right {
				first, then = o, self
			}
			r, err := made(vm, self, first)
			if err != nil {
				return Val{}, err
			}
			if _, err := vm.callAttr(r, "update", []Val{then}, nil); err != nil {
				return Val{}, err
			}
			return r, nil
		}
	}
	methods["__or__"], methods["__ror__"] = or(false), or(true)
}
