package interp

// Setting and deleting attributes of modules (math.x = 1, random.random =
// f). A module's attribute map is never changed in place once built:
// a store copies it and publishes the copy under the module's lock, so
// threads reading the old map are unaffected, and bumps the module's
// version, which the module attribute sites of inline_cache.go check.
// (The JIT's traces recheck each module attribute they took as a
// constant on entry.)

// table is the module's attribute map: the one built at import until the
// program stores or deletes one.
func (m *Module) table() map[string]Val {
	if p := m.pub.Load(); p != nil {
		return *p
	}
	return m.attrs
}

func (m *Module) setAttr(vm *VM, name string, v Val) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	old := m.table()
	attrs := make(map[string]Val, len(old)+1)
	for k, x := range old {
		attrs[k] = x
	}
	attrs[name] = v
	m.pub.Store(&attrs)
	m.version.Add(1)
	return nil
}

func (m *Module) delAttr(name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	old := m.table()
	if _, ok := old[name]; !ok {
		return newErr(AttributeError, "'module' object has no attribute '%s'", name)
	}
	attrs := make(map[string]Val, len(old))
	for k, x := range old {
		if k != name {
			attrs[k] = x
		}
	}
	m.pub.Store(&attrs)
	m.version.Add(1)
	return nil
}

// stdoutOverride is what the program stored in sys.stdout, when that is
// not the standard output print writes to anyway (sys.stdout = StringIO()
// captures print's output, as in CPython).
func (vm *VM) stdoutOverride() (Val, bool) { return vm.streamOverride("stdout") }

// stderrOverride is sys.stderr the same way: where tracebacks (of a thread,
// or the program's) go instead of the standard error.
func (vm *VM) stderrOverride() (Val, bool) { return vm.streamOverride("stderr") }

func (vm *VM) streamOverride(name string) (Val, bool) {
	if vm.rt != nil && vm.rt.threaded.Load() {
		// Threads share the modules map (see opImport).
		vm.rt.mu.Lock()
		defer vm.rt.mu.Unlock()
	}
	sys := vm.modules["sys"]
	if sys == nil || sys.version.Load() == 0 {
		return Val{}, false
	}
	v, ok := sys.table()[name]
	if st, isStream := v.O.(*Stream); !ok || isStream && st.name == "<"+name+">" {
		return Val{}, false
	}
	return v, true
}

// writeErr writes s to the program's sys.stderr when it replaced it,
// reporting false when it did not (or its write failed, as CPython then
// falls back to the real stderr).
func (vm *VM) writeErr(s string) bool {
	f, ok := vm.stderrOverride()
	if !ok {
		return false
	}
	if st, isStream := f.O.(*Stream); isStream {
		locked := vm.rt.lockOut()
		st.w.WriteString(s)
		st.w.Flush()
		vm.rt.unlockOut(locked)
		return true
	}
	write, err := vm.getAttr(f, "write")
	if err == nil {
		_, err = vm.call(write, []Val{StrVal(s)}, nil)
	}
	vm.pending = nil
	return err == nil
}

// withFile is print's keyword arguments with file set.
func withFile(kw map[string]Val, f Val) map[string]Val {
	out := map[string]Val{"file": f}
	for k, v := range kw {
		out[k] = v
	}
	return out
}
