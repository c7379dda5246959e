package interp

import (
	"sync/atomic"
	"unsafe"
)

// What a trace took as constant, and how cheaply it is checked again.
//
// A trace relies on globals it read (a function, a constant), module
// attributes (math.sqrt) and classes (a method found on one), and keeps
// the globals its loop stores or reads as lists in slots. Entry, and every
// call-out, must find those still true, and a call-out must reload the
// global slots, since the instruction Go ran may have stored into any of
// them. Checking each one costs a load and compare per check (a map
// look-up for a module attribute), which a call-out in a large trace paid
// dozens of times. Instead every change that can break one bumps a single
// counter, assumeGen: a store into a global some trace watches (watched
// globals are the ones a trace checks or keeps in a slot), a module's
// published attribute map, a class's version. A trace remembers the count
// its checks last held at (checkedAt); while the counter has not moved,
// nothing any trace relied on changed, and a call-out costs one load.
// Stores into unwatched globals (a loop's counters at module level, the
// interpreter's hot STORE_GLOBAL) pay one bounds check and a byte load.

// assumeGen counts the changes that may break what a trace took as
// constant. It starts at 1: a checkedAt of 0 means never checked.
var assumeGen atomic.Uint64

func init() { assumeGen.Store(1) }

// assumptionsChanged bumps assumeGen.
func assumptionsChanged() { assumeGen.Add(1) }

// watch makes stores into global g bump assumeGen. It reports false when
// it cannot (threads run: the flags are written only while the program
// has one thread, so that the store path reads them without a lock); the
// trace then checks everything every time (loopTrace.slowChecks).
func (m *moduleState) watch(g int32) bool {
	if m.boxes != nil {
		// Once threads run every global store bumps assumeGen (storeSlot),
		// so flags are no longer needed or read; but flags set now would
		// not have been seen by stores made before: report false.
		return false
	}
	if int(g) >= len(m.watched) {
		grown := make([]bool, max(len(m.globals), int(g)+1))
		copy(grown, m.watched)
		m.watched = grown
	}
	m.watched[g] = true
	return true
}

// globalCheck is a global (or module attribute) the trace took as a
// constant, or a class whose attributes it relied on: entry (and every
// call-out) checks it still holds v, or that the class is at the same
// version (no method, property or class attribute of it or its bases
// changed).
type globalCheck struct {
	index   int     // global index, or -1 for a module attribute or a class
	mod     *Module // the module, for an attribute
	name    string
	v       Val
	cls     *Class // a class, at version
	version uint64
}

func (g *globalCheck) holds(vm *VM) bool {
	if g.cls != nil {
		return g.cls.version.Load() == g.version
	}
	var cur Val
	if g.mod != nil {
		cur, _ = g.mod.lookup(g.name)
	} else {
		cur = vm.mod.load(int32(g.index))
	}
	return cur.T == g.v.T && cur.B == g.v.B && sameObject(cur.O, g.v.O)
}

// sameObject is a == b, comparing the interfaces' words first: the same
// object (every call-out checks a trace's constant globals) is decided
// without runtime.ifaceeq's call.
func sameObject(a, b Object) bool {
	x, y := (*ifaceWords)(unsafe.Pointer(&a)), (*ifaceWords)(unsafe.Pointer(&b))
	if *x == *y {
		return true
	}
	return x.tab == y.tab && a == b
}

// addCheck makes the trace rely on c from now on.
func (r *recorder) addCheck(c globalCheck) {
	if c.cls == nil && c.mod == nil {
		if _, kept := r.lt.globalSlotOf(int32(c.index)); kept || !r.vm.mod.watch(int32(c.index)) {
			// (A global both checked and kept in a slot would break the
			// call-outs' shortcut in enter: never seen, but then slow.)
			r.lt.slowChecks = true
		}
	}
	r.lt.checks = append(r.lt.checks, c)
}

// unchanged reports whether nothing lt relies on can have changed since
// its checks last held: then neither its checks nor its global slots need
// looking at.
func (lt *loopTrace) unchanged() bool {
	return lt.checkedAt == assumeGen.Load() && !lt.slowChecks
}

// checksHold reports whether the globals lt took as constants still hold.
func (lt *loopTrace) checksHold(vm *VM) bool {
	// (Read before the checks: a change made while they run is seen
	// next time.)
	g := assumeGen.Load()
	if g == lt.checkedAt && !lt.slowChecks {
		return true
	}
	for i := range lt.checks {
		if !lt.checks[i].holds(vm) {
			return false
		}
	}
	lt.checkedAt = g
	return true
}
