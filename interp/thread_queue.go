package interp

import (
	"fmt"
	"time"
)

// The queue module and concurrent.futures' ThreadPoolExecutor, in Go on
// the monitors of thread_sync.go.

var (
	QueueEmpty     = &ExcType{name: "Empty", base: Exception_}
	QueueFull      = &ExcType{name: "Full", base: Exception_}
	CancelledError = &ExcType{name: "CancelledError", base: Exception_}
)

type queueKind uint8

const (
	fifoQueue queueKind = iota
	lifoQueue
	priorityQueue
	simpleQueue
)

// Queue is queue.Queue, LifoQueue, PriorityQueue and SimpleQueue.
type Queue struct {
	m          monitor
	kind       queueKind
	items      []Val
	maxsize    int
	unfinished int
}

func (q *Queue) typeName() string {
	return [...]string{"Queue", "LifoQueue", "PriorityQueue", "SimpleQueue"}[q.kind]
}

func (q *Queue) has(name string) bool {
	switch name {
	case "put", "get", "put_nowait", "get_nowait", "qsize", "empty":
		return true
	case "full", "task_done", "join":
		return q.kind != simpleQueue
	}
	return false
}

func (q *Queue) attr(vm *VM, name string) (Val, bool) {
	if name == "maxsize" && q.kind != simpleQueue {
		return IntVal(int64(q.maxsize)), true
	}
	return Val{}, false
}

// blockArgs reads (block=True, timeout=None) after skip leading arguments.
func blockArgs(fn string, args []Val, kwn []string, first ...string) ([]Val, bool, float64, error) {
	a, err := argsOf(fn, args, kwn, append(first, "block", "timeout")...)
	if err != nil {
		return nil, false, 0, err
	}
	n := len(first)
	block := a[n].T == tagEmpty || truthy(a[n])
	t, err := timeoutArg(a[n+1], fn)
	if err != nil {
		return nil, false, 0, err
	}
	return a, block, t, nil
}

func (q *Queue) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	if !q.has(name) {
		return Val{}, false, nil
	}
	switch name {
	case "put", "put_nowait":
		var a []Val
		block, timeout := false, -1.0
		var err error
		if name == "put" {
			a, block, timeout, err = blockArgs("put", args, kwn, "item")
		} else {
			a, err = argsOf("put_nowait", args, kwn, "item")
		}
		if err != nil {
			return Val{}, true, err
		}
		if a[0].T == tagEmpty {
			return Val{}, true, newErr(TypeError, "%s() missing 1 required positional argument: 'item'", name)
		}
		return NoneVal, true, q.put(vm, a[0], block, timeout)
	case "get", "get_nowait":
		block, timeout := false, -1.0
		if name == "get" {
			var err error
			if _, block, timeout, err = blockArgs("get", args, kwn); err != nil {
				return Val{}, true, err
			}
		} else if len(args) != 0 {
			return Val{}, true, newErr(TypeError, "get_nowait() takes no arguments")
		}
		v, err := q.get(vm, block, timeout)
		return v, true, err
	}
	q.m.mu.Lock()
	defer q.m.mu.Unlock()
	switch name {
	case "qsize":
		return IntVal(int64(len(q.items))), true, nil
	case "empty":
		return BoolVal(len(q.items) == 0), true, nil
	case "full":
		return BoolVal(q.maxsize > 0 && len(q.items) >= q.maxsize), true, nil
	case "task_done":
		if q.unfinished <= 0 {
			return Val{}, true, newErr(ValueError, "task_done() called too many times")
		}
		if q.unfinished--; q.unfinished == 0 {
			q.m.broadcast()
		}
		return NoneVal, true, nil
	case "join":
		for q.unfinished > 0 {
			if _, err := q.m.await(vm, time.Time{}); err != nil {
				return Val{}, true, err
			}
		}
		return NoneVal, true, nil
	}
	return Val{}, false, nil
}

