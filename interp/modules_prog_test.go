package interp

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestProgramModuleTracebacks checks whole tracebacks through the program's
// own modules (the corpus compares only their last line): each frame names
// its module's file, line and source text, as CPython's do. DIR stands for
// the program's directory.
func TestProgramModuleTracebacks(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"call", map[string]string{
			"main.py":   "import helper\nhelper.boom(1)\n",
			"helper.py": "def boom(n):\n    if n > 0:\n        return boom(n - 1)\n    return {}[\"key\"]\n",
		}, `Traceback (most recent call last):
  File "DIR/main.py", line 2, in <module>
    helper.boom(1)
    ~~~~~~~~~~~^^^
  File "DIR/helper.py", line 3, in boom
    return boom(n - 1)
  File "DIR/helper.py", line 4, in boom
    return {}["key"]
           ~~^^^^^^^
KeyError: 'key'
`},
		{"module code", map[string]string{
			"main.py":         "from pkg import mod\n",
			"pkg/__init__.py": "",
			"pkg/mod.py":      "from .util import half\nX = half(0)\n",
			"pkg/util.py":     "def half(n):\n    return 1 / n\n",
		}, `Traceback (most recent call last):
  File "DIR/main.py", line 1, in <module>
    from pkg import mod
  File "DIR/pkg/mod.py", line 2, in <module>
    X = half(0)
  File "DIR/pkg/util.py", line 2, in half
    return 1 / n
           ~~^~~
ZeroDivisionError: division by zero
`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, src := range c.files {
				path := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var out, errb bytes.Buffer
			script := filepath.Join(dir, "main.py")
			if status := Run(script, []byte(c.files["main.py"]), &out, &errb); status != 1 {
				t.Fatalf("status %d, want 1 (stdout %q)", status, out.String())
			}
			if got := strings.ReplaceAll(errb.String(), dir, "DIR"); got != c.want {
				t.Errorf("stderr:\ngot  %q\nwant %q", got, c.want)
			}
		})
	}
}

// TestPythonPathModules checks that PYTHONPATH's directories are sys.path
// at start and that the program's modules are found there, after the
// script's directory, as CPython does.
func TestPythonPathModules(t *testing.T) {
	dir, lib, other := t.TempDir(), t.TempDir(), t.TempDir()
	write := func(path, src string) {
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(lib, "onpath.py"), "WHERE = 'lib'\n")
	write(filepath.Join(lib, "both.py"), "WHERE = 'lib'\n")
	write(filepath.Join(dir, "both.py"), "WHERE = 'script dir'\n")
	main := "import sys, onpath, both\nprint(onpath.WHERE, both.WHERE, sys.path == [LIB, OTHER])\n"
	main = strings.ReplaceAll(strings.ReplaceAll(main, "LIB", strconv.Quote(lib)), "OTHER", strconv.Quote(other))
	t.Setenv("PYTHONPATH", lib+string(os.PathListSeparator)+other)
	var out, errb bytes.Buffer
	if status := Run(filepath.Join(dir, "main.py"), []byte(main), &out, &errb); status != 0 {
		t.Fatalf("status %d: %s", status, errb.String())
	}
	if got, want := out.String(), "lib script dir True\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
