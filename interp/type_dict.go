package interp

// Built-in types' __dict__ (int.__dict__['bit_length'], '__add__' in
// list.__dict__): a mappingproxy of the names in the type's dir() that
// are its own, with what getattr gives for each.

// builtinTypeDict is T.__dict__ for the built-in type t (a value of typ),
// from builtinTypeRows; false for a type the table lacks.
func (vm *VM) builtinTypeDict(typ Val, t *typeObj) (Val, bool, error) {
	tname := t.name
	if t.module == "collections" && tname == "deque" {
		tname = "collections.deque"
	}
	return vm.typeDictOf(typ, tname)
}

// typeDictOf is the __dict__ of built-in type typ, named tname in
// builtinTypeRows (type itself, a Builtin in minipy, has one too).
func (vm *VM) typeDictOf(typ Val, tname string) (Val, bool, error) {
	info := builtinTypes[tname]
	if info == nil {
		return Val{}, false, nil
	}
	d := newDict()
	for _, n := range info.names {
		v := NoneVal // a docstring minipy lacks, or a None (list.__hash__)
		switch info.kinds[n] {
		case 'C':
			v = vm.classMethodDescr(tname, n)
		case 'T', 'N':
			if n == "__module__" { // deque's: 'collections'
				v = vm.mustAttr(typ, n)
			}
		case 'G', 'D':
			if f, ok := vm.dataDescr(tname, n); ok {
				v = f
			}
		case 'S':
			if f, err := vm.getAttr(typ, n); err == nil {
				v = ObjVal(&StaticMethod{fn: f})
			}
		case 'W', 'M':
			if tname == "type" {
				// type's own: read from type they would be bound to it.
				if info.kinds[n] == 'W' {
					v = vm.specialDescr(tname, n, true)
				} else {
					v = vm.methodDescr(tname, n)
				}
				break
			}
			if f, err := vm.getAttr(typ, n); err == nil {
				v = f
			}
		default:
			// A descriptor minipy has no object for reads as None: the
			// name is there, as in CPython.
			if f, err := vm.getAttr(typ, n); err == nil {
				v = f
			}
		}
		d.set(StrVal(n), v)
	}
	v, err := vm.mappingProxy(d)
	return v, true, err
}

// classMethodDescr is a class method of built-in type tname as its
// __dict__ holds it (dict.__dict__['fromkeys']): a classmethod_descriptor,
// which called with a type calls the method bound to it. One per VM.
func (vm *VM) classMethodDescr(tname, name string) Val {
	return vm.typeObjs.get("cmdescr:"+tname+"."+name, func() Val {
		short := shortTypeName(tname)
		return ObjVal(&Builtin{name: name, objclass: tname, data: dataClassMethod, fn: func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) == 0 {
				return Val{}, newErr(TypeError, "descriptor '%s' of '%s' object needs an argument", name, short)
			}
			typ := args[0]
			switch typ.O.(type) {
			case *typeObj, *Class:
			default:
				return Val{}, newErr(TypeError, "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2", name, short, typeName(typ))
			}
			if typ.T != tagObject || !vm.isSubtypeOf(typ, tname) {
				n, _ := vm.getAttr(typ, "__name__")
				return Val{}, newErr(TypeError, "descriptor '%s' requires a subtype of '%s' but received '%s'", name, short, vm.strOf(n))
			}
			m, err := vm.getAttr(typ, name)
			if err != nil {
				return Val{}, err
			}
			return vm.call(m, append([]Val(nil), args[1:]...), kwn)
		}})
	})
}

// isSubtypeOf says whether type typ is built-in type tname or derives
// from it.
func (vm *VM) isSubtypeOf(typ Val, tname string) bool {
	if b, ok := vm.bi[shortTypeName(tname)]; ok {
		r, err := vm.call(vm.bi["issubclass"], []Val{typ, b}, nil)
		return err == nil && r.T == tagBool && truthy(r)
	}
	return true
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
