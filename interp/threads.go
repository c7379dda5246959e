package interp

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/copypatch/copypatch/templates"
)

// Free threading: every Python thread is a goroutine with a VM of its own
// (frames, slot and argument stacks, recursion depth, generators, pending
// errors, back-edge counters), and they share the run's module globals,
// modules, classes, code objects and the output streams (runState). There
// is no global lock: Python code runs on all cores at once. Objects that
// threads can share guard themselves once the run has started a thread
// (runState.threaded, see objlock.go); until then nothing is locked.

// runState is what the threads of one run share.
type runState struct {
	async asyncHelpers // async generators' awaitables (coro.go)
	// sysInfo builds sys's informational attributes (sys_info.go) when
	// the program first reaches sys.
	sysInfo sync.Once
	// modulesPlaced is set once the program stores into sys.modules a
	// module import has not put there (placedModule).
	modulesPlaced atomic.Bool
	// threaded is set by the first Thread.start, while the starting thread
	// is the only one, and never cleared: from then on shared objects
	// take their locks and output is written under outMu.
	threaded atomic.Bool
	outMu    sync.Mutex
	closed   bool // the run has ended: late output of daemon threads is dropped
	out      *bufio.Writer
	errOut   *bufio.Writer
	atexit   []atexitEntry // atexit.register's functions, under mu
	// flushAtExit is fileio's function that writes out what text
	// wrappers over other streams still hold (called as the run ends).
	flushAtExit Val

	mu        sync.Mutex
	alive     map[*threadState]bool // started and not finished, with the main thread
	order     []*threadState        // alive in start order, for enumerate()
	nonDaemon sync.WaitGroup
	nextIdent int64
	codeIx    atomic.Int32 // the last Code.tix handed out
	nameCount int          // Thread-N names handed out
	poolCount int          // ThreadPoolExecutor-N prefixes handed out
	main      *threadState
	states    sync.Map  // *Instance (a threading.Thread) -> *threadState
	tclass    *Class    // threading.Thread
	files     fileTable // what open() and os.open opened
	procs     procTable // what subprocess.Popen started
	socks     sockTable // the open sockets (mod_socket.go)
	signals   signalState
	importer  atomic.Pointer[VM] // the thread holding mu for an import
	// rawOut and rawErr are the writers under out and errOut: a child
	// process that inherits the program's stdout writes there directly
	// when they are files (subprocess.go).
	rawOut, rawErr io.Writer
}

// threadState is one Python thread.
type threadState struct {
	inst    *Instance // the threading.Thread object, nil until asked for on the main thread
	ident   int64
	name    string
	started bool
	done    chan struct{} // closed when the thread has finished
	vm      *VM
}

func newRunState(out, errOut *bufio.Writer) *runState {
	rt := &runState{out: out, errOut: errOut, alive: map[*threadState]bool{}}
	rt.main = &threadState{ident: rt.newIdent(), name: "MainThread", started: true, done: make(chan struct{})}
	rt.alive[rt.main] = true
	rt.order = append(rt.order, rt.main)
	return rt
}

// newIdent hands out thread identifiers: large numbers as CPython's are
// (pthread_t values), unique within the run.
func (rt *runState) newIdent() int64 {
	rt.nextIdent++
	return 139637976540000 + rt.nextIdent*4096
}

// lockOut takes the output lock when other threads may be writing;
// unlock with the result.
func (rt *runState) lockOut() bool {
	if !threadChecks || rt == nil || !rt.threaded.Load() {
		return false
	}
	rt.outMu.Lock()
	return true
}

func (rt *runState) unlockOut(locked bool) {
	if locked {
		rt.outMu.Unlock()
	}
}

// spawn makes the VM of a new thread: its own stacks, the run's shared
// state. Thread VMs count back-edges in their own counters.
func (vm *VM) spawn(ts *threadState) *VM {
	t := &VM{out: vm.out, mod: vm.mod, modules: vm.modules, bi: vm.bi, rt: vm.rt, thread: ts, typeObjs: vm.typeObjs, stdin: vm.stdin,
		stack: make([]templates.Value, threadStackSlots), ostack: make([]Object, threadStackSlots),
		frames: make([]frame, maxDepth+2), limit: maxDepth, ctr: make([][]uint32, 64)}
	if vm.limit > maxDepth {
		t.limit = vm.limit
		t.frames = make([]frame, t.limit+2)
	}
	if vm.jit != nil {
		// Tier 2 on every thread: traces of its own (recorded from its
		// own frames, entered with its own native state) compiled into
		// the process's shared code cache.
		cfg := vm.jit.cfg
		cfg.JITStats, cfg.TraceLog = nil, nil
		t.jit = newJITState(cfg)
		t.loops = map[*Code][]*loopTrace{}
	}
	t.mt = true
	t.hot.Store(t.threshold())
	ts.vm = t
	return t
}

