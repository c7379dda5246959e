package interp

// sys.stdout and sys.stderr as CPython's TextIOWrapper shows them to a
// script: write/flush/writelines, fileno, the attributes scripts read
// (encoding, name, mode ...), and .buffer, a binary stream writing bytes
// to the same output in order with the text.

func (s *Stream) fd() int64 {
	if s.name == "<stderr>" {
		return 2
	}
	return 1
}

func (s *Stream) attr(vm *VM, name string) (Val, bool) {
	switch name {
	case "name":
		return StrVal(s.name), true
	case "encoding":
		return StrVal("utf-8"), true
	case "errors":
		if s.fd() == 2 {
			return StrVal("backslashreplace"), true
		}
		return StrVal("strict"), true
	case "mode":
		return StrVal("w"), true
	case "closed", "line_buffering", "write_through":
		return False, true
	case "newlines":
		return NoneVal, true
	case "buffer":
		return ObjVal(&streamBuffer{s: s}), true
	}
	return Val{}, false
}

func (s *Stream) has(name string) bool {
	switch name {
	case "write", "flush", "writelines", "fileno", "isatty", "writable", "readable", "seekable":
		return true
	}
	return false
}

func (s *Stream) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	if len(kwn) > 0 {
		return Val{}, true, newErr(TypeError, "TextIOWrapper.%s() takes no keyword arguments", name)
	}
	switch name {
	case "write":
		if len(args) != 1 {
			return Val{}, true, newErr(TypeError, "TextIOWrapper.write() takes exactly one argument (%d given)", len(args))
		}
		if !args[0].isStr() {
			return Val{}, true, newErr(TypeError, "write() argument must be str, not %s", typeName(args[0]))
		}
		str := args[0].str()
		s.writeRaw(vm, str.s)
		return IntVal(int64(str.length())), true, nil
	case "writelines":
		if len(args) != 1 {
			return Val{}, true, newErr(TypeError, "writelines() takes exactly one argument (%d given)", len(args))
		}
		items, err := vm.iterate(args[0])
		if err != nil {
			return Val{}, true, err
		}
		for _, it := range items {
			if !it.isStr() {
				return Val{}, true, newErr(TypeError, "write() argument must be str, not %s", typeName(it))
			}
			s.writeRaw(vm, it.str().s)
		}
		return NoneVal, true, nil
	case "flush":
		locked := vm.rt.lockOut()
		s.w.Flush()
		vm.rt.unlockOut(locked)
		return NoneVal, true, nil
	}
	if len(args) != 0 {
		return Val{}, true, newErr(TypeError, "TextIOWrapper.%s() takes no arguments (%d given)", name, len(args))
	}
	switch name {
	case "fileno":
		return IntVal(s.fd()), true, nil
	case "isatty", "readable", "seekable":
		// The output is taken to be a pipe or file, not a terminal.
		return False, true, nil
	case "writable":
		return True, true, nil
	}
	return Val{}, false, nil
}

// writeRaw writes text to the stream; stderr and any stream other than
// the program's main output go out at once.
func (s *Stream) writeRaw(vm *VM, text string) {
	locked := vm.rt.lockOut()
	s.w.WriteString(text)
	if s.w != vm.out {
		s.w.Flush()
	}
	vm.rt.unlockOut(locked)
}

// streamBuffer is a Stream's .buffer: bytes in, the same output out.
type streamBuffer struct{ s *Stream }

func (*streamBuffer) typeName() string { return "_io.BufferedWriter" }

func (b *streamBuffer) attr(vm *VM, name string) (Val, bool) {
	switch name {
	case "name":
		return StrVal(b.s.name), true
	case "mode":
		return StrVal("wb"), true
	case "closed":
		return False, true
	}
	return Val{}, false
}

func (b *streamBuffer) has(name string) bool {
	switch name {
	case "write", "flush", "fileno", "isatty", "writable", "readable", "seekable":
		return true
	}
	return false
}

func (b *streamBuffer) method(vm *VM, name string, args []Val, kwn []string) (Val, bool, error) {
	if name == "write" {
		if len(args) != 1 || len(kwn) > 0 {
			return Val{}, true, newErr(TypeError, "write() takes exactly one argument (%d given)", len(args))
		}
		var data []byte
		switch o := args[0].O.(type) {
		case *Bytes:
			data = o.b
		case *MemoryView:
			d, err := o.bytes()
			if err != nil {
				return Val{}, true, err
			}
			data = d
		default:
			return Val{}, true, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(args[0]))
		}
		b.s.writeRaw(vm, string(data))
		return IntVal(int64(len(data))), true, nil
	}
	return b.s.method(vm, name, args, kwn)
}
