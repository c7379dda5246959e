//go:build linux

package interp

import "syscall"

// sockNoSignal makes a send to a peer that has gone EPIPE, not SIGPIPE.
const sockNoSignal = syscall.MSG_NOSIGNAL

// sockOpen is socket(2) with the descriptor non-blocking and
// close-on-exec from the start.
func sockOpen(domain, typ, proto int) (int, error) {
	return syscall.Socket(domain, typ|syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC, proto)
}

// sockPair is socketpair(2) with both ends as sockOpen leaves them.
func sockPair(domain, typ, proto int) ([2]int, error) {
	return syscall.Socketpair(domain, typ|syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC, proto)
}

// sockAccept is accept(2) with the new descriptor as sockOpen leaves it.
func sockAccept(fd int) (int, syscall.Sockaddr, error) {
	return syscall.Accept4(fd, syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC)
}

// sockFamilyProto is the address family and protocol of an open socket.
func sockFamilyProto(fd int) (family, proto int, err error) {
	if family, err = syscall.GetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_DOMAIN); err != nil {
		return 0, 0, err
	}
	proto, err = syscall.GetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_PROTOCOL)
	return family, proto, err
}

// sockDupTo makes newfd a close-on-exec copy of oldfd.
func sockDupTo(oldfd, newfd int) error {
	return syscall.Dup3(oldfd, newfd, syscall.O_CLOEXEC)
}
