package interp

// throw(type, value[, traceback]): the signature CPython 3.12 deprecated
// and 3.13 still accepts, on generators, coroutines and async generators
// (athrow). It warns first, as CPython does, then makes the exception the
// old raise statement's three-argument form made.

// throwArgs reduces throw's arguments to the one exception to throw. A
// single argument is returned as it is, once known to be an exception.
func (vm *VM) throwArgs(method string, args []Val) (Val, error) {
	switch {
	case len(args) == 0:
		return Val{}, newErr(TypeError, "%s expected at least 1 argument, got 0", method)
	case len(args) > 3:
		return Val{}, newErr(TypeError, "%s expected at most 3 arguments, got %d", method, len(args))
	case len(args) == 1:
		return args[0], throwable(args[0])
	}
	if err := vm.warnDeprecation("the (type, exc, tb) signature of " + method + "() is deprecated, use the single-arg signature instead."); err != nil {
		return Val{}, err
	}
	typ, val := args[0], NoneVal
	if len(args) > 1 {
		val = args[1]
	}
	if len(args) > 2 && args[2].T != tagNone {
		if _, ok := args[2].O.(*tracebackObj); !ok || args[2].T != tagObject {
			return Val{}, newErr(TypeError, "throw() third argument must be a traceback object")
		}
	}
	switch t := typ.O.(type) {
	case *ExcType:
		if typ.T != tagObject {
			break
		}
		if e, ok := val.O.(*Exception); ok && val.T == tagObject && e.typ.isSub(t) {
			return val, nil
		}
		var cargs []Val
		switch {
		case val.T == tagNone:
		case isTupleVal(val):
			cargs = val.O.(*Tuple).items
		default:
			cargs = []Val{val}
		}
		return vm.call(typ, cargs, nil)
	case *Exception:
		if typ.T == tagObject && val.T != tagNone {
			return Val{}, newErr(TypeError, "instance exception may not have a separate value")
		}
	}
	return typ, throwable(typ)
}

// throwable is throw's complaint about what is no exception.
func throwable(v Val) error {
	switch v.O.(type) {
	case *ExcType, *Exception:
		if v.T == tagObject {
			return nil
		}
	}
	return newErr(TypeError, "exceptions must be classes or instances deriving from BaseException, not %s", typeName(v))
}

func isTupleVal(v Val) bool {
	_, ok := v.O.(*Tuple)
	return ok && v.T == tagObject
}

// warnDeprecation is warnings.warn(msg, DeprecationWarning) from a method
// written in Go: the warning names the line that called it. What the
// warning raises (a filter set to "error") is the method's error.
func (vm *VM) warnDeprecation(msg string) error {
	m, ok := vm.modules["warnings"] // the program's, with its filters
	if !ok {
		var err error
		if m, ok, err = vm.loadModule("warnings"); err != nil {
			return err
		} else if !ok {
			return nil
		}
	}
	warn, ok := m.lookup("warn")
	if !ok {
		return nil
	}
	_, err := vm.call(warn, []Val{StrVal(msg), ObjVal(DeprecationWarning)}, nil)
	return err
}
