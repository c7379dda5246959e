package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestRunDirectory checks that a directory runs its __main__.py, and that
// one without says so as CPython does (status 1).
func TestRunDirectory(t *testing.T) {
	empty := t.TempDir()
	var out, errb bytes.Buffer
	if status := run([]string{empty}, &out, &errb); status != 1 || out.Len() != 0 || errb.String() != "minipy: can't find '__main__' module in '"+empty+"'\n" {
		t.Errorf("empty directory: status %d, stdout %q, stderr %q", status, out.String(), errb.String())
	}
	pkg := t.TempDir()
	if err := os.WriteFile(filepath.Join(pkg, "__main__.py"), []byte("import sys\nprint('main', sys.argv[1:])\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errb.Reset()
	if status := run([]string{pkg, "x"}, &out, &errb); status != 0 || out.String() != "main ['x']\n" || errb.Len() != 0 {
		t.Errorf("directory with __main__.py: status %d, stdout %q, stderr %q", status, out.String(), errb.String())
	}
}

// TestScriptPath checks that a script given by a relative path is named
// by its absolute path in tracebacks, as CPython does, while sys.argv[0]
// stays as typed.
func TestScriptPath(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "fail.py"), []byte("import sys\nprint(sys.argv[0])\n1/0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	abs, err := filepath.Abs("fail.py")
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	status := run([]string{"fail.py"}, &out, &errb)
	want := "Traceback (most recent call last):\n  File \"" + abs + "\", line 3, in <module>\n"
	if status != 1 || out.String() != "fail.py\n" || !bytes.HasPrefix(errb.Bytes(), []byte(want)) {
		t.Errorf("status %d, stdout %q, stderr %q; want stdout \"fail.py\\n\" and stderr starting %q", status, out.String(), errb.String(), want)
	}
	errb.Reset()
	if status := run([]string{"missing.py"}, &out, &errb); status != 2 || errb.String() != "minipy: can't open file '"+filepath.Join(dir, "missing.py")+"': [Errno 2] No such file or directory\n" {
		t.Errorf("missing file: status %d, stderr %q", status, errb.String())
	}
}
