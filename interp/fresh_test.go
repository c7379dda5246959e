package interp

import (
	"runtime/metrics"
	"slices"
	"strings"
	"testing"

	"github.com/copypatch/copypatch/templates"
)

// TestFreshMarks checks which consumers the compiler marks as taking a
// temporary list that dies there (fresh.go): only a slice, a +, a * or a
// list display (no starred items) evaluated straight into the operand's
// temporary.
func TestFreshMarks(t *testing.T) {
	cases := []struct {
		src  string
		op   Op
		want int32
	}{
		{"def f(a, k):\n    return a[k:] + a[:k]\n", opAdd, freshB | freshC},
		{"def f(a, k):\n    return a + a[:k]\n", opAdd, freshC},
		{"def f(a, k):\n    return [k] + [0] * k\n", opAdd, freshB | freshC | freshIntC},
		{"def f(a, k):\n    return (a * k)[1:]\n", opGetSlice, freshB},
		{"def f(a, k):\n    return (a + a) + a\n", opAdd, freshB | freshIntB},
		{"def f(a, k):\n    return (a * k - a) * (k + 1)\n", opMul, freshIntB | freshIntC},
		{"def f(a, k):\n    return a * (k << 2) // k\n", opFloorDiv, freshIntB},
		{"def f(a, k):\n    return a * k + k\n", opAdd, freshB | freshIntB},
		{"def f(a, k):\n    return (a / k) * (-k)\n", opMul, 0},
		{"def f(a, k):\n    return (s := a * k) + a\n", opAdd, 0},
		{"def f(a, k):\n    a += a * k\n", opAdd, 0},
		{"def f(a, k):\n    return (s := a[1:]) + a\n", opAdd, 0},
		{"def f(a, k):\n    return (a[1:] if k else a) + a\n", opAdd, 0},
		{"def f(a, k):\n    a += a[1:]\n", opAdd, 0},
		{"def f(a, k):\n    return a[:k][::-1]\n", opGetSlice, freshB},
		{"def f(a, k):\n    return a[::-1]\n", opGetSlice, 0},
		{"def f(a, k):\n    a[1:3] = a[k:][::-1]\n", opSetSlice, freshC},
		{"def f(a, k):\n    a[1:3] = k\n", opSetSlice, 0},
		{"def f(a, k):\n    a[1:3] = k[0] = a[1:]\n", opSetSlice, 0},
		{"def f(a, k):\n    return [k] + a\n", opAdd, freshB},
		{"def f(a, k):\n    return a + [k, k]\n", opAdd, freshC},
		{"def f(a, k):\n    return [*a] + a\n", opAdd, 0},
	}
	for _, tc := range cases {
		var got []int32
		for _, in := range firstFunc(t, tc.src).instrs {
			if in.Op == tc.op {
				got = append(got, in.E&^privIntA) // (private_int_test.go)
			}
		}
		// The last one is the consumer the case is about.
		if len(got) == 0 || got[len(got)-1] != tc.want {
			t.Errorf("%q: %s marks %v, want last %d", tc.src, opInfo[tc.op].name, got, tc.want)
		}
	}
}

