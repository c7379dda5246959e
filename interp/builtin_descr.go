package interp

// Descriptors of built-in types read from the type itself: str.upper is
// a method_descriptor, int.real a getset_descriptor, slice.start a
// member_descriptor, printed and named as CPython's.

// methodDescrAttr is an attribute of a built-in type's method taken from
// the type (str.upper): its qualified name, the type, and __get__, which
// binds it to a value of that type as "abc".upper is bound.
func (vm *VM) methodDescrAttr(b *Builtin, name string) (Val, bool) {
	switch name {
	case "__qualname__":
		return StrVal(shortTypeName(b.objclass) + "." + b.name), true
	case "__objclass__":
		if t, ok := vm.bi[b.objclass]; ok {
			return t, true
		}
	case "__get__":
		if b.data == dataClassMethod {
			// dict.__dict__['fromkeys'].__get__(None, dict) is dict.fromkeys.
			return builtinFn("__get__", func(vm *VM, args []Val, kwn []string) (Val, error) {
				if len(args) < 1 || len(args) > 2 || len(kwn) > 0 {
					return Val{}, newErr(TypeError, "expected 1 or 2 arguments, got %d", len(args))
				}
				typ := vm.typeOf(args[0])
				if len(args) == 2 && args[1].T != tagNone {
					typ = args[1]
				}
				return vm.getAttr(typ, b.name)
			}), true
		}
		return builtinFn("__get__", func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) < 1 || len(args) > 2 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "expected 1 or 2 arguments, got %d", len(args))
			}
			obj := args[0]
			if obj.T == tagNone {
				if len(args) == 2 && args[1].T != tagNone {
					return ObjVal(b), nil
				}
				return Val{}, newErr(TypeError, "__get__(None, None) is invalid")
			}
			if !builtinIsInstance(obj, b.objclass) {
				return Val{}, newErr(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", b.name, shortTypeName(b.objclass), typeName(obj))
			}
			return vm.getAttr(obj, b.name)
		}), true
	case "__set__", "__delete__":
		if b.data == dataNone {
			break
		}
		n := 2
		if name == "__delete__" {
			n = 1
		}
		return builtinFn(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != n || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "expected %d arguments, got %d", n, len(args))
			}
			if b.data == dataMember {
				return Val{}, newErr(AttributeError, "readonly attribute")
			}
			return Val{}, newErr(AttributeError, "attribute '%s' of '%s' objects is not writable", b.name, b.objclass)
		}), true
	}
	return Val{}, false
}

// inheritedMethodDescr is a method or data descriptor of the built-in
// type that class c derives from, read from c (class S(str): S.upper is
// str.upper; class I(int): I.real is int.real).
func (vm *VM) inheritedMethodDescr(c *Class, name string) (Val, bool) {
	for _, k := range c.mro {
		table, typ := k.name, vm.bi[k.name]
		switch {
		case vm.isBuiltinBase(k):
			if d, ok := vm.dataDescr(k.name, name); ok {
				return d, true
			}
		case k.builtin && k.module == "collections":
			// OrderedDict, Counter, defaultdict, deque: their own
			// methods are the type's, not dict's (move_to_end).
			table, typ = "dict", k.builtinType
			if k.name == "deque" {
				table = "collections.deque"
			}
		default:
			continue
		}
		for _, m := range methodNames[table] {
			if m == name {
				if v, err := vm.getAttr(typ, name); err == nil {
					return v, true
				}
			}
		}
		if k.builtin && k.module == "collections" {
			if v, ok := vm.collectionsTypeAttr(k, name); ok {
				return v, true
			}
		}
	}
	return Val{}, false
}

// dataKind tells a built-in type's data descriptors apart, as CPython
// types them: computed attributes (getset_descriptor) and struct fields
// (member_descriptor).
type dataKind uint8

const (
	dataNone dataKind = iota
	dataGetset
	dataMember
	dataClassMethod
)

// dataDescrs are the data descriptors of built-in types read from the
// type (int.real), by type and name.
var dataDescrs = map[string]map[string]dataKind{
	"int":      {"real": dataGetset, "imag": dataGetset, "numerator": dataGetset, "denominator": dataGetset},
	"bool":     {"real": dataGetset, "imag": dataGetset, "numerator": dataGetset, "denominator": dataGetset},
	"float":    {"real": dataGetset, "imag": dataGetset},
	"complex":  {"real": dataMember, "imag": dataMember},
	"slice":    {"start": dataMember, "stop": dataMember, "step": dataMember},
	"range":    {"start": dataMember, "stop": dataMember, "step": dataMember},
	"property": {"fget": dataMember, "fset": dataMember, "fdel": dataMember},
}

// dataDescr is type tname's data descriptor name (int.real), one object
// per VM. bool's are int's, as bool inherits them.
func (vm *VM) dataDescr(tname, name string) (Val, bool) {
	kind, ok := dataDescrs[tname][name]
	if tname == "bool" {
		tname = "int"
	}
	if !ok {
		// The others CPython's types have (property.__isabstractmethod__,
		// memoryview.nbytes): read through the value's attribute.
		owner, k, known := builtinAttrKind(tname, name)
		switch {
		case known && k == 'G':
			kind = dataGetset
		case known && k == 'D':
			kind = dataMember
		default:
			return Val{}, false
		}
		tname = owner
	}
	return vm.typeObjs.get("descr:"+tname+"."+name, func() Val {
		return ObjVal(&Builtin{name: name, objclass: tname, data: kind, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			return Val{}, newErr(TypeError, "'%s' object is not callable", map[dataKind]string{dataGetset: "getset_descriptor", dataMember: "member_descriptor"}[kind])
		}})
	}), true
}
