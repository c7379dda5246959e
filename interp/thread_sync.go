package interp

import (
	"slices"
	"sync"
	"time"
)

// threading's synchronisation objects, in Go: Lock, RLock, Condition,
// Semaphore, BoundedSemaphore, Event, Barrier and local. Each waits on a
// monitor (a mutex and a channel closed on every change a waiter may be
// waiting for), so every wait can time out and Ctrl-C reaches a main
// thread that waits.

// goObject is an object implemented in Go with methods and attributes of
// its own (threading.Lock, queue.Queue, Future...).
type goObject interface {
	Object
	// method calls the method name; found is false when there is none.
	method(vm *VM, name string, args []Val, kwn []string) (v Val, found bool, err error)
	// attr reads a data attribute.
	attr(vm *VM, name string) (Val, bool)
	// has reports whether name is a method.
	has(name string) bool
}

// goAttrSetter is a goObject whose attributes can be set (threading.local).
type goAttrSetter interface {
	setAttr(vm *VM, name string, v Val) error
}

type monitor struct {
	mu      sync.Mutex
	changed chan struct{}
}

// broadcast wakes every waiter; m.mu is held.
func (m *monitor) broadcast() {
	if m.changed != nil {
		close(m.changed)
		m.changed = nil
	}
}

// await releases m.mu, waits for a broadcast or the deadline (none when
// zero) and takes m.mu again. timedOut says the deadline passed.
func (m *monitor) await(vm *VM, deadline time.Time) (timedOut bool, err error) {
	if m.changed == nil {
		m.changed = make(chan struct{})
	}
	ch := m.changed
	m.mu.Unlock()
	t := -1.0
	if !deadline.IsZero() {
		t = max(time.Until(deadline).Seconds(), 0)
	}
	ok, err := vm.waitChan(ch, t)
	m.mu.Lock()
	return !ok, err
}

func deadlineOf(timeout float64) time.Time {
	if timeout < 0 {
		return time.Time{}
	}
	return time.Now().Add(time.Duration(timeout * 1e9))
}

// acquireArgs reads acquire(blocking=True, timeout=-1).
func acquireArgs(fn string, args []Val, kwn []string) (bool, float64, error) {
	a, err := argsOf(fn, args, kwn, "blocking", "timeout")
	if err != nil {
		return false, 0, err
	}
	blocking := a[0].T == tagEmpty || truthy(a[0])
	timeout := -1.0
	if a[1].T != tagEmpty && a[1].T != tagNone {
		if timeout, err = toFloat(a[1]); err != nil {
			return false, 0, err
		}
		if !blocking && timeout != -1 {
			return false, 0, newErr(ValueError, "can't specify a timeout for a non-blocking call")
		}
		if timeout < 0 && timeout != -1 {
			return false, 0, newErr(ValueError, "timeout value must be a non-negative number")
		}
	}
	return blocking, timeout, nil
}

// Lock is threading.Lock.
type Lock struct {
	m      monitor
	locked bool
}

func (*Lock) typeName() string { return "_thread.lock" }

// acquire takes the lock, waiting at most timeout seconds (forever when
// negative) when blocking.
func (l *Lock) acquire(vm *VM, blocking bool, timeout float64) (bool, error) {
	l.m.mu.Lock()
	defer l.m.mu.Unlock()
	deadline := deadlineOf(timeout)
	for l.locked {
		if !blocking {
			return false, nil
		}
		timedOut, err := l.m.await(vm, deadline)
		if err != nil {
			return false, err
		}
		if timedOut && l.locked {
			return false, nil
		}
	}
	l.locked = true
	return true, nil
}

func (l *Lock) release() error {
	l.m.mu.Lock()
	defer l.m.mu.Unlock()
	if !l.locked {
		return newErr(RuntimeError, "release unlocked lock")
	}
	l.locked = false
	l.m.broadcast()
	return nil
}

func (l *Lock) has(name string) bool {
	switch name {
	case "acquire", "release", "locked", "__enter__", "__exit__", "acquire_lock", "release_lock":
		return true
	}
	return false
}

func (l *Lock) attr(*VM, string) (Val, bool) { return Val{}, false }

func (l *Lock) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	switch name {
	case "acquire", "acquire_lock", "__enter__":
		blocking, timeout, err := true, -1.0, error(nil)
		if name != "__enter__" {
			if blocking, timeout, err = acquireArgs("acquire", args, kwn); err != nil {
				return Val{}, true, err
			}
		}
		ok, err := l.acquire(vm, blocking, timeout)
		return BoolVal(ok), true, err
	case "release", "release_lock", "__exit__":
		return NoneVal, true, l.release()
	case "locked":
		l.m.mu.Lock()
		defer l.m.mu.Unlock()
		return BoolVal(l.locked), true, nil
	}
	return Val{}, false, nil
}