// TestFreshPool checks the pool's choice: an array that fits, never one
// too small, and none of a class far above.
func TestFreshPool(t *testing.T) {
	var p listPool
	p.put(make([]templates.Value, 100))
	if a := p.take(200); a != nil {
		t.Fatalf("took cap %d for 200", cap(a))
	}
	if a := p.take(90); len(a) != 90 || cap(a) != 100 {
		t.Fatalf("took len %d cap %d for 90", len(a), cap(a))
	}
	if a := p.take(90); a != nil {
		t.Fatal("took an array twice")
	}
	p.put(make([]templates.Value, 130)) // class 7
	if a := p.take(40); a != nil {
		t.Fatalf("took cap %d for 40", cap(a))
	}
	if a := p.take(64); len(a) != 64 || cap(a) != 130 {
		t.Fatalf("took len %d cap %d for 64", len(a), cap(a))
	}
	for range poolDepth + 2 {
		p.put(make([]templates.Value, 20))
	}
	if p.nv[4] != poolDepth {
		t.Fatalf("class 4 holds %d", p.nv[4])
	}
	// Big arrays: one a class, poolBigMax bytes in all, given back as
	// they are taken.
	big := 1 << poolBig
	p.put(make([]templates.Value, big))
	p.put(make([]templates.Value, big+1))
	if p.nv[poolBig] != 1 || p.big != uint64(big)*templates.SlotSize {
		t.Fatalf("class %d holds %d, %d bytes", poolBig, p.nv[poolBig], p.big)
	}
	over := int(poolBigMax/templates.SlotSize) - big + 1
	p.put(make([]templates.Value, over))
	if p.big > poolBigMax {
		t.Fatalf("the pool holds %d bytes of big arrays", p.big)
	}
	if a := p.take(big - 5); len(a) != big-5 || p.big != 0 {
		t.Fatalf("took len %d; %d bytes left", len(a), p.big)
	}
	p.put(make([]templates.Value, over))
	if p.big != uint64(over)*templates.SlotSize {
		t.Fatalf("the pool holds %d bytes, want %d", p.big, over*templates.SlotSize)
	}
}

// TestFreshLists runs lists that escape from where a consumer would
// recycle them (walrus, __getitem__/__add__/__radd__/__setitem__ keeping
// them, a yield or an exception between producer and consumer, a
// comprehension storing into a slice) and lists recycled and reused in a
// loop; output as CPython 3.11 prints it.
func TestFreshLists(t *testing.T) {
	for i, p := range []struct{ src, want string }{{freshSrc, freshWant}, {freshSrc2, freshWant2}, {freshSrc3, freshWant3}} {
		out, last, status := run(t, p.src)
		if status != 0 || out != p.want {
			t.Errorf("program %d: status %d, last stderr %q\ngot:\n%s\nwant:\n%s", i, status, last, out, p.want)
		}
	}
}

const freshSrc = `a = list(range(10))
b = [100, 101]
x = (s := a[2:5]) + b
print(x, s)
class Keep:
    def __init__(self):
        self.kept = a[1:4]
    def __getitem__(self, i):
        return self.kept
    def __add__(self, o):
        self.sum = r = self.kept + o
        return r
    def __radd__(self, o):
        self.rsum = r = o + self.kept
        return r
k = Keep()
y = k[0:1] + b
print(y, k.kept)
z = (k + b) + b
print(z, k.sum)
w = a[:2] + k
print(w, k.rsum)
class Store:
    def __setitem__(self, i, v):
        self.v = v
st = Store()
st[1:2] = a[::-1]
print(st.v)
t = a[:]
t[2:4] = a[7:9][::-1]
print(t)
print(a[:2] + a[2:] + a[:1], a[:5][::-1] + a[5:], (a + b)[3:6])
def gen():
    r = a[1:3] + (yield 1)
    yield r
g = gen()
print(next(g), g.send([7]))
def boom():
    raise ValueError("x")
try:
    q = a[1:3] + boom()
except ValueError:
    pass
m = a[1:3]
print(m + a[1:3], m)
out = []
for i in range(5):
    u = a[i:] + a[:i]
    out.append(u)
print(out[0], out[4], [len(o) for o in out])
seen = []
v = [0 for seen[0:0] in [[a[1:2]], [a[3:5]]]][0:1]
print(seen, v)
p = a[:]
p[1:3] = p[0:2] + p[5:9]
print(p)
nested = [a[1:3]] + [a[4:6]]
print(nested)
big = list(range(300))
acc = []
for r in range(50):
    big = big[7:] + big[:7]
    acc.append(big[:3] + big[-2:])
print(acc[0], acc[-1], big[:5], sum(sum(x) for x in acc))
objs = [str(i) for i in range(40)]
for r in range(20):
    objs = objs[3:] + objs[:3]
    objs[::2] = objs[1::2][::-1] + objs[:0]
print(objs[:6])
`