func (q *Queue) put(vm *VM, v Val, block bool, timeout float64) error {
	q.m.mu.Lock()
	defer q.m.mu.Unlock()
	deadline := deadlineOf(timeout)
	for q.maxsize > 0 && len(q.items) >= q.maxsize {
		if !block {
			return newErrVal(QueueFull)
		}
		timedOut, err := q.m.await(vm, deadline)
		if err != nil {
			return err
		}
		if timedOut && len(q.items) >= q.maxsize {
			return newErrVal(QueueFull)
		}
	}
	if q.kind == priorityQueue {
		// A binary heap on Python's <, as heapq keeps it.
		q.items = append(q.items, v)
		i := len(q.items) - 1
		for i > 0 {
			p := (i - 1) / 2
			less, err := vm.compare(opLt, q.items[i], q.items[p])
			if err != nil {
				q.items = q.items[:len(q.items)-1]
				return err
			}
			if !less {
				break
			}
			q.items[i], q.items[p] = q.items[p], q.items[i]
			i = p
		}
	} else {
		q.items = append(q.items, v)
	}
	q.unfinished++
	q.m.broadcast()
	return nil
}

func (q *Queue) get(vm *VM, block bool, timeout float64) (Val, error) {
	q.m.mu.Lock()
	defer q.m.mu.Unlock()
	deadline := deadlineOf(timeout)
	for len(q.items) == 0 {
		if !block {
			return Val{}, newErrVal(QueueEmpty)
		}
		timedOut, err := q.m.await(vm, deadline)
		if err != nil {
			return Val{}, err
		}
		if timedOut && len(q.items) == 0 {
			return Val{}, newErrVal(QueueEmpty)
		}
	}
	var v Val
	switch q.kind {
	case lifoQueue:
		v = q.items[len(q.items)-1]
		q.items = q.items[:len(q.items)-1]
	case priorityQueue:
		v = q.items[0]
		last := len(q.items) - 1
		q.items[0] = q.items[last]
		q.items = q.items[:last]
		for i := 0; ; {
			c := 2*i + 1
			if c >= len(q.items) {
				break
			}
			if c+1 < len(q.items) {
				if less, err := vm.compare(opLt, q.items[c+1], q.items[c]); err != nil {
					return Val{}, err
				} else if less {
					c++
				}
			}
			less, err := vm.compare(opLt, q.items[c], q.items[i])
			if err != nil {
				return Val{}, err
			}
			if !less {
				break
			}
			q.items[i], q.items[c] = q.items[c], q.items[i]
			i = c
		}
	default:
		v = q.items[0]
		q.items[0] = Val{}
		q.items = q.items[1:]
	}
	q.m.broadcast()
	return v, nil
}

func queueModule() *Module {
	m := &Module{name: "queue", attrs: map[string]Val{}}
	mk := func(name string, kind queueKind) {
		m.attrs[name] = builtinFn(name, func(vm *VM, args []Val, kwn []string) (Val, error) {
			q := &Queue{kind: kind}
			if kind == simpleQueue {
				if len(args) != 0 {
					return Val{}, newErr(TypeError, "SimpleQueue() takes no arguments")
				}
				return ObjVal(q), nil
			}
			a, err := argsOf(name, args, kwn, "maxsize")
			if err != nil {
				return Val{}, err
			}
			if a[0].T == tagInt {
				q.maxsize = int(a[0].I())
			}
			return ObjVal(q), nil
		})
	}
	mk("Queue", fifoQueue)
	mk("LifoQueue", lifoQueue)
	mk("PriorityQueue", priorityQueue)
	mk("SimpleQueue", simpleQueue)
	m.attrs["Empty"] = ObjVal(QueueEmpty)
	m.attrs["Full"] = ObjVal(QueueFull)
	return m
}

type futureState uint8

const (
	futurePending futureState = iota
	futureRunning
	futureCancelled
	futureFinished
)

// Future is concurrent.futures.Future.
type Future struct {
	m         monitor
	state     futureState
	result    Val
	err       *PyErr
	callbacks []Val
	notify    []chan *Future // as_completed and wait
}

func (*Future) typeName() string { return "Future" }

