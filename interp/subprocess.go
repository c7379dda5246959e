package interp

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"sync"
	"syscall"
)

// subprocess: the system half of subprocess.Popen. The module itself
// (Popen, run, check_output, the exceptions) is pylib/subprocess.py; Go
// starts the child with os/exec, owns the pipes (they join the file
// table, so Popen.stdout is an ordinary file object over a descriptor)
// and waits for the child on a goroutine, so that Popen.wait(timeout)
// and communicate() park the thread and stay interruptible by Ctrl-C.

//go:embed pylib/subprocess.py
var subprocessSource string

func subprocessModule(vm *VM) *Module {
	return vm.pyModule("subprocess", subprocessSource, subprocessHelpers())
}

// Stream specifications _spawn takes, as Popen's arguments name them
// (PIPE, STDOUT and DEVNULL are CPython's numbers).
const (
	streamPipe    = -1
	streamStdout  = -2
	streamDevnull = -3
	streamInherit = -4
)

// childProc is one started child.
type childProc struct {
	cmd  *exec.Cmd
	done chan struct{} // closed once the child has been reaped
	// echo holds what the child wrote to an inherited stdout or stderr
	// that is not a file (a test's buffer): it is copied to the program's
	// own output, in order, when the child is seen to have finished.
	echoOut, echoErr *bytes.Buffer
	echoed           bool

	// A communicate() that timed out leaves its readers running; the
	// next call collects them.
	comm               *communication
	returncode         int
	reaped, signalSent bool
}

// communication is the readers of one communicate().
type communication struct {
	done     chan struct{} // closed when both readers and the writer are finished
	mu       sync.Mutex    // guards what follows while the readers run
	out, err []byte
	ioErr    error
}

// procTable is the run's children by process id.
type procTable struct {
	mu sync.Mutex
	m  map[int]*childProc
}

func (vm *VM) child(v Val) (*childProc, error) {
	if v.T != tagInt {
		return nil, newErr(TypeError, "an integer is required")
	}
	t := &vm.rt.procs
	t.mu.Lock()
	defer t.mu.Unlock()
	p, ok := t.m[int(v.I())]
	if !ok {
		return nil, newErr(ChildProcessError, "[Errno 10] No child processes")
	}
	return p, nil
}

// finished records the child's exit status once it has been reaped and
// hands on what it wrote to an inherited stream that is not a file.
func (vm *VM) finished(p *childProc) {
	if p.echoed {
		return
	}
	p.echoed = true
	if st := p.cmd.ProcessState; st != nil {
		p.returncode = st.ExitCode()
		if ws, ok := st.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			p.returncode = -int(ws.Signal())
		}
	}
	if p.echoOut != nil && p.echoOut.Len() > 0 {
		locked := vm.rt.lockOut()
		vm.rt.out.Write(p.echoOut.Bytes())
		vm.rt.unlockOut(locked)
	}
	if p.echoErr != nil && p.echoErr.Len() > 0 {
		vm.rt.errOut.Write(p.echoErr.Bytes())
	}
}

// inheritedOut is the writer a child's inherited stdout (or stderr)
// goes to: the program's own, flushed first so that what the program
// printed before comes first. A file is handed to the child as is; any
// other writer is fed from a buffer when the child finishes.
func inheritedOut(buf *bufio.Writer, raw io.Writer, echo **bytes.Buffer) io.Writer {
	buf.Flush()
	if f, ok := raw.(*os.File); ok {
		return f
	}
	*echo = &bytes.Buffer{}
	return *echo
}