const freshWant = `[2, 3, 4, 100, 101] [2, 3, 4]
[1, 2, 3, 100, 101] [1, 2, 3]
[1, 2, 3, 100, 101, 100, 101] [1, 2, 3, 100, 101]
[0, 1, 1, 2, 3] [0, 1, 1, 2, 3]
[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
[0, 1, 8, 7, 4, 5, 6, 7, 8, 9]
[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0] [4, 3, 2, 1, 0, 5, 6, 7, 8, 9] [3, 4, 5]
1 [1, 2, 7]
[1, 2, 1, 2] [1, 2]
[0, 1, 2, 3, 4, 5, 6, 7, 8, 9] [4, 5, 6, 7, 8, 9, 0, 1, 2, 3] [10, 10, 10, 10, 10]
[[3, 4], [1]] [0]
[0, 0, 1, 5, 6, 7, 8, 3, 4, 5, 6, 7, 8, 9]
[[1, 2], [4, 5]]
[7, 8, 9, 5, 6] [50, 51, 52, 48, 49] [50, 51, 52, 53, 54] 32925
['0', '38', '2', '36', '4', '34']
`

const freshSrc2 = `a = list(range(10))
class L(list):
    def __getitem__(self, i):
        return keep
keep = a[2:4]
l = L([1, 2, 3])
r = l[0:2] + a[:1]
print(r, keep)
class M(list):
    pass
m = M([5, 6, 7])
print(m[1:] + a[:2], type(m[1:]).__name__, m + [1], type(m + [1]).__name__)
`

const freshWant2 = `[2, 3, 0] [2, 3]
[6, 7, 0, 1] list [5, 6, 7, 1] list
`

// freshSrc3 has list repeats as producers: rows made in a loop, int * list,
// bool and negative counts, lists of objects, a __mul__ handing back a
// list a slice made (noted, and kept), __index__ counts, slices and slice
// assignments of repeats, and errors.
const freshSrc3 = `a = list(range(6))
rows = []
for i in range(40):
    cur = [i] + [0] * 20
    cur[3] = i * 2
    rows.append(cur)
print(rows[0], rows[39][:5], sum(map(sum, rows)))
print(2 * [1, 2] + [3], True * [4] + [5], [6] * False + [7], [8] * -3 + [9])
print(([0] * 12)[1:4], [[1]] * 2 + [[2]] * 2)
class Keep:
    def __init__(self):
        self.kept = a[1:3]
    def __rmul__(self, o):
        return self.kept
    def __mul__(self, o):
        return self.kept
k = Keep()
y = [1] + k * [2]
print(y, k.kept)
class Ix:
    def __index__(self):
        return 3
z = [0] + [1] * Ix()
print(z)
objs = [str(i) for i in range(3)]
o = [objs[0], None] * 2 + objs
print(o)
t = a[:]
t[1:3] = [9] * 4
print(t)
w = a[:]
w *= 2
print(w + [0] * 2)
s = "ab" * 3 + "c"
print(s, (1, 2) * 2 + (3,))
try:
    q = [1] * 2.0 + [1]
except TypeError as e:
    print(e)
try:
    q = [1] * (2 ** 70) + [1]
except OverflowError as e:
    print(e)
rep = [0] * 30
acc = 0
for r in range(30):
    row = [r] + rep * 1
    acc += row[0] + len(row)
    rep[r] = r
print(acc, rep[:5])
`

const freshWant3 = `[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] [39, 0, 0, 78, 0] 2340
[1, 2, 1, 2, 3] [4, 5] [7] [9]
[0, 0, 0] [[1], [1], [2], [2]]
[1, 1, 2] [1, 2]
[0, 1, 1, 1]
['0', None, '0', None, '0', '1', '2']
[0, 9, 9, 9, 9, 3, 4, 5]
[0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 0, 0]
abababc (1, 2, 1, 2, 3)
can't multiply sequence by non-int of type 'float'
cannot fit 'int' into an index-sized integer
1365 [0, 1, 2, 3, 4]
`

