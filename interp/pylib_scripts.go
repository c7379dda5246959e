package interp

// Library modules ordinary scripts import, written in Python
// (interp/pylib): tomllib, reprlib, fileinput.

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
