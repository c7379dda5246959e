package interp

import (
	"bytes"
	"strings"
	"testing"
)

// TestAtexitAfterTheTraceback checks the end of a run: the uncaught
// exception's traceback comes first, then atexit's functions, last
// registered first; one that raises is reported and the others still run.
func TestAtexitAfterTheTraceback(t *testing.T) {
	src := "import atexit\n" +
		"atexit.register(print, 'first registered')\n" +
		"@atexit.register\n" +
		"def boom():\n" +
		"    raise ValueError('in exit')\n" +
		"atexit.register(print, 'last registered')\n" +
		"raise KeyError('main')\n"
	var out, errb bytes.Buffer
	if s := Run("t.py", []byte(src), &out, &errb); s != 1 {
		t.Fatalf("status %d, want 1", s)
	}
	if want := "last registered\nfirst registered\n"; out.String() != want {
		t.Errorf("stdout %q, want %q", out.String(), want)
	}
	e := errb.String()
	main := strings.Index(e, "KeyError: 'main'")
	cb := strings.Index(e, "Exception ignored in atexit callback <function boom at ")
	if main < 0 || cb < main || !strings.HasSuffix(e, "ValueError: in exit\n") {
		t.Errorf("stderr:\n%s", e)
	}
}
