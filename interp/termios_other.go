//go:build !linux

package interp

import "golang.org/x/sys/unix"

// The ioctls that read and set a terminal's termios (getpass); setting
// waits for pending output and drops pending input, as tcsetattr's
// TCSAFLUSH does.
const (
	ioctlGetTermios = unix.TIOCGETA
	ioctlSetTermios = unix.TIOCSETAF
)
