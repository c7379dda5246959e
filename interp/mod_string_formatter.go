package interp

import _ "embed"

// string.Formatter is Python (pylib/string_formatter.py): a program
// subclasses it and overrides its steps, so each step is a Python method
// as in CPython. Loaded with the string module, under that module's name.

//go:embed pylib/string_formatter.py
var stringFormatterSource string
