package interp

import (
	"sort"
	"strings"
)

// dir(): the names CPython 3.14 lists for an object. Classes and
// instances list what their class chain holds (with the attributes every
// class statement adds), modules their attributes, and values of the
// built-in types CPython's names for the type (builtinDirNames), less
// those minipy lacks.

// objectDirNames are dir(object()): every dir() of a class or instance
// includes them.
var objectDirNames = strings.Fields(`__class__ __delattr__ __dir__ __doc__ __eq__
	__format__ __ge__ __getattribute__ __getstate__ __gt__ __hash__ __init__
	__init_subclass__ __le__ __lt__ __ne__ __new__ __reduce__ __reduce_ex__
	__repr__ __setattr__ __sizeof__ __str__ __subclasshook__`)

// builtinDirNames are CPython 3.14's names of each built-in type beyond
// object's.
var builtinDirNames = map[string]string{
	"int": `__abs__ __add__ __and__ __bool__ __ceil__ __divmod__ __float__
		__floor__ __floordiv__ __getnewargs__ __index__ __int__ __invert__
		__lshift__ __mod__ __mul__ __neg__ __or__ __pos__ __pow__ __radd__
		__rand__ __rdivmod__ __rfloordiv__ __rlshift__ __rmod__ __rmul__
		__ror__ __round__ __rpow__ __rrshift__ __rshift__ __rsub__
		__rtruediv__ __rxor__ __sub__ __truediv__ __trunc__ __xor__
		as_integer_ratio bit_count bit_length conjugate denominator
		from_bytes imag is_integer numerator real to_bytes`,
	"float": `__abs__ __add__ __bool__ __ceil__ __divmod__ __float__ __floor__
		__floordiv__ __getformat__ __getnewargs__ __int__ __mod__ __mul__
		__neg__ __pos__ __pow__ __radd__ __rdivmod__ __rfloordiv__
		__rmod__ __rmul__ __round__ __rpow__ __rsub__ __rtruediv__ __sub__
		__truediv__ __trunc__ as_integer_ratio conjugate from_number
		fromhex hex imag is_integer real`,
	"str": `__add__ __contains__ __getitem__ __getnewargs__ __iter__ __len__
		__mod__ __mul__ __rmod__ __rmul__ capitalize casefold center count
		encode endswith expandtabs find format format_map index isalnum
		isalpha isascii isdecimal isdigit isidentifier islower isnumeric
		isprintable isspace istitle isupper join ljust lower lstrip
		maketrans partition removeprefix removesuffix replace rfind rindex
		rjust rpartition rsplit rstrip split splitlines startswith strip
		swapcase title translate upper zfill`,
	"list": `__add__ __class_getitem__ __contains__ __delitem__ __getitem__
		__iadd__ __imul__ __iter__ __len__ __mul__ __reversed__ __rmul__
		__setitem__ append clear copy count extend index insert pop remove
		reverse sort`,
	"collections.deque": `__add__ __class_getitem__ __contains__ __copy__ __delitem__
		__getitem__ __iadd__ __imul__ __iter__ __len__ __mul__ __reversed__
		__rmul__ __setitem__ append appendleft clear copy count extend
		extendleft index insert maxlen pop popleft remove reverse rotate`,
	"dict": `__class_getitem__ __contains__ __delitem__ __getitem__ __ior__
		__iter__ __len__ __or__ __reversed__ __ror__ __setitem__ clear
		copy fromkeys get items keys pop popitem setdefault update values`,
	"tuple": `__add__ __class_getitem__ __contains__ __getitem__ __getnewargs__
		__iter__ __len__ __mul__ __rmul__ count index`,
	"set": `__and__ __class_getitem__ __contains__ __iand__ __ior__ __isub__
		__iter__ __ixor__ __len__ __or__ __rand__ __ror__ __rsub__
		__rxor__ __sub__ __xor__ add clear copy difference
		difference_update discard intersection intersection_update
		isdisjoint issubset issuperset pop remove symmetric_difference
		symmetric_difference_update union update`,
	"bytes": `__add__ __bytes__ __contains__ __getitem__ __getnewargs__ __iter__
		__len__ __mod__ __mul__ __rmod__ __rmul__ capitalize center count
		decode endswith expandtabs find fromhex hex index isalnum isalpha
		isascii isdigit islower isspace istitle isupper join ljust lower
		lstrip maketrans partition removeprefix removesuffix replace rfind
		rindex rjust rpartition rsplit rstrip split splitlines startswith
		strip swapcase title translate upper zfill`,
	"NoneType": `__bool__`,
	"range": `__bool__ __contains__ __getitem__ __iter__ __len__ __reversed__
		count index start step stop`,
	"complex": `__abs__ __add__ __bool__ __complex__ __getnewargs__ __mul__
		__neg__ __pos__ __pow__ __radd__ __rmul__ __rpow__ __rsub__
		__rtruediv__ __sub__ __truediv__ conjugate from_number imag real`,
	"frozenset": `__and__ __class_getitem__ __contains__ __iter__ __len__ __or__
		__rand__ __ror__ __rsub__ __rxor__ __sub__ __xor__ copy difference
		intersection isdisjoint issubset issuperset symmetric_difference
		union`,
	"bytearray": `__add__ __alloc__ __contains__ __delitem__ __getitem__ __iadd__
		__imul__ __iter__ __len__ __mod__ __mul__ __rmod__ __rmul__
		__setitem__ append capitalize center clear copy count decode
		endswith expandtabs extend find fromhex hex index insert isalnum
		isalpha isascii isdigit islower isspace istitle isupper join ljust
		lower lstrip maketrans partition pop remove removeprefix
		removesuffix replace reverse rfind rindex rjust rpartition rsplit
		rstrip split splitlines startswith strip swapcase title translate
		upper zfill`,
}

