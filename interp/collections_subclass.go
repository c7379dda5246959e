package interp

// Subclasses of collections' types (OrderedDict, Counter, defaultdict,
// deque): what makes a new value makes one of the instance's own class,
// as CPython's do (OrderedDict.copy is self.__class__(self), a
// defaultdict's copy keeps its factory, a deque's its maxlen), and
// fromkeys is a class method of the subclass. Names of the type itself
// read from the subclass (DQ.maxlen, DQ.__reversed__) are the type's.

// collectionsKindMethods adds those methods to the class standing for
// collections' type name as a base, and returns the names that are
// class methods.
func collectionsKindMethods(name string, methods map[string]nativeFn, backing func(*VM, Val) (Val, error)) []string {
	switch name {
	case "OrderedDict":
		methods["copy"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
			return vm.call(vm.typeOf(args[0]), []Val{args[0]}, nil)
		}
	case "Counter":
		methods["copy"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
			// The counts, as a Counter passes them on (its update adds
			// a mapping's counts).
			b, err := backing(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			return vm.call(vm.typeOf(args[0]), []Val{b}, nil)
		}
	case "defaultdict":
		methods["copy"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := backing(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			f, err := vm.getAttr(b, "default_factory")
			if err != nil {
				return Val{}, err
			}
			return vm.call(vm.typeOf(args[0]), []Val{f, args[0]}, nil)
		}
	case "deque":
		cp := func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := backing(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			ml, err := vm.getAttr(b, "maxlen")
			if err != nil {
				return Val{}, err
			}
			if ml.T == tagNone {
				return vm.call(vm.typeOf(args[0]), []Val{args[0]}, nil)
			}
			return vm.call(vm.typeOf(args[0]), []Val{args[0], ml}, nil)
		}
		methods["copy"], methods["__copy__"] = cp, cp
	default:
		return nil
	}
	// DQ[int] names DQ.
	methods["__class_getitem__"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 2 || len(kwn) > 0 {
			return Val{}, newErr(TypeError, "%s.__class_getitem__() takes exactly one argument (%d given)", vm.strOf(vm.mustAttr(args[0], "__name__")), len(args)-1)
		}
		return vm.typeAliasCall("make_alias", args[0], args[1])
	}
	if name == "deque" {
		return []string{"__class_getitem__"}
	}
	methods["fromkeys"] = func(vm *VM, args []Val, kwn []string) (Val, error) {
		if name == "Counter" {
			return Val{}, newErr(NotImplementedError, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")
		}
		if len(kwn) > 0 {
			return Val{}, newErr(TypeError, "fromkeys() takes no keyword arguments")
		}
		if len(args) < 2 || len(args) > 3 {
			return Val{}, newErr(TypeError, "fromkeys expected at least 1 argument, got %d", len(args)-1)
		}
		// cls(), then each key stored through the class's __setitem__.
		d, err := vm.call(args[0], nil, nil)
		if err != nil {
			return Val{}, err
		}
		v := NoneVal
		if len(args) == 3 {
			v = args[2]
		}
		err = vm.each(args[1], func(k Val) (bool, error) {
			return false, vm.setItem(d, k, v)
		})
		return d, err
	}
	return []string{"fromkeys", "__class_getitem__"}
}

// collectionsTypeAttr is name read from a subclass through k, the class
// standing for one of collections' types: a special method, data
// descriptor or method of that type's own (deque.maxlen,
// OrderedDict.__reversed__), as the type gives it.
func (vm *VM) collectionsTypeAttr(k *Class, name string) (Val, bool) {
	table := "collections." + k.name
	if owner, kind, ok := builtinAttrKind(table, name); !ok || owner != table || kind == 'C' {
		return Val{}, false // (class methods bind the subclass: collectionsKindMethods)
	}
	v, err := vm.getAttr(k.builtinType, name)
	return v, err == nil
}
