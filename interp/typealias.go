package interp

// list[int] and int | str at run time: types.GenericAlias and
// types.UnionType live in Python (pylib/typealias.py); this is the glue
// from subscripting and `|`.

import _ "embed"

//go:embed pylib/typealias.py
var typeAliasSource string

//go:embed pylib/typeparams.py
var typeParamsSource string

// typeParamsModule is _typing: TypeVar, ParamSpec, TypeVarTuple,
// TypeAliasType and Generic, which PEP 695's syntax makes (parse_generic.go).
func typeParamsModule(vm *VM) *Module {
	m := vm.pyModule("_typing", typeParamsSource, nil)
	for _, n := range []string{"TypeVar", "TypeVarTuple", "ParamSpec", "ParamSpecArgs", "ParamSpecKwargs", "TypeAliasType", "Generic"} {
		if c, ok := m.attrs[n].O.(*Class); ok {
			c.module, c.tpName = "typing", "typing."+n
		}
	}
	return m
}

func typeAliasModule(vm *VM) *Module {
	m := vm.pyModule("_typealias", typeAliasSource, nil)
	if c, ok := m.attrs["GenericAlias"].O.(*Class); ok {
		c.module, c.tpName = "types", "types.GenericAlias"
	}
	if c, ok := m.attrs["Union"].O.(*Class); ok {
		c.module, c.tpName = "typing", "typing.Union" // 3.14: types.UnionType is typing.Union
	}
	return m
}

// typeAliasCall calls function fn of the _typealias module.
func (vm *VM) typeAliasCall(fn string, args ...Val) (Val, error) {
	m, err := vm.importLib("_typealias")
	if err != nil {
		return Val{}, err
	}
	return vm.call(m.attrs[fn], args, nil)
}

// isTypeLike: an operand of `|` that makes a union with another.
func isTypeLike(v Val) bool {
	if v.T == tagNone {
		return true
	}
	if v.T != tagObject {
		return false
	}
	switch v.O.(type) {
	case *typeObj, *Class, *ExcType:
		return true
	}
	return false
}

// genericOrigins are the built-in types whose subscription makes a
// types.GenericAlias (CPython's __class_getitem__ on them).
var genericOrigins = map[string]bool{"list": true, "dict": true, "tuple": true, "set": true, "frozenset": true,
	"type": true, "deque": true, "defaultdict": true, "OrderedDict": true, "Counter": true, "ChainMap": true,
	"enumerate": true, "reversed": true, "filter": true, "map": true, "zip": true}

// classGetItem is o[k] for a class: a GenericAlias for the built-in
// containers, else the class's __class_getitem__ (implicitly a class
// method, as in CPython). ok is false when o is neither.
func (vm *VM) classGetItem(o, k Val) (Val, bool, error) {
	if o.T != tagObject {
		return Val{}, false, nil
	}
	switch x := o.O.(type) {
	case *typeObj:
		if genericOrigins[x.name] {
			r, err := vm.typeAliasCall("make_alias", o, k)
			return r, true, err
		}
		return Val{}, true, newErr(TypeError, "type '%s' is not subscriptable", x.name)
	case *Builtin:
		if o.O == vm.bi["type"].O {
			r, err := vm.typeAliasCall("make_alias", o, k)
			return r, true, err
		}
	case *Class:
		v, ok := x.lookup("__class_getitem__")
		if !ok {
			return Val{}, true, newErr(TypeError, "type '%s' is not subscriptable", x.name)
		}
		if _, isFn := v.O.(*Function); isFn {
			r, err := vm.call(v, []Val{o, k}, nil)
			return r, true, err
		}
		f, err := vm.getAttr(o, "__class_getitem__")
		if err != nil {
			return Val{}, true, err
		}
		r, err := vm.call(f, []Val{k}, nil)
		return r, true, err
	}
	return Val{}, false, nil
}