// TestPrivateMarks checks which locals the compiler finds private
// (fresh.go): the producers storing into local a carry privA only when
// every read of a indexes, slices, stores into, truth-tests or adds it.
func TestPrivateMarks(t *testing.T) {
	cases := []struct {
		body string
		want bool
	}{
		{"a = a[1:] + a[:1]\nx = a[0] + a[-1]\nif a:\n    a[0] = 1\na[1:2] = [3]\ndel a[0]\ndel a[1:2]\nreturn a[:]", true},
		{"a = a[1:]\nreturn a", false},
		{"a = a[1:]\nb = a", true},         // a pair: b holds the list, never gives it away
		{"a = a[1:]\nreturn len(a)", true}, // the built-in len keeps nothing (lenPrivArg)
		{"a = a[1:]\nreturn k(a)", false},
		{"a = a[1:]\nreturn len(a, k)", false},
		{"a = a[1:]\nfor x in a:\n    pass", false},
		{"a = a[1:]\na.append(1)", true}, // list.append keeps its argument only (fresh_build.go)
		{"a = a[1:]\na.append(a)", false},
		{"a = a[1:]\na.append(1, 2)", false},
		{"a = a[1:]\na.extend(k)", false},
		// [] is a producer; join on a str constant keeps nothing.
		{"a = []\na.append(k)\nreturn ' '.join(a)", true},
		{"a = []\nreturn k.join(a)", false},
		{"a = []\nreturn ' '.join(a, k)", false},
		{"a = []\nk.append(a)", false},
		{"a = []\na.append(k)\nreturn a", false},
		{"a = []\na.append(k if k else 0)", false}, // a jump between the move and the call
		// A repeat may pack the list (packed.go), which append cannot take.
		{"a = [True] * k\na.append(1)", false},
		{"b = a\na = [True] * k\nb.append(1)\nreturn a[0]", false},
		{"a = a[1:]\nreturn lambda: a", false},
		{"a = a[1:]\nreturn locals()", false},
		{"a = a[1:]\nreturn (a[0], a[1])", true},
		{"a = a[1:]\nreturn [a]", false},
		{"a = a[1:]\nk[0:1] = a", false},
		{"a = a[1:]\nk[0] = a", false},
		{"a = a[1:]\nyield a[0]", true},
		{"a = a[1:]\nyield a", false},
		{"a = a[1:]\nx, y = a", true}, // the items are copied out
		{"a = a[1:]\ndel a", false},
		// Moves between two locals make a pair, private together.
		{"b = a\na = a[1:]\nreturn a[0] + b[0]", true},
		{"b = a\na = a[1:]\nreturn b", false},
		{"b = a\nc = b\na = a[1:]\nreturn a[0]", false},
		{"b = a\na = b\na = a[1:]\nreturn a[0]", true},
		{"b = a\nc = a\na = a[1:]\nreturn a[0]", false},
		// A repeat is a producer too.
		{"a = [True] * k\nif a[1]:\n    a[2] = False\nreturn a[0]", true},
		{"a = [True] * k\nreturn a", false},
		{"a = [True] * k\nreturn sum(a)", false},
		// for x in reversed(a) keeps a private while the loop writes no a
		// (fresh_reversed.go).
		{"a = []\na.append(k)\nfor x in reversed(a):\n    k.append(x)", true},
		{"a = []\nfor x in reversed(a):\n    a.append(x)", true},
		{"a = []\nfor x in reversed(a):\n    a = []", false},
		{"a = []\nfor x in reversed(a):\n    for y in k:\n        a = k", false},
		{"a = []\nfor x in reversed(a):\n    break\nreturn a", false},
		{"a = []\nr = reversed(a)\nfor x in r:\n    pass", false},
		{"a = []\nb = a\nfor x in reversed(a):\n    pass\nreturn b[0]", false},
		{"a = [True] * k\nfor x in reversed(a):\n    pass", false},
		{"a = []\nfor x in reversed(a, k):\n    pass", false},
	}
	for _, tc := range cases {
		src := "def f(a, k):\n    " + strings.ReplaceAll(tc.body, "\n", "\n    ") + "\n"
		co := firstFunc(t, src)
		got, producers := true, 0
		for _, in := range co.instrs {
			if (in.Op == opGetSlice || in.Op == opAdd || in.Op == opMul || in.Op == opBuildList && in.C == 0) && in.A == 0 {
				producers++
				got = got && in.E&privA != 0
			}
		}
		if producers == 0 && !tc.want { // a cell: stored through a temporary
			continue
		}
		if producers == 0 || got != tc.want {
			t.Errorf("%q: a private %v (%d producers), want %v", tc.body, got, producers, tc.want)
		}
		// The list a private local holds dies at return (returnPrivate).
		if dies := slices.Contains(co.privDie, 0); dies != tc.want {
			t.Errorf("%q: privDie %v, want a in it %v", tc.body, co.privDie, tc.want)
		}
	}
}

