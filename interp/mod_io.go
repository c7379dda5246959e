package interp

// io.StringIO: an in-memory text file (write, read, readline, readlines,
// getvalue, seek, tell, truncate, iteration, with).

// sioBuf is a StringIO's text and position, in code points.
type sioBuf struct {
	text   []rune
	pos    int
	closed bool
}

func (*sioBuf) typeName() string { return "_io_buffer" }

func ioModule(vm *VM) *Module {
	m := newModule("io")
	// open(), the file classes and the abstract bases are
	// pylib/fileio.py's and pylib/iobase.py's; StringIO and BytesIO
	// derive from the bases, as CPython's do.
	fm, ferr := vm.importLib("_fileio")
	base := func(name string) []Val {
		if ferr != nil {
			return nil
		}
		return []Val{fm.attrs[name]}
	}
	buf := func(vm *VM, self Val) (*sioBuf, error) {
		v, err := vm.getAttr(self, "_buf")
		if err != nil {
			return nil, err
		}
		b, ok := v.O.(*sioBuf)
		if !ok {
			return nil, newErr(TypeError, "not a StringIO")
		}
		if b.closed {
			return nil, newErr(ValueError, "I/O operation on closed file")
		}
		return b, nil
	}
	readLine := func(b *sioBuf, limit int) string {
		start := b.pos
		for b.pos < len(b.text) && (limit < 0 || b.pos-start < limit) {
			b.pos++
			if b.text[b.pos-1] == '\n' {
				break
			}
		}
		return string(b.text[start:b.pos])
	}
	sizeArg := func(args []Val) int {
		if len(args) > 1 && args[1].T != tagNone {
			if n, ok := toInt64Arg(args[1]); ok {
				return int(n)
			}
		}
		return -1
	}
	cls, _ := vm.nativeClass("StringIO", base("TextIOBase"), map[string]nativeFn{
		"__init__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			pos, kw := splitKw(args, kwn)
			b := &sioBuf{}
			init := Val{}
			if len(pos) > 1 {
				init = pos[1]
			} else if v, ok := kw["initial_value"]; ok {
				init = v
			}
			if init.T != tagEmpty && init.T != tagNone {
				if !init.isStr() {
					return Val{}, newErr(TypeError, "initial_value must be str or None, not %s", typeName(init))
				}
				b.text = []rune(init.str().s)
			}
			return NoneVal, vm.objectSetAttr(pos[0], "_buf", ObjVal(b))
		},
		"write[1]": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := buf(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			if len(args) != 2 || !args[1].isStr() {
				t := "NoneType"
				if len(args) == 2 {
					t = typeName(args[1])
				}
				return Val{}, newErr(TypeError, "string argument expected, got '%s'", t)
			}
			rs := []rune(args[1].str().s)
			b.text = writeAt(b.text, b.pos, rs)
			b.pos += len(rs)
			return IntVal(int64(len(rs))), nil
		},
		"writelines[1] @_IOBase.writelines": ioWritelines,
		"getvalue[0]": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := buf(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			return StrVal(string(b.text)), nil
		},
		"read[0,1]": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := buf(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			n := sizeArg(args)
			start := min(b.pos, len(b.text))
			end := len(b.text)
			if n >= 0 && start+n < end {
				end = start + n
			}
			b.pos = end
			return StrVal(string(b.text[start:end])), nil
		},
		"readline[0,1]": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := buf(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			return StrVal(readLine(b, sizeArg(args))), nil
		},
		"readlines[0,1]": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := buf(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			var out []Val
			for b.pos < len(b.text) {
				out = append(out, StrVal(readLine(b, -1)))
			}
			return ObjVal(newList(out)), nil
		},
		"__iter__[0]": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := buf(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			return ObjVal(&funcIter{name: "_io.StringIO", next: func(vm *VM) (Val, bool, error) {
				if b.pos >= len(b.text) {
					return Val{}, false, nil
				}
				return StrVal(readLine(b, -1)), true, nil
			}}), nil
		},
		// A StringIO is its own iterator in CPython: next(s) reads a line.
		"__next__[0]": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := buf(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			if b.pos >= len(b.text) {
				return Val{}, newErrVal(StopIteration)
			}
			return StrVal(readLine(b, -1)), nil
		},
		"seek[1,2]": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := buf(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			if len(args) < 2 {
				return Val{}, newErr(TypeError, "seek expected at least 1 argument, got 0")
			}
			n, _ := toInt64Arg(args[1])
			whence := int64(0)
			if len(args) > 2 {
				whence, _ = toInt64Arg(args[2])
			}
			switch whence {
			case 0:
				if n < 0 {
					return Val{}, newErr(ValueError, "Negative seek position %d", n)
				}
				b.pos = int(n)
			case 1:
				if n != 0 {
					return Val{}, newErr(OSError, "Can't do nonzero cur-relative seeks")
				}
			case 2:
				if n != 0 {
					return Val{}, newErr(OSError, "Can't do nonzero end-relative seeks")
				}
				b.pos = len(b.text)
			default:
				return Val{}, newErr(ValueError, "Invalid whence (%d, should be 0, 1 or 2)", whence)
			}
			return IntVal(int64(b.pos)), nil
		},
		"tell[0]": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := buf(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			return IntVal(int64(b.pos)), nil
		},
		"truncate[0,1]": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := buf(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			n := b.pos
			if s := sizeArg(args); s >= 0 {
				n = s
			}
			if n < len(b.text) {
				b.text = b.text[:n]
			}
			return IntVal(int64(n)), nil
		},
		"close[0]": func(vm *VM, args []Val, kwn []string) (Val, error) {
			v, err := vm.getAttr(args[0], "_buf")
			if err == nil {
				if b, ok := v.O.(*sioBuf); ok {
					b.closed = true
				}
			}
			return NoneVal, nil
		},
		"flush[0] @_IOBase.flush": func(vm *VM, args []Val, kwn []string) (Val, error) { return NoneVal, nil },
		"readable[0]":             func(vm *VM, args []Val, kwn []string) (Val, error) { return True, nil },
		"writable[0]":             func(vm *VM, args []Val, kwn []string) (Val, error) { return True, nil },
		"seekable[0]":             func(vm *VM, args []Val, kwn []string) (Val, error) { return True, nil },
		"__enter__[0] @_IOBase.__enter__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if _, err := buf(vm, args[0]); err != nil {
				return Val{}, err
			}
			return args[0], nil
		},
		"__exit__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			c, err := vm.getAttr(args[0], "close")
			if err != nil {
				return Val{}, err
			}
			_, err = vm.call(c, nil, nil)
			return False, err
		},
		"__repr__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return StrVal("<_io.StringIO object at 0x7f0000000000>"), nil
		},
	})
	vm.objectSetAttr(ObjVal(cls), "closed", ObjVal(&Property{get: builtinFn("closed", func(vm *VM, args []Val, kwn []string) (Val, error) {
		v, err := vm.getAttr(args[0], "_buf")
		if err != nil {
			return Val{}, err
		}
		return BoolVal(v.O.(*sioBuf).closed), nil
	})}))
	m.attrs["StringIO"] = ObjVal(cls)
	m.attrs["BytesIO"] = bytesIOClass(vm, base("BufferedIOBase"))
	if ferr == nil {
		for _, n := range []string{"open", "UnsupportedOperation", "FileIO", "BufferedReader", "BufferedWriter",
			"BufferedRandom", "TextIOWrapper", "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE",
			"IOBase", "RawIOBase", "BufferedIOBase", "TextIOBase"} {
			m.attrs[n] = fm.attrs[n]
		}
	}
	return m
}

// writeAt is a stream buffer's write of data at pos: past the end the gap
// is zero-filled, inside it data overwrites what is there.
func writeAt[T byte | rune](buf []T, pos int, data []T) []T {
	for len(buf) < pos {
		buf = append(buf, 0)
	}
	if pos+len(data) > len(buf) {
		return append(buf[:pos], data...)
	}
	copy(buf[pos:], data)
	return buf
}

// ioWritelines is StringIO's and BytesIO's writelines: write on each item.
func ioWritelines(vm *VM, args []Val, kwn []string) (Val, error) {
	items, err := vm.iterate(args[1])
	if err != nil {
		return Val{}, err
	}
	w, err := vm.getAttr(args[0], "write")
	if err != nil {
		return Val{}, err
	}
	for _, it := range items {
		if _, err := vm.call(w, []Val{it}, nil); err != nil {
			return Val{}, err
		}
	}
	return NoneVal, nil
}