// classStatementNames are the attributes a class statement gives every
// class (3.13 added __firstlineno__ and __static_attributes__); classes
// with a __dict__ for their instances also have __dict__ and __weakref__.
var classStatementNames = []string{"__doc__", "__firstlineno__", "__module__", "__static_attributes__"}

// moduleDirNames are the attributes every module has.
var moduleDirNames = []string{"__doc__", "__loader__", "__name__", "__package__", "__spec__"}

func (vm *VM) dirBuiltins(b map[string]Val) {
	b["dir"] = builtinFn("dir", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(kwn) > 0 {
			return Val{}, newErr(TypeError, "dir() takes no keyword arguments")
		}
		if len(args) > 1 {
			return Val{}, newErr(TypeError, "dir expected at most 1 argument, got %d", len(args))
		}
		if len(args) == 0 {
			// At module level; in a function dir() is compiled to dirNames(LOCALS).
			return vm.dirKeys(vm.globalsDict())
		}
		return vm.dir(args[0])
	})
}

// dirLocals is what dir() in a function calls with locals() (set in
// init: the compiler refers to it, and it to the VM).
var dirLocals Val

func init() {
	dirLocals = builtinFn("dir", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return vm.dirKeys(args[0])
	})
}

// dirKeys is the sorted keys of a namespace dict.
func (vm *VM) dirKeys(d Val) (Val, error) {
	return vm.call(vm.bi["sorted"], []Val{d}, nil)
}

// dir is dir(x): sorted, from the __dir__ of x's class (a metaclass's
// for a class) where it has one of its own, else object's.
func (vm *VM) dir(x Val) (Val, error) {
	var m Val
	found := false
	switch o := x.O.(type) {
	case *Instance:
		m, found = o.cls.lookup("__dir__")
	case *Class:
		if meta := o.pyMeta(); meta != nil {
			m, found = meta.lookup("__dir__")
		}
	case *Module:
		// PEP 562: a module's own __dir__ function, called without self.
		if f, ok := o.table()["__dir__"]; ok {
			r, err := vm.call(f, nil, nil)
			if err != nil {
				return Val{}, err
			}
			return vm.call(vm.bi["sorted"], []Val{r}, nil)
		}
	}
	if !found {
		return vm.defaultDir(x)
	}
	r, err := vm.callWithSelf(m, x, nil, nil)
	if err != nil {
		return Val{}, err
	}
	return vm.call(vm.bi["sorted"], []Val{r}, nil)
}

