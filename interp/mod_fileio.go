package interp

import (
	"bufio"
	_ "embed"
	"io"
	"os"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"
)

// File I/O: the system-call half of open() and of os.open/read/write.
// The file objects themselves (TextIOWrapper, BufferedReader, ...) are
// written in Python (pylib/fileio.py) over these helpers; the bytes are
// buffered here, in Go, so reading by lines and many small writes cost a
// call each rather than a system call, and so every buffered file the
// program leaves open is flushed when the run ends, as CPython's are.

//go:embed pylib/fileio.py
var fileioSource string

//go:embed pylib/iobase.py
var iobaseSource string

//go:embed pylib/buffered_over.py
var bufferedOverSource string

// bufferedOverModule is pylib/buffered_over.py: BufferedReader and
// BufferedWriter over a raw stream of the program's.
func bufferedOverModule(vm *VM) *Module {
	m := vm.pyModule("_buffered_over", bufferedOverSource, nil)
	for _, v := range m.attrs {
		if c, ok := v.O.(*Class); ok && v.T == tagObject && c.module == "_buffered_over" {
			c.module = "_io"
			c.tpName = c.module + "." + c.name
		}
	}
	return m
}

// fileioModule is pylib/fileio.py, whose classes CPython defines in _io
// (io.UnsupportedOperation is io's).
func fileioModule(vm *VM) *Module {
	m := vm.pyModule("_fileio", iobaseSource+"\n"+fileioSource, fileHelpers())
	for n, v := range m.attrs {
		if c, ok := v.O.(*Class); ok && v.T == tagObject && c.module == "_fileio" {
			c.module = "_io"
			if n == "UnsupportedOperation" {
				c.module = "io"
			}
			c.tpName = c.module + "." + c.name
		}
		if t, ok := v.O.(*ExcType); ok && v.T == tagObject && n == "UnsupportedOperation" {
			t.module = "io"
		}
	}
	return m
}

// openFile is one file descriptor the program opened.
type openFile struct {
	f    *os.File
	path string
	r    *bufio.Reader // nil until read through the buffer
	w    *bufio.Writer // nil until written through the buffer
	raw  bool          // os.open's: unbuffered, as file descriptors are
	// stream is a pipe, socket or terminal: a text reader takes what has
	// arrived rather than waiting for a whole chunk.
	stream bool
}

// fileTable is the run's open files by descriptor number.
type fileTable struct {
	mu sync.Mutex
	m  map[int]*openFile
}

// closeAll flushes and closes what the program left open (end of run).
func (t *fileTable) closeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for fd, f := range t.m {
		if f.w != nil {
			f.w.Flush()
		}
		f.f.Close()
		delete(t.m, fd)
	}
}

// flushFor writes out what files of the program hold buffered for the
// file at path, or for every file when path is "": another open of it, a
// stat or a child process sees what was written. CPython's file objects
// are flushed as soon as they are dropped (reference counting); minipy's
// live on until the collector finds them, so a file written and dropped
// (open(p, "w").write(s)) would otherwise look empty until the run ends.
func (t *fileTable) flushFor(path string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	var target os.FileInfo
	for _, f := range t.m {
		if f.w == nil || f.w.Buffered() == 0 {
			continue
		}
		if path != "" && f.path != path {
			if target == nil {
				fi, err := os.Stat(path)
				if err != nil {
					return // nothing there: no open file is it
				}
				target = fi
			}
			if fi, err := f.f.Stat(); err != nil || !os.SameFile(fi, target) {
				continue
			}
		}
		f.w.Flush()
	}
}

// sync makes the OS file position the logical one: unread buffered
// bytes are given back by seeking over them, and pending writes go out.
func (f *openFile) sync() error {
	if f.w != nil && f.w.Buffered() > 0 {
		if err := f.w.Flush(); err != nil {
			return osError(err, "")
		}
	}
	if f.r != nil {
		if n := f.r.Buffered(); n > 0 {
			if _, err := f.f.Seek(int64(-n), io.SeekCurrent); err != nil {
				return osError(err, "")
			}
		}
		f.r.Reset(f.f)
	}
	return nil
}

func badFD() error {
	return &PyErr{exc: &Exception{typ: OSError, args: []Val{IntVal(9), StrVal("Bad file descriptor")}}}
}

