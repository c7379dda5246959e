package interp

import (
	"sort"
	"strings"
)

// builtinTypeInfo is one built-in type's row of builtinTypeRows: the
// names in its own __dict__, in order, and what kind of object each is.
type builtinTypeInfo struct {
	name, base string
	names      []string
	kinds      map[string]byte
}

var builtinTypes = func() map[string]*builtinTypeInfo {
	m := map[string]*builtinTypeInfo{}
	for _, r := range builtinTypeRows {
		t := &builtinTypeInfo{name: r.name, base: r.base, kinds: map[string]byte{}}
		for _, f := range strings.Fields(r.own) {
			i := strings.LastIndexByte(f, ':')
			t.names = append(t.names, f[:i])
			t.kinds[f[:i]] = f[i+1]
		}
		m[r.name] = t
	}
	return m
}()

// builtinAttrKind finds name along built-in type tname's bases: the type
// whose __dict__ has it and the kind of object it is there.
func builtinAttrKind(tname, name string) (owner string, kind byte, ok bool) {
	for t := builtinTypes[tname]; t != nil; t = builtinTypes[t.base] {
		if k, ok := t.kinds[name]; ok {
			return t.name, k, true
		}
	}
	return "", 0, false
}

// builtinTypeDir is dir() of built-in type tname or of a value of it:
// the names of its __dict__ and its bases', sorted; nil for a type the
// table lacks.
func builtinTypeDir(tname string) []string {
	if builtinTypes[tname] == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for t := builtinTypes[tname]; t != nil; t = builtinTypes[t.base] {
		for _, n := range t.names {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	sort.Strings(out)
	return out
}

// builtinIsInstance says whether v is a value of built-in type owner or
// of a type derived from it (bool of int, anything of object), or an
// instance of a class deriving from such a type.
func builtinIsInstance(v Val, owner string) bool {
	if owner == "object" {
		return true
	}
	for _, x := range [2]Val{v, builtinOperand(v)} {
		if d, ok := x.O.(*Dict); ok && x.T == tagObject && dictKindRow(d) == owner {
			return true // a defaultdict of collections.defaultdict's
		}
		for t := builtinTypes[typeName(x)]; t != nil; t = builtinTypes[t.base] {
			if t.name == owner {
				return true
			}
		}
		if typeName(x) == owner {
			return true
		}
	}
	return false
}

// methodDescr is the method_descriptor of built-in type owner's method
// name (str.upper): calling it with a value of the type calls the
// value's method. One object per VM, as str.upper is str.upper.
func (vm *VM) methodDescr(owner, name string) Val {
	return vm.typeObjs.get("descr:"+owner+"."+name, func() Val {
		return ObjVal(&Builtin{name: name, objclass: owner, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) == 0 {
				return Val{}, newErr(TypeError, "unbound method %s.%s() needs an argument", shortTypeName(owner), name)
			}
			self := args[0]
			if !builtinIsInstance(self, owner) {
				return Val{}, newErr(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, shortTypeName(owner), typeName(self))
			}
			if b, ok := builtinValue(self); ok && owner != "object" {
				self = b // dict.update(self, ...) in a subclass of dict
			}
			return vm.callMethod(self, name, append([]Val(nil), args[1:]...), kwn)
		}})
	})
}

// specialDescr is built-in type owner's special method name read from the
// type: a slot wrapper (int.__add__) when slot, else a method_descriptor
// (list.__getitem__). Calling it with a value of the type runs the
// operation. One object per VM.
func (vm *VM) specialDescr(owner, name string, slot bool) Val {
	return vm.typeObjs.get("descr:"+owner+"."+name, func() Val {
		return ObjVal(&Builtin{name: name, objclass: owner, slot: slot, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) == 0 {
				return Val{}, newErr(TypeError, "descriptor '%s' of '%s' object needs an argument", name, shortTypeName(owner))
			}
			self := args[0]
			if !builtinIsInstance(self, owner) {
				return Val{}, newErr(TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", name, shortTypeName(owner), typeName(self))
			}
			if name == "__getattribute__" && len(args) == 2 && len(kwn) == 0 && args[1].isStr() {
				// tuple.__getattribute__(self, n) in a subclass's own:
				// the generic look-up of the instance, not of its value.
				return vm.objectGetAttribute(self, args[1].str().s)
			}
			if b, ok := builtinValue(self); ok && owner != "object" {
				self = b // dict.__setitem__(self, k, v) in a subclass of dict
			}
			if slot && len(kwn) > 0 {
				return Val{}, newErr(TypeError, "wrapper %s() takes no keyword arguments", name)
			}
			if owner == "module" && name == "__init__" {
				return moduleInit(vm, args, kwn) // names the module (module_type.go)
			}
			m, ok := builtinDunder(self, name)
			if inst, isInst := self.O.(*Instance); isInst {
				m, ok = objectDunder(self, inst, name)
			}
			if !ok {
				return Val{}, newErr(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, shortTypeName(owner), typeName(self))
			}
			return vm.call(m, append([]Val(nil), args[1:]...), kwn)
		}})
	})
}

// shortTypeName is a type's __name__ from the name minipy's messages
// use (collections.deque: deque).
func shortTypeName(t string) string {
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		return t[i+1:]
	}
	return t
}

