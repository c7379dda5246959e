package interp

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// getpass.getpass in a process with no terminal (a new session) reads
// stdin after CPython's warning, with the prompt and the warning on
// stderr and a newline after the line read, as CPython 3.13 does; the
// warning names the caller's line (CPython's names its own getpass.py).
// A child process, as the test's own may have a terminal to open.
func TestGetpassWithoutTerminal(t *testing.T) {
	const src = "import getpass\npw = getpass.getpass(\"Token: \")\nprint(repr(pw))\ntry:\n    getpass.getpass()\nexcept EOFError:\n    print('EOFError')\n"
	if os.Getenv("INTERP_GETPASS_CHILD") != "" {
		os.Exit(RunWith(Config{Stdin: os.Stdin}, "gp.py", []byte(src), nil, os.Stdout, os.Stderr))
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestGetpassWithoutTerminal$")
	cmd.Env = append(os.Environ(), "INTERP_GETPASS_CHILD=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	cmd.Stdin = strings.NewReader("s3cret\n")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	wantOut := "'s3cret'\nEOFError\n"
	wantErr := "gp.py:2: GetPassWarning: Can not control echo on the terminal.\n" +
		"  pw = getpass.getpass(\"Token: \")\n" +
		"Warning: Password input may be echoed.\nToken: \n" +
		"gp.py:5: GetPassWarning: Can not control echo on the terminal.\n" +
		"  getpass.getpass()\n" +
		"Warning: Password input may be echoed.\nPassword: "
	if out.String() != wantOut || errb.String() != wantErr {
		t.Errorf("got out %q, err %q\nwant out %q, err %q", out.String(), errb.String(), wantOut, wantErr)
	}
}