// threadStackSlots is the slot stack of a thread other than the main one:
// smaller than the main thread's (deeper frames go to the heap), so a pool
// of threads costs little memory.
const threadStackSlots = 1 << 12

// counters are the back-edge counters of co for this VM's thread: the
// code's own on the main thread, on another the thread's slice at the
// code's index, a load or two at every call and generator resume.
func (vm *VM) counters(co *Code) []uint32 {
	if !threadChecks || vm.ctr == nil {
		return co.counters
	}
	if vm.ctrCo == co {
		// The same code as last time (sum() over a generator: the call
		// below cost ~23 instructions per item, 4.5 % of the run).
		return vm.ctrLast
	}
	return vm.threadCounters(co)
}

func (vm *VM) threadCounters(co *Code) []uint32 {
	var c []uint32
	if i := int(co.tix.Load()); i < len(vm.ctr) && vm.ctr[i] != nil {
		c = vm.ctr[i]
	} else {
		c = vm.newCounters(co)
	}
	vm.ctrCo, vm.ctrLast = co, c
	return c
}

// newCounters makes this thread's counters of co, giving co its index
// (from 1: index 0 is never filled) when it has none yet.
func (vm *VM) newCounters(co *Code) []uint32 {
	i := co.tix.Load()
	if i == 0 {
		co.tix.CompareAndSwap(0, vm.rt.codeIx.Add(1))
		i = co.tix.Load()
	}
	if int(i) >= len(vm.ctr) {
		vm.ctr = append(vm.ctr, make([][]uint32, int(i)+1-len(vm.ctr)+len(vm.ctr)/2)...)
	}
	c := make([]uint32, len(co.counters))
	vm.ctr[i] = c
	return c
}

// errNoThreads is what starting a thread raises in a build without thread
// checks (CPython's message when a thread cannot start, and why).
func errNoThreads() error {
	return newErr(RuntimeError, "can't start new thread: minipy was built with -tags nothreadchecks")
}

// startThread runs body on a new goroutine with a VM of its own: the
// thread ts.
func (vm *VM) startThread(ts *threadState, daemon bool, body func(t *VM) error) {
	rt := vm.rt
	if !rt.threaded.Load() {
		// The first thread: globals move to boxes and shared objects
		// take locks from now on (objlock.go).
		vm.mod.share()
		rt.threaded.Store(true)
		vm.mt = true
	}
	rt.mu.Lock()
	ts.ident = rt.newIdent()
	ts.started = true
	ts.done = make(chan struct{})
	rt.alive[ts] = true
	rt.order = append(rt.order, ts)
	rt.mu.Unlock()
	if !daemon {
		rt.nonDaemon.Add(1)
	}
	t := vm.spawn(ts)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				locked := rt.lockOut()
				rt.out.Flush()
				fmt.Fprintf(rt.errOut, "minipy: internal error in thread %s: %v\n", ts.name, r)
				rt.errOut.Flush()
				rt.unlockOut(locked)
			}
			t.closeGenerators()
			if t.jit != nil {
				t.jit.free()
			}
			rt.mu.Lock()
			delete(rt.alive, ts)
			for i, x := range rt.order {
				if x == ts {
					rt.order = append(rt.order[:i], rt.order[i+1:]...)
					break
				}
			}
			rt.mu.Unlock()
			close(ts.done)
			if !daemon {
				rt.nonDaemon.Done()
			}
		}()
		t.depth = 1
		err := body(t)
		if err != nil {
			t.reportThreadError(ts, err)
		}
	}()
}

func (vm *VM) runThread(self Val) error {
	run, err := vm.getAttr(self, "run")
	if err != nil {
		return err
	}
	_, err = vm.call(run, nil, nil)
	return err
}

// errThreadExit unwinds a daemon thread when the run ends.
var errThreadExit = &internalError{"thread ended with the run"}

// reportThreadError prints CPython's report of an exception that ended a
// thread (threading.excepthook); SystemExit ends the thread silently.
func (vm *VM) reportThreadError(ts *threadState, err error) {
	if err == errThreadExit {
		return
	}
	pe := toPyErr(err)
	if pe.exc.typ.isSub(SystemExit) {
		return
	}
	var b strings.Builder
	b.WriteString("Exception in thread " + ts.name + ":\n")
	writeChained(&b, vm, pe.exc, pe.tb, map[*Exception]bool{})
	if vm.writeErr(b.String()) {
		return
	}
	rt := vm.rt
	rt.outMu.Lock()
	defer rt.outMu.Unlock()
	if rt.closed {
		return
	}
	rt.out.Flush()
	rt.errOut.WriteString(b.String())
	rt.errOut.Flush()
}