// RLock is threading.RLock: the thread that holds it may take it again.
type RLock struct {
	m     monitor
	owner *threadState
	count int
}

func (*RLock) typeName() string { return "_thread.RLock" }

func (l *RLock) acquire(vm *VM, blocking bool, timeout float64) (bool, error) {
	me := vm.current()
	l.m.mu.Lock()
	defer l.m.mu.Unlock()
	if l.owner == me {
		l.count++
		return true, nil
	}
	deadline := deadlineOf(timeout)
	for l.owner != nil {
		if !blocking {
			return false, nil
		}
		timedOut, err := l.m.await(vm, deadline)
		if err != nil {
			return false, err
		}
		if timedOut && l.owner != nil {
			return false, nil
		}
	}
	l.owner, l.count = me, 1
	return true, nil
}

func (l *RLock) release(vm *VM) error {
	l.m.mu.Lock()
	defer l.m.mu.Unlock()
	if l.owner != vm.current() {
		return newErr(RuntimeError, "cannot release un-acquired lock")
	}
	if l.count--; l.count == 0 {
		l.owner = nil
		l.m.broadcast()
	}
	return nil
}

func (l *RLock) has(name string) bool {
	switch name {
	case "acquire", "release", "locked", "__enter__", "__exit__":
		return true
	}
	return false
}

func (l *RLock) attr(*VM, string) (Val, bool) { return Val{}, false }

func (l *RLock) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	switch name {
	case "acquire", "__enter__":
		blocking, timeout, err := true, -1.0, error(nil)
		if name == "acquire" {
			if blocking, timeout, err = acquireArgs("acquire", args, kwn); err != nil {
				return Val{}, true, err
			}
		}
		ok, err := l.acquire(vm, blocking, timeout)
		return BoolVal(ok), true, err
	case "release", "__exit__":
		return NoneVal, true, l.release(vm)
	case "locked":
		l.m.mu.Lock()
		defer l.m.mu.Unlock()
		return BoolVal(l.owner != nil), true, nil
	}
	return Val{}, false, nil
}

// Condition is threading.Condition over a Lock or RLock.
type Condition struct {
	lock    goObject // *Lock or *RLock
	mu      sync.Mutex
	waiters []chan struct{}
}

func (*Condition) typeName() string { return "Condition" }

// owned reports whether the calling thread holds the condition's lock
// (for a Lock: whether it is held at all, as CPython can tell no more).
func (c *Condition) owned(vm *VM) bool {
	switch l := c.lock.(type) {
	case *RLock:
		l.m.mu.Lock()
		defer l.m.mu.Unlock()
		return l.owner == vm.current()
	case *Lock:
		l.m.mu.Lock()
		defer l.m.mu.Unlock()
		return l.locked
	}
	return false
}

// releaseAll lets the lock go entirely, returning what restores it.
func (c *Condition) releaseAll(vm *VM) int {
	switch l := c.lock.(type) {
	case *RLock:
		l.m.mu.Lock()
		n := l.count
		l.owner, l.count = nil, 0
		l.m.broadcast()
		l.m.mu.Unlock()
		return n
	case *Lock:
		l.release()
	}
	return 1
}

func (c *Condition) reacquire(vm *VM, n int) error {
	switch l := c.lock.(type) {
	case *RLock:
		if _, err := l.acquire(vm, true, -1); err != nil {
			return err
		}
		l.m.mu.Lock()
		l.count = n
		l.m.mu.Unlock()
	case *Lock:
		_, err := l.acquire(vm, true, -1)
		return err
	}
	return nil
}

// wait releases the lock, waits for a notify or the timeout, and takes the
// lock again; false means it timed out.
func (c *Condition) wait(vm *VM, timeout float64) (bool, error) {
	if !c.owned(vm) {
		return false, newErr(RuntimeError, "cannot wait on un-acquired lock")
	}
	ch := make(chan struct{})
	c.mu.Lock()
	c.waiters = append(c.waiters, ch)
	c.mu.Unlock()
	n := c.releaseAll(vm)
	ok, err := vm.waitChan(ch, timeout)
	if !ok {
		c.mu.Lock()
		if i := slices.Index(c.waiters, ch); i >= 0 {
			c.waiters = slices.Delete(c.waiters, i, i+1)
		}
		c.mu.Unlock()
	}
	// The lock comes back even when Ctrl-C ends the wait: the with block
	// around it releases it.
	if rerr := c.reacquire(vm, n); err == nil {
		err = rerr
	}
	return ok, err
}

