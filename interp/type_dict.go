package interp

// Built-in types' __dict__ (int.__dict__['bit_length'], '__add__' in
// list.__dict__): a mappingproxy of the names in the type's dir() that
// are its own, with what getattr gives for each.

// typeInherited lists, for the built-in types of typeDir, the names in
// their dir() that CPython (3.13) finds on a base class rather than in
// the type's own __dict__: [k for k in dir(T) if k not in T.__dict__].
var typeInherited = map[string][]string{
	"list":              {"__class__", "__delattr__", "__dir__", "__format__", "__getstate__", "__init_subclass__", "__reduce__", "__reduce_ex__", "__setattr__", "__str__", "__subclasshook__"},
	"collections.deque": {"__class__", "__delattr__", "__dir__", "__format__", "__getstate__", "__init_subclass__", "__reduce_ex__", "__setattr__", "__str__", "__subclasshook__"},
	"dict":              {"__class__", "__delattr__", "__dir__", "__format__", "__getstate__", "__init_subclass__", "__reduce__", "__reduce_ex__", "__setattr__", "__str__", "__subclasshook__"},
	"str":               {"__class__", "__delattr__", "__dir__", "__getattribute__", "__getstate__", "__init__", "__init_subclass__", "__reduce__", "__reduce_ex__", "__setattr__", "__subclasshook__"},
	"tuple":             {"__class__", "__delattr__", "__dir__", "__format__", "__getstate__", "__init__", "__init_subclass__", "__reduce__", "__reduce_ex__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__"},
	"int":               {"__class__", "__delattr__", "__dir__", "__getstate__", "__init__", "__init_subclass__", "__reduce__", "__reduce_ex__", "__setattr__", "__str__", "__subclasshook__"},
	"float":             {"__class__", "__delattr__", "__dir__", "__getattribute__", "__getstate__", "__init__", "__init_subclass__", "__reduce__", "__reduce_ex__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__"},
	"frozenset":         {"__class__", "__delattr__", "__dir__", "__format__", "__getattribute__", "__getstate__", "__init__", "__init_subclass__", "__reduce_ex__", "__setattr__", "__str__", "__subclasshook__"},
	"set":               {"__class__", "__delattr__", "__dir__", "__format__", "__getstate__", "__init_subclass__", "__reduce_ex__", "__setattr__", "__str__", "__subclasshook__"},
	"bool":              {"__abs__", "__add__", "__bool__", "__ceil__", "__class__", "__delattr__", "__dir__", "__divmod__", "__eq__", "__float__", "__floor__", "__floordiv__", "__format__", "__ge__", "__getattribute__", "__getnewargs__", "__getstate__", "__gt__", "__hash__", "__index__", "__init__", "__init_subclass__", "__int__", "__le__", "__lshift__", "__lt__", "__mod__", "__mul__", "__ne__", "__neg__", "__pos__", "__pow__", "__radd__", "__rdivmod__", "__reduce__", "__reduce_ex__", "__rfloordiv__", "__rlshift__", "__rmod__", "__rmul__", "__round__", "__rpow__", "__rrshift__", "__rshift__", "__rsub__", "__rtruediv__", "__setattr__", "__sizeof__", "__str__", "__sub__", "__subclasshook__", "__truediv__", "__trunc__", "as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "from_bytes", "imag", "is_integer", "numerator", "real", "to_bytes"},
	"range":             {"__class__", "__delattr__", "__dir__", "__format__", "__getstate__", "__init__", "__init_subclass__", "__reduce_ex__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__"},
}

// builtinTypeDict is T.__dict__ for the built-in type t (a value of typ),
// false for a type whose names minipy does not list.
func (vm *VM) builtinTypeDict(typ Val, t *typeObj) (Val, bool, error) {
	tname := t.name
	if tname == "deque" {
		tname = "collections.deque"
	}
	names, ok := typeDir[tname]
	if tname == "object" {
		names, ok = objectDirNames, true
	}
	if !ok {
		return Val{}, false, nil
	}
	inherited := map[string]bool{}
	for _, n := range typeInherited[tname] {
		inherited[n] = true
	}
	d := newDict()
	for _, n := range names {
		if inherited[n] {
			continue
		}
		// A data descriptor minipy has no object for reads as None:
		// the name is there, as in CPython.
		v, err := vm.getAttr(typ, n)
		if err != nil {
			v = NoneVal
		}
		d.set(StrVal(n), v)
	}
	v, err := vm.mappingProxy(d)
	return v, true, err
}

// mappingProxy is types.MappingProxyType(d): a read-only view of d, the
// __dict__ CPython gives a class.
func (vm *VM) mappingProxy(d *Dict) (Val, error) {
	m, err := vm.importLib("types")
	if err != nil {
		return Val{}, err
	}
	return vm.call(m.attrs["MappingProxyType"], []Val{ObjVal(d)}, nil)
}
