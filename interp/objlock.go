package interp

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// Thread safety without a GIL.
//
// Until a program starts its first thread nothing here runs: every check
// is one load of VM.mt (VM.threaded), a flag of each VM of the run, set on the main
// thread's VM when it starts the first thread (the only thread then, the
// only one that reads it) and on every VM made after.
// From then on:
//
//   - An instruction that reads or writes a list, dict, set or closure cell
//     in its operands locks them for its duration; attribute loads and
//     stores lock the object. So each operation is atomic, as in CPython's
//     free-threaded build, and no thread ever sees a list's slice header
//     or an element's interface half-written (a crash in Go).
//   - The locks are striped: 256 reentrant mutexes picked by the object's
//     address, so objects need no lock field (list and instance layouts
//     are what native code reads) and one thread may lock the same stripe
//     again, from a __eq__ or a key function called under it. An
//     instruction with several operands takes their stripes in order.
//   - Python code called by an instruction never runs with its receiver
//     locked when it is a method call on an instance (the method body may
//     block on a threading.Lock), and the blocking objects of threading,
//     queue and concurrent.futures take no stripes.
//   - Module globals are read and written through atomic pointers to
//     immutable boxes (moduleState.share), so a global read is a plain
//     load with no lock.
//   - Native code reads and stores list elements without stripes, under
//     each list's sequence word (List.seq, cp_list in vmstate.h): a thread
//     that holds a list's stripe also takes its seq, from even to odd,
//     and gives it back two higher; a native store takes it for its one
//     element with a compare-and-swap (side-exiting when it is odd); a
//     native load side-exits when seq is odd or moves while it reads. So
//     native code sees a list's length and element pointer of one
//     version, and an element's tag and bits of one store.
//
// The design was chosen by measurement (README): it costs single-threaded
// programs one predictable branch where a fast path meets a shared object.

// stripe is a reentrant lock: owner is the VM holding it. Taking a free
// stripe is one compare-and-swap and giving it back one store, half the
// atomic read-modify-writes of a sync.Mutex with an owner beside it;
// only a thread that finds it taken waits, on cond.
type stripe struct {
	owner   atomic.Pointer[VM]
	waiters atomic.Int32
	depth   int
	mu      sync.Mutex // guards cond's waits
	cond    sync.Cond
	_       [40]byte // 128 bytes: the hot words of two stripes never share a cache line
}

var stripes [256]stripe

func init() {
	for i := range stripes {
		stripes[i].cond.L = &stripes[i].mu
	}
}

// stripeOf picks the stripe of an object by its address.
func stripeOf(p unsafe.Pointer) uint8 {
	return uint8((uint64(uintptr(p)) >> 4 * 0x9E3779B97F4A7C15) >> 56)
}

func (s *stripe) lock(vm *VM) {
	switch s.owner.Load() {
	case vm:
		s.depth++
		return
	case nil:
		if s.owner.CompareAndSwap(nil, vm) {
			return
		}
	}
	s.wait(vm)
}

// spinTries is how many times a thread finds a stripe taken, yielding in
// between, before it sleeps on it. Most holders hold a stripe for one
// list or dict operation, far shorter than a sleep and a wake-up
// (spectral_norm on 2 threads, JIT off: 5 of 385 waits sleep, against
// every one of 21-61 without spinning).
const spinTries = 32

// wait takes the stripe from another thread: it spins a little first,
// then sleeps. A sleeper counts itself before it tries, under mu, so an
// unlock that sees no waiters has none to wake, and one that sees some
// signals only once the waiter sleeps.
func (s *stripe) wait(vm *VM) {
	for range spinTries {
		runtime.Gosched()
		if s.owner.Load() == nil && s.owner.CompareAndSwap(nil, vm) {
			return
		}
	}
	s.mu.Lock()
	s.waiters.Add(1)
	for !s.owner.CompareAndSwap(nil, vm) {
		s.cond.Wait()
	}
	s.waiters.Add(-1)
	s.mu.Unlock()
}

