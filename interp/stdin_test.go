package interp

import (
	"bytes"
	"strings"
	"testing"
)

// TestStdin reads sys.stdin every way, mixed with input(); the expected
// output is CPython's for the same input.
func TestStdin(t *testing.T) {
	src := `import sys
first = sys.stdin.readline()
print(repr(first))
print(repr(sys.stdin.readline(3)))
print(repr(input()))
n = 0
for line in sys.stdin:
    n += 1
    print(n, repr(line))
    if n == 2:
        break
print(sys.stdin.readlines())
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
print(sys.stdin.name)
`
	in := "alpha\nbeta gamma\ndelta\ne1\ne2\ne3\ne4"
	want := `'alpha\n'
'bet'
'a gamma'
1 'delta\n'
2 'e1\n'
['e2\n', 'e3\n', 'e4']
'' ''
<stdin>
`
	var out, errb bytes.Buffer
	cfg := Config{Stdin: strings.NewReader(in)}
	if status := RunWith(cfg, "si.py", []byte(src), nil, &out, &errb); status != 0 {
		t.Fatalf("status %d: %s", status, errb.String())
	}
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}
