package interp

import (
	_ "embed"
	"os"
	ossignal "os/signal"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// The signal module. A signal the program has a handler for is noted as
// pending and the main thread is interrupted exactly as Ctrl-C interrupts
// it (vm.interrupt: the interpreter's next back-edge or call, a trace's
// next safepoint); there, instead of raising KeyboardInterrupt, the
// pending signals' Python handlers run (runSignals), as CPython runs
// them between bytecodes on the main thread. SIGINT keeps its default
// handler, default_int_handler, which raises KeyboardInterrupt.

//go:embed pylib/signal.py
var signalSource string

func signalModule(vm *VM) *Module {
	m := vm.pyModule("signal", signalSource, signalHelpers())
	// signal.SIGINT and the others are the Signals members.
	if cls, ok := m.attrs["Signals"]; ok {
		for _, s := range signalNames {
			if v, err := vm.getAttr(cls, s.name); err == nil {
				m.attrs[s.name] = v
			}
		}
	}
	return m
}

// Handler values below the callables: SIG_DFL and SIG_IGN as CPython
// numbers them.
const (
	sigDefault = 0
	sigIgnore  = 1
)

// signalState is a run's Python-level signal handling.
type signalState struct {
	mu       sync.Mutex
	handlers map[int]Val // set by signal.signal; absent is SIG_DFL (SIGINT: default_int_handler)
	intDef   Val         // signal.default_int_handler, once the module exists
	pending  atomic.Uint64
	osCh     chan os.Signal // signals routed to the run, once one has a handler
	alarm    *time.Timer
	alarmAt  time.Time
	main     *VM // the main thread's: it runs the handlers
}

// deliver notes signal n as pending and interrupts the main thread.
func (s *signalState) deliver(n int) {
	s.pending.Or(1 << uint(n))
	if s.main != nil {
		s.main.interrupt()
	}
}

// stop undoes what the run asked of the process at its end.
func (s *signalState) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.osCh != nil {
		ossignal.Stop(s.osCh)
	}
	if s.alarm != nil {
		s.alarm.Stop()
	}
}

// runSignals runs the handlers of the pending signals; it is what a
// pending interrupt turns into on the main thread. nil means the
// handlers ran and the program goes on.
func (vm *VM) runSignals() error {
	s := &vm.rt.signals
	if vm.thread != nil {
		return newErr(KeyboardInterrupt, "")
	}
	pend := s.pending.Swap(0)
	if pend == 0 {
		// Ctrl-C delivered straight to the VM (tests).
		return newErr(KeyboardInterrupt, "")
	}
	for n := 1; n < 64; n++ {
		if pend&(1<<uint(n)) == 0 {
			continue
		}
		s.mu.Lock()
		h, set := s.handlers[n]
		s.mu.Unlock()
		switch {
		case !set && n == int(syscall.SIGINT):
			return vm.takeRest(pend, n, newErr(KeyboardInterrupt, ""))
		case !set || h.T == tagInt && h.I() == sigDefault:
			// The default action of a signal raised in-process (alarm,
			// raise_signal): what the system does with it.
			vm.rt.out.Flush()
			vm.rt.errOut.Flush()
			ossignal.Reset(syscall.Signal(n))
			syscall.Kill(os.Getpid(), syscall.Signal(n))
			time.Sleep(100 * time.Millisecond)
		case h.T == tagInt && h.I() == sigIgnore:
		default:
			if _, err := vm.call(h, []Val{IntVal(int64(n)), NoneVal}, nil); err != nil {
				return vm.takeRest(pend, n, err)
			}
		}
	}
	return nil
}

// takeRest leaves the signals after n pending for the next check when a
// handler raised.
func (vm *VM) takeRest(pend uint64, n int, err error) error {
	if rest := pend &^ (1<<uint(n+1) - 1); rest != 0 {
		vm.rt.signals.pending.Or(rest)
		vm.interrupt()
	}
	return err
}

// signalNames are the signals the module names, this platform's numbers.
var signalNames = []struct {
	name string
	no   syscall.Signal
}{
	{"SIGHUP", syscall.SIGHUP}, {"SIGINT", syscall.SIGINT}, {"SIGQUIT", syscall.SIGQUIT},
	{"SIGILL", syscall.SIGILL}, {"SIGTRAP", syscall.SIGTRAP}, {"SIGABRT", syscall.SIGABRT},
	{"SIGBUS", syscall.SIGBUS}, {"SIGFPE", syscall.SIGFPE}, {"SIGKILL", syscall.SIGKILL},
	{"SIGUSR1", syscall.SIGUSR1}, {"SIGSEGV", syscall.SIGSEGV}, {"SIGUSR2", syscall.SIGUSR2},
	{"SIGPIPE", syscall.SIGPIPE}, {"SIGALRM", syscall.SIGALRM}, {"SIGTERM", syscall.SIGTERM},
	{"SIGCHLD", syscall.SIGCHLD}, {"SIGCONT", syscall.SIGCONT}, {"SIGSTOP", syscall.SIGSTOP},
	{"SIGTSTP", syscall.SIGTSTP}, {"SIGTTIN", syscall.SIGTTIN}, {"SIGTTOU", syscall.SIGTTOU},
	{"SIGURG", syscall.SIGURG}, {"SIGXCPU", syscall.SIGXCPU}, {"SIGXFSZ", syscall.SIGXFSZ},
	{"SIGVTALRM", syscall.SIGVTALRM}, {"SIGPROF", syscall.SIGPROF}, {"SIGWINCH", syscall.SIGWINCH},
	{"SIGIO", syscall.SIGIO}, {"SIGSYS", syscall.SIGSYS},
}