func (s *stripe) unlock() {
	if s.depth > 0 {
		s.depth--
		return
	}
	s.owner.Store(nil)
	if s.waiters.Load() > 0 {
		s.mu.Lock()
		s.cond.Signal()
		s.mu.Unlock()
	}
}

// lockKey is the address whose stripe guards o, or nil when o needs none
// (immutable, or guarded by its own mutex). A set is guarded by its dict,
// an iterator by what it iterates.
func lockKey(o Object, attrs bool) unsafe.Pointer {
	switch x := o.(type) {
	case *List:
		return unsafe.Pointer(x)
	case *Dict:
		return unsafe.Pointer(x)
	case *Set:
		return unsafe.Pointer(x)
	case *setIter:
		return unsafe.Pointer(x.s)
	case *DictView:
		return unsafe.Pointer(x.d)
	case *listIter:
		return unsafe.Pointer(x.l)
	case *dictIter:
		return unsafe.Pointer(x.d)
	case *Cell:
		return unsafe.Pointer(x)
	case *Bytes:
		if x.mut {
			return unsafe.Pointer(x)
		}
	case *MemoryView:
		// A view is locked as its exporter is: the bytes are the bytearray's.
		return lockKey(x.obj.O, attrs)
	case *PyArray:
		return unsafe.Pointer(x)
	case *Instance:
		if attrs {
			return unsafe.Pointer(x)
		}
	case *Class:
		if attrs {
			return unsafe.Pointer(x)
		}
	}
	return nil
}

// held is the set of stripes one operation holds, at most a few, and the
// lists among its objects, whose sequence words it takes.
type held struct {
	n  int
	ix [4]uint8
	nl int
	ls [4]*List
	// mine marks the lists whose seq this operation took (not one an
	// operation further out on the thread holds).
	mine [4]bool
	// reads: the operation only reads its lists, so it gives their seqs
	// back as it found them (native loads on other threads that
	// overlapped it read what was there all along).
	reads bool
}

func (h *held) add(o Object, attrs bool) {
	if o == nil || h.n == len(h.ix) {
		return
	}
	var l *List
	switch x := o.(type) {
	case *List:
		l = x
	case *listIter:
		l = x.l
	}
	if l != nil && h.nl < len(h.ls) && !slices.Contains(h.ls[:h.nl], l) {
		h.ls[h.nl] = l
		h.nl++
	}
	if p := lockKey(o, attrs); p != nil {
		s := stripeOf(p)
		for _, x := range h.ix[:h.n] {
			if x == s {
				return
			}
		}
		h.ix[h.n] = s
		h.n++
	}
}

// lock takes the stripes in order: two instructions that need the same
// two stripes cannot deadlock.
func (h *held) lock(vm *VM) {
	slices.Sort(h.ix[:h.n])
	for _, s := range h.ix[:h.n] {
		stripes[s].lock(vm)
	}
	for i, l := range h.ls[:h.nl] {
		h.mine[i] = vm.seqLock(l)
	}
}

func (h *held) unlock(vm *VM) {
	for i := h.nl - 1; i >= 0; i-- {
		if h.mine[i] {
			vm.seqUnlock(h.ls[i], h.reads)
		}
	}
	for i := h.n - 1; i >= 0; i-- {
		stripes[h.ix[i]].unlock()
	}
}

// lockOne locks o for one operation; unlock the result.
func (vm *VM) lockOne(o Object) held {
	var h held
	h.add(o, true)
	h.lock(vm)
	return h
}

// lockRead is lockOne for an operation that only reads o.
func (vm *VM) lockRead(o Object) held {
	var h held
	h.add(o, true)
	h.reads = true
	h.lock(vm)
	return h
}

// seqLock takes l's sequence word for vm, whose thread holds l's stripe,
// and reports whether it did: false when an operation further out on the
// thread holds it already. With the stripe held only a native store can
// hold seq, for one element, so a taken seq is waited for by yielding.
func (vm *VM) seqLock(l *List) bool {
	if slices.Contains(vm.seqHeld, l) {
		return false
	}
	for {
		q := atomic.LoadUint64(&l.seq)
		if q&1 == 0 && atomic.CompareAndSwapUint64(&l.seq, q, q+1) {
			break
		}
		runtime.Gosched()
	}
	vm.seqHeld = append(vm.seqHeld, l)
	return true
}

