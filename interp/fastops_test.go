package interp

import (
	"math"
	"testing"
)

// TestIntBitOps runs &, |, ^ and << over ints at the edges of the int64
// fast paths (the dispatch loop's) and past them, and bools, whose &, |, ^
// stay bools; output as CPython 3.11 prints it.
func TestIntBitOps(t *testing.T) {
	out, last, status := run(t, bitOpsSrc)
	if status != 0 || out != bitOpsWant {
		t.Errorf("status %d, last stderr %q\ngot:\n%s\nwant:\n%s", status, last, out, bitOpsWant)
	}
}

const bitOpsSrc = `vals = [0, 1, -1, 5, -5, 3, 2**62, -2**62, 2**63 - 1, -2**63, 0x7FFFFFFF, 12345678901]
out = []
for x in vals:
    for y in vals:
        out.append((x & y, x | y, x ^ y))
    for s in [0, 1, 2, 31, 32, 61, 62, 63, 64, 100]:
        out.append(x << s)
print(hash(tuple(out)) if False else sum(hash(o) for o in out) % 1000003, len(out))
print(out[:20])
print(True & True, True | False, True ^ True, 1 << True, 3 & True)
try:
    print(1 << -1)
except ValueError as e:
    print(e)
`

const bitOpsWant = `935946 264
[(0, 0, 0), (0, 1, 1), (0, -1, -1), (0, 5, 5), (0, -5, -5), (0, 3, 3), (0, 4611686018427387904, 4611686018427387904), (0, -4611686018427387904, -4611686018427387904), (0, 9223372036854775807, 9223372036854775807), (0, -9223372036854775808, -9223372036854775808), (0, 2147483647, 2147483647), (0, 12345678901, 12345678901), 0, 0, 0, 0, 0, 0, 0, 0]
True True False 2 1
negative shift count
`

// TestStripCharsCache alternates the characters given to strip, lstrip and
// rstrip (the VM keeps the last set); output as CPython 3.11 prints it.
func TestStripCharsCache(t *testing.T) {
	out, last, status := run(t, stripSrc)
	if status != 0 || out != stripWant {
		t.Errorf("status %d, last stderr %q\ngot:\n%s\nwant:\n%s", status, last, out, stripWant)
	}
}

const stripSrc = `a, b = ",.", "ab"
out = []
for i in range(6):
    c = a if i % 3 else b
    out.append((",.ab..,".strip(c), "ab,x,ba".lstrip(c), "ab,x,ba".rstrip(c), ".a.".strip(a + "x")))
print(out)
print("xxhixx".strip("x"), "xxhixx".strip("h"), "  hi ".strip(), "yyhiyy".strip("y"))
`

const stripWant = `[(',.ab..,', ',x,ba', 'ab,x,', 'a'), ('ab', 'ab,x,ba', 'ab,x,ba', 'a'), ('ab', 'ab,x,ba', 'ab,x,ba', 'a'), (',.ab..,', ',x,ba', 'ab,x,', 'a'), ('ab', 'ab,x,ba', 'ab,x,ba', 'a'), ('ab', 'ab,x,ba', 'ab,x,ba', 'a')]
hi xxhixx hi hi
`

// TestLenAndCharFastPaths runs len() and str indexing, which CALL and
// GET_ITEM do themselves for the built-in containers and ASCII strs, over
// those, their subclasses with a __len__ of their own, non-ASCII strs and
// indexes out of range; output as CPython 3.11 prints it.
func TestLenAndCharFastPaths(t *testing.T) {
	out, last, status := run(t, lenSrc)
	if status != 0 || out != lenWant {
		t.Errorf("status %d, last stderr %q\ngot:\n%s\nwant:\n%s", status, last, out, lenWant)
	}
}

const lenSrc = `from collections import deque
class L(list):
    def __len__(self):
        return 42
class S(str):
    def __len__(self):
        return 7
class D(dict):
    def __len__(self):
        return 9
class C:
    def __len__(self):
        return 3
s = "héllo"
for x in ["abc", "", s, [1, 2], (1,), {1: 2}, {3}, frozenset([1, 2]), deque([1, 2, 3]), L([1]), S("ab"), D(a=1), C(), range(5), b"xy"]:
    print(len(x), x[0] if isinstance(x, str) and x else "-", x[-1] if isinstance(x, str) and x else "-")
try:
    len(5)
except TypeError as e:
    print(e)
t = "abc"
for i in range(-3, 3):
    print(t[i], end=" ")
print()
try:
    t[3]
except IndexError as e:
    print(e)
try:
    s[9]
except IndexError as e:
    print(e)
print(s[1], s[-4])
`

