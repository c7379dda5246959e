package interp

import (
	"strings"
	"sync/atomic"
	"weak"
)

// globals() is live: one dict per run, tied to the module's global slots.
// The module's code keeps reading and writing its slots (compiled code
// never looks names up in the dict); the dict and the slots are kept
// equal from both sides instead:
//
//   - STORE_GLOBAL and DEL_GLOBAL, once the dict exists, set or delete
//     the name in it (vm.go, ops.go);
//   - a store into the dict, a del, pop or clear of it writes the slot of
//     that name, if the module has one (Dict.setHashed, delAt, clear);
//   - exec and eval code compiled later gives the slots it adds the
//     dict's values (compileIn).
//
// Names the dict holds that the module's code never mentions have no slot
// and live in the dict alone until exec'd code mentions them.

// liveGlobals is what a Dict that is globals() knows of the module.
type liveGlobals struct {
	m  *moduleState
	bi map[string]Val // the builtins a deleted global's slot falls back to
	// inst is set instead of m on an instance's __dict__: its stores and
	// deletes reach the instance's attributes (instance_dict.go).
	inst *Instance
	// shared are further instances given the dict by obj.__dict__ = d,
	// and owner the dict subclass's instance that d backs, if any
	// (instance_dict.go).
	shared []weak.Pointer[Instance]
	owner  Val
	// module is set instead on a module's __dict__: its stores and
	// deletes become the module's attributes (module_attrs.go).
	module *Module
	// cells, on the globals dict of code exec ran, are the names its top
	// level bound that the functions it defined capture: a store or
	// delete in the dict reaches them, as those functions would read the
	// dict in CPython.
	cells map[string]*Cell
	// placed is set on sys.modules: a store there of anything but a
	// module under its own name (what import itself stores), or a
	// delete, sets it, so that import looks there first only once the
	// program has placed or removed one.
	placed *atomic.Bool
	// class is set on locals() of a class body while it runs: its stores
	// and deletes are the class's (class_locals.go).
	class *Class
	// ns is set on a globals dict exec ran code over (not a module's): a
	// builtin's name stored there shadows the builtin for that code
	// (exec_globals.go).
	ns *moduleState
}

// cellOf is the captured cell of a str key, or nil.
func (l *liveGlobals) cellOf(k Val) *Cell {
	if s, ok := k.O.(*Str); ok && k.T == tagObject && l.cells != nil {
		return l.cells[s.s]
	}
	return nil
}

// slot is the module's slot for a dict key, or -1.
func (l *liveGlobals) slot(k Val) int32 {
	if s, ok := k.O.(*Str); ok && k.T == tagObject {
		if i, ok := l.m.gindex[s.s]; ok {
			return int32(i)
		}
	}
	return -1
}

// set is d[k] = v on globals(): the slot follows.
func (l *liveGlobals) set(k, v Val) {
	if l.placed != nil {
		m, isMod := v.O.(*Module)
		if s, isStr := k.O.(*Str); !isMod || !isStr || m.made || s.s != m.name {
			l.placed.Store(true)
		}
		return
	}
	if l.class != nil {
		l.class.bodyStore(k, v, false)
		return
	}
	if c := l.cellOf(k); c != nil {
		c.v = v
	}
	if l.ns != nil {
		l.ns.nsShadow(k, l.bi)
	}
	if l.shared != nil {
		l.eachShared(func(x *Instance) { x.dictSet(k, v) })
	}
	if l.inst != nil {
		l.inst.dictSet(k, v)
		return
	}
	if l.module != nil {
		l.module.dictStore(k, v, false)
		return
	}
	if l.m == nil {
		return
	}
	if i := l.slot(k); i >= 0 {
		l.m.storeSlot(i, v)
	}
}

// del is del d[k] on globals(): the slot is unbound, or shows the builtin
// of that name again.
func (l *liveGlobals) del(k Val) {
	if l.placed != nil {
		l.placed.Store(true)
		return
	}
	if l.class != nil {
		l.class.bodyStore(k, Val{}, true)
		return
	}
	if c := l.cellOf(k); c != nil {
		c.v = Val{}
	}
	if l.shared != nil {
		l.eachShared(func(x *Instance) { x.dictDel(k) })
	}
	if l.inst != nil {
		l.inst.dictDel(k)
		return
	}
	if l.module != nil {
		l.module.dictStore(k, Val{}, true)
		return
	}
	if l.m == nil {
		return
	}
	if i := l.slot(k); i >= 0 {
		l.m.storeSlot(i, l.bi[l.m.gnames[i]])
	}
}

// liveStore is STORE_GLOBAL's half once globals() exists: the dict gets
// the value too (its hook writes the slot again, with the same value).
func (m *moduleState) liveStore(i int32, v Val) error {
	if !isIdentifier(m.gnames[i]) {
		return nil // the compiler's hidden names, exec's namespace globals
	}
	return m.live.set(StrVal(m.gnames[i]), v)
}

// liveDel is DEL_GLOBAL's half: the name leaves the dict (its hook
// leaves the slot as DEL_GLOBAL did).
func (m *moduleState) liveDel(i int32) error {
	if !isIdentifier(m.gnames[i]) {
		return nil
	}
	_, _, err := m.live.del(StrVal(m.gnames[i]))
	return err
}

// moduleDunders are the names CPython's __main__ starts with, in its order.
var moduleDunders = []string{"__name__", "__doc__", "__package__", "__loader__", "__spec__", "__builtins__", "__file__", "__cached__"}

// globalsDict is globals(): the module's bound globals (builtins the
// program only reads are not its globals), made once and then kept live.
func (vm *VM) globalsDict() Val {
	m := vm.mod
	if m.live != nil {
		return ObjVal(m.live)
	}
	d := newDict()
	for _, n := range moduleDunders {
		v := NoneVal
		switch n {
		case "__name__":
			v = StrVal("__main__")
		case "__builtins__":
			v = vm.builtinsVal()
		case "__file__":
			v = StrVal(m.filename)
		}
		if i, ok := m.gindex[n]; ok && n != "__builtins__" {
			if g := m.load(int32(i)); g.T != tagEmpty {
				v = g
			}
		}
		d.set(StrVal(n), v)
	}
	for i, name := range m.gnames {
		if !isIdentifier(name) || strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__") && d.has(name) {
			continue
		}
		v := m.load(int32(i))
		if v.T == tagEmpty {
			continue
		}
		if b, ok := vm.bi[name]; ok && b.T == v.T && b.B == v.B && b.O == v.O {
			continue
		}
		d.set(StrVal(name), v)
	}
	d.glive = &liveGlobals{m: m, bi: vm.bi}
	m.live = d
	return ObjVal(d)
}

func (d *Dict) has(name string) bool {
	_, ok, _ := d.get(StrVal(name))
	return ok
}