func signalHelpers() map[string]nativeFn {
	sigNum := func(v Val) (int, error) {
		if v.T != tagInt && v.T != tagBool {
			return 0, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(v))
		}
		n := v.I()
		if n < 1 || n >= 65 {
			return 0, newErr(ValueError, "signal number out of range")
		}
		return int(n), nil
	}
	return map[string]nativeFn{
		"_names": func(vm *VM, args []Val, kwn []string) (Val, error) {
			items := make([]Val, len(signalNames))
			for i, s := range signalNames {
				items[i] = tupleOf([]Val{StrVal(s.name), IntVal(int64(s.no))})
			}
			return ObjVal(newList(items)), nil
		},
		// _init(default_int_handler): the run's handler table.
		"_init": func(vm *VM, args []Val, kwn []string) (Val, error) {
			s := &vm.rt.signals
			s.mu.Lock()
			s.intDef = args[0]
			s.mu.Unlock()
			return NoneVal, nil
		},
		"_getsignal": func(vm *VM, args []Val, kwn []string) (Val, error) {
			n, err := sigNum(args[0])
			if err != nil {
				return Val{}, err
			}
			s := &vm.rt.signals
			s.mu.Lock()
			defer s.mu.Unlock()
			if h, ok := s.handlers[n]; ok {
				return h, nil
			}
			if n == int(syscall.SIGINT) {
				return s.intDef, nil
			}
			return IntVal(sigDefault), nil
		},
		// _signal(signum, handler) -> the previous handler. handler is
		// a callable or 0/1 (SIG_DFL/SIG_IGN), checked by signal.py.
		"_signal": func(vm *VM, args []Val, kwn []string) (Val, error) {
			n, err := sigNum(args[0])
			if err != nil {
				return Val{}, err
			}
			if vm.thread != nil {
				return Val{}, newErr(ValueError, "signal only works in main thread of the main interpreter")
			}
			sig := syscall.Signal(n)
			if sig == syscall.SIGKILL || sig == syscall.SIGSTOP {
				return Val{}, &PyErr{exc: &Exception{typ: OSError, args: []Val{IntVal(22), StrVal("Invalid argument")}}}
			}
			s := &vm.rt.signals
			s.mu.Lock()
			defer s.mu.Unlock()
			prev, ok := s.handlers[n]
			if !ok {
				prev = IntVal(sigDefault)
				if sig == syscall.SIGINT {
					prev = s.intDef
				}
			}
			if s.handlers == nil {
				s.handlers = map[int]Val{}
			}
			h := args[1]
			s.handlers[n] = h
			if sig == syscall.SIGINT {
				// Ctrl-C already comes through Config.Interrupts.
				return prev, nil
			}
			// Every disposition is the run's to apply (runSignals): the
			// process's own is left alone, or SIG_IGN set here would be
			// inherited by the children it starts.
			if s.osCh == nil {
				s.osCh = make(chan os.Signal, 8)
				go func(ch chan os.Signal) {
					for x := range ch {
						if ss, ok := x.(syscall.Signal); ok {
							s.deliver(int(ss))
						}
					}
				}(s.osCh)
			}
			ossignal.Notify(s.osCh, sig)
			return prev, nil
		},
		// _raise(signum): raise_signal, within the run.
		"_raise": func(vm *VM, args []Val, kwn []string) (Val, error) {
			n, err := sigNum(args[0])
			if err != nil {
				return Val{}, err
			}
			s := &vm.rt.signals
			s.deliver(n)
			// Handled before raise_signal returns, as in CPython.
			if vm.thread == nil {
				return NoneVal, vm.keyboardInterrupt()
			}
			return NoneVal, nil
		},
		// _alarm(seconds) -> seconds left of the previous alarm.
		"_alarm": func(vm *VM, args []Val, kwn []string) (Val, error) {
			if args[0].T != tagInt {
				return Val{}, newErr(TypeError, "'%s' object cannot be interpreted as an integer", typeName(args[0]))
			}
			s := &vm.rt.signals
			s.mu.Lock()
			defer s.mu.Unlock()
			left := int64(0)
			if s.alarm != nil && s.alarm.Stop() {
				left = int64(time.Until(s.alarmAt).Seconds() + 0.999)
			}
			s.alarm = nil
			if secs := args[0].I(); secs > 0 {
				s.alarmAt = time.Now().Add(time.Duration(secs) * time.Second)
				s.alarm = time.AfterFunc(time.Duration(secs)*time.Second, func() { s.deliver(int(syscall.SIGALRM)) })
			}
			return IntVal(left), nil
		},
		"_strsignal": func(vm *VM, args []Val, kwn []string) (Val, error) {
			n, err := sigNum(args[0])
			if err != nil {
				return Val{}, err
			}
			d := syscall.Signal(n).String()
			if strings.HasPrefix(d, "signal ") {
				return NoneVal, nil
			}
			return StrVal(strings.ToUpper(d[:1]) + d[1:]), nil
		},
	}
}
