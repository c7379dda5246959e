package interp

import (
	_ "embed"
	"time"

	"golang.org/x/sys/unix"
)

// select, selectors and socketserver: pylib/select.py (select.select and
// select.poll), pylib/selectors.py and pylib/socketserver.py over one Go
// helper, _poll, which is poll(2) on the descriptors. Sockets stay in
// Go's network poller as well: poll(2) only looks at their readiness, it
// takes nothing from the poller.

//go:embed pylib/select.py
var selectSource string

//go:embed pylib/selectors.py
var selectorsSource string

func selectModule(vm *VM) *Module {
	return vm.blockingPyModule("select", selectSource, map[string]nativeFn{"_poll": pollFds})
}

func selectorsModule(vm *VM) *Module { return vm.pyModule("selectors", selectorsSource, nil) }

//go:embed pylib/socketserver.py
var socketserverSource string

func socketserverModule(vm *VM) *Module {
	return vm.pyModule("socketserver", socketserverSource, nil)
}

// blockingPyModule is pyModule for a module whose helpers may wait for
// another thread (a socket's peer, a pipe's writer): their arguments are
// not locked while they run (objlock.go), or a thread blocked in one
// would hold a lock stripe the thread it waits for needs.
func (vm *VM) blockingPyModule(name, src string, helpers map[string]nativeFn) *Module {
	m := vm.pyModule(name, src, helpers)
	ns := vm.pylibNS[pylibFile+name+">"]
	for helper := range helpers {
		if v, ok, _ := ns.get(StrVal(helper)); ok {
			if b, ok := v.O.(*Builtin); ok {
				b.blocks = true
			}
		}
	}
	return m
}

// pollFds is _poll(fds, events, timeout) -> revents: poll(2) on the
// descriptors (a list of ints) for the events asked of each (a list of
// the same length), waiting at most timeout seconds (None or below 0:
// until one is ready). It waits in slices of 50 ms so that Ctrl-C and
// the end of the run are seen, as sockWait does.
func pollFds(vm *VM, args []Val, kwn []string) (Val, error) {
	if len(args) != 3 {
		return Val{}, newErr(TypeError, "_poll() takes 3 arguments")
	}
	fdList, ok1 := args[0].O.(*List)
	evList, ok2 := args[1].O.(*List)
	if !ok1 || !ok2 {
		return Val{}, newErr(TypeError, "_poll() wants two lists")
	}
	fds, events := fdList.items(), evList.items()
	if len(fds) != len(events) {
		return Val{}, newErr(TypeError, "_poll() wants two lists of one length")
	}
	pfds := make([]unix.PollFd, len(fds))
	for i := range pfds {
		fd, ev := fds[i], events[i]
		if fd.T != tagInt || ev.T != tagInt {
			return Val{}, newErr(TypeError, "_poll() wants ints")
		}
		pfds[i] = unix.PollFd{Fd: int32(fd.I()), Events: int16(ev.I())}
	}
	timeout := sockTimeout(args[2])
	var deadline time.Time
	if timeout >= 0 {
		deadline = time.Now().Add(time.Duration(timeout * 1e9))
	}
	for {
		slice := 50 * time.Millisecond
		if !deadline.IsZero() {
			slice = min(slice, time.Until(deadline))
		}
		// Round up: a wait of 0.3 ms is a wait, not a non-blocking look.
		ms := int((max(slice, 0) + time.Millisecond - 1) / time.Millisecond)
		n, err := unix.Poll(pfds, ms)
		if err != nil && err != unix.EINTR {
			return Val{}, osError(err, "")
		}
		if n > 0 {
			break
		}
		if ierr := vm.interrupted(); ierr != nil {
			return Val{}, ierr
		}
		if !deadline.IsZero() && !time.Now().Before(deadline) {
			break
		}
	}
	out := make([]Val, len(pfds))
	for i, p := range pfds {
		out[i] = IntVal(int64(p.Revents))
	}
	return ObjVal(newList(out)), nil
}
