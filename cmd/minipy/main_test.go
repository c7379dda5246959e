package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	prog := filepath.Join(dir, "p.py")
	if err := os.WriteFile(prog, []byte("import sys\nprint(sys.argv[1:], 6 * 7)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.py")
	if err := os.WriteFile(bad, []byte("print(1)\nprint(1 // 0)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args          []string
		status        int
		stdout, inErr string
	}{
		{[]string{prog, "a", "b"}, 0, "['a', 'b'] 42\n", ""},
		{[]string{"-c", "print('hi')"}, 0, "hi\n", ""},
		{[]string{bad}, 1, "1\n", "ZeroDivisionError: division by zero"},
		{[]string{filepath.Join(dir, "missing.py")}, 2, "", "[Errno 2] No such file or directory"},
		{[]string{"dis", prog}, 0, "", ""},
		{[]string{"--help"}, 0, "", ""},
		{[]string{}, 2, "", "no program given"},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		status := run(c.args, &out, &errb)
		if status != c.status || (c.stdout != "" && out.String() != c.stdout) || !strings.Contains(errb.String(), c.inErr) {
			t.Errorf("minipy %q: status %d, stdout %q, stderr %q; want %d, %q, stderr containing %q",
				c.args, status, out.String(), errb.String(), c.status, c.stdout, c.inErr)
		}
	}
}