func (f *Future) has(name string) bool {
	switch name {
	case "result", "exception", "done", "cancel", "cancelled", "running", "add_done_callback":
		return true
	}
	return false
}

func (f *Future) attr(*VM, string) (Val, bool) { return Val{}, false }

// finish records the outcome and runs the callbacks (on the thread that
// finished it, as CPython does).
func (f *Future) finish(vm *VM, v Val, err error, state futureState) {
	f.m.mu.Lock()
	f.state = state
	f.result = v
	if err != nil {
		f.err = toPyErr(err)
	}
	cbs := f.callbacks
	f.callbacks = nil
	for _, ch := range f.notify {
		ch <- f
	}
	f.notify = nil
	f.m.broadcast()
	f.m.mu.Unlock()
	for _, cb := range cbs {
		vm.callDoneCallback(cb, f)
	}
}

// callDoneCallback calls a done callback; its exception is reported and
// dropped, as concurrent.futures logs it.
func (vm *VM) callDoneCallback(cb Val, f *Future) {
	if _, err := vm.call(cb, []Val{ObjVal(f)}, nil); err != nil {
		pe := toPyErr(err)
		locked := vm.rt.lockOut()
		fmt.Fprintf(vm.rt.errOut, "exception calling callback for %s\n", "<Future>")
		vm.rt.errOut.WriteString(pe.exc.typ.name + ": " + excStr(vm, pe.exc) + pe.exc.hint + "\n")
		vm.rt.errOut.Flush()
		vm.rt.unlockOut(locked)
	}
}

// waitDone waits until f is finished or cancelled.
func (f *Future) waitDone(vm *VM, timeout float64) error {
	f.m.mu.Lock()
	defer f.m.mu.Unlock()
	deadline := deadlineOf(timeout)
	for f.state < futureCancelled {
		timedOut, err := f.m.await(vm, deadline)
		if err != nil {
			return err
		}
		if timedOut && f.state < futureCancelled {
			return newErrVal(TimeoutError)
		}
	}
	return nil
}

func (f *Future) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	switch name {
	case "result", "exception":
		a, err := argsOf(name, args, kwn, "timeout")
		if err != nil {
			return Val{}, true, err
		}
		t, err := timeoutArg(a[0], name)
		if err != nil {
			return Val{}, true, err
		}
		if err := f.waitDone(vm, t); err != nil {
			return Val{}, true, err
		}
		f.m.mu.Lock()
		defer f.m.mu.Unlock()
		if f.state == futureCancelled {
			return Val{}, true, newErrVal(CancelledError)
		}
		if name == "exception" {
			if f.err == nil {
				return NoneVal, true, nil
			}
			return ObjVal(f.err.exc), true, nil
		}
		if f.err != nil {
			// Raised again here, with the worker's frames under it.
			return Val{}, true, &PyErr{exc: f.err.exc, tb: append([]tbEntry(nil), f.err.tb...), tbDepth: -1}
		}
		return f.result, true, nil
	case "add_done_callback":
		if len(args) != 1 {
			return Val{}, true, newErr(TypeError, "add_done_callback() takes exactly one argument")
		}
		f.m.mu.Lock()
		if f.state < futureCancelled {
			f.callbacks = append(f.callbacks, args[0])
			f.m.mu.Unlock()
			return NoneVal, true, nil
		}
		f.m.mu.Unlock()
		vm.callDoneCallback(args[0], f)
		return NoneVal, true, nil
	}
	if len(args) != 0 {
		return Val{}, true, newErr(TypeError, "%s() takes no arguments", name)
	}
	f.m.mu.Lock()
	defer f.m.mu.Unlock()
	switch name {
	case "done":
		return BoolVal(f.state >= futureCancelled), true, nil
	case "cancelled":
		return BoolVal(f.state == futureCancelled), true, nil
	case "running":
		return BoolVal(f.state == futureRunning), true, nil
	case "cancel":
		switch f.state {
		case futurePending:
			f.state = futureCancelled
			for _, ch := range f.notify {
				ch <- f
			}
			f.notify = nil
			f.m.broadcast()
			return True, true, nil
		case futureCancelled:
			return True, true, nil
		}
		return False, true, nil
	}
	return Val{}, false, nil
}

