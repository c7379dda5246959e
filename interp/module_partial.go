package interp

import (
	"maps"
	"path/filepath"
	"strings"
)

// A program module whose code is still running (a circular import: a.py
// imports b.py, which imports a) is in sys.modules with the names bound
// so far, as CPython's partially initialised module is. Its code runs as
// a function over its namespace (runInNamespace), so those names are the
// registers of that frame until it ends: Module.running points at the
// frame, and lookup and table read it. Sites do not cache such a
// module's attributes, nor traces take them as constants.

// moduleRun is a program module's code while it runs.
type moduleRun struct {
	f    *frame // its top level, once running
	file string
	// nearScript: the module's file is beside the script (CPython's
	// sys.path[0]), which CPython's AttributeError words as possible
	// shadowing.
	nearScript bool
	bi         map[string]Val // the builtins
}

// value is the running code's binding of name, if it has one. inTable
// says whether the module's map has the name (a store through the module
// object): a cell that still holds the builtin it was seeded with is then
// not a binding.
func (r *moduleRun) value(name string, inTable bool) (Val, bool) {
	f := r.f
	if f == nil {
		return Val{}, false
	}
	for i, n := range f.code.localNames {
		if n != name {
			continue
		}
		v := f.get(int32(i))
		c, isCell := v.O.(*Cell)
		if isCell && v.T == tagObject {
			v = c.v
			if !inTable && v.T != tagEmpty && r.bi[name] == v {
				return Val{}, false
			}
		}
		return v, v.T != tagEmpty
	}
	return Val{}, false
}

// overlay is t with the running code's bindings over it, a copy.
func (r *moduleRun) overlay(t map[string]Val) map[string]Val {
	f := r.f
	if f == nil {
		return t
	}
	t = maps.Clone(t)
	for _, n := range f.code.localNames {
		if !isIdentifier(n) {
			continue
		}
		_, in := t[n]
		if v, ok := r.value(n, in); ok {
			t[n] = v
		}
	}
	return t
}

// partialAttrMsg is CPython 3.13's AttributeError message for a missing
// attribute of a module whose code runs.
func partialAttrMsg(m *Module, name string) string {
	r := m.running
	if top, _, _ := strings.Cut(m.name, "."); r.nearScript && isStdlibModule(top) {
		return "module '" + m.name + "' has no attribute '" + name + "' (consider renaming '" + r.file +
			"' since it has the same name as the standard library module named '" + top +
			"' and the import system gives it precedence)"
	}
	if r.nearScript {
		return "module '" + m.name + "' has no attribute '" + name + "' (consider renaming '" + r.file +
			"' if it has the same name as a third-party module you intended to import)"
	}
	return "partially initialized module '" + m.name + "' from '" + r.file + "' has no attribute '" + name +
		"' (most likely due to a circular import)"
}

// sameDir says whether directories a and b are one.
func sameDir(a, b string) bool {
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && x == y
}
