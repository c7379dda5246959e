package interp

import "strings"

// opImport binds a module; its own function because of the defer (a
// defer in slowOp would cost every instruction it runs).
func (vm *VM) opImport(f *frame, in *Instr) error {
	name := f.code.names[in.B]
	if strings.HasPrefix(name, ".") {
		abs, err := vm.relativeName(f.code.filename, name)
		if err != nil {
			return err
		}
		name = abs
	}
	v, err := vm.importValue(name)
	if err != nil {
		return err
	}
	f.set(in.A, v)
	return nil
}

// importValue is import name: what the program stored in sys.modules
// under that name, or the module.
func (vm *VM) importValue(name string) (Val, error) {
	if v, ok := vm.storedModule(name); ok {
		if v.T == tagNone {
			return Val{}, importErr(ModuleNotFoundError, name, "", "", "import of %s halted; None in sys.modules", name)
		}
		return v, nil
	}
	m, err := vm.importByName(name)
	if err != nil {
		return Val{}, err
	}
	return ObjVal(m), nil
}

// storedModule is what the program stored in sys.modules under name, when
// that is not the module minipy imported there: import finds it first, as
// CPython's does (a module faked or replaced, None to block an import).
func (vm *VM) storedModule(name string) (Val, bool) {
	if vm.rt == nil || !vm.rt.modulesPlaced.Load() {
		return Val{}, false // (nothing placed there yet: no look-up per import)
	}
	d := vm.sysModulesDict()
	if d == nil {
		return Val{}, false
	}
	v, ok, err := d.get(StrVal(name))
	if err != nil || !ok {
		return Val{}, false
	}
	if m, isMod := v.O.(*Module); isMod && v.T == tagObject && vm.modules[name] == m {
		return Val{}, false
	}
	return v, true
}

// importNameFrom is from obj import name for an obj sys.modules gave that
// is not a module: its attribute.
func (vm *VM) importNameFrom(obj Val, name string) (Val, error) {
	v, err := vm.getAttr(obj, name)
	if err == nil {
		return v, nil
	}
	if !toPyErr(err).exc.typ.isSub(AttributeError) {
		return Val{}, err
	}
	modName := "<unknown module name>"
	if n, err := vm.getAttr(obj, "__name__"); err == nil {
		if s, ok := n.O.(*Str); ok {
			modName = s.s
		}
	}
	return Val{}, importErr(ImportError, modName, "", name, "cannot import name '%s' from '%s' (unknown location)", name, modName)
}

// importByName is import name: the module, built on its first import and
// noted in sys.modules.
func (vm *VM) importByName(name string) (*Module, error) {
	if rt := vm.rt; rt != nil && rt.threaded.Load() && rt.importer.Load() != vm {
		// Threads share the modules map: a first import writes it. A
		// library module written in Python imports others while it is
		// built: the thread holding the lock goes on (importer).
		rt.mu.Lock()
		rt.importer.Store(vm)
		defer func() {
			rt.importer.Store(nil)
			rt.mu.Unlock()
		}()
	}
	m, ok := vm.modules[name]
	if vm.rt != nil && vm.rt.modulesPlaced.Load() {
		placed, listed := vm.placedModule(name)
		if placed != nil && placed != m {
			m, ok = placed, true
			vm.modules[name] = m
		} else if pm := vm.progMods[name]; ok && !listed && pm != nil && pm.done {
			// The program deleted its module from sys.modules: import
			// runs it again, as CPython's.
			delete(vm.modules, name)
			delete(vm.progMods, name)
			m, ok = nil, false
		}
	}
	if ok {
		vm.sysReady(name, m)
	} else {
		var err error
		progFirst := !startupModule(name)
		if progFirst {
			// The program's files come first on sys.path (helper.py,
			// and random.py shadowing the library's).
			m, ok, err = vm.programModule(name)
		}
		if !ok {
			m, ok, err = vm.loadModule(name)
		}
		if !ok && !progFirst {
			m, ok, err = vm.programModule(name)
		}
		if !ok {
			if i := strings.LastIndexByte(name, '.'); i > 0 {
				if _, ok := vm.modules[name[:i]]; ok && !vm.isPackage(name[:i]) {
					return nil, importErr(ModuleNotFoundError, name, "", "", "No module named '%s'; '%s' is not a package", name, name[:i])
				}
			}
			return nil, importErr(ModuleNotFoundError, name, "", "", "No module named '%s'", name)
		}
		if err != nil {
			return nil, err
		}
		if i := strings.LastIndexByte(name, '.'); i > 0 {
			if parent, ok := vm.modules[name[:i]]; ok {
				parent.setAttr(vm, name[i+1:], ObjVal(m))
			}
		}
	}
	vm.noteImported(name, m)
	return m, nil
}

// noteImported puts an imported module (and its parent packages) in
// sys.modules, if the program has not replaced that dict.
func (vm *VM) noteImported(name string, m *Module) {
	sys := vm.modules["sys"]
	if sys == nil {
		return
	}
	d, ok := sys.table()["modules"].O.(*Dict)
	if !ok {
		return
	}
	for {
		if !d.has(name) {
			d.set(StrVal(name), ObjVal(m))
		}
		i := strings.LastIndexByte(name, '.')
		if i <= 0 {
			return
		}
		name = name[:i]
		if m, ok = vm.modules[name]; !ok {
			return
		}
	}
}
