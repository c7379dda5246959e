package interp

import "golang.org/x/sys/unix"

// terminalSizeHelpers are os's natives for get_terminal_size:
// _get_terminal_size(fd) is (columns, lines) of the terminal on fd, an
// OSError when fd is no terminal (as CPython's ioctl TIOCGWINSZ fails).
func terminalSizeHelpers() map[string]nativeFn {
	return map[string]nativeFn{
		"_get_terminal_size": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if err := exactArgs("_get_terminal_size", args, kwn, 1); err != nil {
				return Val{}, err
			}
			fd, err := vm.index(args[0], "fd")
			if err != nil {
				return Val{}, err
			}
			ws, err := unix.IoctlGetWinsize(int(fd), unix.TIOCGWINSZ)
			if err != nil {
				return Val{}, osError(err, "")
			}
			return tupleOf([]Val{IntVal(int64(ws.Col)), IntVal(int64(ws.Row))}), nil
		},
	}
}