func subprocessHelpers() map[string]nativeFn {
	// registerPipe puts the parent's end of a pipe in the file table.
	registerPipe := func(vm *VM, f *os.File) int {
		fd := int(f.Fd())
		t := &vm.rt.files
		t.mu.Lock()
		if t.m == nil {
			t.m = map[int]*openFile{}
		}
		t.m[fd] = &openFile{f: f, path: "<pipe>", stream: true}
		t.mu.Unlock()
		return fd
	}
	// fileOf is the open file behind a descriptor the program passed
	// (a file object's fileno()), its buffered writes flushed.
	fileOf := func(vm *VM, fd int) (*os.File, error) {
		vm.rt.files.mu.Lock()
		f, ok := vm.rt.files.m[fd]
		vm.rt.files.mu.Unlock()
		if ok {
			if err := f.sync(); err != nil {
				return nil, err
			}
			return f.f, nil
		}
		switch fd {
		case 0:
			return os.Stdin, nil
		case 1, 2:
			return nil, nil // the program's own streams, below
		}
		return nil, badFD()
	}
	return map[string]nativeFn{
		// _spawn(path, argv, cwd, env, stdin, stdout, stderr) ->
		// (pid, stdin fd, stdout fd, stderr fd), -1 where no pipe.
		"_spawn": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if len(args) != 7 || !args[0].isStr() {
				return Val{}, newErr(TypeError, "_spawn(path, argv, cwd, env, stdin, stdout, stderr)")
			}
			strs := func(v Val) ([]string, error) {
				var out []string
				for _, x := range seqVals(v) {
					s, ok := x.O.(*Str)
					if !ok {
						return nil, newErr(TypeError, "expected str, bytes or os.PathLike object, not %s", typeName(x))
					}
					out = append(out, s.s)
				}
				return out, nil
			}
			// The child may read what the program wrote (flushFor).
			vm.rt.files.flushFor("")
			path := args[0].str().s
			argv, err := strs(args[1])
			if err != nil {
				return Val{}, err
			}
			cmd := &exec.Cmd{Path: path, Args: argv}
			if args[2].isStr() {
				cmd.Dir = args[2].str().s
			}
			if args[3].T != tagNone {
				if cmd.Env, err = strs(args[3]); err != nil {
					return Val{}, err
				}
				if cmd.Env == nil {
					cmd.Env = []string{}
				}
			}
			p := &childProc{cmd: cmd, done: make(chan struct{})}
			var childEnds []*os.File // closed in the parent once started
			closeAll := func(fs []*os.File) {
				for _, f := range fs {
					f.Close()
				}
			}
			var parentEnds []*os.File
			fds := [3]int{-1, -1, -1}
			for i := 0; i < 3; i++ {
				spec := int(args[4+i].I())
				if args[4+i].T != tagInt {
					spec = streamInherit
				}
				var r io.Reader
				var w io.Writer
				switch {
				case spec == streamPipe:
					pr, pw, err := os.Pipe()
					if err != nil {
						closeAll(childEnds)
						closeAll(parentEnds)
						return Val{}, osError(err, "")
					}
					if i == 0 {
						r, childEnds, parentEnds = pr, append(childEnds, pr), append(parentEnds, pw)
					} else {
						w, childEnds, parentEnds = pw, append(childEnds, pw), append(parentEnds, pr)
					}
				case spec == streamDevnull:
					// exec.Cmd's nil streams are the null device.
				case spec == streamStdout && i == 2:
					w = cmd.Stdout
				case spec == streamInherit || spec == 1 || spec == 2:
					switch {
					case i == 0 && spec == streamInherit:
						r = os.Stdin
					case spec == 2 || (spec == streamInherit && i == 2):
						w = inheritedOut(vm.rt.errOut, vm.rt.rawErr, &p.echoErr)
					default:
						vm.rt.errOut.Flush()
						w = inheritedOut(vm.rt.out, vm.rt.rawOut, &p.echoOut)
					}
				case spec >= 0:
					f, err := fileOf(vm, spec)
					if err != nil {
						closeAll(childEnds)
						closeAll(parentEnds)
						return Val{}, err
					}
					if i == 0 {
						r = f
					} else {
						w = f
					}
				default:
					closeAll(childEnds)
					closeAll(parentEnds)
					return Val{}, newErr(ValueError, "bad stream %d", spec)
				}
				switch i {
				case 0:
					cmd.Stdin = r
				case 1:
					cmd.Stdout = w
				case 2:
					cmd.Stderr = w
				}
			}
			// What the program printed comes before what the child prints.
			vm.rt.out.Flush()
			vm.rt.errOut.Flush()
			if err := cmd.Start(); err != nil {
				closeAll(childEnds)
				closeAll(parentEnds)
				return Val{}, startError(err, cmd)
			}
			closeAll(childEnds)
			k := 0
			for i := 0; i < 3; i++ {
				if int(args[4+i].I()) == streamPipe && args[4+i].T == tagInt {
					fds[i] = registerPipe(vm, parentEnds[k])
					k++
				}
			}
			go func() {
				cmd.Wait()
				close(p.done)
			}()
			t := &vm.rt.procs
			t.mu.Lock()
			if t.m == nil {
				t.m = map[int]*childProc{}
			}
			t.m[cmd.Process.Pid] = p
			t.mu.Unlock()
			return tupleOf([]Val{IntVal(int64(cmd.Process.Pid)), IntVal(int64(fds[0])), IntVal(int64(fds[1])), IntVal(int64(fds[2]))}), nil
		},
		// _pwait(pid, timeout) -> the return code, or None when the
		// timeout (seconds, < 0 forever) passed first.
		"_pwait": func(vm *VM, args []Val, kwn []string) (Val, error) {
			p, err := vm.child(args[0])
			if err != nil {
				return Val{}, err
			}
			select {
			case <-p.done:
				vm.finished(p)
				return IntVal(int64(p.returncode)), nil
			default:
			}
			timeout, _ := toFloat(args[1])
			if timeout == 0 {
				return NoneVal, nil
			}
			ok, err := vm.waitChan(p.done, timeout)
			if err != nil || !ok {
				return NoneVal, err
			}
			vm.finished(p)
			return IntVal(int64(p.returncode)), nil
		},
		// _psignal(pid, signal): nothing once the child has finished.
		"_psignal": func(vm *VM, args []Val, kwn []string) (Val, error) {
			p, err := vm.child(args[0])
			if err != nil {
				return Val{}, err
			}
			select {
			case <-p.done:
				return NoneVal, nil
			default:
			}
			if err := p.cmd.Process.Signal(syscall.Signal(args[1].I())); err != nil && !errors.Is(err, os.ErrProcessDone) {
				return Val{}, osError(err, "")
			}
			return NoneVal, nil
		},
		// _pcommunicate(pid, stdin fd, input, stdout fd, stderr fd,
		// timeout) -> (stdout bytes, stderr bytes, True), or (what came
		// so far, False) when the timeout passed first (a later call
		// picks up where this one left).
		// Both pipes are read at once, so a child filling one while the
		// parent waits on the other cannot deadlock.
		"_pcommunicate": func(vm *VM, args []Val, kwn []string) (Val, error) {
			p, err := vm.child(args[0])
			if err != nil {
				return Val{}, err
			}
			if p.comm == nil {
				c := &communication{done: make(chan struct{})}
				p.comm = c
				take := func(v Val) *openFile {
					if v.T != tagInt || v.I() < 0 {
						return nil
					}
					t := &vm.rt.files
					t.mu.Lock()
					defer t.mu.Unlock()
					return t.m[int(v.I())]
				}
				in, out, errf := take(args[1]), take(args[3]), take(args[4])
				inFD := int(args[1].I())
				input, _ := bytesLike(args[2])
				var wg sync.WaitGroup
				fail := func(err error) {
					c.mu.Lock()
					if c.ioErr == nil && err != nil && !errors.Is(err, syscall.EPIPE) {
						c.ioErr = err
					}
					c.mu.Unlock()
				}
				read := func(f *openFile, dst *[]byte) {
					defer wg.Done()
					var rd io.Reader = f.f
					if f.r != nil {
						rd = f.r
					}
					buf := make([]byte, 32<<10)
					for {
						n, err := rd.Read(buf)
						if n > 0 {
							c.mu.Lock()
							*dst = append(*dst, buf[:n]...)
							c.mu.Unlock()
						}
						if err == io.EOF {
							return
						}
						if err != nil {
							fail(err)
							return
						}
					}
				}
				if in != nil {
					wg.Add(1)
					go func() {
						defer wg.Done()
						if in.w != nil {
							fail(in.w.Flush())
						}
						if len(input) > 0 {
							_, err := in.f.Write(input)
							fail(err)
						}
						// The end of input: the child sees EOF.
						t := &vm.rt.files
						t.mu.Lock()
						if t.m[inFD] == in {
							delete(t.m, inFD)
						}
						t.mu.Unlock()
						in.f.Close()
					}()
				}
				if out != nil {
					wg.Add(1)
					go read(out, &c.out)
				}
				if errf != nil {
					wg.Add(1)
					go read(errf, &c.err)
				}
				go func() {
					wg.Wait()
					close(c.done)
				}()
			}
			timeout, _ := toFloat(args[5])
			c := p.comm
			ok, err := vm.waitChan(c.done, timeout)
			if err != nil {
				return Val{}, err
			}
			if !ok {
				// What has come so far, None for nothing, as CPython's
				// TimeoutExpired carries it.
				c.mu.Lock()
				defer c.mu.Unlock()
				sofar := func(b []byte) Val {
					if len(b) == 0 {
						return NoneVal
					}
					return bytesVal(append([]byte(nil), b...))
				}
				return tupleOf([]Val{sofar(c.out), sofar(c.err), False}), nil
			}
			if c.ioErr != nil {
				return Val{}, osError(c.ioErr, "")
			}
			outV, errV := NoneVal, NoneVal
			if args[3].T == tagInt && args[3].I() >= 0 {
				outV = bytesVal(c.out)
			}
			if args[4].T == tagInt && args[4].I() >= 0 {
				errV = bytesVal(c.err)
			}
			return tupleOf([]Val{outV, errV, True}), nil
		},
	}
}

// startError is why a child did not start, as CPython says it: the
// program's name for a missing or unrunnable program, the directory for
// a missing cwd.
func startError(err error, cmd *exec.Cmd) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if pe.Op == "chdir" {
			return osError(pe.Err, cmd.Dir)
		}
		return osError(pe.Err, cmd.Args[0])
	}
	return osError(err, cmd.Args[0])
}

// seqVals is a list's or a tuple's items (pylib/subprocess.py passes
// only those).
func seqVals(v Val) []Val {
	switch o := v.O.(type) {
	case *List:
		return o.items()
	case *Tuple:
		return o.items
	}
	return nil
}
