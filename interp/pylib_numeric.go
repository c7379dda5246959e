package interp

import _ "embed"

// Library modules of numbers and dates written in Python.

// decimal is written in Python (pylib/decimal.py) on minipy's big ints:
// its numbers are exact coefficients and exponents, rounded once per
// operation, so it needs nothing from Go.

//go:embed pylib/decimal.py
var decimalSource string

func decimalModule(vm *VM) *Module { return vm.pyModule("decimal", decimalSource, nil) }

//go:embed pylib/calendar.py
var calendarSource string

// calendar is Python too (pylib/calendar.py): month grids and CPython's
// text layout, in English.
func calendarModule(vm *VM) *Module { return vm.pyModule("calendar", calendarSource, nil) }
