package interp

import (
	_ "embed"
	"errors"
	"io"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// pwd, grp and getpass: pylib/pwd.py and pylib/grp.py read the files
// themselves; getpass's terminal half is _tty_getpass here, which turns
// the terminal's echo off while the password is typed.

//go:embed pylib/pwd.py
var pwdSource string

//go:embed pylib/grp.py
var grpSource string

//go:embed pylib/getpass.py
var getpassSource string

func pwdModule(vm *VM) *Module { return vm.pyModule("pwd", pwdSource, nil) }
func grpModule(vm *VM) *Module { return vm.pyModule("grp", grpSource, nil) }

func getpassModule(vm *VM) *Module {
	return vm.blockingPyModule("getpass", getpassSource, map[string]nativeFn{"_tty_getpass": ttyGetpass})
}

// ttyGetpass is _tty_getpass(prompt) -> the line typed at the process's
// terminal with echo off, without its newline; None when there is no
// terminal (getpass.py then reads stdin, with CPython's warning), False
// at the end of the terminal's input. The
// terminal's settings are put back however the read ends, Ctrl-C too.
func ttyGetpass(vm *VM, args []Val, kwn []string) (Val, error) {
	prompt := ""
	if len(args) > 0 {
		if s, ok := args[0].O.(*Str); ok {
			prompt = s.s
		}
	}
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		return NoneVal, nil
	}
	defer tty.Close()
	fd := int(tty.Fd())
	saved, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
	if err != nil {
		return NoneVal, nil // not a terminal after all
	}
	quiet := *saved
	quiet.Lflag &^= unix.ECHO
	if err := unix.IoctlSetTermios(fd, ioctlSetTermios, &quiet); err != nil {
		return NoneVal, nil
	}
	defer unix.IoctlSetTermios(fd, ioctlSetTermios, saved)
	io.WriteString(tty, prompt)
	var line []byte
	buf := make([]byte, 1)
	for {
		// In slices, so Ctrl-C and the end of the run are seen.
		tty.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
		n, err := tty.Read(buf)
		if n == 1 {
			if buf[0] == '\n' {
				break
			}
			line = append(line, buf[0])
			continue
		}
		if errors.Is(err, os.ErrDeadlineExceeded) || (err == nil && n == 0) {
			if ierr := vm.interrupted(); ierr != nil {
				io.WriteString(tty, "\n")
				return Val{}, ierr
			}
			continue
		}
		if err == io.EOF {
			return BoolVal(false), nil // getpass.py raises EOFError
		}
		return Val{}, osError(err, "")
	}
	// The newline the user typed was not echoed.
	io.WriteString(tty, "\n")
	return StrVal(string(line)), nil
}