// finishThreads is the end of the run: the main thread waits for every
// non-daemon thread (as CPython's threading._shutdown does); daemon threads
// still running stop at their next call or back-edge, and their output is
// dropped from then on.
func (rt *runState) finishThreads() {
	if !rt.threaded.Load() {
		return
	}
	rt.mu.Lock()
	delete(rt.alive, rt.main)
	rt.mu.Unlock()
	rt.nonDaemon.Wait()
	rt.mu.Lock()
	var daemons []*VM
	for ts := range rt.alive {
		if ts.vm != nil {
			daemons = append(daemons, ts.vm)
		}
	}
	rt.mu.Unlock()
	for _, t := range daemons {
		t.exiting.Store(true)
		t.interrupt()
	}
	rt.outMu.Lock()
	rt.closed = true
	rt.outMu.Unlock()
}

// current is the thread this VM runs.
func (vm *VM) current() *threadState {
	if vm.thread != nil {
		return vm.thread
	}
	return vm.rt.main
}

// threadObject is the threading.Thread of ts (the main thread's is made
// when first asked for).
func (vm *VM) threadObject(ts *threadState) Val {
	rt := vm.rt
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if ts.inst == nil {
		inst := newInstanceOf(rt.tclass, 4)
		inst.set("name", StrVal(ts.name))
		inst.set("daemon", False)
		inst.set("ident", IntVal(ts.ident))
		inst.set("native_id", IntVal(ts.ident))
		ts.inst = inst
		rt.states.Store(inst, ts)
	}
	return ObjVal(ts.inst)
}

// waitChan waits for ch to be closed, at most timeout seconds (forever
// when timeout < 0). On the main thread Ctrl-C ends the wait with
// KeyboardInterrupt, as CPython's waits do.
func (vm *VM) waitChan(ch <-chan struct{}, timeout float64) (bool, error) {
	var deadline <-chan time.Time
	if timeout >= 0 {
		t := time.NewTimer(time.Duration(timeout * 1e9))
		defer t.Stop()
		deadline = t.C
	}
	var tick <-chan time.Time
	if vm.thread == nil || vm.exiting.Load() {
		// Interruptible: look at the flags now and then.
		tk := time.NewTicker(20 * time.Millisecond)
		defer tk.Stop()
		tick = tk.C
	}
	for {
		if err := vm.interrupted(); err != nil {
			return false, err
		}
		select {
		case <-ch:
			return true, nil
		case <-deadline:
			return false, nil
		case <-tick:
		}
	}
}

// interrupted is Ctrl-C on the main thread, or the end of the run on a
// daemon thread.
func (vm *VM) interrupted() error {
	if vm.exiting.Load() {
		return errThreadExit
	}
	if vm.sigint.Load() {
		return vm.keyboardInterrupt()
	}
	return nil
}

// sleep is time.sleep: the goroutine parks, the CPU goes to other threads.
func (vm *VM) sleep(s float64) error {
	if vm.thread == nil && !vm.rt.threaded.Load() && vm.jit == nil && s < 0.05 {
		time.Sleep(time.Duration(s * 1e9))
		return nil
	}
	never := make(chan struct{})
	_, err := vm.waitChan(never, s)
	return err
}

// timeoutArg reads a timeout argument: None or absent is forever (-1).
func timeoutArg(v Val, fn string) (float64, error) {
	if v.T == tagEmpty || v.T == tagNone {
		return -1, nil
	}
	t, err := toFloat(v)
	if err != nil {
		return 0, newErr(TypeError, "%s() timeout must be a number, not '%s'", fn, typeName(v))
	}
	if t < 0 {
		return 0, newErr(ValueError, "timeout value must be a non-negative number")
	}
	return t, nil
}

// argsOf binds positional and keyword arguments to names, CPython style:
// missing ones are Val{} (tagEmpty).
func argsOf(fn string, args []Val, kwn []string, names ...string) ([]Val, error) {
	pos, kw := splitKw(args, kwn)
	if len(pos) > len(names) {
		return nil, newErr(TypeError, "%s() takes at most %d arguments (%d given)", fn, len(names), len(pos))
	}
	out := make([]Val, len(names))
	copy(out, pos)
	for k, v := range kw {
		found := false
		for i, n := range names {
			if n == k {
				if i < len(pos) {
					return nil, newErr(TypeError, "%s() got multiple values for argument '%s'", fn, k)
				}
				out[i], found = v, true
			}
		}
		if !found {
			return nil, newErr(TypeError, "%s() got an unexpected keyword argument '%s'", fn, k)
		}
	}
	return out, nil
}

func orNone(v Val) Val {
	if v.T == tagEmpty {
		return NoneVal
	}
	return v
}
