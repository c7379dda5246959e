package interp

// Setting and deleting attributes of modules (math.x = 1, random.random =
// f). A module's attribute map is never changed in place once built:
// a store copies it and publishes the copy under the module's lock, so
// threads reading the old map are unaffected, and bumps the module's
// version, which the module attribute sites of inline_cache.go check.
// (The JIT's traces recheck each module attribute they took as a
// constant on entry.)

func (m *Module) setAttr(vm *VM, name string, v Val) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	attrs := make(map[string]Val, len(m.attrs)+1)
	for k, x := range m.attrs {
		attrs[k] = x
	}
	attrs[name] = v
	m.attrs = attrs
	m.version.Add(1)
	return nil
}

func (m *Module) delAttr(name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.attrs[name]; !ok {
		return newErr(AttributeError, "'module' object has no attribute '%s'", name)
	}
	attrs := make(map[string]Val, len(m.attrs))
	for k, x := range m.attrs {
		if k != name {
			attrs[k] = x
		}
	}
	m.attrs = attrs
	m.version.Add(1)
	return nil
}

// stdoutOverride is what the program stored in sys.stdout, when that is
// not the standard output print writes to anyway (sys.stdout = StringIO()
// captures print's output, as in CPython).
func (vm *VM) stdoutOverride() (Val, bool) {
	if vm.rt != nil && vm.rt.threaded.Load() {
		// Threads share the modules map (see opImport).
		vm.rt.mu.Lock()
		defer vm.rt.mu.Unlock()
	}
	sys := vm.modules["sys"]
	if sys == nil || sys.version.Load() == 0 {
		return Val{}, false
	}
	v, ok := sys.attrs["stdout"]
	if st, isStream := v.O.(*Stream); !ok || isStream && st.name == "<stdout>" {
		return Val{}, false
	}
	return v, true
}

// withFile is print's keyword arguments with file set.
func withFile(kw map[string]Val, f Val) map[string]Val {
	out := map[string]Val{"file": f}
	for k, v := range kw {
		out[k] = v
	}
	return out
}
