package interp

import (
	"context"
	_ "embed"
	"errors"
	"net"
	"net/netip"
	"os"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// socket: the system half of the socket module. The module itself (the
// socket class, its constants and enums, create_connection and
// create_server, makefile's file objects) is pylib/socket.py; Go makes
// the system calls on the descriptor. Every socket is non-blocking at
// the system level and is registered with Go's network poller through
// an os.File, so a blocking call or one with a timeout parks only its
// own goroutine (other Python threads run on), wakes when the descriptor
// is ready, and looks at Ctrl-C and the end of the run every 50 ms, as
// waitChan does.

//go:embed pylib/socket.py
var socketSource string

func socketModule(vm *VM) *Module {
	return vm.blockingPyModule("socket", socketSource, socketHelpers())
}

// sockTable is the run's open sockets by descriptor.
type sockTable struct {
	mu sync.Mutex
	m  map[int]*pySock
}

// pySock is one open socket: the os.File keeps it in Go's poller.
type pySock struct {
	f  *os.File
	rc syscall.RawConn
}

// addSock registers a new non-blocking descriptor.
func (vm *VM) addSock(fd int) (int, error) {
	f := os.NewFile(uintptr(fd), "socket")
	rc, err := f.SyscallConn()
	if err != nil {
		f.Close()
		return -1, osError(err, "")
	}
	t := &vm.rt.socks
	t.mu.Lock()
	if t.m == nil {
		t.m = map[int]*pySock{}
	}
	t.m[fd] = &pySock{f: f, rc: rc}
	t.mu.Unlock()
	return fd, nil
}

// closeAll closes the sockets the program left open (end of run), as
// CPython's exit does: a server's port is free for the next run.
func (t *sockTable) closeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for fd, s := range t.m {
		s.f.Close()
		delete(t.m, fd)
	}
}

// sock is the socket behind a descriptor; EBADF for one closed or never
// opened.
func (vm *VM) sock(v Val) (*pySock, error) {
	if v.T != tagInt {
		return nil, badFD()
	}
	t := &vm.rt.socks
	t.mu.Lock()
	s, ok := t.m[int(v.I())]
	t.mu.Unlock()
	if !ok {
		return nil, badFD()
	}
	return s, nil
}

// sockTimeout is the timeout argument the Python side passes: seconds,
// 0 for a non-blocking socket, below 0 for none.
func sockTimeout(v Val) float64 {
	if v.T == tagNone {
		return -1
	}
	t, err := toFloat(v)
	if err != nil {
		return -1
	}
	return t
}

// errTimedOut is a socket timeout as CPython raises it.
func errTimedOut() error { return newErr(TimeoutError, "timed out") }

// sockWait runs op until it does not report EAGAIN, waiting between
// tries for the descriptor to become readable (or writable) and giving
// up with TimeoutError once timeout seconds have passed. A timeout of
// 0 is a non-blocking socket: EAGAIN goes back to the caller.
func (vm *VM) sockWait(s *pySock, write bool, timeout float64, op func(fd int) error) error {
	var deadline time.Time
	if timeout > 0 {
		deadline = time.Now().Add(time.Duration(timeout * 1e9))
	}
	for {
		var opErr error
		done := false
		cb := func(fd uintptr) bool {
			for {
				opErr = op(int(fd))
				if opErr != syscall.EINTR {
					break
				}
			}
			if opErr == syscall.EAGAIN && timeout != 0 {
				return false // wait for readiness, then try again
			}
			done = true
			return true
		}
		// A slice of the wait, so that Ctrl-C and the end of the run are
		// seen while a socket blocks.
		slice := time.Now().Add(50 * time.Millisecond)
		if !deadline.IsZero() && deadline.Before(slice) {
			slice = deadline
		}
		var err error
		if write {
			s.f.SetWriteDeadline(slice)
			err = s.rc.Write(cb)
		} else {
			s.f.SetReadDeadline(slice)
			err = s.rc.Read(cb)
		}
		if done {
			return opErr
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			if ierr := vm.interrupted(); ierr != nil {
				return ierr
			}
			if !deadline.IsZero() && !time.Now().Before(deadline) {
				return errTimedOut()
			}
			continue
		}
		if err != nil {
			return syscall.EBADF // closed by another thread while waiting
		}
		return opErr
	}
}

// sockErr is a failed system call as the OSError CPython raises.
func sockErr(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*PyErr); ok {
		return err
	}
	return osError(err, "")
}