// seqUnlock gives back l's sequence word two higher than it was taken
// (native loads that read l meanwhile see that it moved), or as it was
// when the holder only read l.
func (vm *VM) seqUnlock(l *List, reads bool) {
	if reads {
		atomic.AddUint64(&l.seq, ^uint64(0))
	} else {
		atomic.AddUint64(&l.seq, 1)
	}
	if i := len(vm.seqHeld) - 1; i >= 0 && vm.seqHeld[i] == l {
		vm.seqHeld = vm.seqHeld[:i]
		return
	}
	if i := slices.Index(vm.seqHeld, l); i >= 0 {
		vm.seqHeld = slices.Delete(vm.seqHeld, i, i+1)
	}
}

// threaded reports whether vm's run has started a thread, so that shared
// objects take their locks: vm.mt, and false in a build without thread
// checks (threadchecks.go), where the compiler drops every branch on it.
func (vm *VM) threaded() bool { return threadChecks && vm.mt }

// slow runs an instruction on the interpreter's slow path, locked once
// threads run. Fast paths in runAt that read or write a list, dict, set or
// instance check vm.threaded() and leave such work to it.
func (vm *VM) slow(f *frame, in *Instr) error {
	if vm.threaded() {
		return vm.lockedOp(f, in, (*VM).slowOp)
	}
	return vm.slowOp(f, in)
}

// next is the next item of an iterator; the container is locked for the
// step once threads run.
func (vm *VM) next(it Object) (Val, bool, error) {
	if !vm.threaded() {
		return vm.nextItem(it)
	}
	if lockKey(it, true) == nil {
		// A generator, a range: nothing to lock (and no held to fill,
		// a quarter of sum() over a generator's time on a thread).
		return vm.nextItem(it)
	}
	h := vm.lockRead(it) // a step of an iterator reads its container
	v, ok, err := vm.nextItem(it)
	h.unlock(vm)
	return v, ok, err
}

// listLoad is the interpreter's fast list[i] once threads run: slot a of
// f gets the element. False, nothing done, when i is out of range (the
// generic path raises). Where loads keep their order (amd64, outside the
// race detector: see listLoadOptimistic) it takes no lock, as native
// loads do: taking the stripe writes its cache line, which two threads
// reading one shared list then pass back and forth at every element.
func (vm *VM) listLoad(f *frame, a int32, l *List, i int64) bool {
	if optimisticLoads {
		if ok, done := vm.listLoadOptimistic(f, a, l, i); done {
			return ok
		}
	}
	return vm.listLoadLocked(f, a, l, i)
}

// optimisticTries is how many times listLoadOptimistic reads a list that
// writers keep changing before it takes the stripe instead.
const optimisticTries = 8

// listLoadOptimistic reads l[i] under l's sequence word alone: the slice
// headers are read between two loads of an even seq that agree, so they
// are of one version (every change of a list's headers holds seq odd),
// and the element is indexed from those headers, which keep their arrays
// alive, then taken only if seq has not moved since. done is false when
// the thread itself holds seq (an operation further out changes l) or
// writers kept it moving: the caller takes the stripe.
func (vm *VM) listLoadOptimistic(f *frame, a int32, l *List, i int64) (ok, done bool) {
	for range optimisticTries {
		q := atomic.LoadUint64(&l.seq)
		if q&1 != 0 {
			if slices.Contains(vm.seqHeld, l) {
				return false, false
			}
			runtime.Gosched()
			continue
		}
		vals, objs := l.vals, l.objs
		if atomic.LoadUint64(&l.seq) != q {
			continue
		}
		n := int64(len(vals))
		j := i
		if j < 0 {
			j += n
		}
		if uint64(j) >= uint64(n) {
			return false, true
		}
		e := vals[j]
		var o Object
		if uint64(j) < uint64(len(objs)) {
			o = objs[j]
		}
		if atomic.LoadUint64(&l.seq) != q {
			continue
		}
		f.regs[a] = e
		if objs != nil {
			f.objs[a] = o
		}
		return true, true
	}
	return false, false
}

