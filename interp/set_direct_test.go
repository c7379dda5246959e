package interp

import "testing"

// TestSetDirect runs set() and set(x) as the dispatch loop makes them
// without a call (an empty set, a copy of a set or frozenset, tags and
// objects included) beside those it leaves to the call (a set subclass's
// instance, a non-iterable, two arguments); output as CPython 3.11 prints it.
func TestSetDirect(t *testing.T) {
	src := `s = {1, 2, 3}
t = set(s)
t.add(4)
print(sorted(s), sorted(t), set(), type(set()).__name__)
f = frozenset(["a", None, 2.5])
u = set(f)
u.add("b")
print(type(u).__name__, sorted(map(repr, u)), len(f))
e = set()
e.add(e.__class__.__name__)
print(e, set(e) == e, set(e) is e)
class S(set):
    pass
v = set(S([7]))
print(type(v).__name__, v)
try:
    set(1)
except TypeError as x:
    print(x)
try:
    set(s, s)
except TypeError as x:
    print(x)
`
	want := `[1, 2, 3] [1, 2, 3, 4] set() set
set ["'a'", "'b'", '2.5', 'None'] 3
{'set'} True False
set {7}
'int' object is not iterable
set expected at most 1 argument, got 2
`
	out, last, status := run(t, src)
	if status != 0 || out != want {
		t.Errorf("status %d, last stderr %q\ngot:\n%s\nwant:\n%s", status, last, out, want)
	}
}