// fileHelpers are the Go functions pylib/fileio.py and pylib/os.py call.
func fileHelpers() map[string]nativeFn {
	intAt := func(args []Val, i int) int64 {
		if i < len(args) && (args[i].T == tagInt || args[i].T == tagBool) {
			return args[i].I()
		}
		return -1
	}
	fileAt := func(vm *VM, args []Val) (*openFile, error) {
		if len(args) == 0 || args[0].T != tagInt {
			return nil, newErr(TypeError, "an integer is required")
		}
		vm.rt.files.mu.Lock()
		f, ok := vm.rt.files.m[int(args[0].I())]
		vm.rt.files.mu.Unlock()
		if !ok {
			return nil, badFD()
		}
		return f, nil
	}
	return map[string]nativeFn{
		// _at_exit(fn): fn is called as the run ends (runState.flushAtExit).
		"_at_exit": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 1 {
				return Val{}, newErr(TypeError, "_at_exit(fn)")
			}
			vm.rt.flushAtExit = args[0]
			return NoneVal, nil
		},
		// _fopen(path, flags, perm, raw) -> fd. A directory opened for
		// reading is refused as CPython's FileIO refuses it (EISDIR).
		"_fopen": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 4 || !args[0].isStr() {
				return Val{}, newErr(TypeError, "_fopen(path, flags, perm, raw)")
			}
			p := args[0].str().s
			vm.rt.files.flushFor(p)
			f, err := os.OpenFile(p, int(intAt(args, 1)), os.FileMode(intAt(args, 2)&0o7777))
			if err != nil {
				return Val{}, osError(err, p)
			}
			if fi, err := f.Stat(); err == nil && fi.IsDir() && !truthy(args[3]) {
				f.Close()
				return Val{}, osError(syscall.EISDIR, p)
			}
			fd := int(f.Fd())
			t := &vm.rt.files
			t.mu.Lock()
			if t.m == nil {
				t.m = map[int]*openFile{}
			}
			t.m[fd] = &openFile{f: f, path: p, raw: truthy(args[3])}
			t.mu.Unlock()
			return IntVal(int64(fd)), nil
		},
		// _fread(fd, n[, partial]): up to n bytes (all that is left when
		// n < 0); b'' at the end. partial (a text reader's chunk) stops
		// at what a stream has delivered so far.
		"_fread": func(vm *VM, args []Val, kwn []string) (Val, error) {
			f, err := fileAt(vm, args)
			if err != nil {
				return Val{}, err
			}
			n := intAt(args, 1)
			partial := f.stream && len(args) > 2 && truthy(args[2])
			if f.w != nil && f.w.Buffered() > 0 {
				if err := f.w.Flush(); err != nil {
					return Val{}, osError(err, "")
				}
			}
			var rd io.Reader = f.f
			if !f.raw {
				if f.r == nil {
					f.r = bufio.NewReaderSize(f.f, 64<<10)
				}
				rd = f.r
			}
			if n < 0 {
				b, err := io.ReadAll(rd)
				if err != nil {
					return Val{}, osError(err, "")
				}
				return bytesVal(b), nil
			}
			b := make([]byte, n)
			got := 0
			for got < int(n) {
				k, err := rd.Read(b[got:])
				got += k
				if err == io.EOF || ((f.raw || partial) && k > 0) {
					break
				}
				if err != nil {
					return Val{}, osError(err, "")
				}
			}
			return bytesVal(b[:got]), nil
		},
		// _freadline(fd, limit): bytes up to and with b'\n', at most limit
		// of them when limit >= 0.
		"_freadline": func(vm *VM, args []Val, kwn []string) (Val, error) {
			f, err := fileAt(vm, args)
			if err != nil {
				return Val{}, err
			}
			limit := intAt(args, 1)
			if f.w != nil && f.w.Buffered() > 0 {
				if err := f.w.Flush(); err != nil {
					return Val{}, osError(err, "")
				}
			}
			if f.r == nil {
				f.r = bufio.NewReaderSize(f.f, 64<<10)
			}
			var out []byte
			for limit < 0 || int64(len(out)) < limit {
				c, err := f.r.ReadByte()
				if err == io.EOF {
					break
				}
				if err != nil {
					return Val{}, osError(err, "")
				}
				out = append(out, c)
				if c == '\n' {
					break
				}
			}
			return bytesVal(out), nil
		},
		// _fwrite(fd, data) -> bytes written.
		"_fwrite": func(vm *VM, args []Val, kwn []string) (Val, error) {
			f, err := fileAt(vm, args)
			if err != nil {
				return Val{}, err
			}
			b, ok := bytesLike(args[1])
			if !ok {
				return Val{}, newErr(TypeError, "a bytes-like object is required, not '%s'", typeName(args[1]))
			}
			if f.r != nil && f.r.Buffered() > 0 {
				if err := f.sync(); err != nil {
					return Val{}, err
				}
			}
			if f.raw {
				n, err := f.f.Write(b)
				if err != nil {
					return Val{}, osError(err, "")
				}
				return IntVal(int64(n)), nil
			}
			if f.w == nil {
				f.w = bufio.NewWriterSize(f.f, 64<<10)
			}
			n, err := f.w.Write(b)
			if err != nil {
				return Val{}, osError(err, "")
			}
			return IntVal(int64(n)), nil
		},
		"_fflush": func(vm *VM, args []Val, kwn []string) (Val, error) {
			f, err := fileAt(vm, args)
			if err != nil {
				return Val{}, err
			}
			if f.w != nil {
				if err := f.w.Flush(); err != nil {
					return Val{}, osError(err, "")
				}
			}
			return NoneVal, nil
		},
		// _fseek(fd, offset, whence) -> the new position.
		"_fseek": func(vm *VM, args []Val, kwn []string) (Val, error) {
			f, err := fileAt(vm, args)
			if err != nil {
				return Val{}, err
			}
			if err := f.sync(); err != nil {
				return Val{}, err
			}
			pos, err := f.f.Seek(intAt(args, 1), int(intAt(args, 2)))
			if err != nil {
				return Val{}, osError(err, "")
			}
			return IntVal(pos), nil
		},
		// _ftell(fd): the position the program sees (buffers counted).
		"_ftell": func(vm *VM, args []Val, kwn []string) (Val, error) {
			f, err := fileAt(vm, args)
			if err != nil {
				return Val{}, err
			}
			pos, err := f.f.Seek(0, io.SeekCurrent)
			if err != nil {
				return Val{}, osError(err, "")
			}
			if f.r != nil {
				pos -= int64(f.r.Buffered())
			}
			if f.w != nil {
				pos += int64(f.w.Buffered())
			}
			return IntVal(pos), nil
		},
		"_ftruncate": func(vm *VM, args []Val, kwn []string) (Val, error) {
			f, err := fileAt(vm, args)
			if err != nil {
				return Val{}, err
			}
			if err := f.sync(); err != nil {
				return Val{}, err
			}
			if err := f.f.Truncate(intAt(args, 1)); err != nil {
				return Val{}, osError(err, "")
			}
			return IntVal(intAt(args, 1)), nil
		},
		"_fclose": func(vm *VM, args []Val, kwn []string) (Val, error) {
			f, err := fileAt(vm, args)
			if err != nil {
				return Val{}, err
			}
			vm.rt.files.mu.Lock()
			delete(vm.rt.files.m, int(args[0].I()))
			vm.rt.files.mu.Unlock()
			var werr error
			if f.w != nil {
				werr = f.w.Flush()
			}
			if err := f.f.Close(); werr == nil {
				werr = err
			}
			if werr != nil {
				return Val{}, osError(werr, "")
			}
			return NoneVal, nil
		},
		// _fadopt(fd, raw): open() of a descriptor number. One the
		// program opened with os.open or os.pipe is taken over as it is;
		// any other must be open in the process (0-2, inherited ones).
		"_fadopt": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 2 || args[0].T != tagInt {
				return Val{}, newErr(TypeError, "_fadopt(fd, raw)")
			}
			fd := int(args[0].I())
			t := &vm.rt.files
			t.mu.Lock()
			defer t.mu.Unlock()
			if f, ok := t.m[fd]; ok {
				if err := f.sync(); err != nil {
					return Val{}, err
				}
				f.raw = truthy(args[1])
				return NoneVal, nil
			}
			var st syscall.Stat_t
			if fd < 0 || syscall.Fstat(fd, &st) != nil {
				return Val{}, badFD()
			}
			if t.m == nil {
				t.m = map[int]*openFile{}
			}
			t.m[fd] = &openFile{f: os.NewFile(uintptr(fd), ""), raw: truthy(args[1]), stream: st.Mode&syscall.S_IFMT != syscall.S_IFREG}
			return NoneVal, nil
		},
		"_fseekable": func(vm *VM, args []Val, kwn []string) (Val, error) {
			f, err := fileAt(vm, args)
			if err != nil {
				return Val{}, err
			}
			_, serr := f.f.Seek(0, io.SeekCurrent)
			return BoolVal(serr == nil), nil
		},
		"_fisatty": func(vm *VM, args []Val, kwn []string) (Val, error) {
			f, err := fileAt(vm, args)
			if err != nil {
				return Val{}, err
			}
			fi, err := f.f.Stat()
			return BoolVal(err == nil && fi.Mode()&os.ModeCharDevice != 0), nil
		},
		// _decode(data, encoding, errors, final) -> (str, bytes used):
		// an incremental decoder's step. Unless final, a multi-byte
		// character cut off at the end waits for the next chunk.
		"_decode": func(vm *VM, args []Val, kwn []string) (Val, error) {
			b, _ := bytesLike(args[0])
			n := len(b)
			if !truthy(args[3]) {
				n = completePrefix(b, codecName(args[1].str().s))
			}
			s, err := vm.decodeBytes(bytesVal(b[:n]), b[:n], args[1], args[2])
			if err != nil {
				return Val{}, err
			}
			return tupleOf([]Val{StrVal(s), IntVal(int64(n))}), nil
		},
	}
}