// listLoadLocked is listLoad with the list's stripe held. A native store
// may write the element meanwhile (it takes only seq): the element is
// read again until seq says no store overlapped the read.
func (vm *VM) listLoadLocked(f *frame, a int32, l *List, i int64) bool {
	s := &stripes[stripeOf(unsafe.Pointer(l))]
	s.lock(vm)
	n := int64(len(l.vals))
	if i < 0 {
		i += n
	}
	ok := uint64(i) < uint64(n)
	if ok {
		for {
			q := atomic.LoadUint64(&l.seq)
			e := l.vals[i]
			if atomic.LoadUint64(&l.seq) == q && (q&1 == 0 || slices.Contains(vm.seqHeld, l)) {
				f.regs[a] = e
				break
			}
			runtime.Gosched()
		}
		if l.objs != nil {
			f.objs[a] = l.objs[i]
		}
	}
	s.unlock()
	return ok
}

// listStore is list[i] = v the same way.
func (vm *VM) listStore(l *List, i int64, v Val) bool {
	s := &stripes[stripeOf(unsafe.Pointer(l))]
	s.lock(vm)
	n := int64(len(l.vals))
	if i < 0 {
		i += n
	}
	ok := uint64(i) < uint64(n)
	if ok {
		mine := vm.seqLock(l)
		l.setAt(int(i), v)
		if mine {
			vm.seqUnlock(l, false)
		}
	}
	s.unlock()
	return ok
}

// lookup is c's entry for x, x's stripe held for the look-up (another
// thread may be changing its shape) once threads run. Entries do not
// change once made, so the one returned stays good.
func (vm *VM) lookup(c *siteCache, x *Instance) *cacheEntry {
	if !vm.threaded() {
		return c.lookup(x)
	}
	if c == nil {
		return nil
	}
	s := &stripes[stripeOf(unsafe.Pointer(x))]
	s.lock(vm)
	e := c.lookup(x)
	s.unlock()
	return e
}

// attrLoad is the interpreter's cached x.attr once threads run: slot a of
// f gets the attribute with x's stripe held. False, nothing done, when
// the site's cache does not know x's shape.
func (vm *VM) attrLoad(f *frame, a int32, x *Instance, c *siteCache) bool {
	if c == nil {
		return false
	}
	s := &stripes[stripeOf(unsafe.Pointer(x))]
	s.lock(vm)
	e := c.lookup(x)
	ok := e != nil && e.kind == cacheSlot
	if ok {
		f.regs[a], f.objs[a] = x.vals[e.slot], x.objs[e.slot]
	}
	s.unlock()
	return ok
}

// attrStore is x.attr = v the same way: a slot x has, or one its shape
// gains.
func (vm *VM) attrStore(x *Instance, c *siteCache, r templates.Value, o Object) bool {
	if c == nil {
		return false
	}
	s := &stripes[stripeOf(unsafe.Pointer(x))]
	s.lock(vm)
	ok := false
	if e := c.lookup(x); e != nil {
		switch e.kind {
		case cacheSlot:
			x.vals[e.slot], x.objs[e.slot] = r, o
			ok = true
		case cacheAdd:
			x.vals, x.objs = append(x.vals, r), append(x.objs, o)
			x.shape = e.next
			ok = true
		}
	}
	s.unlock()
	return ok
}

// blockingModules are those whose functions may wait for other threads:
// their calls take no stripes.
var blockingModules = map[string]bool{"threading": true, "queue": true, "concurrent.futures": true, "time": true}

