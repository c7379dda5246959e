package interp

import _ "embed"

// decimal is written in Python (pylib/decimal.py) on minipy's big ints:
// its numbers are exact coefficients and exponents, rounded once per
// operation, so it needs nothing from Go.

//go:embed pylib/decimal.py
var decimalSource string

func decimalModule(vm *VM) *Module { return vm.pyModule("decimal", decimalSource, nil) }