// defaultDir is object.__dir__(x) (type.__dir__ for a class): the names
// of x's attributes and of its class's, sorted.
func (vm *VM) defaultDir(x Val) (Val, error) {
	names := map[string]bool{}
	add := func(ns ...string) {
		for _, n := range ns {
			names[n] = true
		}
	}
	switch o := x.O.(type) {
	case *Instance:
		if o.shape != nil && o.shape.live != nil {
			keys, err := vm.iterate(ObjVal(o.shape.live))
			if err != nil {
				return Val{}, err
			}
			for _, k := range keys {
				if s, ok := k.O.(*Str); ok {
					add(s.s)
				}
			}
		} else {
			for _, n := range o.attrNames() {
				if n != builtinValueAttr {
					add(n)
				}
			}
		}
		vm.classDir(o.cls, add)
	case *Class:
		vm.classDir(o, add)
	case *Module:
		for n := range o.table() {
			add(n)
		}
		add(o.lazyNames()...)
		add(moduleDirNames...)
	default:
		add(objectDirNames...)
		tname := typeName(x)
		if t, ok := x.O.(*typeObj); ok {
			tname = t.name
			if t.module == "collections" && tname == "deque" {
				tname = "collections.deque"
			}
			if _, _, ok := dictTypeKind(t); ok {
				tname = "collections." + t.name
			}
		}
		if d, ok := x.O.(*Dict); ok && x.T == tagObject && dictKindRow(d) != "" {
			tname = dictKindRow(d)
		}
		switch {
		case isNotImplemented(x):
			tname = "NotImplementedType"
		case x.T == tagObject && x.O == vm.bi["type"].O:
			tname = "type"
		}
		if names := builtinTypeDir(tname); names != nil {
			// CPython's names for the type, those minipy lacks too.
			add(names...)
			break
		}
		if t, ok := x.O.(*typeObj); ok && builtinDirNames[t.name] != "" {
			// dir(int): the type's names and object's, those minipy has.
			for _, n := range strings.Fields(builtinDirNames[t.name]) {
				if _, err := vm.getAttr(x, n); err == nil {
					add(n)
				}
			}
			break
		}
		t := typeName(x)
		if t == "bool" {
			t = "int" // bool adds no names of its own
		}
		for _, n := range strings.Fields(builtinDirNames[t]) {
			if _, err := vm.getAttr(x, n); err == nil {
				add(n)
			} else if _, err := vm.getAttr(vm.typeOf(x), n); err == nil {
				add(n) // a class or static method (dict.fromkeys)
			}
		}
	}
	out := make([]string, 0, len(names))
	for n := range names {
		out = append(out, n)
	}
	sort.Strings(out)
	vals := make([]Val, len(out))
	for i, n := range out {
		vals[i] = StrVal(n)
	}
	return ObjVal(newList(vals)), nil
}

// classDir adds the names along c's MRO.
func (vm *VM) classDir(c *Class, add func(...string)) {
	add(objectDirNames...)
	for n := range c.slotState().names {
		add(n)
	}
	for _, k := range c.mro {
		if k == objectClass {
			continue
		}
		if k.builtin {
			if names := builtinTypeDir(k.name); names != nil {
				add(names...)
				continue
			}
			for _, n := range strings.Fields(builtinDirNames[k.name]) {
				add(n)
			}
			continue
		}
		k.attrsMu.RLock()
		for n := range k.attrs {
			add(n)
		}
		k.attrsMu.RUnlock()
		if k.module == "" {
			add(classStatementNames...)
			if k.hasDict() {
				add("__dict__", "__weakref__")
			}
		}
	}
}
