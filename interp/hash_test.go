package interp

import (
	"fmt"
	"strings"
	"testing"
)

// cpythonHashes are hash(eval(expr)) as CPython 3.11 prints them under
// PYTHONHASHSEED=0 (strs hash with SipHash-1-3 under a zero key then).
var cpythonHashes = []struct {
	expr string
	hash int64
}{
	{"0", 0},
	{"1", 1},
	{"-1", -2},
	{"-2", -2},
	{"2**61 - 2", 2305843009213693950},
	{"2**61 - 1", 0},
	{"2**61", 1},
	{"-2**61", -2},
	{"2**63 - 1", 3},
	{"-2**63", -4},
	{"2**64 + 5", 13},
	{"-(2**100) - 7", -549755813895},
	{"10**30", 465258685558744706},
	{"3**200", 424410663027747676},
	{"True", 1},
	{"False", 0},
	{"0.0", 0},
	{"-0.0", 0},
	{"0.5", 1152921504606846976},
	{"-2.5", -1152921504606846978},
	{"0.1", 230584300921369408},
	{"1e300", 1224995262755759164},
	{"-1e-300", -482449582752280463},
	{"1.5e16", 15000000000000000},
	{"2.0**70", 512},
	{"-2.0**80", -524288},
	{"float('inf')", 314159},
	{"float('-inf')", -314159},
	{"3.0", 3},
	{"1e-320", 33957085184},
	{"()", 5740354900026072187},
	{"(1,)", -6644214454873602895},
	{"(1, 2)", -3550055125485641917},
	{"((1, 2), 3.5, 'x')", -6580648549713461015},
	{"(-1, -2)", 960947337673586213},
	// Ints at the edges of xxLanes's inline hash (|x| < 2**61-1).
	{"(2**61 - 2, -(2**61 - 2), 2**61 - 1, -(2**61 - 1))", -4877782882737113074},
	{"(2**63 - 1, -2**63, -1, -2)", -4795639619222653104},
	{"(0.5, 10**20)", -900656210297944731},
	{"('a', 1)", 6955645834154447545},
	{"''", 0},
	{"'a'", 4644417185603328019},
	{"'abc'", -4594863902769663758},
	{"'hello world!'", 839851713330019024},
	{"'12345678'", 3785724242978802311},
	{"'123456789abcdefg'", 3105980532391489575},
	{"'héllo'", 6395329678795984700},
	{"'ÿ'", 3476900567878811119},
	{"'日本語'", 7116994712188270},
	{"'emoji 😀'", 6806584050795855365},
	{"'x' * 100", 1359644457043326220},
	{"range(5)", 5795932985296280846},
	{"range(1, 10, 3)", -9160968616009628824},
	{"range(2, 9, 2)", 4819457852774216287},
	// CPython 3.12+ hashes None to a constant (3.11 by address), and a
	// range as the tuple (len, start or None, step or None).
	{"None", 0xFCA86420},
	{"range(3, 4) == range(3, 4, 7) and hash(range(3, 4)) == hash((1, 3, None))", 1},
	{"hash(range(0)) == hash(range(5, 5, 3)) == hash((0, None, None))", 1},
	// CPython 3.12+ hashes a slice with the tuple hash's lanes over
	// (start, stop, step) and no length term (3.11 refuses): computed
	// with that formula from 3.11's hashes of the parts.
	{"slice(1, 2)", -2178470213028018262},
	{"slice(None)", 4032618106351268893},
	{"slice(-1, -1, -1)", -9003561552544638732},
	{"slice('a', 3, 3.5)", -8499187219666069891},
	{"slice(1.0, 2, None) == slice(True, 2) and hash(slice(1.0, 2)) == hash(slice(1, 2))", 1},
}

func TestHashesMatchCPython(t *testing.T) {
	var src strings.Builder
	for _, c := range cpythonHashes {
		fmt.Fprintf(&src, "print(hash(%s))\n", c.expr)
	}
	out, last, status := run(t, src.String())
	if status != 0 {
		t.Fatalf("status %d: %s", status, last)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(cpythonHashes) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(cpythonHashes), out)
	}
	for i, c := range cpythonHashes {
		if want := fmt.Sprint(c.hash); lines[i] != want {
			t.Errorf("hash(%s) = %s, want %s", c.expr, lines[i], want)
		}
	}
}

// TestEqualNumbersHashAlike checks the invariant dicts rely on: numbers
// that compare equal across types have one hash, and so are one key.
func TestEqualNumbersHashAlike(t *testing.T) {
	src := `pairs = [(1, 1.0), (1, True), (0, False), (0, -0.0), (2**53, 2.0**53), (-2**70, -2.0**70),
         (10**20, 1e20 if int(1e20) == 10**20 else 10**20), (2**61 - 1, 0), (-1, -2)]
for a, b in pairs:
    print(hash(a) == hash(b), a == b)
d = {1: 'int'}
d[1.0] = 'float'
d[True] = 'bool'
print(d, {2.0**64: 1}[2**64], {(1, 2.0): 'x'}[(1.0, 2)], len({0, 0.0, False, -0.0}))
`
	want := "True True\nTrue True\nTrue True\nTrue True\nTrue True\nTrue True\nTrue True\nTrue False\nTrue False\n{1: 'bool'} 1 x 1\n"
	if out, last, _ := run(t, src); out != want {
		t.Errorf("got %q (%s), want %q", out, last, want)
	}
}

// TestSlicesCompareAsTuples: slices are equal, ordered and dict keys as
// the tuples (start, stop, step), as in CPython 3.12+.
func TestSlicesCompareAsTuples(t *testing.T) {
	src := `a, b = slice(1, 2), slice(1, 2)
print(a == b, a != b, a is b, slice(1, 2) != slice(1, 3), slice(None) == slice(None, None, None))
print(slice(1, 2) < slice(1, 3), slice(1, 2, 3) <= slice(1, 2, 3), slice(2) > slice(1), slice(0, 5) >= slice(0, 6))
print(slice(1, 2) == (1, 2, None), slice(1.0, 2) == slice(1, 2))
d = {slice(1, 2): 'x', slice(None, 5): 'y'}
print(d[slice(1, 2)], d[slice(None, 5)], slice(1, 2) in {slice(1, 2)}, slice(1, 3) in {slice(1, 2)})
for bad in (lambda: hash(slice([1], 2)), lambda: slice(1, 2) < slice('a', 2), lambda: slice(1, 2) < (1, 2, 3)):
    try:
        bad()
    except TypeError as e:
        print(e)
`
	want := `True False False True True
True True True False
False True
x y True False
unhashable type: 'list'
'<' not supported between instances of 'int' and 'str'
'<' not supported between instances of 'slice' and 'tuple'
`
	if out, last, _ := run(t, src); out != want {
		t.Errorf("got %q (%s), want %q", out, last, want)
	}
}

// TestPyIntHash checks int hashes on both sides of the modulus 2**61-1,
// where the one-compare path for small non-negative ints ends, against
// CPython's.
func TestPyIntHash(t *testing.T) {
	for _, c := range []struct{ x, h int64 }{
		{0, 0}, {1, 1}, {1<<61 - 2, 1<<61 - 2}, {1<<61 - 1, 0}, {1 << 61, 1},
		{1 << 62, 2}, {1<<63 - 1, 3}, {-1, -2}, {-2, -2}, {-(1<<61 - 1), 0},
		{-(1 << 61), -2}, {-1 << 63, -4},
	} {
		if got := pyIntHash(c.x); got != c.h {
			t.Errorf("pyIntHash(%d) = %d, want %d", c.x, got, c.h)
		}
	}
}