func (c *Condition) notify(vm *VM, n int) error {
	if !c.owned(vm) {
		return newErr(RuntimeError, "cannot notify on un-acquired lock")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for n > 0 && len(c.waiters) > 0 {
		close(c.waiters[0])
		c.waiters = c.waiters[1:]
		n--
	}
	return nil
}

func (c *Condition) has(name string) bool {
	switch name {
	case "acquire", "release", "__enter__", "__exit__", "wait", "wait_for", "notify", "notify_all", "notifyAll":
		return true
	}
	return false
}

func (c *Condition) attr(*VM, string) (Val, bool) { return Val{}, false }

func (c *Condition) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	switch name {
	case "acquire", "release", "__enter__", "__exit__":
		return c.lock.method(vm, name, args, kwn)
	case "wait":
		a, err := argsOf("wait", args, kwn, "timeout")
		if err != nil {
			return Val{}, true, err
		}
		t, err := timeoutArg(a[0], "wait")
		if err != nil {
			return Val{}, true, err
		}
		ok, err := c.wait(vm, t)
		return BoolVal(ok), true, err
	case "wait_for":
		a, err := argsOf("wait_for", args, kwn, "predicate", "timeout")
		if err != nil {
			return Val{}, true, err
		}
		if a[0].T == tagEmpty {
			return Val{}, true, newErr(TypeError, "wait_for() missing 1 required positional argument: 'predicate'")
		}
		t, err := timeoutArg(a[1], "wait_for")
		if err != nil {
			return Val{}, true, err
		}
		deadline := deadlineOf(t)
		for {
			r, err := vm.call(a[0], nil, nil)
			if err != nil || truthy(r) {
				return r, true, err
			}
			wait := -1.0
			if !deadline.IsZero() {
				if wait = time.Until(deadline).Seconds(); wait <= 0 {
					return r, true, nil
				}
			}
			if _, err := c.wait(vm, wait); err != nil {
				return Val{}, true, err
			}
		}
	case "notify":
		a, err := argsOf("notify", args, kwn, "n")
		if err != nil {
			return Val{}, true, err
		}
		n := 1
		if a[0].T == tagInt {
			n = int(a[0].I())
		}
		return NoneVal, true, c.notify(vm, n)
	case "notify_all", "notifyAll":
		return NoneVal, true, c.notify(vm, 1<<62)
	}
	return Val{}, false, nil
}

// Semaphore is threading.Semaphore, and BoundedSemaphore when bound > 0.
type Semaphore struct {
	m     monitor
	value int64
	bound int64
}

func (s *Semaphore) typeName() string {
	if s.bound > 0 {
		return "BoundedSemaphore"
	}
	return "Semaphore"
}

func (s *Semaphore) has(name string) bool {
	switch name {
	case "acquire", "release", "__enter__", "__exit__":
		return true
	}
	return false
}

func (s *Semaphore) attr(*VM, string) (Val, bool) { return Val{}, false }

func (s *Semaphore) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	switch name {
	case "acquire", "__enter__":
		blocking, timeout := true, -1.0
		if name == "acquire" {
			a, err := argsOf("acquire", args, kwn, "blocking", "timeout")
			if err != nil {
				return Val{}, true, err
			}
			blocking = a[0].T == tagEmpty || truthy(a[0])
			if timeout, err = timeoutArg(a[1], "acquire"); err != nil {
				return Val{}, true, err
			}
			if !blocking && timeout >= 0 {
				return Val{}, true, newErr(ValueError, "can't specify timeout for non-blocking acquire")
			}
		}
		s.m.mu.Lock()
		defer s.m.mu.Unlock()
		deadline := deadlineOf(timeout)
		for s.value == 0 {
			if !blocking {
				return False, true, nil
			}
			timedOut, err := s.m.await(vm, deadline)
			if err != nil {
				return Val{}, true, err
			}
			if timedOut && s.value == 0 {
				return False, true, nil
			}
		}
		s.value--
		return True, true, nil
	case "release", "__exit__":
		n := int64(1)
		if name == "release" {
			a, err := argsOf("release", args, kwn, "n")
			if err != nil {
				return Val{}, true, err
			}
			if a[0].T == tagInt {
				if n = a[0].I(); n < 1 {
					return Val{}, true, newErr(ValueError, "n must be one or more")
				}
			}
		}
		s.m.mu.Lock()
		defer s.m.mu.Unlock()
		if s.bound > 0 && s.value+n > s.bound {
			return Val{}, true, newErr(ValueError, "Semaphore released too many times")
		}
		s.value += n
		s.m.broadcast()
		return NoneVal, true, nil
	}
	return Val{}, false, nil
}

// Event is threading.Event.
type Event struct {
	m    monitor
	flag bool
}

func (*Event) typeName() string { return "Event" }

func (e *Event) has(name string) bool {
	switch name {
	case "is_set", "isSet", "set", "clear", "wait":
		return true
	}
	return false
}