// gaiError is socket.gaierror's (code, message), as glibc's getaddrinfo
// words the failures a lookup here can meet.
type gaiError struct {
	code int
	msg  string
}

func (e *gaiError) Error() string { return e.msg }

var errNoName = &gaiError{-2, "Name or service not known"}

// resolveHost is the addresses a host name or literal stands for, in the
// family asked for (0 for any).
func resolveHost(host string, family int) ([]netip.Addr, error) {
	if a, err := netip.ParseAddr(host); err == nil {
		if (family == syscall.AF_INET && !a.Is4()) || (family == syscall.AF_INET6 && a.Is4()) {
			return nil, &gaiError{-9, "Address family for hostname not supported"}
		}
		return []netip.Addr{a}, nil
	}
	network := "ip"
	switch family {
	case syscall.AF_INET:
		network = "ip4"
	case syscall.AF_INET6:
		network = "ip6"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, network, host)
	if err != nil || len(addrs) == 0 {
		return nil, errNoName
	}
	for i, a := range addrs {
		if a.Is4In6() {
			addrs[i] = a.Unmap()
		}
	}
	return addrs, nil
}

// sockaddr converts a Python address for family to the system's form,
// with CPython's errors for the wrong shape.
func sockaddr(family int, v Val, what string) (syscall.Sockaddr, error) {
	switch family {
	case syscall.AF_UNIX:
		switch o := v.O.(type) {
		case *Str:
			return &syscall.SockaddrUnix{Name: o.s}, nil
		case *Bytes:
			return &syscall.SockaddrUnix{Name: string(o.b)}, nil
		}
		return nil, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(v))
	case syscall.AF_INET, syscall.AF_INET6:
		t, ok := v.O.(*Tuple)
		fam := "AF_INET"
		if family == syscall.AF_INET6 {
			fam = "AF_INET6"
		}
		if !ok || v.T != tagObject {
			return nil, newErr(TypeError, "%s(): %s address must be tuple, not %s", what, fam, typeName(v))
		}
		n := len(t.items)
		if family == syscall.AF_INET && n != 2 {
			return nil, newErr(TypeError, "AF_INET address must be a pair (host, port)")
		}
		if family == syscall.AF_INET6 && (n < 2 || n > 4) {
			return nil, newErr(TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])")
		}
		hv, pv := t.items[0], t.items[1]
		hs, ok := hv.O.(*Str)
		if !ok {
			return nil, newErr(TypeError, "str, bytes or bytearray expected, not %s", typeName(hv))
		}
		if pv.T != tagInt {
			return nil, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(pv))
		}
		port := pv.I()
		if port < 0 || port > 65535 {
			return nil, newErr(OverflowError, "%s(): port must be 0-65535.", what)
		}
		var addr netip.Addr
		switch hs.s {
		case "":
			addr = netip.IPv4Unspecified()
			if family == syscall.AF_INET6 {
				addr = netip.IPv6Unspecified()
			}
		case "<broadcast>":
			addr = netip.AddrFrom4([4]byte{255, 255, 255, 255})
		default:
			addrs, err := resolveHost(hs.s, family)
			if err != nil {
				return nil, err
			}
			addr = addrs[0]
		}
		if family == syscall.AF_INET {
			return &syscall.SockaddrInet4{Port: int(port), Addr: addr.As4()}, nil
		}
		sa := &syscall.SockaddrInet6{Port: int(port), Addr: addr.As16()}
		if n == 4 && t.items[3].T == tagInt {
			sa.ZoneId = uint32(t.items[3].I())
		}
		return sa, nil
	}
	return nil, newErr(OSError, "%s(): bad family", what)
}

// addrVal is a system address as Python shows it.
func addrVal(sa syscall.Sockaddr) Val {
	switch a := sa.(type) {
	case *syscall.SockaddrInet4:
		return tupleOf([]Val{StrVal(netip.AddrFrom4(a.Addr).String()), IntVal(int64(a.Port))})
	case *syscall.SockaddrInet6:
		return tupleOf([]Val{StrVal(netip.AddrFrom16(a.Addr).String()), IntVal(int64(a.Port)), IntVal(0), IntVal(int64(a.ZoneId))})
	case *syscall.SockaddrUnix:
		// Go writes an unnamed socket as "@" and one in Linux's abstract
		// namespace as "@name"; CPython shows '' and b'\x00name'.
		if a.Name == "@" {
			return StrVal("")
		}
		if len(a.Name) > 0 && (a.Name[0] == 0 || a.Name[0] == '@') {
			return bytesVal(append([]byte{0}, a.Name[1:]...))
		}
		return StrVal(a.Name)
	}
	return NoneVal
}

