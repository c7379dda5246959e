package interp

// Library modules ordinary scripts import, written in Python
// (interp/pylib): tomllib.

import _ "embed"

//go:embed pylib/tomllib.py
var tomllibSource string

func tomllibModule(vm *VM) *Module { return vm.pyModule("tomllib", tomllibSource, nil) }
