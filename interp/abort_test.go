package interp

import (
	"bytes"
	"os"
	"os/exec"
	"runtime"
	"syscall"
	"testing"
)

// TestOSAbort runs os.abort() in a child process: it must die by SIGABRT
// (status 134 in a shell), having written only what was flushed, or also
// what print buffered when PYTHONUNBUFFERED is set, as CPython does.
func TestOSAbort(t *testing.T) {
	if src := os.Getenv("INTERP_ABORT_CHILD"); src != "" {
		// No core file left behind by the abort.
		syscall.Setrlimit(syscall.RLIMIT_CORE, &syscall.Rlimit{})
		os.Exit(Run("abort.py", []byte(src), os.Stdout, os.Stderr))
	}
	if runtime.GOOS != "linux" {
		t.Skip("SIGABRT's default action is put back on Linux")
	}
	src := "import os, sys\nprint('before', flush=True)\nsys.stdout.write('buffered')\nos.abort()\nprint('after')\n"
	for _, c := range []struct {
		unbuffered bool
		want       string
	}{{false, "before\n"}, {true, "before\nbuffered"}} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestOSAbort$")
		env := []string{"INTERP_ABORT_CHILD=" + src}
		for _, kv := range os.Environ() {
			if len(kv) < 17 || kv[:17] != "PYTHONUNBUFFERED=" {
				env = append(env, kv)
			}
		}
		if c.unbuffered {
			env = append(env, "PYTHONUNBUFFERED=1")
		}
		cmd.Env = env
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("unbuffered=%v: want death by SIGABRT, got %v (stderr %q)", c.unbuffered, err, errb.String())
		}
		ws, ok := ee.Sys().(syscall.WaitStatus)
		if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGABRT {
			t.Errorf("unbuffered=%v: want death by SIGABRT, got %v (stderr %q)", c.unbuffered, ee, errb.String())
		}
		if out.String() != c.want || errb.Len() != 0 {
			t.Errorf("unbuffered=%v: stdout %q, stderr %q; want stdout %q and no stderr", c.unbuffered, out.String(), errb.String(), c.want)
		}
	}
}