type workItem struct {
	fut  *Future
	fn   Val
	args []Val
	kwn  []string
}

// Executor is concurrent.futures.ThreadPoolExecutor.
type Executor struct {
	m        monitor
	max      int
	prefix   string
	work     []*workItem
	idle     int
	workers  []*threadState
	shutdown bool
	init     Val
	initArgs []Val
}

func (*Executor) typeName() string { return "ThreadPoolExecutor" }

func (e *Executor) has(name string) bool {
	switch name {
	case "submit", "map", "shutdown", "__enter__", "__exit__":
		return true
	}
	return false
}

func (e *Executor) attr(vm *VM, name string) (Val, bool) {
	if name == "_max_workers" {
		return IntVal(int64(e.max)), true
	}
	return Val{}, false
}

func (e *Executor) submit(vm *VM, fn Val, args []Val, kwn []string) (*Future, error) {
	f := &Future{}
	e.m.mu.Lock()
	defer e.m.mu.Unlock()
	if e.shutdown {
		return nil, newErr(RuntimeError, "cannot schedule new futures after shutdown")
	}
	e.work = append(e.work, &workItem{fut: f, fn: fn, args: append([]Val(nil), args...), kwn: append([]string(nil), kwn...)})
	if e.idle == 0 && len(e.workers) < e.max {
		if !threadChecks {
			return nil, errNoThreads()
		}
		ts := &threadState{name: fmt.Sprintf("%s_%d", e.prefix, len(e.workers))}
		e.workers = append(e.workers, ts)
		vm.startThread(ts, false, e.worker)
	}
	e.m.broadcast()
	return f, nil
}

// worker is a pool thread: it runs work items until shutdown.
func (e *Executor) worker(vm *VM) error {
	if e.init.T != tagEmpty && e.init.T != tagNone {
		if _, err := vm.call(e.init, e.initArgs, nil); err != nil {
			return err
		}
	}
	for {
		e.m.mu.Lock()
		for len(e.work) == 0 && !e.shutdown {
			e.idle++
			_, err := e.m.await(vm, time.Time{})
			e.idle--
			if err != nil {
				e.m.mu.Unlock()
				return err
			}
		}
		if len(e.work) == 0 {
			e.m.mu.Unlock()
			return nil
		}
		w := e.work[0]
		e.work[0] = nil
		e.work = e.work[1:]
		e.m.mu.Unlock()
		w.fut.m.mu.Lock()
		run := w.fut.state == futurePending
		if run {
			w.fut.state = futureRunning
		}
		w.fut.m.mu.Unlock()
		if !run {
			continue
		}
		v, err := vm.call(w.fn, w.args, w.kwn)
		if err == errThreadExit {
			return err
		}
		w.fut.finish(vm, v, err, futureFinished)
	}
}

func (e *Executor) shutdownPool(vm *VM, wait, cancel bool) error {
	e.m.mu.Lock()
	e.shutdown = true
	if cancel {
		for _, w := range e.work {
			w.fut.method(vm, "cancel", nil, nil)
		}
		e.work = nil
	}
	workers := append([]*threadState(nil), e.workers...)
	e.m.broadcast()
	e.m.mu.Unlock()
	if wait {
		for _, ts := range workers {
			vm.rt.mu.Lock()
			done := ts.done
			vm.rt.mu.Unlock()
			if _, err := vm.waitChan(done, -1); err != nil {
				return err
			}
		}
	}
	return nil
}

