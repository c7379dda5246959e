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

// TestThreadImports: threads importing modules built on first import at
// once, and asking isinstance of a list subclass, agree with one another;
// run under -race by CI (TestThread*). (Classes are made and instantiated
// on the main thread only: Class.subclasses and Class.nattrs are not
// guarded yet.)
func TestThreadImports(t *testing.T) {
	src := []byte(`import threading
class L(list):
    pass
shared = L([5])
out = []
def work(i):
    import heapq, bisect, textwrap, operator
    h = []
    for x in [3, 1, 2]:
        heapq.heappush(h, x + i)
    out.append((i, heapq.heappop(h), bisect.bisect([1, 2, 3], i), operator.add(i, 1), isinstance(shared, list), type(print) is type(len)))
ts = [threading.Thread(target=work, args=(i,)) for i in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out))
`)
	want := "[(0, 1, 0, 1, True, True), (1, 2, 1, 2, True, True), (2, 3, 2, 3, True, True), (3, 4, 3, 4, True, True), (4, 5, 3, 5, True, True), (5, 6, 3, 6, True, True)]\n"
	var out, errb bytes.Buffer
	if status := Run("th.py", src, &out, &errb); status != 0 || out.String() != want {
		t.Errorf("status %d, stdout %q, want %q (stderr %q)", status, out.String(), want, errb.String())
	}
}

// TestThreadMemoryview: threads writing and slicing one memoryview of a
// bytearray at once; a view locks as its bytearray does (run under -race
// by CI, TestThread*).
func TestThreadMemoryview(t *testing.T) {
	src := []byte(`import threading
ba = bytearray(1000)
m = memoryview(ba)
def w(k):
    for i in range(500):
        m[(i * 7 + k) % 1000] = (i + k) % 256
        _ = m[10:20].tobytes()
        ba[(i * 3) % 1000] = 1
ts = [threading.Thread(target=w, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(m), m.nbytes, m.obj is ba)
`)
	var out, errb bytes.Buffer
	if status := Run("mv.py", src, &out, &errb); status != 0 || out.String() != "1000 1000 True\n" {
		t.Errorf("status %d, stdout %q (stderr %q)", status, out.String(), errb.String())
	}
}