func (e *Event) attr(*VM, string) (Val, bool) { return Val{}, false }

func (e *Event) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	e.m.mu.Lock()
	defer e.m.mu.Unlock()
	switch name {
	case "is_set", "isSet":
		return BoolVal(e.flag), true, nil
	case "set":
		e.flag = true
		e.m.broadcast()
		return NoneVal, true, nil
	case "clear":
		e.flag = false
		return NoneVal, true, nil
	case "wait":
		a, err := argsOf("wait", args, kwn, "timeout")
		if err != nil {
			return Val{}, true, err
		}
		t, err := timeoutArg(a[0], "wait")
		if err != nil {
			return Val{}, true, err
		}
		deadline := deadlineOf(t)
		for !e.flag {
			timedOut, err := e.m.await(vm, deadline)
			if err != nil {
				return Val{}, true, err
			}
			if timedOut {
				break
			}
		}
		return BoolVal(e.flag), true, nil
	}
	return Val{}, false, nil
}

// BrokenBarrierError is threading.BrokenBarrierError.
var BrokenBarrierError = &ExcType{name: "BrokenBarrierError", base: RuntimeError}

// Barrier is threading.Barrier.
type Barrier struct {
	m       monitor
	parties int
	action  Val
	timeout float64
	count   int // threads waiting in this generation
	gen     int // generations passed
	broken  bool
}

func (*Barrier) typeName() string { return "Barrier" }

func (b *Barrier) has(name string) bool {
	switch name {
	case "wait", "reset", "abort":
		return true
	}
	return false
}

func (b *Barrier) attr(vm *VM, name string) (Val, bool) {
	b.m.mu.Lock()
	defer b.m.mu.Unlock()
	switch name {
	case "parties":
		return IntVal(int64(b.parties)), true
	case "n_waiting":
		return IntVal(int64(b.count)), true
	case "broken":
		return BoolVal(b.broken), true
	}
	return Val{}, false
}

func (b *Barrier) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	switch name {
	case "wait":
		a, err := argsOf("wait", args, kwn, "timeout")
		if err != nil {
			return Val{}, true, err
		}
		t := b.timeout
		if a[0].T != tagEmpty && a[0].T != tagNone {
			if t, err = timeoutArg(a[0], "wait"); err != nil {
				return Val{}, true, err
			}
		}
		v, err := b.wait(vm, t)
		return v, true, err
	case "reset", "abort":
		b.m.mu.Lock()
		defer b.m.mu.Unlock()
		if name == "abort" {
			b.broken = true
		} else {
			b.broken = false
			if b.count > 0 {
				b.gen++ // the threads waiting now see a broken barrier
			}
			b.count = 0
		}
		b.m.broadcast()
		return NoneVal, true, nil
	}
	return Val{}, false, nil
}

func (b *Barrier) wait(vm *VM, timeout float64) (Val, error) {
	b.m.mu.Lock()
	defer b.m.mu.Unlock()
	if b.broken {
		return Val{}, newErrVal(BrokenBarrierError)
	}
	index := b.count
	b.count++
	gen := b.gen
	if b.count == b.parties {
		if b.action.T != tagEmpty && b.action.T != tagNone {
			b.m.mu.Unlock()
			_, err := vm.call(b.action, nil, nil)
			b.m.mu.Lock()
			if err != nil {
				b.broken = true
				b.m.broadcast()
				return Val{}, err
			}
		}
		b.count = 0
		b.gen++
		b.m.broadcast()
		return IntVal(int64(index)), nil
	}
	deadline := deadlineOf(timeout)
	for b.gen == gen && !b.broken {
		timedOut, err := b.m.await(vm, deadline)
		if err != nil {
			return Val{}, err
		}
		if timedOut && b.gen == gen {
			b.broken = true
			b.m.broadcast()
			break
		}
	}
	if b.gen == gen {
		return Val{}, newErrVal(BrokenBarrierError)
	}
	return IntVal(int64(index)), nil
}

// threadLocal is threading.local: attributes per thread.
type threadLocal struct {
	mu    sync.Mutex
	attrs map[*threadState]map[string]Val
}

func (*threadLocal) typeName() string { return "_thread._local" }

func (l *threadLocal) has(string) bool { return false }

func (l *threadLocal) method(*VM, string, []Val, []string) (Val, bool, error) {
	return Val{}, false, nil
}

func (l *threadLocal) attr(vm *VM, name string) (Val, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	v, ok := l.attrs[vm.current()][name]
	return v, ok
}

func (l *threadLocal) setAttr(vm *VM, name string, v Val) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	m := l.attrs[vm.current()]
	if m == nil {
		m = map[string]Val{}
		l.attrs[vm.current()] = m
	}
	m[name] = v
	return nil
}
