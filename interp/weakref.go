package interp

import (
	_ "embed"
	"runtime"
	"weak"
)

// weakref (pylib/weakref.py) over Go's weak pointers: a weakHandle
// points at an object without keeping it alive, and answers nothing once
// Go's garbage collector has found the object unreachable. minipy's
// objects are freed by that collector, not by reference counts, so an
// object outlives its last reference until a collection runs (gc.collect
// runs one, then the callbacks of the references it cleared).

//go:embed pylib/weakref.py
var weakrefSource string

// weakHandle is what a weakref.ref holds.
type weakHandle struct {
	get func() (Object, bool) // the object, while it is alive
}

func (*weakHandle) typeName() string { return "weakhandle" }

// weakOf makes a weak pointer of the object's own Go type (weak.Make
// needs it); the kinds CPython can refer to weakly are the ones here:
// instances, functions, classes, sets, generators, modules, exceptions.
func weakOf(v Val) (*weakHandle, bool) {
	if v.T != tagObject {
		return nil, false
	}
	switch o := v.O.(type) {
	case *Instance:
		return handleFor(o), true
	case *Function:
		return handleFor(o), true
	case *Class:
		return handleFor(o), true
	case *Set:
		return handleFor(o), true
	case *Generator:
		return handleFor(o), true
	case *Module:
		return handleFor(o), true
	case *Exception:
		return handleFor(o), true
	case *ExcType:
		return handleFor(o), true
	}
	return nil, false
}

func handleFor[T any, P interface {
	*T
	Object
}](o P) *weakHandle {
	w := weak.Make((*T)(o))
	return &weakHandle{get: func() (Object, bool) {
		p := w.Value()
		if p == nil {
			return nil, false
		}
		return P(p), true
	}}
}

func weakrefModule(vm *VM) *Module {
	m := vm.pyModule("weakref", weakrefSource, map[string]nativeFn{
		"_weak_handle": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 || len(kwn) > 0 {
				return Val{}, newErr(TypeError, "_weak_handle() takes exactly one argument")
			}
			h, ok := weakOf(args[0])
			if !ok {
				return Val{}, newErr(TypeError, "cannot create weak reference to '%s' object", typeName(args[0]))
			}
			return ObjVal(h), nil
		},
		// _set_reaper(f): gc.collect() calls f after its collection.
		"_set_reaper": func(vm *VM, args []Val, kwn []string) (Val, error) {
			vm.weakReap = args[0]
			return NoneVal, nil
		},
		"_weak_get": func(vm *VM, args []Val, kwn []string) (Val, error) {
			h, ok := args[0].O.(*weakHandle)
			if len(args) != 1 || !ok {
				return Val{}, newErr(TypeError, "_weak_get() takes a handle")
			}
			if o, alive := h.get(); alive {
				return ObjVal(o), nil
			}
			return NoneVal, nil
		},
	})
	return m
}

// gcCollect is gc.collect(): a full collection, then the callbacks of
// the weak references it cleared.
func gcCollect(vm *VM, args []Val, kwn []string) (Val, error) {
	if !vm.threaded() {
		vm.dropStaleRefs()
	}
	runtime.GC()
	if vm.weakReap.T == tagObject {
		if _, err := vm.call(vm.weakReap, nil, nil); err != nil {
			return Val{}, err
		}
	}
	return IntVal(0), nil
}