// sockInt is argument i as an int: the Python side passes ints or the
// module's IntEnum and IntFlag members (int subclasses).
func sockInt(args []Val, i int) int {
	if i >= len(args) {
		return 0
	}
	v := args[i]
	if b, ok := builtinValue(v); ok {
		v = b
	}
	if v.T == tagInt || v.T == tagBool {
		return int(v.I())
	}
	return 0
}

func socketHelpers() map[string]nativeFn {
	return map[string]nativeFn{
		// _socket(family, type, proto) -> fd
		"_socket": func(vm *VM, args []Val, kwn []string) (Val, error) {
			fd, err := sockOpen(sockInt(args, 0), sockInt(args, 1), sockInt(args, 2))
			if err != nil {
				return Val{}, sockErr(err)
			}
			n, err := vm.addSock(fd)
			return IntVal(int64(n)), err
		},
		// _socketpair(family, type, proto) -> (fd, fd)
		"_socketpair": func(vm *VM, args []Val, kwn []string) (Val, error) {
			fds, err := sockPair(sockInt(args, 0), sockInt(args, 1), sockInt(args, 2))
			if err != nil {
				return Val{}, sockErr(err)
			}
			if _, err := vm.addSock(fds[0]); err != nil {
				syscall.Close(fds[1])
				return Val{}, err
			}
			if _, err := vm.addSock(fds[1]); err != nil {
				return Val{}, err
			}
			return tupleOf([]Val{IntVal(int64(fds[0])), IntVal(int64(fds[1]))}), nil
		},
		// _sockinfo(fd) -> (family, type, proto) of a descriptor adopted
		// by socket(fileno=fd), which joins the table if it is not there.
		"_sockinfo": func(vm *VM, args []Val, kwn []string) (Val, error) {
			fd := sockInt(args, 0)
			var vals [3]int
			var err error
			if vals[0], vals[2], err = sockFamilyProto(fd); err != nil {
				return Val{}, sockErr(err)
			}
			if vals[1], err = syscall.GetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_TYPE); err != nil {
				return Val{}, sockErr(err)
			}
			if _, err := vm.sock(IntVal(int64(fd))); err != nil {
				if err := syscall.SetNonblock(fd, true); err != nil {
					return Val{}, sockErr(err)
				}
				if _, err := vm.addSock(fd); err != nil {
					return Val{}, err
				}
			}
			return tupleOf([]Val{IntVal(int64(vals[0])), IntVal(int64(vals[1])), IntVal(int64(vals[2]))}), nil
		},
		// _close(fd); _detach(fd) forgets it without closing.
		"_close": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return NoneVal, vm.dropSock(args, true)
		},
		"_detach": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return NoneVal, vm.dropSock(args, false)
		},
		// _bind(fd, family, addr)
		"_bind": func(vm *VM, args []Val, kwn []string) (Val, error) {
			s, err := vm.sock(args[0])
			if err != nil {
				return Val{}, err
			}
			sa, err := sockaddr(sockInt(args, 1), args[2], "bind")
			if err != nil {
				return Val{}, err
			}
			return NoneVal, sockErr(s.control(func(fd int) error { return syscall.Bind(fd, sa) }))
		},
		// _listen(fd, backlog)
		"_listen": func(vm *VM, args []Val, kwn []string) (Val, error) {
			s, err := vm.sock(args[0])
			if err != nil {
				return Val{}, err
			}
			return NoneVal, sockErr(s.control(func(fd int) error { return syscall.Listen(fd, sockInt(args, 1)) }))
		},
		// _accept(fd, timeout) -> (new fd, address)
		"_accept": func(vm *VM, args []Val, kwn []string) (Val, error) {
			s, err := vm.sock(args[0])
			if err != nil {
				return Val{}, err
			}
			var nfd int
			var sa syscall.Sockaddr
			err = vm.sockWait(s, false, sockTimeout(args[1]), func(fd int) error {
				var e error
				nfd, sa, e = sockAccept(fd)
				return e
			})
			if err != nil {
				return Val{}, sockErr(err)
			}
			if _, err := vm.addSock(nfd); err != nil {
				return Val{}, err
			}
			return tupleOf([]Val{IntVal(int64(nfd)), addrVal(sa)}), nil
		},
		// _connect(fd, family, addr, timeout, ex): connect_ex (ex true)
		// returns the errno instead of raising it.
		"_connect": func(vm *VM, args []Val, kwn []string) (Val, error) {
			s, err := vm.sock(args[0])
			if err != nil {
				return Val{}, err
			}
			ex := len(args) > 4 && truthy(args[4])
			sa, err := sockaddr(sockInt(args, 1), args[2], "connect")
			if err != nil {
				return Val{}, err
			}
			timeout := sockTimeout(args[3])
			err = s.control(func(fd int) error { return syscall.Connect(fd, sa) })
			if err == syscall.EINPROGRESS || (err == syscall.EAGAIN && sockInt(args, 1) == syscall.AF_UNIX) {
				if timeout == 0 {
					err = syscall.EINPROGRESS
				} else {
					err = vm.sockWait(s, true, timeout, func(fd int) error {
						soerr, e := syscall.GetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_ERROR)
						if e != nil {
							return e
						}
						if soerr != 0 {
							return syscall.Errno(soerr)
						}
						if _, e := syscall.Getpeername(fd); e != nil {
							return syscall.EAGAIN // not connected yet
						}
						return nil
					})
				}
			}
			if ex {
				var errno syscall.Errno
				if errors.As(err, &errno) {
					return IntVal(int64(errno)), nil
				}
				if err != nil {
					return Val{}, err
				}
				return IntVal(0), nil
			}
			return NoneVal, sockErr(err)
		},
		// _send(fd, data, flags, timeout) -> bytes sent
		"_send": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return vm.sockSend(args, nil)
		},
		// _sendto(fd, data, flags, timeout, family, addr) -> bytes sent
		"_sendto": func(vm *VM, args []Val, kwn []string) (Val, error) {
			sa, err := sockaddr(sockInt(args, 4), args[5], "sendto")
			if err != nil {
				return Val{}, err
			}
			return vm.sockSend(args, sa)
		},
		// _recv(fd, size, flags, timeout, from) -> bytes, or (bytes,
		// address) when from is true.
		"_recv": func(vm *VM, args []Val, kwn []string) (Val, error) {
			s, err := vm.sock(args[0])
			if err != nil {
				return Val{}, err
			}
			size := sockInt(args, 1)
			if size < 0 {
				return Val{}, newErr(ValueError, "negative buffersize in recv")
			}
			buf := make([]byte, size)
			var n int
			var from syscall.Sockaddr
			err = vm.sockWait(s, false, sockTimeout(args[3]), func(fd int) error {
				var e error
				n, from, e = syscall.Recvfrom(fd, buf, sockInt(args, 2))
				return e
			})
			if err != nil {
				return Val{}, sockErr(err)
			}
			data := bytesVal(buf[:n])
			if len(args) > 4 && truthy(args[4]) {
				return tupleOf([]Val{data, addrVal(from)}), nil
			}
			return data, nil
		},
		// _shutdown(fd, how)
		"_shutdown": func(vm *VM, args []Val, kwn []string) (Val, error) {
			s, err := vm.sock(args[0])
			if err != nil {
				return Val{}, err
			}
			return NoneVal, sockErr(s.control(func(fd int) error { return syscall.Shutdown(fd, sockInt(args, 1)) }))
		},
		// _setsockopt(fd, level, option, value: int or bytes)
		"_setsockopt": func(vm *VM, args []Val, kwn []string) (Val, error) {
			s, err := vm.sock(args[0])
			if err != nil {
				return Val{}, err
			}
			level, opt := sockInt(args, 1), sockInt(args, 2)
			if b, ok := bytesLike(args[3]); ok {
				return NoneVal, sockErr(s.control(func(fd int) error {
					return syscall.SetsockoptString(fd, level, opt, string(b))
				}))
			}
			return NoneVal, sockErr(s.control(func(fd int) error {
				return syscall.SetsockoptInt(fd, level, opt, sockInt(args, 3))
			}))
		},
		// _getsockopt(fd, level, option) -> int
		"_getsockopt": func(vm *VM, args []Val, kwn []string) (Val, error) {
			s, err := vm.sock(args[0])
			if err != nil {
				return Val{}, err
			}
			var v int
			err = s.control(func(fd int) error {
				var e error
				v, e = syscall.GetsockoptInt(fd, sockInt(args, 1), sockInt(args, 2))
				return e
			})
			return IntVal(int64(v)), sockErr(err)
		},
		// _sockname(fd, peer) -> the local (or the peer's) address
		"_sockname": func(vm *VM, args []Val, kwn []string) (Val, error) {
			s, err := vm.sock(args[0])
			if err != nil {
				return Val{}, err
			}
			var sa syscall.Sockaddr
			err = s.control(func(fd int) error {
				var e error
				if truthy(args[1]) {
					sa, e = syscall.Getpeername(fd)
				} else {
					sa, e = syscall.Getsockname(fd)
				}
				return e
			})
			if err != nil {
				return Val{}, sockErr(err)
			}
			return addrVal(sa), nil
		},
		"_gethostname": func(vm *VM, args []Val, kwn []string) (Val, error) {
			h, err := os.Hostname()
			if err != nil {
				return Val{}, osError(err, "")
			}
			return StrVal(h), nil
		},
		// _resolve(host, family) -> [address str, ...], or (code, message)
		// for a failed lookup (the Python side raises gaierror).
		"_resolve": func(vm *VM, args []Val, kwn []string) (Val, error) {
			host, _ := args[0].O.(*Str)
			if host == nil {
				return Val{}, newErr(TypeError, "str expected, not %s", typeName(args[0]))
			}
			addrs, err := resolveHost(host.s, sockInt(args, 1))
			if err != nil {
				g := err.(*gaiError)
				return tupleOf([]Val{IntVal(int64(g.code)), StrVal(g.msg)}), nil
			}
			out := make([]Val, len(addrs))
			for i, a := range addrs {
				out[i] = StrVal(a.String())
			}
			return ObjVal(newList(out)), nil
		},
		// _service(name, proto) -> port number, or -1 when unknown.
		"_service": func(vm *VM, args []Val, kwn []string) (Val, error) {
			name, _ := args[0].O.(*Str)
			proto, _ := args[1].O.(*Str)
			if name == nil {
				return IntVal(-1), nil
			}
			if n, err := strconv.Atoi(name.s); err == nil {
				return IntVal(int64(n)), nil
			}
			network := "tcp"
			if proto != nil && proto.s != "" {
				network = proto.s
			}
			p, err := net.LookupPort(network, name.s)
			if err != nil {
				return IntVal(-1), nil
			}
			return IntVal(int64(p)), nil
		},
	}
}

