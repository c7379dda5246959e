package interp

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestCtrlC sends Ctrl-C to programs spinning in loops, interpreted and in
// native traces: KeyboardInterrupt is raised where the loop is, handlers
// and finally blocks run, output written before is kept, and an uncaught
// one exits with 130 after CPython's traceback.
func TestCtrlC(t *testing.T) {
	src := `def spin():
    i = 0
    while True:
        i = i + 1
print("before")
try:
    spin()
except KeyboardInterrupt:
    print("caught")
finally:
    print("finally")
x = 0.5
for i in range(10**12):
    x = x * 1.0000001
`
	for _, cfg := range []Config{{}, {JIT: JITOn, JITThreshold: 1}} {
		sig := make(chan os.Signal, 1)
		cfg.Interrupts = sig
		var out, errb bytes.Buffer
		done := make(chan int)
		go func() { done <- RunWith(cfg, "t.py", []byte(src), nil, &out, &errb) }()
		var status int
		for k := 0; ; k++ {
			time.Sleep(50 * time.Millisecond)
			select {
			case sig <- syscall.SIGINT:
			default: // the last one is not read yet (or the run has ended): no second
			}
			select {
			case status = <-done:
			default:
				if k < 200 {
					continue
				}
				t.Fatalf("%+v: still running after 200 Ctrl-Cs", cfg.JIT)
			}
			break
		}
		if status != 130 || out.String() != "before\ncaught\nfinally\n" ||
			!strings.HasSuffix(errb.String(), "KeyboardInterrupt\n") || !strings.HasPrefix(errb.String(), "Traceback (most recent call last):\n") {
			t.Errorf("JIT %v: status %d, stdout %q, stderr %q", cfg.JIT, status, out.String(), errb.String())
		}
	}
}

