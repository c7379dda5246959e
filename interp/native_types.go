package interp

import "strings"

// Some callables of Go-built modules are classes in CPython: itertools.count,
// functools.partial, operator.itemgetter. They are types here too, named as
// CPython's tp_name (module.name), so that type(x) is itertools.count,
// isinstance(x, functools.partial) holds and the reprs are CPython's. The
// objects they make have that name as their typeName: funcIter and seqIter
// by their name, a callable object by its Builtin's native kind.

// nativeTypeNames lists, per module, the functions that are classes.
var nativeTypeNames = map[string][]string{
	"itertools": {"accumulate", "batched", "chain", "combinations", "combinations_with_replacement",
		"compress", "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise",
		"permutations", "product", "repeat", "starmap", "takewhile", "zip_longest"},
	"functools": {"partial"},
	"operator":  {"attrgetter", "itemgetter", "methodcaller"},
}

// nativeKind makes a Builtin an instance of a native class: a partial, an
// itemgetter.
type nativeKind struct {
	typ  string              // the class's qualified name, as typeName
	repr func(vm *VM) string // CPython's repr of the object
}

// makeNativeTypes turns m's functions that are classes into types, the
// same object type() returns for their instances.
func (vm *VM) makeNativeTypes(m *Module) {
	for _, n := range nativeTypeNames[m.name] {
		b, ok := m.attrs[n].O.(*Builtin)
		if !ok {
			continue
		}
		t := &typeObj{name: m.name + "." + n, fn: b.fn, attrs: b.attrs}
		m.attrs[n] = vm.typeObjs.get(t.name, func() Val { return ObjVal(t) })
	}
}

// callRepr is the repr CPython gives these objects: name(args, k=v) with
// the arguments they were made with.
func callRepr(vm *VM, name string, args []Val, kwn []string) string {
	parts := make([]string, 0, len(args))
	npos := len(args) - len(kwn)
	for i, a := range args {
		if i < npos {
			parts = append(parts, vm.repr(a))
		} else {
			parts = append(parts, kwn[i-npos]+"="+vm.repr(a))
		}
	}
	return name + "(" + strings.Join(parts, ", ") + ")"
}