// builtinTypeMethod is a class method or __new__ of built-in type typ that
// minipy has no function of its own for, bound to the type as CPython's
// print (<built-in method __new__ of type object at ...>).
func (vm *VM) builtinTypeMethod(typ Val, name string, kind byte) (Val, bool) {
	var fn nativeFn
	switch {
	case kind == 'C' && name == "__init_subclass__":
		fn = func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) > 0 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "%s.__init_subclass__() takes no arguments (%d given)", vm.strOf(vm.mustAttr(typ, "__name__")), len(args)+len(kwn))
			}
			return NoneVal, nil
		}
	case kind == 'C' && name == "__class_getitem__":
		fn = func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "__class_getitem__() takes exactly one argument (%d given)", len(args))
			}
			return vm.getItem(typ, args[0]) // list[int]
		}
	case kind == 'C' && name == "from_number":
		// 3.14's float.from_number and complex.from_number: a number only,
		// never a string.
		fn = func(vm *VM, args []Val, kwn []string) (Val, error) {
			tn := vm.strOf(vm.mustAttr(typ, "__name__"))
			if len(args) != 1 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "%s.from_number() takes exactly one argument (%d given)", tn, len(args)+len(kwn))
			}
			switch args[0].O.(type) {
			case *Str, *Bytes:
				return Val{}, newErr(TypeError, "must be real number, not %s", typeName(args[0]))
			}
			return vm.call(typ, []Val{args[0]}, nil)
		}
	case kind == 'C' && name == "__getformat__":
		fn = func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs("__getformat__", args, kwn, 1); err != nil {
				return Val{}, err
			}
			if !args[0].isStr() {
				return Val{}, newErr(TypeError, "__getformat__() argument must be str, not %s", typeName(args[0]))
			}
			if s := args[0].str().s; s != "double" && s != "float" {
				return Val{}, newErr(ValueError, "__getformat__() argument 1 must be 'double' or 'float'")
			}
			return StrVal("IEEE, little-endian"), nil // the machines minipy runs on
		}
	case kind == 'C' && name == "__subclasshook__":
		fn = func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "%s.__subclasshook__() takes exactly one argument (%d given)", vm.strOf(vm.mustAttr(typ, "__name__")), len(args)+len(kwn))
			}
			return vm.bi["NotImplemented"], nil
		}
	case kind == 'B' && name == "__new__":
		// T.__new__(T, *args): a new value of T, made as T(*args) makes it.
		fn = func(vm *VM, args []Val, kwn []string) (Val, error) {
			tn := vm.strOf(vm.mustAttr(typ, "__name__"))
			if len(args) == 0 {
				return Val{}, newErr(TypeError, "%s.__new__(): not enough arguments", tn)
			}
			if _, ok := args[0].O.(*typeObj); !ok || args[0].T != tagObject {
				return Val{}, newErr(TypeError, "%s.__new__(X): X is not a type object (%s)", tn, typeName(args[0]))
			}
			return vm.call(args[0], append([]Val(nil), args[1:]...), kwn)
		}
	default:
		return Val{}, false
	}
	return ObjVal(&Builtin{name: name, bound: typ, fn: fn}), true
}

// mustAttr is v's attribute name, or None when it has none.
func (vm *VM) mustAttr(v Val, name string) Val {
	a, err := vm.getAttr(v, name)
	if err != nil {
		return NoneVal
	}
	return a
}

// tableAttr is an attribute CPython's type of built-in value o has that
// minipy found no other way (dir() lists them all): a docstring or None
// entry reads as None, a class or static method is the type's, and a
// method is bound to o. A method minipy does not run raises
// NotImplementedError when called, naming it.
func (vm *VM) tableAttr(o Val, name string) (Val, bool) {
	switch o.O.(type) {
	case *Instance, *Class, *typeObj, *ExcType, *Exception, *Module, *SuperObj:
		return Val{}, false
	}
	if name == "__length_hint__" {
		if m, ok := lengthHintMethod(o); ok {
			return m, true
		}
	}
	tname := typeName(o)
	if isNotImplemented(o) {
		tname = "NotImplementedType"
	}
	owner, kind, ok := builtinAttrKind(tname, name)
	if !ok {
		return Val{}, false
	}
	switch kind {
	case 'T', 'N':
		if name == "__doc__" || kind == 'N' {
			return NoneVal, true
		}
	case 'C', 'S', 'B', 'W', 'M':
		if kind == 'C' || kind == 'S' || kind == 'B' {
			if v, err := vm.getAttr(vm.typeOf(o), name); err == nil {
				return v, true
			}
		}
		if owner == "object" {
			if f, ok := vm.objectAttr(name); ok {
				return ObjVal(&Builtin{name: name, bound: o, slot: kind == 'W', fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
					return vm.call(f, append([]Val{o}, args...), kwn)
				}}), true
			}
		}
		return notImplementedMethod(o, owner, name, kind == 'W'), true
	}
	return Val{}, false
}

// notImplementedMethod is built-in type owner's method name, bound to o,
// that minipy does not run: calling it raises NotImplementedError.
func notImplementedMethod(o Val, owner, name string, slot bool) Val {
	return ObjVal(&Builtin{name: name, bound: o, slot: slot, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
		return Val{}, newErr(NotImplementedError, "%s.%s() is not implemented in minipy", shortTypeName(owner), name)
	}})
}