// TestCtrlCInRecursion: code without loops (an exponential recursion)
// sees Ctrl-C at its calls, interpreted and in a function trace calling
// itself natively (which leaves on the interrupt flag at its next call).
func TestCtrlCInRecursion(t *testing.T) {
	src := "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(\"before\")\nfib(100)\n"
	for _, cfg := range []Config{{}, {JIT: JITOn, JITThreshold: 1}, {JIT: JITOn}} {
		sig := make(chan os.Signal, 1)
		cfg.Interrupts = sig
		var out, errb bytes.Buffer
		debug := &lockedBuffer{}
		if cfg.JIT == JITOn {
			cfg.JITDebug = debug
		}
		done := make(chan int)
		go func() { done <- RunWith(cfg, "t.py", []byte(src), nil, &out, &errb) }()
		time.Sleep(100 * time.Millisecond)
		// With the JIT, Ctrl-C comes once fib runs natively, bridge and
		// all (or after 10 s: the check below fails).
		for k := 0; cfg.JIT == JITOn && k < 200 && !strings.Contains(debug.String(), "function fib (line 2): bridge"); k++ {
			time.Sleep(50 * time.Millisecond)
		}
		sig <- syscall.SIGINT
		select {
		case status := <-done:
			if status != 130 || out.String() != "before\n" || !strings.HasSuffix(errb.String(), "KeyboardInterrupt\n") {
				t.Errorf("JIT %v: status %d, stdout %q, stderr %q", cfg.JIT, status, out.String(), errb.String())
			}
			if cfg.JIT == JITOn && !strings.Contains(debug.String(), "function fib (line 2): bridge") {
				t.Errorf("threshold %d: fib has no function trace with its bridge:\n%s", cfg.JITThreshold, debug.String())
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("JIT %v: still running 10 s after Ctrl-C", cfg.JIT)
		}
	}
}

func TestRaiseKeyboardInterruptExits130(t *testing.T) {
	var out, errb bytes.Buffer
	if s := RunWith(Config{}, "t.py", []byte("print(1)\nraise KeyboardInterrupt\n"), nil, &out, &errb); s != 130 || out.String() != "1\n" {
		t.Errorf("status %d, stdout %q, stderr %q", s, out.String(), errb.String())
	}
}

// TestCtrlCLoopKinds: Ctrl-C reaches every kind of loop, interpreted:
// for over a range iterator (comprehensions), over any other iterator,
// generator expressions consumed by builtins, and builtins consuming a
// range themselves.
func TestCtrlCLoopKinds(t *testing.T) {
	for _, src := range []string{
		"x = [(i, j) for i in range(10**6) for j in range(i)]\n",
		"import itertools\nfor i in itertools.count():\n    pass\n",
		"print(sum(1 for i in range(10**12)))\n",
		"print(any(i < 0 for i in range(10**12)))\n",
		"print(sum(range(10**13)))\n",
		"print(max(range(10**13)))\n",
	} {
		sig := make(chan os.Signal, 1)
		var out, errb bytes.Buffer
		done := make(chan int)
		go func() { done <- RunWith(Config{Interrupts: sig}, "t.py", []byte(src), nil, &out, &errb) }()
		status := -1
		for k := 0; k < 100 && status < 0; k++ {
			time.Sleep(50 * time.Millisecond)
			select {
			case sig <- syscall.SIGINT:
			default:
			}
			select {
			case status = <-done:
			default:
			}
		}
		if status < 0 {
			t.Fatalf("%q: still running after 100 Ctrl-Cs", src)
		}
		if status != 130 || !strings.HasSuffix(errb.String(), "KeyboardInterrupt\n") {
			t.Errorf("%q: status %d, stderr %q", src, status, errb.String())
		}
	}
}

// TestHeapWatch: a program whose many small objects outgrow the memory
// it may use gets MemoryError from the heap watchdog, not a dying Go
// runtime.
func TestHeapWatch(t *testing.T) {
	memInit()
	saved := mem.physAt
	setMemLimit(256 << 20)
	defer setMemLimit(saved)
	var out, errb bytes.Buffer
	status := RunWith(Config{}, "t.py", []byte("a = None\nwhile True:\n    a = (a, a)\n"), nil, &out, &errb)
	if status != 1 || !strings.HasSuffix(errb.String(), "MemoryError\n") {
		t.Errorf("status %d, stderr %q", status, errb.String())
	}
}

// lockedBuffer is a bytes.Buffer a running program writes while the test
// reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestCtrlCInRegex: a catastrophic regular expression (exponential
// backtracking inside one re.match call) stops at Ctrl-C with
// KeyboardInterrupt, which the program can catch.
func TestCtrlCInRegex(t *testing.T) {
	// The try is the first statement: a Ctrl-C seen at any check is caught.
	src := "try:\n    import re\n    re.match(r\"(a*)*b\", \"a\" * 60)\nexcept KeyboardInterrupt:\n    print(\"caught\")\n"
	sig := make(chan os.Signal, 1)
	var out, errb bytes.Buffer
	done := make(chan int)
	go func() { done <- RunWith(Config{Interrupts: sig}, "t.py", []byte(src), nil, &out, &errb) }()
	var status int
	for k := 0; ; k++ {
		time.Sleep(50 * time.Millisecond)
		sig <- syscall.SIGINT
		select {
		case status = <-done:
		default:
			if k < 200 {
				continue
			}
			t.Fatal("still running after 200 Ctrl-Cs")
		}
		break
	}
	if status != 0 || out.String() != "caught\n" {
		t.Errorf("status %d, stdout %q, stderr %q", status, out.String(), errb.String())
	}
}

// TestPrintFlush: print(..., flush=True) writes stdout through at once,
// single-threaded and once threads run, so a program still running (or
// killed) has shown the line; without it the line waits in the buffer.
func TestPrintFlush(t *testing.T) {
	for _, threaded := range []bool{false, true} {
		src := "import time\n"
		if threaded {
			src += "import threading\nt = threading.Thread(target=print)\nt.start()\nt.join()\n"
		}
		src += "print('buffered')\nprint('shown', flush=True)\nwhile True:\n    time.sleep(0.01)\n"
		sig := make(chan os.Signal, 1)
		out := &lockedBuffer{}
		var errb bytes.Buffer
		done := make(chan int)
		go func() { done <- RunWith(Config{Interrupts: sig}, "t.py", []byte(src), nil, out, &errb) }()
		deadline := time.Now().Add(20 * time.Second)
		for !strings.Contains(out.String(), "shown\n") && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		got := out.String()
		sig <- syscall.SIGINT
		<-done
		want := "buffered\nshown\n"
		if threaded {
			want = "\n" + want
		}
		if got != want {
			t.Errorf("threaded %v: stdout while running %q, want %q", threaded, got, want)
		}
	}
}
