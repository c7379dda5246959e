//go:build !linux

package interp

import "syscall"

// sockNoSignal is 0 where send(2) has no MSG_NOSIGNAL (darwin): Go's
// runtime already turns SIGPIPE on a socket into EPIPE.
const sockNoSignal = 0

// sockOpen is socket(2) made non-blocking and close-on-exec; without
// SOCK_CLOEXEC the fork lock keeps a child from inheriting it between.
func sockOpen(domain, typ, proto int) (int, error) {
	syscall.ForkLock.RLock()
	fd, err := syscall.Socket(domain, typ, proto)
	if err == nil {
		syscall.CloseOnExec(fd)
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return -1, err
	}
	if err := syscall.SetNonblock(fd, true); err != nil {
		syscall.Close(fd)
		return -1, err
	}
	return fd, nil
}

// sockPair is socketpair(2) with both ends as sockOpen leaves them.
func sockPair(domain, typ, proto int) ([2]int, error) {
	syscall.ForkLock.RLock()
	fds, err := syscall.Socketpair(domain, typ, proto)
	if err == nil {
		syscall.CloseOnExec(fds[0])
		syscall.CloseOnExec(fds[1])
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return fds, err
	}
	for _, fd := range fds {
		if err := syscall.SetNonblock(fd, true); err != nil {
			syscall.Close(fds[0])
			syscall.Close(fds[1])
			return fds, err
		}
	}
	return fds, nil
}

// sockAccept is accept(2) with the new descriptor as sockOpen leaves it.
func sockAccept(fd int) (int, syscall.Sockaddr, error) {
	syscall.ForkLock.RLock()
	nfd, sa, err := syscall.Accept(fd)
	if err == nil {
		syscall.CloseOnExec(nfd)
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return -1, nil, err
	}
	if err := syscall.SetNonblock(nfd, true); err != nil {
		syscall.Close(nfd)
		return -1, nil, err
	}
	return nfd, sa, nil
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

// sockDupTo makes newfd a close-on-exec copy of oldfd.
func sockDupTo(oldfd, newfd int) error {
	syscall.ForkLock.RLock()
	defer syscall.ForkLock.RUnlock()
	if err := syscall.Dup2(oldfd, newfd); err != nil {
		return err
	}
	syscall.CloseOnExec(newfd)
	return nil
}