// completePrefix is how much of b an incremental decoder for enc can
// decode now: all but a character cut off at the end.
func completePrefix(b []byte, enc string) int {
	n := len(b)
	switch {
	case enc == "utf-8":
		// Back up over at most three bytes to a lead byte whose sequence
		// runs past the end.
		for i := n - 1; i >= 0 && i >= n-3; i-- {
			c := b[i]
			if c < 0x80 {
				return n
			}
			if c >= 0xC0 {
				need := 2
				if c >= 0xF0 {
					need = 4
				} else if c >= 0xE0 {
					need = 3
				}
				if i+need > n && !utf8.FullRune(b[i:]) {
					return i
				}
				return n
			}
		}
		return n
	case strings.HasPrefix(enc, "utf-16"):
		return n - n%2
	case strings.HasPrefix(enc, "utf-32"):
		return n - n%4
	}
	return n
}

// osHelpers are the system calls pylib/os.py makes beyond listing and
// the environment: stat, and what changes the file system.
func osHelpers() map[string]nativeFn {
	path := func(fn string, args []Val, i int) (string, error) {
		if i >= len(args) || !args[i].isStr() {
			v := NoneVal
			if i < len(args) {
				v = args[i]
			}
			return "", newErr(TypeError, "%s: path should be string, bytes or os.PathLike, not %s", fn, typeName(v))
		}
		return args[i].str().s, nil
	}
	// one is a call on one path that returns nothing.
	one := func(fn string, do func(p string) error) nativeFn {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			p, err := path(fn, args, 0)
			if err != nil {
				return Val{}, err
			}
			if err := do(p); err != nil {
				return Val{}, osError(err, p)
			}
			return NoneVal, nil
		}
	}
	// two is a call on two paths that returns nothing.
	two := func(fn string, do func(a, b string) error) nativeFn {
		return func(vm *VM, args []Val, kwn []string) (Val, error) {
			a, err := path(fn, args, 0)
			if err != nil {
				return Val{}, err
			}
			b, err := path(fn, args, 1)
			if err != nil {
				return Val{}, err
			}
			if err := do(a, b); err != nil {
				return Val{}, osError2(err, a, b)
			}
			return NoneVal, nil
		}
	}
	return map[string]nativeFn{
		// _stat2(path, follow): statFields as a tuple.
		"_stat2": func(vm *VM, args []Val, kwn []string) (Val, error) {
			p, err := path("stat", args, 0)
			if err != nil {
				return Val{}, err
			}
			vm.rt.files.flushFor(p)
			f, err := statFields(p, len(args) < 2 || truthy(args[1]))
			if err != nil {
				return Val{}, osError(err, p)
			}
			items := make([]Val, len(f))
			for i, x := range f {
				items[i] = IntVal(x)
			}
			return tupleOf(items), nil
		},
		"_mkdir": func(vm *VM, args []Val, kwn []string) (Val, error) {
			p, err := path("mkdir", args, 0)
			if err != nil {
				return Val{}, err
			}
			perm := int64(0o777)
			if len(args) > 1 && args[1].T == tagInt {
				perm = args[1].I()
			}
			if err := syscall.Mkdir(p, uint32(perm)); err != nil {
				return Val{}, osError(err, p)
			}
			return NoneVal, nil
		},
		"_remove": one("remove", func(p string) error { return syscall.Unlink(p) }),
		"_rmdir":  one("rmdir", func(p string) error { return syscall.Rmdir(p) }),
		"_chdir":  one("chdir", os.Chdir),
		"_rename": two("rename", syscall.Rename),
		"_chmod": func(vm *VM, args []Val, kwn []string) (Val, error) {
			p, err := path("chmod", args, 0)
			if err != nil {
				return Val{}, err
			}
			if len(args) < 2 || args[1].T != tagInt {
				return Val{}, newErr(TypeError, "chmod() mode must be an integer")
			}
			if err := syscall.Chmod(p, uint32(args[1].I())); err != nil {
				return Val{}, osError(err, p)
			}
			return NoneVal, nil
		},
		"_access": func(vm *VM, args []Val, kwn []string) (Val, error) {
			p, err := path("access", args, 0)
			if err != nil {
				return Val{}, err
			}
			return BoolVal(syscall.Access(p, uint32(args[1].I())) == nil), nil
		},
		// _utime(path, atime ns, mtime ns, now).
		"_utime": func(vm *VM, args []Val, kwn []string) (Val, error) {
			p, err := path("utime", args, 0)
			if err != nil {
				return Val{}, err
			}
			at, mt := time.Unix(0, args[1].I()), time.Unix(0, args[2].I())
			if truthy(args[3]) {
				at = time.Now()
				mt = at
			}
			if err := os.Chtimes(p, at, mt); err != nil {
				return Val{}, osError(err, p)
			}
			return NoneVal, nil
		},
		"_symlink": two("symlink", os.Symlink),
		"_link":    two("link", os.Link),
		"_kill": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 2 || args[0].T != tagInt || args[1].T != tagInt {
				return Val{}, newErr(TypeError, "kill() arguments must be integers")
			}
			if err := syscall.Kill(int(args[0].I()), syscall.Signal(args[1].I())); err != nil {
				return Val{}, osError(err, "")
			}
			return NoneVal, nil
		},
		"_getppid": func(vm *VM, args []Val, kwn []string) (Val, error) { return IntVal(int64(os.Getppid())), nil },
		"_pipe": func(vm *VM, args []Val, kwn []string) (Val, error) {
			r, w, err := os.Pipe()
			if err != nil {
				return Val{}, osError(err, "")
			}
			t := &vm.rt.files
			t.mu.Lock()
			if t.m == nil {
				t.m = map[int]*openFile{}
			}
			rfd, wfd := int(r.Fd()), int(w.Fd())
			t.m[rfd] = &openFile{f: r, path: "<pipe>", raw: true, stream: true}
			t.m[wfd] = &openFile{f: w, path: "<pipe>", raw: true, stream: true}
			t.mu.Unlock()
			return tupleOf([]Val{IntVal(int64(rfd)), IntVal(int64(wfd))}), nil
		},
		"_readlink": func(vm *VM, args []Val, kwn []string) (Val, error) {
			p, err := path("readlink", args, 0)
			if err != nil {
				return Val{}, err
			}
			s, err := os.Readlink(p)
			if err != nil {
				return Val{}, osError(err, p)
			}
			return StrVal(s), nil
		},
	}
}

// osError2 is osError for a call on two paths: CPython names both
// ("[Errno 2] No such file or directory: 'a' -> 'b'").
func osError2(err error, a, b string) error {
	e := osError(err, a)
	if pe, ok := e.(*PyErr); ok && len(pe.exc.args) == 2 {
		pe.exc.attrs.set("filename2", StrVal(b))
	}
	return e
}

// withHelpers merges maps of helpers.
func withHelpers(ms ...map[string]nativeFn) map[string]nativeFn {
	out := map[string]nativeFn{}
	for _, m := range ms {
		for k, f := range m {
			out[k] = f
		}
	}
	return out
}