// TestPrivateStarMarks checks the moves that store a starred unpacking's
// new list (privNew) or a tuple assignment's slice (privFresh) into local a
// (fresh.go): marked only when a is private.
func TestPrivateStarMarks(t *testing.T) {
	cases := []struct {
		body string
		want bool
	}{
		{"while a:\n    x, *a = a\nreturn x", true},
		{"while a:\n    *a, x = a\n    if a:\n        a[0] = x\nreturn a[0]", true},
		{"x, *a, y = a\nx, *a, y = a\nreturn a[1:]", true},
		{"while a:\n    x, *a = a\nreturn a", false},
		{"while a:\n    x, *a = a\n    k.append(a)", false},
		{"while a:\n    x, *a = a\n    b = a\n    c = a", false},
		{"while a:\n    x, *a = a\nreturn lambda: a", false},
		{"while a:\n    x, *a = a\nfor y in a:\n    pass", false},
		// A tuple assignment's stores of its slices (privFresh).
		{"while a:\n    a, b = a[1:], a[:1]\n    b[0] = len(a)", true},
		{"while a:\n    a, b = a[1:] + a[:1], a[2:]", true},
		{"while a:\n    a, b = a[1:], a[:1]\nreturn a", false},
		{"while a:\n    a, b = list(a[1:]), a[:1]", false},
	}
	for _, tc := range cases {
		src := "def f(a, k):\n    " + strings.ReplaceAll(tc.body, "\n", "\n    ") + "\n"
		co := firstFunc(t, src)
		moves, marked := 0, 0
		for _, in := range co.instrs {
			if in.Op == opMove && in.A == 0 && int(in.B) >= co.nlocals {
				moves++
				if in.E&(privNew|privFresh) != 0 && in.E&privA != 0 {
					marked++
				}
			}
		}
		if moves == 0 && !tc.want { // a cell: stored through a temporary
			continue
		}
		if moves == 0 || (marked == moves) != tc.want || (marked == 0) == tc.want {
			t.Errorf("%q: %d of %d moves marked, want marked %v", tc.body, marked, moves, tc.want)
		}
		if dies := slices.Contains(co.privDie, 0); dies != tc.want {
			t.Errorf("%q: privDie %v, want a in it %v", tc.body, co.privDie, tc.want)
		}
	}
}

// TestPrivateStarReuse checks that first, *rest = rest in a loop reuses
// the array rest dropped: consume in the slices benchmark made 82 MB of
// lists for 3000 items.
func TestPrivateStarReuse(t *testing.T) {
	src := "def consume(items):\n    t = 0\n    while items:\n        first, *items = items\n        t += first\n    return t\nprint(consume(list(range(3000))))\n"
	sample := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(sample)
	before := sample[0].Value.Uint64()
	out, last, status := run(t, src)
	metrics.Read(sample)
	allocated := sample[0].Value.Uint64() - before
	if status != 0 || out != "4498500\n" {
		t.Fatalf("status %d, %q, last stderr %q", status, out, last)
	}
	// 3000 lists of 16-byte slots, none reused: 72 MB.
	if allocated > 8<<20 {
		t.Errorf("allocated %d MB", allocated>>20)
	}
}

