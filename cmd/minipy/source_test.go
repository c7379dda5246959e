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

// TestCommandLine: --version and -V, unknown options in python3's words,
// a script named like a subcommand, and a program read from standard
// input with -.
func TestCommandLine(t *testing.T) {
	for _, c := range []struct {
		args           []string
		status         int
		stdout, stderr string
	}{
		{[]string{"--version"}, 0, "Python 3.14 compatible minipy " + version + "\n", ""},
		{[]string{"-V"}, 0, "Python 3.14 compatible minipy " + version + "\n", ""},
		{[]string{"--bogus", "x.py"}, 2, "", "minipy: unknown option --bogus\nTry 'minipy --help' for more information\n"},
		{[]string{"-q"}, 2, "", "minipy: unknown option -q\nTry 'minipy --help' for more information\n"},
	} {
		var out, errb bytes.Buffer
		if status := run(c.args, &out, &errb); status != c.status || out.String() != c.stdout || errb.String() != c.stderr {
			t.Errorf("%v: status %d, stdout %q, stderr %q; want %d, %q, %q", c.args, status, out.String(), errb.String(), c.status, c.stdout, c.stderr)
		}
	}

	dir := t.TempDir()
	t.Chdir(dir)
	for _, name := range []string{"help", "dis"} {
		if err := os.WriteFile(name, []byte("print('script "+name+"')\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		if status := run([]string{name}, &out, &errb); status != 0 || out.String() != "script "+name+"\n" {
			t.Errorf("a script named %s: status %d, stdout %q, stderr %q", name, status, out.String(), errb.String())
		}
	}

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = saved }()
	go func() {
		w.Write([]byte("import sys\nprint('from stdin', sys.argv)\n"))
		w.Close()
	}()
	var out, errb bytes.Buffer
	if status := run([]string{"-", "a"}, &out, &errb); status != 0 || out.String() != "from stdin ['-', 'a']\n" {
		t.Errorf("minipy - a: status %d, stdout %q, stderr %q", status, out.String(), errb.String())
	}
}