func (e *Executor) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	switch name {
	case "submit":
		if len(args)-len(kwn) < 1 {
			return Val{}, true, newErr(TypeError, "submit() missing 1 required positional argument: 'fn'")
		}
		f, err := e.submit(vm, args[0], args[1:], kwn)
		if err != nil {
			return Val{}, true, err
		}
		return ObjVal(f), true, nil
	case "map":
		pos, kw := splitKw(args, kwn)
		if len(pos) < 1 {
			return Val{}, true, newErr(TypeError, "map() missing 1 required positional argument: 'fn'")
		}
		timeout := -1.0
		for k, v := range kw {
			switch k {
			case "timeout":
				t, err := timeoutArg(v, "map")
				if err != nil {
					return Val{}, true, err
				}
				timeout = t
			case "chunksize":
			default:
				return Val{}, true, newErr(TypeError, "map() got an unexpected keyword argument '%s'", k)
			}
		}
		its, err := vm.iters(pos[1:])
		if err != nil {
			return Val{}, true, err
		}
		var futs []*Future
		for len(its) > 0 {
			call := make([]Val, len(its))
			done := false
			for i, it := range its {
				v, ok, err := vm.next(it)
				if err != nil {
					return Val{}, true, err
				}
				if !ok {
					done = true
					break
				}
				call[i] = v
			}
			if done {
				break
			}
			f, err := e.submit(vm, pos[0], call, nil)
			if err != nil {
				return Val{}, true, err
			}
			futs = append(futs, f)
		}
		deadline := deadlineOf(timeout)
		i := 0
		return ObjVal(&funcIter{name: "generator", next: func(vm *VM) (Val, bool, error) {
			if i >= len(futs) {
				return Val{}, false, nil
			}
			f := futs[i]
			futs[i] = nil
			i++
			t := -1.0
			if !deadline.IsZero() {
				t = max(time.Until(deadline).Seconds(), 0)
			}
			var rargs []Val
			if t >= 0 {
				rargs = []Val{FloatVal(t)}
			}
			v, _, err := f.method(vm, "result", rargs, nil)
			return v, err == nil, err
		}}), true, nil
	case "shutdown":
		a, err := argsOf("shutdown", args, kwn, "wait", "cancel_futures")
		if err != nil {
			return Val{}, true, err
		}
		wait := a[0].T == tagEmpty || truthy(a[0])
		cancel := a[1].T != tagEmpty && truthy(a[1])
		return NoneVal, true, e.shutdownPool(vm, wait, cancel)
	case "__enter__":
		return ObjVal(e), true, nil
	case "__exit__":
		return False, true, e.shutdownPool(vm, true, false)
	}
	return Val{}, false, nil
}

