package interp

// Library modules ordinary scripts import, written in Python
// (interp/pylib): tomllib, reprlib, fileinput, contextvars, zipfile.

import _ "embed"

//go:embed pylib/tomllib.py
var tomllibSource string

func tomllibModule(vm *VM) *Module { return vm.pyModule("tomllib", tomllibSource, nil) }

//go:embed pylib/reprlib.py
var reprlibSource string

func reprlibModule(vm *VM) *Module { return vm.pyModule("reprlib", reprlibSource, nil) }

//go:embed pylib/fileinput.py
var fileinputSource string

func fileinputModule(vm *VM) *Module { return vm.pyModule("fileinput", fileinputSource, nil) }

//go:embed pylib/contextvars.py
var contextvarsSource string

func contextvarsModule(vm *VM) *Module {
	return vm.pyModule("contextvars", contextvarsSource, map[string]nativeFn{
		// The thread's current context, kept on its VM: asyncio reads
		// and swaps it at every callback.
		"_get_context": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if vm.context.T == tagEmpty {
				return NoneVal, nil
			}
			return vm.context, nil
		},
		"_set_context": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 || len(kwn) != 0 {
				return Val{}, newErr(TypeError, "_set_context() takes one argument")
			}
			vm.context = args[0]
			return NoneVal, nil
		},
	})
}

//go:embed pylib/zipfile.py
var zipfileSource string

func zipfileModule(vm *VM) *Module { return vm.pyModule("zipfile", zipfileSource, nil) }