// TestPrivateLists runs private locals whose lists are recycled when
// overwritten, beside lists that escape them (an alias, a closure,
// locals(), an __radd__ keeping its operand, +=, a generator, a string
// and a repeated list in the same variable, frames reused by the next
// call, exec writing its locals back to a namespace); output as CPython
// 3.11 prints it.
func TestPrivateLists(t *testing.T) {
	out, last, status := run(t, privSrc)
	if status != 0 || out != privWant {
		t.Errorf("status %d, last stderr %q\ngot:\n%s\nwant:\n%s", status, last, out, privWant)
	}
}

const privSrc = `def rot(n, rounds):
    a = list(range(n))
    for r in range(rounds):
        k = (r * 7 + 3) % n
        a = a[k:] + a[:k]
        if a:
            a[0] = a[0] + 0
    return a[:5], a[-3:]
print(rot(50, 40))
def alias(n):
    a = list(range(n))
    keep = []
    for r in range(4):
        a = a[1:] + a[:1]
        b = a
        keep.append(b)
    return keep
print(alias(12))
def closure(n):
    a = list(range(n))
    for r in range(3):
        a = a[2:] + a[:2]
        f = lambda: a
        g = f()
    return g, f()
print(closure(12))
def loc(n):
    a = list(range(n))
    snaps = []
    for r in range(3):
        a = a[1:] + a[:1]
        snaps.append(locals()["a"])
    return snaps
print(loc(10))
class Keep:
    def __radd__(self, o):
        self.kept = o
        return o
def radd(n):
    a = list(range(n))
    k = Keep()
    for r in range(3):
        a = a[3:] + a[:3]
        a = a + k
    a = a[1:] + a[:1]
    a = a[1:] + a[:1]
    return k.kept, a[:]
print(radd(12))
def inplace(n):
    a = list(range(n))
    for r in range(3):
        a = a[1:] + a[:1]
        a += a[:2]
    a = a[2:] + a[:2]
    return a
print(inplace(10))
def helper(n):
    a = list(range(n))
    for r in range(5):
        a = a[4:] + a[:4]
    return a[:]
def other(n):
    b = list(range(100, 100 + n))
    for r in range(5):
        b = b[1:] + b[:1]
    return b[:3]
def caller():
    res = []
    for i in range(3):
        res.append(helper(20))
        res.append(other(20))
    return res
print(caller())
def seg(n, rounds):
    tour = list(range(n))
    out = []
    for r in range(rounds):
        i, j = r % n, (r * 7) % n
        if i > j:
            i, j = j, i
        segment = tour[i:j + 1]
        tour[i:j + 1] = segment[::-1]
        out.append(tour[i])
    return out[-5:], tour[:6]
print(seg(30, 200))
def gen(n):
    a = list(range(n))
    for r in range(4):
        a = a[1:] + a[:1]
        yield a[:3]
print(list(gen(9)))
def ret(n):
    a = list(range(n))
    res = []
    for r in range(3):
        a = a[1:] + a[:1]
        res.append(a[:])
    return res, a
print(ret(6))
def mixed(n):
    a = list(range(n))
    for r in range(4):
        a = a[1:] + a[:1]
        if r == 2:
            a = "xyz"
            a = a[1:] + a[:1]
            a = [a] * 20
    return a[:3]
print(mixed(30))
def objs(n):
    a = [str(i) for i in range(n)]
    for r in range(6):
        a = a[5:] + a[:5]
        a[1] = a[1] + "!"
    return a[:4]
print(objs(40))
ns = {}
exec("a = list(range(20))\na = a[1:] + a[:1]\na = a[1:] + a[:1]\n", ns)
def f(d):
    x = d["a"]
    x = x[1:] + x[:1]
    return x[0]
print(f(ns), ns["a"])
def g():
    loc = {}
    exec("b = list(range(12))\nb = b[2:] + b[:2]\nb = b[2:] + b[:2]\n", {}, loc)
    return loc
loc = g()
print(f({"a": loc["b"]}), loc["b"])
`

