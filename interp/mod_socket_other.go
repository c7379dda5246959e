//go:build !linux

package interp

import "syscall"

// sockNoSignal is 0 where send(2) has no MSG_NOSIGNAL (darwin): Go's
// runtime already turns SIGPIPE on a socket into EPIPE.
const sockNoSignal = 0

// cloexecUnderForkLock runs open with the fork lock held and marks the
// descriptors it made close-on-exec before letting go: without
// SOCK_CLOEXEC the lock is what keeps a child forked in between from
// inheriting them.
func cloexecUnderForkLock(open func() ([]int, error)) ([]int, error) {
	syscall.ForkLock.RLock()
	defer syscall.ForkLock.RUnlock()
	fds, err := open()
	if err != nil {
		return nil, err
	}
	for _, fd := range fds {
		syscall.CloseOnExec(fd)
	}
	return fds, nil
}

// freshSocks is cloexecUnderForkLock with the new descriptors also made
// non-blocking (what SOCK_NONBLOCK would do); on failure none stays open.
func freshSocks(open func() ([]int, error)) ([]int, error) {
	fds, err := cloexecUnderForkLock(open)
	if err != nil {
		return nil, err
	}
	for _, fd := range fds {
		if err := syscall.SetNonblock(fd, true); err != nil {
			for _, fd := range fds {
				syscall.Close(fd)
			}
			return nil, err
		}
	}
	return fds, nil
}

// sockOpen is socket(2) made non-blocking and close-on-exec.
func sockOpen(domain, typ, proto int) (int, error) {
	fds, err := freshSocks(func() ([]int, error) {
		fd, err := syscall.Socket(domain, typ, proto)
		return []int{fd}, err
	})
	if err != nil {
		return -1, err
	}
	return fds[0], nil
}

// sockPair is socketpair(2) with both ends as sockOpen leaves them.
func sockPair(domain, typ, proto int) ([2]int, error) {
	fds, err := freshSocks(func() ([]int, error) {
		fds, err := syscall.Socketpair(domain, typ, proto)
		return fds[:], err
	})
	if err != nil {
		return [2]int{-1, -1}, err
	}
	return [2]int{fds[0], fds[1]}, nil
}

// sockAccept is accept(2) with the new descriptor as sockOpen leaves it.
func sockAccept(fd int) (int, syscall.Sockaddr, error) {
	var sa syscall.Sockaddr
	fds, err := freshSocks(func() ([]int, error) {
		nfd, from, err := syscall.Accept(fd)
		sa = from
		return []int{nfd}, err
	})
	if err != nil {
		return -1, nil, err
	}
	return fds[0], sa, nil
}

// sockFamilyProto is the address family of an open socket, from its
// own address (there is no SO_DOMAIN to ask), and protocol 0.
func sockFamilyProto(fd int) (family, proto int, err error) {
	sa, err := syscall.Getsockname(fd)
	if err != nil {
		return 0, 0, err
	}
	switch sa.(type) {
	case *syscall.SockaddrInet4:
		return syscall.AF_INET, 0, nil
	case *syscall.SockaddrInet6:
		return syscall.AF_INET6, 0, nil
	case *syscall.SockaddrUnix:
		return syscall.AF_UNIX, 0, nil
	}
	return syscall.AF_UNSPEC, 0, nil
}

// sockDupTo makes newfd a close-on-exec copy of oldfd (O_NONBLOCK is
// the open file's, so the copy shares it).
func sockDupTo(oldfd, newfd int) error {
	_, err := cloexecUnderForkLock(func() ([]int, error) {
		return []int{newfd}, syscall.Dup2(oldfd, newfd)
	})
	return err
}