const lenWant = `3 a c
0 - -
5 h o
2 - -
1 - -
1 - -
1 - -
2 - -
3 - -
42 - -
7 a b
9 - -
3 - -
5 - -
2 - -
object of type 'int' has no len()
a b c a b c 
string index out of range
string index out of range
é é
`

// TestLoadCellFastPath reads closures' variables, which LOAD_CELL takes
// straight from their cells, as they change and before they are bound;
// output as CPython 3.11 prints it.
func TestLoadCellFastPath(t *testing.T) {
	out, last, status := run(t, cellSrc)
	if status != 0 || out != cellWant {
		t.Errorf("status %d, last stderr %q\ngot:\n%s\nwant:\n%s", status, last, out, cellWant)
	}
}

const cellSrc = `def outer():
    p = (3, 1, 4)
    n = 3
    def inner(k):
        return p[k % n] + n
    out = [inner(k) for k in range(4)]
    n = 2
    out.append(inner(5))
    p = None
    try:
        inner(1)
    except TypeError as e:
        out.append(type(e).__name__)
    print(out, sum(x * n for x in range(4)), [y for y in [(lambda: n)()] for _ in range(2)])
outer()
def unbound():
    def f():
        return x
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
    x = 1
    print(f())
unbound()
`

const cellWant = `[6, 4, 7, 6, 3, 'TypeError'] 12 [2, 2]
NameError cannot access free variable 'x' where it is not associated with a value in enclosing scope
1
`

// TestComparisonTruth checks cmpTruth, which the dispatch loop's compares
// and compare-and-jumps read, against Go's own comparisons of ints and of
// floats, NaNs and signed zeros among them.
func TestComparisonTruth(t *testing.T) {
	ints := []int64{math.MinInt64, -3, -1, 0, 1, 3, math.MaxInt64}
	floats := []float64{math.Inf(-1), -2.5, math.Copysign(0, -1), 0, 1e-300, 2.5, math.Inf(1), math.NaN()}
	ops := []struct {
		op   Op
		ints func(a, b int64) bool
		flts func(a, b float64) bool
	}{
		{opLt, func(a, b int64) bool { return a < b }, func(a, b float64) bool { return a < b }},
		{opLe, func(a, b int64) bool { return a <= b }, func(a, b float64) bool { return a <= b }},
		{opGt, func(a, b int64) bool { return a > b }, func(a, b float64) bool { return a > b }},
		{opGe, func(a, b int64) bool { return a >= b }, func(a, b float64) bool { return a >= b }},
		{opEq, func(a, b int64) bool { return a == b }, func(a, b float64) bool { return a == b }},
		{opNe, func(a, b int64) bool { return a != b }, func(a, b float64) bool { return a != b }},
	}
	for _, o := range ops {
		for _, a := range ints {
			for _, b := range ints {
				if got, want := holds(o.op, b2u(a == b)+b2u(a > b)*2), o.ints(a, b); got != want {
					t.Errorf("%v of ints %d, %d: got %v, want %v", o.op, a, b, got, want)
				}
				if got, want := answer(cmpAnswers(o.op), b2u(a == b)+b2u(a > b)*2), o.ints(a, b); got != want {
					t.Errorf("%v of ints %d, %d from its answers: got %v, want %v", o.op, a, b, got, want)
				}
			}
		}
		for _, a := range floats {
			for _, b := range floats {
				if got, want := holds(o.op, b2u(a == b)+b2u(a > b)*2+b2u(a != a || b != b)*3), o.flts(a, b); got != want {
					t.Errorf("%v of floats %v, %v: got %v, want %v", o.op, a, b, got, want)
				}
				if got, want := answer(cmpAnswers(o.op), b2u(a == b)+b2u(a > b)*2+b2u(a != a || b != b)*3), o.flts(a, b); got != want {
					t.Errorf("%v of floats %v, %v from its answers: got %v, want %v", o.op, a, b, got, want)
				}
			}
		}
	}
}