// control runs a call that never blocks on the socket's descriptor.
func (s *pySock) control(op func(fd int) error) error {
	var opErr error
	if err := s.rc.Control(func(fd uintptr) { opErr = op(int(fd)) }); err != nil {
		return syscall.EBADF
	}
	return opErr
}

// sockSend is _send and _sendto: one send, waiting for room.
func (vm *VM) sockSend(args []Val, to syscall.Sockaddr) (Val, error) {
	s, err := vm.sock(args[0])
	if err != nil {
		return Val{}, err
	}
	data, ok := bytesLike(args[1])
	if !ok {
		return Val{}, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(args[1]))
	}
	var n int
	flags := sockInt(args, 2) | sockNoSignal
	err = vm.sockWait(s, true, sockTimeout(args[3]), func(fd int) error {
		var e error
		n, e = syscall.SendmsgN(fd, data, nil, to, flags)
		return e
	})
	if err != nil {
		return Val{}, sockErr(err)
	}
	return IntVal(int64(n)), nil
}

// dropSock takes a descriptor out of the table, closing it unless it is
// detached.
func (vm *VM) dropSock(args []Val, closeIt bool) error {
	t := &vm.rt.socks
	t.mu.Lock()
	fd := sockInt(args, 0)
	s, ok := t.m[fd]
	delete(t.m, fd)
	t.mu.Unlock()
	if !ok {
		return badFD()
	}
	if !closeIt {
		// The os.File must not close the descriptor when it is collected.
		var dup int
		err := s.control(func(fd int) error {
			var e error
			dup, e = syscall.Dup(fd)
			return e
		})
		if err != nil {
			return sockErr(err)
		}
		s.f.Close()
		if err := sockDupTo(dup, fd); err != nil {
			return sockErr(err)
		}
		syscall.Close(dup)
		return nil
	}
	if err := s.f.Close(); err != nil {
		return osError(err, "")
	}
	return nil
}