func futuresModule() *Module {
	m := &Module{name: "concurrent.futures", attrs: map[string]Val{}}
	m.attrs["ThreadPoolExecutor"] = builtinFn("ThreadPoolExecutor", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := argsOf("ThreadPoolExecutor", args, kwn, "max_workers", "thread_name_prefix", "initializer", "initargs")
		if err != nil {
			return Val{}, err
		}
		e := &Executor{max: defaultWorkers(), init: a[2]}
		if a[0].T != tagEmpty && a[0].T != tagNone {
			if a[0].T != tagInt {
				return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(a[0]))
			}
			if e.max = int(a[0].I()); e.max <= 0 {
				return Val{}, newErr(ValueError, "max_workers must be greater than 0")
			}
		}
		if a[1].T != tagEmpty && a[1].T != tagNone && vm.strOf(a[1]) != "" {
			e.prefix = vm.strOf(a[1])
		} else {
			vm.rt.mu.Lock()
			e.prefix = fmt.Sprintf("ThreadPoolExecutor-%d", vm.rt.poolCount)
			vm.rt.poolCount++
			vm.rt.mu.Unlock()
		}
		if a[3].T != tagEmpty {
			if e.initArgs, err = vm.iterate(a[3]); err != nil {
				return Val{}, err
			}
		}
		return ObjVal(e), nil
	})
	m.attrs["Future"] = builtinFn("Future", func(vm *VM, args []Val, kwn []string) (Val, error) {
		return ObjVal(&Future{}), nil
	})
	m.attrs["as_completed"] = builtinFn("as_completed", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := argsOf("as_completed", args, kwn, "fs", "timeout")
		if err != nil {
			return Val{}, err
		}
		futs, err := futuresOf(vm, a[0])
		if err != nil {
			return Val{}, err
		}
		t, err := timeoutArg(a[1], "as_completed")
		if err != nil {
			return Val{}, err
		}
		ch := make(chan *Future, len(futs))
		for _, f := range futs {
			f.m.mu.Lock()
			if f.state >= futureCancelled {
				ch <- f
			} else {
				f.notify = append(f.notify, ch)
			}
			f.m.mu.Unlock()
		}
		deadline := deadlineOf(t)
		left := len(futs)
		return ObjVal(&funcIter{name: "generator", next: func(vm *VM) (Val, bool, error) {
			if left == 0 {
				return Val{}, false, nil
			}
			f, err := vm.receive(ch, deadline)
			if err != nil {
				return Val{}, false, err
			}
			if f == nil {
				return Val{}, false, newErr(TimeoutError, "%d (of %d) futures unfinished", left, len(futs))
			}
			left--
			return ObjVal(f), true, nil
		}}), nil
	})
	m.attrs["wait"] = builtinFn("wait", func(vm *VM, args []Val, kwn []string) (Val, error) {
		a, err := argsOf("wait", args, kwn, "fs", "timeout", "return_when")
		if err != nil {
			return Val{}, err
		}
		futs, err := futuresOf(vm, a[0])
		if err != nil {
			return Val{}, err
		}
		t, err := timeoutArg(a[1], "wait")
		if err != nil {
			return Val{}, err
		}
		first := a[2].T == tagObject && a[2].isStr() && a[2].str().s != "ALL_COMPLETED"
		deadline := deadlineOf(t)
		ch := make(chan *Future, len(futs))
		pending := 0
		for _, f := range futs {
			f.m.mu.Lock()
			if f.state < futureCancelled {
				f.notify = append(f.notify, ch)
				pending++
			}
			f.m.mu.Unlock()
		}
		for pending > 0 && !(first && pending < len(futs)) {
			f, err := vm.receive(ch, deadline)
			if err != nil {
				return Val{}, err
			}
			if f == nil {
				break
			}
			pending--
		}
		done, notDone := newSet(), newSet()
		for _, f := range futs {
			f.m.mu.Lock()
			fin := f.state >= futureCancelled
			f.m.mu.Unlock()
			if fin {
				done.add(ObjVal(f))
			} else {
				notDone.add(ObjVal(f))
			}
		}
		return ObjVal(&Tuple{items: []Val{ObjVal(done), ObjVal(notDone)}}), nil
	})
	m.attrs["ALL_COMPLETED"] = StrVal("ALL_COMPLETED")
	m.attrs["FIRST_COMPLETED"] = StrVal("FIRST_COMPLETED")
	m.attrs["FIRST_EXCEPTION"] = StrVal("FIRST_EXCEPTION")
	m.attrs["TimeoutError"] = ObjVal(TimeoutError)
	m.attrs["CancelledError"] = ObjVal(CancelledError)
	return m
}

func futuresOf(vm *VM, v Val) ([]*Future, error) {
	items, err := vm.iterate(v)
	if err != nil {
		return nil, err
	}
	futs := make([]*Future, len(items))
	for i, x := range items {
		f, ok := x.O.(*Future)
		if !ok {
			return nil, newErr(TypeError, "expected a Future, not '%s'", typeName(x))
		}
		futs[i] = f
	}
	return futs, nil
}

// receive takes the next future from ch, nil when the deadline (none if
// zero) passes first; Ctrl-C ends the wait on the main thread.
func (vm *VM) receive(ch chan *Future, deadline time.Time) (*Future, error) {
	var dl <-chan time.Time
	if !deadline.IsZero() {
		t := time.NewTimer(max(time.Until(deadline), 0))
		defer t.Stop()
		dl = t.C
	}
	tk := time.NewTicker(20 * time.Millisecond)
	defer tk.Stop()
	for {
		if err := vm.interrupted(); err != nil {
			return nil, err
		}
		select {
		case f := <-ch:
			return f, nil
		case <-dl:
			return nil, nil
		case <-tk.C:
		}
	}
}
