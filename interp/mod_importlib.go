package interp

// __import__ and importlib: importing a module whose name is only known at
// run time (unittest.mock's patch('os.getcwd') finds its target so).

import "strings"

// importBuiltins adds __import__.
func (vm *VM) importBuiltins(b map[string]Val) {
	b["__import__"] = builtinFn("__import__", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("__import__", args, kwn, []string{"name", "globals", "locals", "fromlist", "level"}, 1)
		if err != nil {
			return Val{}, err
		}
		name, ok := a[0].O.(*Str)
		if !ok || a[0].T != tagObject {
			return Val{}, newErr(TypeError, "__import__() argument 1 must be str, not %s", typeName(a[0]))
		}
		if a[4].T == tagInt && a[4].B != 0 {
			return Val{}, newErr(ImportError, "attempted relative import with no known parent package")
		}
		if name.s == "" {
			return Val{}, newErr(ValueError, "Empty module name")
		}
		m, err := vm.importByName(name.s)
		if err != nil {
			return Val{}, err
		}
		// Without a fromlist the top package is what `import a.b` binds.
		if a[3].T == tagEmpty || !truthy(a[3]) {
			if i := strings.IndexByte(name.s, '.'); i > 0 {
				if top, ok := vm.modules[name.s[:i]]; ok {
					return ObjVal(top), nil
				}
			}
		}
		return ObjVal(m), nil
	})
}

// importlibModule is importlib's everyday half: import_module, reload
// (minipy's modules are built once: the module as it is) and
// invalidate_caches.
func importlibModule(vm *VM) *Module {
	m := newModule("importlib")
	m.def("import_module", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := kwArgs("import_module", args, kwn, []string{"name", "package"}, 1)
		if err != nil {
			return Val{}, err
		}
		name, ok := a[0].O.(*Str)
		if !ok || a[0].T != tagObject {
			return Val{}, newErr(AttributeError, "'%s' object has no attribute 'startswith'", typeName(a[0]))
		}
		if strings.HasPrefix(name.s, ".") {
			if a[1].T == tagEmpty || a[1].T == tagNone {
				return Val{}, newErr(TypeError, "the 'package' argument is required to perform a relative import for %s", vm.repr(a[0]))
			}
			return Val{}, importErr(ModuleNotFoundError, name.s, "", "", "No module named '%s'", name.s)
		}
		return vm.importValue(name.s)
	})
	m.def("reload", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if err := exactArgs("reload", args, kwn, 1); err != nil {
			return Val{}, err
		}
		m, ok := args[0].O.(*Module)
		if !ok || args[0].T != tagObject {
			return Val{}, newErr(TypeError, "reload() argument must be a module")
		}
		if vm.modules[m.name] != m {
			if v, ok := vm.storedModule(m.name); !ok || v.O != Object(m) {
				return Val{}, newErr(ImportError, "module %s not in sys.modules", m.name)
			}
		}
		// A program module runs again; a library module stays as built.
		if p := vm.progMods[m.name]; p != nil && p.done && vm.modules[m.name] == m {
			return vm.reloadProgramModule(m, p)
		}
		return args[0], nil
	})
	m.def("invalidate_caches", func(vm *VM, args []Val, kwn []string) (Val, error) { return NoneVal, nil })
	return m
}