const privWant = `([30, 31, 32, 33, 34], [27, 28, 29])
[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0], [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 1], [3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 1, 2], [4, 5, 6, 7, 8, 9, 10, 11, 0, 1, 2, 3]]
([6, 7, 8, 9, 10, 11, 0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11, 0, 1, 2, 3, 4, 5])
[[1, 2, 3, 4, 5, 6, 7, 8, 9, 0], [2, 3, 4, 5, 6, 7, 8, 9, 0, 1], [3, 4, 5, 6, 7, 8, 9, 0, 1, 2]]
([9, 10, 11, 0, 1, 2, 3, 4, 5, 6, 7, 8], [11, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
[5, 6, 7, 8, 9, 0, 1, 2, 1, 2, 3, 2, 3, 4, 3, 4]
[[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19], [105, 106, 107], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19], [105, 106, 107], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19], [105, 106, 107]]
([17, 20, 29, 22, 15], [0, 9, 10, 27, 28, 21])
[[1, 2, 3], [2, 3, 4], [3, 4, 5], [4, 5, 6]]
([[1, 2, 3, 4, 5, 0], [2, 3, 4, 5, 0, 1], [3, 4, 5, 0, 1, 2]], [3, 4, 5, 0, 1, 2])
['yzx', 'yzx', 'yzx']
['30', '31!', '32', '33']
3 [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 0, 1]
5 [4, 5, 6, 7, 8, 9, 10, 11, 0, 1, 2, 3]
`

// firstFunc compiles src, a module, and returns the code of its first
// function.
func firstFunc(t *testing.T, src string) *Code {
	t.Helper()
	body, spans, err := parse(src)
	if err != nil {
		t.Fatal(err)
	}
	mod, _, err := compileModule("t.py", src, body, spans, strings.Split(src, "\n"))
	if err != nil {
		t.Fatal(err)
	}
	return mod.funcs[0]
}

// TestPrivateReversedMarks checks that reversed(a) of a private local a
// iterated by a loop is marked revPrivArg (fresh_reversed.go), and only
// then.
func TestPrivateReversedMarks(t *testing.T) {
	cases := []struct {
		body string
		want bool
	}{
		{"a = []\na.append(k)\nfor x in reversed(a):\n    k.append(x)", true},
		{"for x in reversed(a):\n    k.append(x)", false}, // a holds no list made here
		{"a = []\nfor x in reversed(a):\n    a = []", false},
		{"a = []\nfor x in reversed(k):\n    pass", false},
	}
	for _, tc := range cases {
		co := firstFunc(t, "def f(a, k):\n    "+strings.ReplaceAll(tc.body, "\n", "\n    ")+"\n")
		got := false
		for _, in := range co.instrs {
			if in.Op == opCall && in.E&revPrivArg != 0 {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("%q: revPrivArg %v, want %v", tc.body, got, tc.want)
		}
	}
}

// TestReversedLoopPool checks that loops over reversed(list) that run to
// their end leave one iterator in the pool, taken by the next such loop,
// and that a loop left by break keeps its iterator out of the pool
// (fresh_reversed.go).
func TestReversedLoopPool(t *testing.T) {
	src := `def f(k):
    out = []
    for i in range(k):
        path = []
        for j in range(i):
            path.append(j)
        for m in reversed(path):
            out.append(m)
    return out
out = f(5)
print(sum(out))
`
	for _, tc := range []struct {
		tail string
		want uint8
	}{{"", 1}, {"for m in reversed(out):\n    break\n", 0}} {
		vm, printed := runInterpreted(t, src+tc.tail)
		if got, want := printed, "10\n"; got != want {
			t.Errorf("printed %q, want %q", got, want)
		}
		if vm.revIters.n != tc.want {
			t.Fatalf("%q: %d reversed iterators pooled, want %d", tc.tail, vm.revIters.n, tc.want)
		}
		if r := vm.revIters.free[0]; r != nil && (r.l != nil || r.i != -1) {
			t.Errorf("a pooled iterator is not cleared: %+v", r)
		}
	}
}
