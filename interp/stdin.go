package interp

import (
	"io"
	"strings"
)

// stdinStream is sys.stdin: read, readline, readlines and iteration by
// lines over Config.Stdin (the reader input() shares).
type stdinStream struct{}

func (*stdinStream) typeName() string { return "_io.TextIOWrapper" }

func (*stdinStream) attr(vm *VM, name string) (Val, bool) {
	switch name {
	case "name":
		return StrVal("<stdin>"), true
	case "encoding":
		return StrVal("utf-8"), true
	case "closed":
		return False, true
	}
	return Val{}, false
}

func (*stdinStream) has(name string) bool {
	switch name {
	case "read", "readline", "readlines", "isatty", "readable", "fileno":
		return true
	}
	return false
}

// readLine reads one line with its newline; "" at the end.
func (vm *VM) stdinLine(limit int) (string, error) {
	if vm.stdin == nil {
		return "", nil
	}
	var b strings.Builder
	for limit < 0 || b.Len() < limit {
		r, _, err := vm.stdin.ReadRune()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", newErr(OSError, "%v", err)
		}
		b.WriteRune(r)
		if r == '\n' {
			break
		}
	}
	return b.String(), nil
}

func sizeArg(name string, args []Val) (int, error) {
	if len(args) > 1 {
		return 0, newErr(TypeError, "%s expected at most 1 argument, got %d", name, len(args))
	}
	if len(args) == 0 || args[0].T == tagNone {
		return -1, nil
	}
	if args[0].T != tagInt {
		return 0, newErr(TypeError, "argument should be integer or None, not '%s'", typeName(args[0]))
	}
	return int(args[0].I()), nil
}

func (s *stdinStream) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	if len(kwn) > 0 {
		return Val{}, true, newErr(TypeError, "%s() takes no keyword arguments", name)
	}
	switch name {
	case "read":
		n, err := sizeArg("read", args)
		if err != nil {
			return Val{}, true, err
		}
		var b strings.Builder
		for n < 0 || b.Len() < n {
			line, err := vm.stdinLine(n - b.Len())
			if err != nil {
				return Val{}, true, err
			}
			if line == "" {
				break
			}
			b.WriteString(line)
		}
		return StrVal(b.String()), true, nil
	case "readline":
		n, err := sizeArg("readline", args)
		if err != nil {
			return Val{}, true, err
		}
		line, err := vm.stdinLine(n)
		return StrVal(line), true, err
	case "readlines":
		var out []Val
		for {
			line, err := vm.stdinLine(-1)
			if err != nil {
				return Val{}, true, err
			}
			if line == "" {
				return ObjVal(newList(out)), true, nil
			}
			out = append(out, StrVal(line))
		}
	case "isatty", "readable":
		return BoolVal(name == "readable"), true, nil
	case "fileno":
		return IntVal(0), true, nil
	}
	return Val{}, false, nil
}

// dunder makes sys.stdin iterable (nativeType).
func (s *stdinStream) dunder(vm *VM, name string, args []Val) (Val, bool, error) {
	if name != "__iter__" {
		return Val{}, false, nil
	}
	return ObjVal(&funcIter{name: "_io.TextIOWrapper", next: func(vm *VM) (Val, bool, error) {
		line, err := vm.stdinLine(-1)
		if err != nil || line == "" {
			return Val{}, false, err
		}
		return StrVal(line), true, nil
	}}), true, nil
}