// lockedOp runs one instruction the interpreter's slow paths handle, with
// the shared objects it works on locked (see the top of this file).
func (vm *VM) lockedOp(f *frame, in *Instr, op func(*VM, *frame, *Instr) error) error {
	var h held
	switch in.Op {
	case opCall:
		fnv := f.get(in.B)
		switch fn := fnv.O.(type) {
		case *Builtin:
			if fn.locksArgs() {
				vm.addArgs(&h, f, in.B+1, in.C, attrBuiltins[fn.name])
			}
		case *typeObj:
			vm.addArgs(&h, f, in.B+1, in.C, false)
		case *BoundMethod:
			_, mv := fn.self.O.(*MemoryView)
			if _, ok := fn.self.O.(goObject); !ok || mv {
				h.add(fn.self.O, false)
				vm.addArgs(&h, f, in.B+1, in.C, false)
			}
		}
	case opCallMethod:
		self := f.get(in.B)
		switch x := self.O.(type) {
		case *Instance:
			return vm.callInstanceMethod(f, in, x, self)
		case *MemoryView:
			// Its methods never wait: its bytearray is locked.
			h.add(self.O, false)
			vm.addArgs(&h, f, in.B+1, in.C, false)
		case *PyArray:
			h.add(x, false)
			vm.addArgs(&h, f, in.B+1, in.C, false)
		case goObject, *Class, *ExcType, *Exception, *Generator:
			// Python code or waits: nothing locked.
		case *Module:
			// Only a Go function that never waits runs with its
			// arguments locked. A Python function of the module (a
			// program's own module, or pylib's select.select) may block
			// on another thread, which would then wait for the stripes
			// it holds; its instructions lock what they touch.
			if blockingModules[x.name] {
				break
			}
			fv, _ := moduleAttr(f.code.site(in), x, f.code.names[in.D])
			if b, ok := fv.O.(*Builtin); ok && fv.T == tagObject && b.locksArgs() {
				vm.addArgs(&h, f, in.B+1, in.C, false)
			}
		default:
			h.add(self.O, false)
			vm.addArgs(&h, f, in.B+1, in.C, false)
		}
	case opWithExit, opAsync, opYield, opReturn, opRaise, opRaiseFrom, opBuildClass, opPrepareClass, opClassDone, opClassGet, opImportStar, opMakeFunction, opGenExpr, opImport:
	case opGetAttr:
		h.add(f.get(in.B).O, true)
	case opSetAttr, opDelAttr:
		h.add(f.get(in.A).O, true)
	default:
		kinds := opInfo[in.Op].kinds
		for j, k := range kinds {
			if k == 's' {
				if x := *in.operand(j); x >= 0 && int(x) < len(f.objs) && f.regs[x].Tag == tagObject {
					h.add(f.objs[x], false)
				}
			}
		}
	}
	if h.n == 0 {
		return op(vm, f, in)
	}
	h.lock(vm)
	defer h.unlock(vm)
	return op(vm, f, in)
}

// locksArgs reports whether a call of b runs with its arguments locked:
// not when it may wait for another thread (blocks), nor when it is a
// class's method bound like a Python function (type.__call__ runs
// __init__, dataclasses' methods run Python code).
func (b *Builtin) locksArgs() bool { return !b.method && !b.blocks }

// addArgs adds the containers among n argument slots from first, and the
// instances when attrs is set.
func (vm *VM) addArgs(h *held, f *frame, first, n int32, attrs bool) {
	for i := first; i < first+n && int(i) < len(f.regs); i++ {
		if f.regs[i].Tag == tagObject {
			h.add(f.objs[i], attrs)
		}
	}
}

// attrBuiltins read or write an instance's attributes directly.
var attrBuiltins = map[string]bool{"getattr": true, "setattr": true, "delattr": true, "hasattr": true, "vars": true}

// callInstanceMethod is a method call on an instance once threads run:
// the method is looked up with the instance locked and called unlocked.
func (vm *VM) callInstanceMethod(f *frame, in *Instr, x *Instance, self Val) error {
	name := f.code.names[in.D]
	h := vm.lockOne(x)
	// Teach the site the method, so that the next call takes runAt's
	// fast path as it does without threads.
	vm.methodOf(f.code.site(in), x, name)
	fv, err := vm.getAttr(self, name)
	h.unlock(vm)
	if err != nil {
		return err
	}
	return vm.callWithFrameArgs(f, in, fv, in.E)
}

