package interp

import "bytes"

// io.BytesIO: an in-memory binary file, built like StringIO (mod_io.go)
// over bytes instead of code points.

type bioBuf struct {
	b      []byte
	pos    int
	closed bool
}

func (*bioBuf) typeName() string { return "_io_bytes_buffer" }

func bytesIOClass(vm *VM, bases []Val) Val {
	buf := func(vm *VM, self Val) (*bioBuf, error) {
		v, err := vm.getAttr(self, "_buf")
		if err != nil {
			return nil, err
		}
		b, ok := v.O.(*bioBuf)
		if !ok {
			return nil, newErr(TypeError, "not a BytesIO")
		}
		if b.closed {
			return nil, newErr(ValueError, "I/O operation on closed file.")
		}
		return b, nil
	}
	// size is an optional size argument: -1 when absent or None.
	size := func(vm *VM, args []Val) (int, error) {
		if len(args) > 1 && args[1].T != tagNone {
			n, err := vm.index(args[1], "size")
			return int(n), err
		}
		return -1, nil
	}
	readLine := func(b *bioBuf, limit int) []byte {
		start := min(b.pos, len(b.b))
		end := len(b.b)
		if i := bytes.IndexByte(b.b[start:], '\n'); i >= 0 {
			end = start + i + 1
		}
		if limit >= 0 && start+limit < end {
			end = start + limit
		}
		b.pos = end
		return append([]byte{}, b.b[start:end]...)
	}
	read := func(b *bioBuf, n int) []byte {
		start := min(b.pos, len(b.b))
		end := len(b.b)
		if n >= 0 && start+n < end {
			end = start + n
		}
		b.pos = end
		return append([]byte{}, b.b[start:end]...)
	}
	with := func(f func(vm *VM, b *bioBuf, args []Val) (Val, error)) nativeFn {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, err := buf(vm, args[0])
			if err != nil {
				return Val{}, err
			}
			return f(vm, b, args)
		}
	}
	readN := func(vm *VM, b *bioBuf, args []Val) (Val, error) {
		n, err := size(vm, args)
		if err != nil {
			return Val{}, err
		}
		return bytesVal(read(b, n)), nil
	}
	cls, _ := vm.nativeClass("BytesIO", bases, map[string]nativeFn{
		"__init__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, err := kwArgs("BytesIO", args[1:], kwn, []string{"initial_bytes"}, 0)
			if err != nil {
				return Val{}, err
			}
			b := &bioBuf{b: []byte{}}
			if a[0].T != tagEmpty && a[0].T != tagNone {
				init, ok := bytesLike(a[0])
				if !ok {
					return Val{}, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(a[0]))
				}
				b.b = append(b.b, init...)
			}
			return NoneVal, vm.objectSetAttr(args[0], "_buf", ObjVal(b))
		},
		"write[1]": with(func(vm *VM, b *bioBuf, args []Val) (Val, error) {
			if len(args) != 2 {
				return Val{}, newErr(TypeError, "BytesIO.write() takes exactly one argument (%d given)", len(args)-1)
			}
			data, ok := bytesLike(args[1])
			if !ok {
				return Val{}, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(args[1]))
			}
			b.b = writeAt(b.b, b.pos, data)
			b.pos += len(data)
			return IntVal(int64(len(data))), nil
		}),
		"writelines[1]": ioWritelines,
		"getvalue[0]": with(func(vm *VM, b *bioBuf, args []Val) (Val, error) {
			return bytesVal(append([]byte{}, b.b...)), nil
		}),
		// getbuffer is a writable view of the contents: writes through it
		// are the BytesIO's; a write that grows the BytesIO leaves the
		// view on the old contents (CPython refuses such a resize).
		"getbuffer[0]": with(func(vm *VM, b *bioBuf, args []Val) (Val, error) {
			return newMemoryView(ObjVal(&Bytes{b: b.b[:len(b.b):len(b.b)], mut: true}))
		}),
		"read[0,1]": with(readN),
		"read1":     with(readN),
		"readline[0,1]": with(func(vm *VM, b *bioBuf, args []Val) (Val, error) {
			n, err := size(vm, args)
			if err != nil {
				return Val{}, err
			}
			return bytesVal(readLine(b, n)), nil
		}),
		"readlines[0,1]": with(func(vm *VM, b *bioBuf, args []Val) (Val, error) {
			var out []Val
			for b.pos < len(b.b) {
				out = append(out, bytesVal(readLine(b, -1)))
			}
			return ObjVal(newList(out)), nil
		}),
		"readinto[1]": with(func(vm *VM, b *bioBuf, args []Val) (Val, error) {
			if len(args) != 2 {
				return Val{}, newErr(TypeError, "readinto() takes exactly one argument (%d given)", len(args)-1)
			}
			dst, ok := args[1].O.(*Bytes)
			if !ok || !dst.mut {
				return Val{}, newErr(TypeError, "readinto() argument must be read-write bytes-like object, not %s", typeName(args[1]))
			}
			data := read(b, len(dst.b))
			copy(dst.b, data)
			return IntVal(int64(len(data))), nil
		}),
		"__iter__[0]": with(func(vm *VM, b *bioBuf, args []Val) (Val, error) {
			return ObjVal(&funcIter{name: "_io.BytesIO", next: func(vm *VM) (Val, bool, error) {
				if b.closed {
					return Val{}, false, newErr(ValueError, "I/O operation on closed file.")
				}
				if b.pos >= len(b.b) {
					return Val{}, false, nil
				}
				return bytesVal(readLine(b, -1)), true, nil
			}}), nil
		}),
		"seek[1,2]": with(func(vm *VM, b *bioBuf, args []Val) (Val, error) {
			if len(args) < 2 {
				return Val{}, newErr(TypeError, "seek expected at least 1 argument, got 0")
			}
			n, err := vm.index(args[1], "pos")
			if err != nil {
				return Val{}, err
			}
			whence := int64(0)
			if len(args) > 2 {
				if whence, err = vm.index(args[2], "whence"); err != nil {
					return Val{}, err
				}
			}
			switch whence {
			case 0:
				if n < 0 {
					return Val{}, newErr(ValueError, "negative seek value %d", n)
				}
			case 1:
				n += int64(b.pos)
			case 2:
				n += int64(len(b.b))
			default:
				return Val{}, newErr(ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence)
			}
			b.pos = int(max(n, 0))
			return IntVal(int64(b.pos)), nil
		}),
		"tell[0]": with(func(vm *VM, b *bioBuf, args []Val) (Val, error) { return IntVal(int64(b.pos)), nil }),
		"truncate[0,1]": with(func(vm *VM, b *bioBuf, args []Val) (Val, error) {
			n := b.pos
			if s, err := size(vm, args); err != nil {
				return Val{}, err
			} else if s >= 0 {
				n = s
			}
			if n < len(b.b) {
				b.b = b.b[:n]
			}
			return IntVal(int64(n)), nil
		}),
		"close[0]": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if v, err := vm.getAttr(args[0], "_buf"); err == nil {
				if b, ok := v.O.(*bioBuf); ok {
					b.closed = true
				}
			}
			return NoneVal, nil
		},
		"flush[0]":                        with(func(vm *VM, b *bioBuf, args []Val) (Val, error) { return NoneVal, nil }),
		"readable[0]":                     with(func(vm *VM, b *bioBuf, args []Val) (Val, error) { return True, nil }),
		"writable[0]":                     with(func(vm *VM, b *bioBuf, args []Val) (Val, error) { return True, nil }),
		"seekable[0]":                     with(func(vm *VM, b *bioBuf, args []Val) (Val, error) { return True, nil }),
		"__enter__[0] @_IOBase.__enter__": with(func(vm *VM, b *bioBuf, args []Val) (Val, error) { return args[0], nil }),
		"__exit__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			c, err := vm.getAttr(args[0], "close")
			if err != nil {
				return Val{}, err
			}
			_, err = vm.call(c, nil, nil)
			return False, err
		},
		"__repr__": func(vm *VM, args []Val, kwn []string) (Val, error) {
			return StrVal("<_io.BytesIO object at 0x7f0000000000>"), nil
		},
	})
	vm.objectSetAttr(ObjVal(cls), "closed", ObjVal(&Property{get: builtinFn("closed", func(vm *VM, args []Val, kwn []string) (Val, error) {
		v, err := vm.getAttr(args[0], "_buf")
		if err != nil {
			return Val{}, err
		}
		return BoolVal(v.O.(*bioBuf).closed), nil
	})}))
	return ObjVal(cls)
}
