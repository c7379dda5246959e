package interp

import (
	_ "embed"
	"fmt"
	"runtime"
)

// The threading module. Thread is a class that programs subclass (run
// overridden); its methods are Go builtins bound like functions. The
// synchronisation objects are Go objects (thread_sync.go).

// methodFn is a builtin method of a class: bound to the instance like a
// function (args[0] is self).
func methodFn(name string, f func(vm *VM, args []Val, kwn []string) (Val, error)) Val {
	return ObjVal(&Builtin{name: name, fn: f, method: true})
}

func (vm *VM) threadingModule() *Module {
	rt := vm.rt
	m := &Module{name: "threading", attrs: map[string]Val{}}
	cls := &Class{vm: vm, name: "Thread", attrs: map[string]Val{}}
	cls.root = newRootShape(cls)
	cls.mro = []*Class{cls}
	rt.tclass = cls
	stateOf := func(self Val) (*threadState, error) {
		if x, ok := self.O.(*Instance); ok {
			if ts, ok := rt.states.Load(x); ok {
				return ts.(*threadState), nil
			}
		}
		return nil, newErr(RuntimeError, "thread.__init__() not called")
	}
	set := func(name string, f func(vm *VM, args []Val, kwn []string) (Val, error)) {
		cls.attrs[name] = methodFn(name, f)
		cls.order = append(cls.order, name)
	}
	set("__init__", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) == 0 {
			return Val{}, newErr(TypeError, "Thread.__init__() missing 'self'")
		}
		self := args[0]
		x, ok := self.O.(*Instance)
		if !ok {
			return Val{}, newErr(TypeError, "Thread.__init__() needs a Thread")
		}
		a, err := argsOf("Thread", args[1:], kwn, "group", "target", "name", "args", "kwargs", "daemon")
		if err != nil {
			return Val{}, err
		}
		if a[0].T != tagEmpty && a[0].T != tagNone {
			return Val{}, newErr(AssertionError, "group argument must be None for now")
		}
		ts := &threadState{}
		if a[2].T != tagEmpty && a[2].T != tagNone {
			ts.name = vm.strOf(a[2])
		} else {
			rt.mu.Lock()
			rt.nameCount++
			ts.name = fmt.Sprintf("Thread-%d", rt.nameCount)
			rt.mu.Unlock()
			if fn, ok := a[1].O.(*Function); ok && a[1].T == tagObject {
				ts.name += " (" + fn.code.name + ")"
			}
		}
		targs := a[3]
		if targs.T == tagEmpty {
			targs = ObjVal(&Tuple{})
		}
		kw := a[4]
		if kw.T == tagEmpty || kw.T == tagNone {
			kw = ObjVal(newDict())
		}
		daemon := a[5]
		if daemon.T == tagEmpty || daemon.T == tagNone {
			daemon = False
			if cur := vm.current(); cur.inst != nil {
				if d, ok := cur.inst.get("daemon"); ok {
					daemon = BoolVal(truthy(d))
				}
			}
		}
		x.set("_target", orNone(a[1]))
		x.set("_args", targs)
		x.set("_kwargs", kw)
		x.set("name", StrVal(ts.name))
		x.set("daemon", daemon)
		x.set("ident", NoneVal)
		x.set("native_id", NoneVal)
		ts.inst = x
		rt.states.Store(x, ts)
		return NoneVal, nil
	})
	set("start", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 || len(kwn) != 0 {
			return Val{}, newErr(TypeError, "start() takes no arguments")
		}
		ts, err := stateOf(args[0])
		if err != nil {
			return Val{}, err
		}
		x := args[0].O.(*Instance)
		rt.mu.Lock()
		started := ts.started
		ts.started = true
		rt.mu.Unlock()
		if started {
			return Val{}, newErr(RuntimeError, "threads can only be started once")
		}
		if n, ok := x.get("name"); ok {
			ts.name = vm.strOf(n)
		}
		if !threadChecks {
			return Val{}, errNoThreads()
		}
		d, _ := x.get("daemon")
		self := args[0]
		vm.startThread(ts, truthy(d), func(t *VM) error { return t.runThread(self) })
		x.set("ident", IntVal(ts.ident))
		x.set("native_id", IntVal(ts.ident))
		return NoneVal, nil
	})
	set("run", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "run() takes no arguments")
		}
		x, ok := args[0].O.(*Instance)
		if !ok {
			return NoneVal, nil
		}
		target, _ := x.get("_target")
		if target.T == tagEmpty || target.T == tagNone {
			return NoneVal, nil
		}
		targs, _ := x.get("_args")
		kw, _ := x.get("_kwargs")
		items, err := vm.iterate(targs)
		if err != nil {
			return Val{}, err
		}
		var names []string
		if d, ok := kw.O.(*Dict); ok {
			for _, k := range d.keys() {
				v, _, _ := d.get(k)
				items = append(items, v)
				names = append(names, vm.strOf(k))
			}
		}
		_, err = vm.call(target, items, names)
		return NoneVal, err
	})
	set("join", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) == 0 {
			return Val{}, newErr(TypeError, "join() missing 'self'")
		}
		ts, err := stateOf(args[0])
		if err != nil {
			return Val{}, err
		}
		a, err := argsOf("join", args[1:], kwn, "timeout")
		if err != nil {
			return Val{}, err
		}
		t, err := timeoutArg(a[0], "join")
		if err != nil {
			return Val{}, err
		}
		rt.mu.Lock()
		started, done := ts.started, ts.done
		rt.mu.Unlock()
		if !started || done == nil {
			return Val{}, newErr(RuntimeError, "cannot join thread before it is started")
		}
		if ts == vm.current() {
			return Val{}, newErr(RuntimeError, "cannot join current thread")
		}
		_, err = vm.waitChan(done, t)
		return NoneVal, err
	})
	alive := func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 1 {
			return Val{}, newErr(TypeError, "is_alive() takes no arguments")
		}
		ts, err := stateOf(args[0])
		if err != nil {
			return Val{}, err
		}
		rt.mu.Lock()
		defer rt.mu.Unlock()
		return BoolVal(rt.alive[ts]), nil
	}
	set("is_alive", alive)
	set("getName", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return vm.getAttr(args[0], "name")
	})
	set("setName", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 2 {
			return Val{}, newErr(TypeError, "setName() takes exactly one argument")
		}
		return NoneVal, vm.setAttr(args[0], "name", args[1])
	})
	set("isDaemon", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return vm.getAttr(args[0], "daemon")
	})
	set("setDaemon", func(vm *VM, args []Val, kwn []string) (Val, error) {
		if len(args) != 2 {
			return Val{}, newErr(TypeError, "setDaemon() takes exactly one argument")
		}
		return NoneVal, vm.setAttr(args[0], "daemon", BoolVal(truthy(args[1])))
	})
	m.attrs["Thread"] = ObjVal(cls)

	m.attrs["current_thread"] = builtinFn("current_thread", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return vm.threadObject(vm.current()), nil
	})
	m.attrs["currentThread"] = m.attrs["current_thread"]
	m.attrs["main_thread"] = builtinFn("main_thread", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return vm.threadObject(rt.main), nil
	})
	ident := builtinFn("get_ident", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return IntVal(vm.current().ident), nil
	})
	m.attrs["get_ident"] = ident
	m.attrs["get_native_id"] = ident
	m.attrs["active_count"] = builtinFn("active_count", func(vm *VM, args []Val, kwn []string) (Val, error) {
		rt.mu.Lock()
		defer rt.mu.Unlock()
		n := len(rt.alive)
		if !rt.alive[rt.main] {
			n++ // the main thread, while it waits for the others at the end
		}
		return IntVal(int64(n)), nil
	})
	m.attrs["activeCount"] = m.attrs["active_count"]
	m.attrs["enumerate"] = builtinFn("enumerate", func(vm *VM, args []Val, kwn []string) (Val, error) {
		rt.mu.Lock()
		order := append([]*threadState(nil), rt.order...)
		rt.mu.Unlock()
		out := make([]Val, len(order))
		for i, ts := range order {
			out[i] = vm.threadObject(ts)
		}
		return ObjVal(newList(out)), nil
	})
	m.attrs["Lock"] = builtinFn("Lock", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return ObjVal(&Lock{}), nil
	})
	m.attrs["RLock"] = builtinFn("RLock", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return ObjVal(&RLock{}), nil
	})
	m.attrs["Condition"] = builtinFn("Condition", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := argsOf("Condition", args, kwn, "lock")
		if err != nil {
			return Val{}, err
		}
		c := &Condition{lock: &RLock{}}
		if a[0].T != tagEmpty && a[0].T != tagNone {
			switch l := a[0].O.(type) {
			case *Lock:
				c.lock = l
			case *RLock:
				c.lock = l
			default:
				return Val{}, newErr(TypeError, "Condition() needs a Lock or an RLock, not '%s'", typeName(a[0]))
			}
		}
		return ObjVal(c), nil
	})
	sem := func(name string, bounded bool) {
		m.attrs[name] = builtinFn(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, err := argsOf(name, args, kwn, "value")
			if err != nil {
				return Val{}, err
			}
			n := int64(1)
			if a[0].T != tagEmpty {
				if a[0].T != tagInt {
					return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(a[0]))
				}
				if n = a[0].I(); n < 0 {
					return Val{}, newErr(ValueError, "semaphore initial value must be >= 0")
				}
			}
			s := &Semaphore{value: n}
			if bounded {
				s.bound = n
			}
			return ObjVal(s), nil
		})
	}
	sem("Semaphore", false)
	sem("BoundedSemaphore", true)
	m.attrs["Event"] = builtinFn("Event", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return ObjVal(&Event{}), nil
	})
	m.attrs["Barrier"] = builtinFn("Barrier", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := argsOf("Barrier", args, kwn, "parties", "action", "timeout")
		if err != nil {
			return Val{}, err
		}
		if a[0].T != tagInt || a[0].I() < 1 {
			return Val{}, newErr(ValueError, "parties must be >= 1")
		}
		t, err := timeoutArg(a[2], "Barrier")
		if err != nil {
			return Val{}, err
		}
		return ObjVal(&Barrier{parties: int(a[0].I()), action: a[1], timeout: t}), nil
	})
	m.attrs["BrokenBarrierError"] = ObjVal(BrokenBarrierError)
	m.attrs["local"] = builtinFn("local", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return ObjVal(&threadLocal{attrs: map[*threadState]map[string]Val{}}), nil
	})
	m.attrs["TIMEOUT_MAX"] = FloatVal(9223372036.0)
	vm.modules["threading"] = m // the Timer source imports it
	m.attrs["Timer"] = vm.pyModule("threading", threadingTimerSource, nil).attrs["Timer"]
	return m
}

//go:embed pylib/threading_timer.py
var threadingTimerSource string

// defaultWorkers is ThreadPoolExecutor's max_workers default, as CPython's.
func defaultWorkers() int { return min(32, runtime.NumCPU()+4) }
