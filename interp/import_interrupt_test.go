package interp

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// An exception that says nothing about a library module, raised while
// its Python code loads (here Ctrl-C), is what the import raises: not a
// report of minipy's own bug, and the module is not cached half-built.
func TestLibraryLoadInterrupted(t *testing.T) {
	for _, mod := range []string{"argparse", "datetime"} {
		intr := make(chan os.Signal, 1)
		intr <- os.Interrupt
		var out, errb bytes.Buffer
		src := "import " + mod + "\nprint('after')\n"
		s := RunWith(Config{Interrupts: intr}, "f.py", []byte(src), nil, &out, &errb)
		if strings.Contains(errb.String(), "internal error") || s != 130 || !strings.Contains(errb.String(), "KeyboardInterrupt") {
			t.Errorf("import %s interrupted: status %d, stderr %q", mod, s, errb.String())
		}
	}
	// Caught, the next import loads the module whole.
	intr := make(chan os.Signal, 1)
	intr <- os.Interrupt
	var out, errb bytes.Buffer
	src := "try:\n    import argparse\nexcept KeyboardInterrupt:\n    print('interrupted')\nimport argparse\nprint(argparse.ArgumentParser(prog='p').format_usage(), end='')\n"
	if s := RunWith(Config{Interrupts: intr}, "f.py", []byte(src), nil, &out, &errb); s != 0 || out.String() != "interrupted\nusage: p [-h]\n" {
		t.Errorf("status %d, stdout %q, stderr %q", s, out.String(), errb.String())
	}
}
