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
