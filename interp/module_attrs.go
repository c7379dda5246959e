package interp

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Setting and deleting attributes of modules (math.x = 1, random.random =
// f). A module's attribute map is never changed in place once built:
// a store copies it and publishes the copy under the module's lock, so
// threads reading the old map are unaffected, and bumps the module's
// version, which the module attribute sites of inline_cache.go check.
// (The JIT's traces recheck each module attribute they took as a
// constant on entry.)
//
// The program's own module (__main__) is different: its attributes are
// the program's global slots, seen through globals()'s live dict, so it
// has no map to publish; readers go through lookup, and sites do not
// cache its attributes.

// modCell is a module-level name its functions capture: the cell, and
// the value it held when the module was built. While it still holds that,
// the attribute map's value stands (minipy's Go code may replace a
// library module's attribute after building it).
type modCell struct {
	c    *Cell
	init Val
}

// cellValue is the value of attribute name if a function of the module
// rebound it since the module was built.
func (m *Module) cellValue(name string) (Val, bool) {
	mc, ok := m.cells[name]
	if !ok {
		return Val{}, false
	}
	v := mc.c.v
	if v.T == mc.init.T && v.B == mc.init.B && sameObject(v.O, mc.init.O) {
		return Val{}, false
	}
	return v, true
}

// table is the module's attribute map: the one built at import until the
// program stores or deletes one. For __main__ it is a snapshot of the
// globals (dir(), iteration), not kept.
func (m *Module) table() map[string]Val {
	if m.main != nil {
		return m.mainTable()
	}
	t := m.attrs
	if p := m.pub.Load(); p != nil {
		t = *p
	}
	if m.running != nil {
		t = m.running.overlay(t)
	}
	if m.cells != nil {
		// A snapshot with the cells' values, not kept.
		t = maps.Clone(t)
		for n := range m.cells {
			if v, ok := m.cellValue(n); ok {
				if v.T == tagEmpty {
					delete(t, n)
				} else {
					t[n] = v
				}
			}
		}
	}
	return t
}

// lookup is m.name, without building __main__'s snapshot.
func (m *Module) lookup(name string) (Val, bool) {
	if m.main != nil {
		v, ok, _ := m.mainGlobals().get(StrVal(name))
		return v, ok
	}
	t := m.attrs
	if p := m.pub.Load(); p != nil {
		t = *p
	}
	v, ok := t[name]
	if cv, rebound := m.cellValue(name); rebound {
		v, ok = cv, cv.T != tagEmpty
	}
	if r := m.running; r != nil {
		if rv, bound := r.value(name, ok); bound {
			v, ok = rv, true
		}
	}
	if !ok && m.lazy != nil {
		if la := m.lazy[name]; la != nil {
			return la.get()
		}
	}
	return v, ok
}

// lazyAttr is a module attribute made by make when first looked up; a
// store to the name publishes a value that hides it, and a del drops it.
type lazyAttr struct {
	once    sync.Once
	make    func() Val
	v       Val
	dropped atomic.Bool
}

func (la *lazyAttr) get() (Val, bool) {
	if la.dropped.Load() {
		return Val{}, false
	}
	la.once.Do(func() { la.v = la.make() })
	// A build that raised (a panic through once.Do) left v empty: the
	// attribute is missing, never an empty value read as present.
	return la.v, la.v.T != tagEmpty
}

// setLazy makes name an attribute built by mk on first look-up; set while
// the module is built, before anyone reads it.
func (m *Module) setLazy(name string, mk func() Val) {
	if m.lazy == nil {
		m.lazy = map[string]*lazyAttr{}
	}
	m.lazy[name] = &lazyAttr{make: mk}
}

// loadLazy makes the lazy attributes not made yet ordinary ones, for
// what sees the whole table: import *, __dict__.
func (m *Module) loadLazy() {
	for n, la := range m.lazy {
		if v, ok := la.get(); ok {
			if _, there := m.table()[n]; !there {
				m.setAttr(nil, n, v)
			}
		}
	}
}

// lazyNames are the names of lazy attributes not dropped (dir()).
func (m *Module) lazyNames() []string {
	var names []string
	for n, la := range m.lazy {
		if !la.dropped.Load() {
			names = append(names, n)
		}
	}
	return names
}

func (m *Module) mainGlobals() *Dict { return m.main.globalsDict().O.(*Dict) }

func (m *Module) mainTable() map[string]Val {
	d := m.mainGlobals()
	t := make(map[string]Val, d.used)
	for _, e := range d.live() {
		if s, ok := e.k.O.(*Str); ok && e.k.T == tagObject {
			t[s.s] = e.v
		}
	}
	return t
}

func (m *Module) setAttr(vm *VM, name string, v Val) error {
	if vm != nil {
		if name == "__class__" {
			return vm.setModuleClass(m, v)
		}
		if done, err := vm.subclassedModuleSet(m, name, v); done {
			return err
		}
	}
	if m.main != nil {
		return m.mainGlobals().set(StrVal(name), v)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	old, _ := m.lookup(name)
	if mc, ok := m.cells[name]; ok {
		mc.c.v = v // the module's functions see it; lookup does too, as it differs from init
	}
	m.publish(name, v, false)
	if m.dict != nil {
		m.syncDict(func(d *Dict) { d.set(StrVal(name), v) })
	}
	if m.name == "builtins" && vm != nil {
		vm.rebindBuiltin(name, old, v)
	}
	return nil
}

// rebindBuiltin makes builtins.name = v seen by the program, as CPython's
// name look-up falls back to the builtins module (patch('builtins.open')):
// the builtins' table and a global slot that still holds the builtin it
// replaces (a slot holds its builtin until the program binds the name).
func (vm *VM) rebindBuiltin(name string, old, v Val) {
	if vm.bi == nil {
		return
	}
	if _, ok := vm.bi[name]; ok || old.T != tagEmpty {
		vm.bi[name] = v
	}
	if vm.mod == nil {
		return
	}
	if i, ok := vm.mod.gindex[name]; ok {
		if cur := vm.mod.load(int32(i)); cur == old || cur.T == tagEmpty {
			vm.mod.storeSlot(int32(i), v)
		}
	}
}

func (m *Module) delAttr(name string) error {
	if m.main != nil {
		d := m.mainGlobals()
		if _, ok, _ := d.get(StrVal(name)); !ok {
			return newErr(AttributeError, "'module' object has no attribute '%s'", name)
		}
		_, _, err := d.del(StrVal(name))
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	la := m.lazy[name]
	if la != nil && la.dropped.Swap(true) {
		la = nil // dropped before: del finds it no more
	}
	if _, ok := m.table()[name]; !ok {
		if la != nil {
			return nil
		}
		return newErr(AttributeError, "'module' object has no attribute '%s'", name)
	}
	if mc, ok := m.cells[name]; ok {
		mc.c.v = Val{}
	}
	m.publish(name, Val{}, true)
	if m.dict != nil {
		m.syncDict(func(d *Dict) { d.del(StrVal(name)) })
	}
	return nil
}

// publish stores (or deletes) one attribute: a new map, a new version.
// The caller holds m.mu.
func (m *Module) publish(name string, v Val, del bool) {
	old := m.table()
	attrs := make(map[string]Val, len(old)+1)
	for k, x := range old {
		if !del || k != name {
			attrs[k] = x
		}
	}
	if !del {
		attrs[name] = v
	}
	m.pub.Store(&attrs)
	if m.free != nil {
		m.free.store(name, v, del)
	}
	m.version.Add(1)
	assumptionsChanged() // (traces check module attributes: trace_checks.go)
}

// moduleFree is where a program module's functions find the names its
// code reads but never binds (y in "def get(): return y" when only
// another module's "m.y = 1" binds it). Its code is compiled over a
// namespace dict, so such a name is a global slot of the program's
// moduleState; the slots of each program module carry its own prefix, so
// a store or delete of the module's attribute can reach them, as
// CPython's one globals dict per module would.
type moduleFree struct {
	gm     *moduleState
	prefix string
	bi     map[string]Val // what a deleted name falls back to
}

func newModuleFree(vm *VM, name string) *moduleFree {
	return &moduleFree{gm: vm.mod, prefix: nsGlobalPrefix + name + "\x00", bi: vm.bi}
}

// store is m.name = v (or del m.name) seen by the module's functions.
func (f *moduleFree) store(name string, v Val, del bool) {
	i, ok := f.gm.gindex[f.prefix+name]
	if !ok {
		return
	}
	if del {
		v = f.bi[name]
	}
	f.gm.storeSlot(int32(i), v)
}

// globalBase is the Python name of a global slot's name: without the
// prefix of code compiled over a namespace dict (nsGlobalPrefix, and a
// program module's name after it).
func globalBase(slot string) string {
	if !strings.HasPrefix(slot, nsGlobalPrefix) {
		return slot
	}
	slot = slot[len(nsGlobalPrefix):]
	return slot[strings.LastIndexByte(slot, 0)+1:]
}

// dictStore is a store or delete made through __dict__: a str key is the
// attribute (others live in the dict alone, as on instances).
func (m *Module) dictStore(k, v Val, del bool) {
	if s, ok := k.O.(*Str); ok && k.T == tagObject {
		m.mu.Lock()
		m.publish(s.s, v, del)
		m.mu.Unlock()
	}
}

// syncDict changes __dict__ for a store made on the module itself,
// without its hook storing on the module again.
func (m *Module) syncDict(change func(d *Dict)) {
	hook := m.dict.glive
	m.dict.glive = nil
	change(m.dict)
	m.dict.glive = hook
}

// dictOf is the module's __dict__: for __main__ the globals, for another
// module a dict made once whose stores and deletes reach the module.
func (m *Module) dictOf() *Dict {
	if m.main != nil {
		return m.mainGlobals()
	}
	m.loadLazy()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.dict == nil {
		d := newDict()
		t := m.table()
		if _, ok := t["__name__"]; !ok {
			d.set(StrVal("__name__"), StrVal(m.name)) // first, as CPython's
		}
		for _, k := range slices.Sorted(maps.Keys(t)) {
			d.set(StrVal(k), t[k])
		}
		d.glive = &liveGlobals{module: m}
		m.dict = d
	}
	return m.dict
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