// share switches the module's globals to boxes: called when the first
// thread starts, while the starting thread is the only one.
func (m *moduleState) share() {
	if m.boxes != nil {
		return
	}
	// Room for the globals that code compiled later adds (a library
	// module written in Python, first imported by a thread: compileIn):
	// the slice is never replaced, so readers need no lock.
	boxes := make([]atomic.Pointer[Val], len(m.globals)+spareGlobalBoxes)
	for i := range boxes {
		var v Val
		if i < len(m.globals) {
			v = m.globals[i]
		}
		boxes[i].Store(&v)
	}
	m.boxes = boxes
}

// spareGlobalBoxes is how many global slots code compiled after threads
// started may add.
const spareGlobalBoxes = 4096

// load reads global i.
func (m *moduleState) load(i int32) Val {
	if !threadChecks || m.boxes == nil {
		return m.globals[i]
	}
	return *m.boxes[i].Load()
}

// store writes global i.
func (m *moduleState) store(i int32, v Val) {
	m.storeSlot(i, v)
	if m.live != nil {
		m.liveStore(i, v) // globals() sees it (a str key: no error)
	}
}

// storeSlot writes global i (and only the slot: the live globals dict
// calls it for its own stores).
func (m *moduleState) storeSlot(i int32, v Val) {
	if !threadChecks || m.boxes == nil {
		m.globals[i] = v
		if int(i) < len(m.watched) && m.watched[i] {
			assumptionsChanged() // a trace relies on it (trace_checks.go)
		}
		return
	}
	// (Threads run: no flags are read, every store counts.)
	assumptionsChanged()
	m.storeBoxed(i, v)
}

// storeBoxed is store once threads run. It is its own function, kept out
// of store, so that only this path moves v to the heap: taking &v in store
// itself allocated on every global store of a single-threaded program.
//
//go:noinline
func (m *moduleState) storeBoxed(i int32, v Val) { m.boxes[i].Store(&v) }

// borrowVM is the VM to run a special method on (__hash__, __eq__,
// __bool__) for a caller that has none at hand: the class's own VM until
// threads run, then a VM of the pool, as the class's may be running on
// another thread.
func borrowVM(home *VM) (*VM, func()) {
	if !threadChecks || home == nil || home.rt == nil || !home.rt.threaded.Load() {
		return home, func() {}
	}
	if v, ok := vmPool.Get().(*VM); ok && v.mod == home.mod {
		return v, func() { vmPool.Put(v) }
	}
	v := home.spawn(&threadState{name: "helper"})
	v.thread = nil
	return v, func() { vmPool.Put(v) }
}

var vmPool sync.Pool

// instanceOp reports whether a uop reads or writes an instance: such
// traces are neither recorded nor entered while threads run (native code
// reads an instance's slots without its stripe).
func instanceOp(op generated.Op) bool {
	switch op {
	case generated.OpGuardInstance, generated.OpGuardShape, generated.OpAttrLoad, generated.OpAttrStore:
		return true
	}
	return false
}

// unsharedOp reports whether a uop may not run while threads run: an
// instance's, a list load or store without the list's sequence word, or
// list_copy (compileTrace puts the _mt forms in traces compiled once
// threads run, and no list_copy). Lengths are one word, and strs never
// change.
func unsharedOp(op generated.Op) bool {
	switch traceopt.Unvaried(op) { // (a register variant is its plain form)
	case generated.OpListLoad, generated.OpListLoadBits, generated.OpListStore, generated.OpListCopy, generated.OpListSwap, generated.OpListAppend:
		return true
	}
	return instanceOp(op)
}

// loopsOf is the loop traces of co for this VM's thread, by back-edge pc
// (a slice: every entry of a trace looks its loop up).
func (vm *VM) loopsOf(co *Code) []*loopTrace {
	if vm.loops != nil {
		l := vm.loops[co]
		if l == nil {
			l = make([]*loopTrace, len(co.instrs))
			vm.loops[co] = l
		}
		return l
	}
	if co.loops == nil {
		co.loops = make([]*loopTrace, len(co.instrs))
	}
	return co.loops
}
