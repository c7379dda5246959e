package interp

import (
	"bytes"
	"testing"
)

// TestWarningsNameTheCaller checks what warnings print on stderr: the
// file and line stacklevel frames up from warn() and that line's source,
// once per place under the default filter, and "<sys>:0" past the stack.
func TestWarningsNameTheCaller(t *testing.T) {
	src := "import warnings\n" +
		"def old():\n" +
		"    warnings.warn('old is deprecated', DeprecationWarning, stacklevel=2)\n" +
		"def use():\n" +
		"    old()\n" +
		"for i in range(3):\n" +
		"    use()\n" +
		"warnings.warn('far', stacklevel=99)\n"
	want := "t.py:5: DeprecationWarning: old is deprecated\n" +
		"  old()\n" +
		"<sys>:0: UserWarning: far\n"
	var out, errb bytes.Buffer
	if s := Run("t.py", []byte(src), &out, &errb); s != 0 {
		t.Fatalf("status %d, stderr %q", s, errb.String())
	}
	if errb.String() != want {
		t.Errorf("stderr:\ngot  %q\nwant %q", errb.String(), want)
	}
}
