package interp

import (
	"bytes"
	"strings"
	"testing"
)

// TestInput: input() writes its prompt to stdout and reads a line of
// Config.Stdin without its newline; at the end of input it raises
// EOFError, as with no stdin at all.
func TestInput(t *testing.T) {
	src := []byte(`name = input("name? ")
print("hi", name)
print(repr(input()))
try:
    input("more? ")
except EOFError as e:
    print("EOF:", e)
`)
	cases := []struct {
		stdin, want string
	}{
		{"Ada\nx y\r\n", "name? hi Ada\n'x y'\nmore? EOF: EOF when reading a line\n"},
		{"Bob\nlast", "name? hi Bob\n'last'\nmore? EOF: EOF when reading a line\n"},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		status := RunWith(Config{Stdin: strings.NewReader(c.stdin)}, "in.py", src, nil, &out, &errb)
		if status != 0 || out.String() != c.want {
			t.Errorf("stdin %q: status %d, stdout %q, want %q (stderr %q)", c.stdin, status, out.String(), c.want, errb.String())
		}
	}
	var out, errb bytes.Buffer
	if status := Run("in.py", []byte("input('p> ')\n"), &out, &errb); status != 1 || out.String() != "p> " || !strings.HasSuffix(errb.String(), "EOFError: EOF when reading a line\n") {
		t.Errorf("no stdin: status %d, stdout %q, stderr %q", status, out.String(), errb.String())
	}
}
