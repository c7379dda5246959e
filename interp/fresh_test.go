package interp

import (
	"testing"

	"github.com/copypatch/copypatch/templates"
)

// TestFreshMarks checks which consumers the compiler marks as taking a
// temporary list that dies there (fresh.go): only a slice or a + evaluated
// straight into the operand's temporary.
func TestFreshMarks(t *testing.T) {
	cases := []struct {
		src  string
		op   Op
		want int32
	}{
		{"def f(a, k):\n    return a[k:] + a[:k]\n", opAdd, freshB | freshC},
		{"def f(a, k):\n    return a + a[:k]\n", opAdd, freshC},
		{"def f(a, k):\n    return (a + a) + a\n", opAdd, freshB},
		{"def f(a, k):\n    return (s := a[1:]) + a\n", opAdd, 0},
		{"def f(a, k):\n    return (a[1:] if k else a) + a\n", opAdd, 0},
		{"def f(a, k):\n    a += a[1:]\n", opAdd, 0},
		{"def f(a, k):\n    return a[:k][::-1]\n", opGetSlice, freshB},
		{"def f(a, k):\n    return a[::-1]\n", opGetSlice, 0},
		{"def f(a, k):\n    a[1:3] = a[k:][::-1]\n", opSetSlice, freshC},
		{"def f(a, k):\n    a[1:3] = k\n", opSetSlice, 0},
		{"def f(a, k):\n    a[1:3] = k[0] = a[1:]\n", opSetSlice, 0},
	}
	for _, tc := range cases {
		body, spans, err := parse(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		mod, _, err := compileModule("t.py", tc.src, body, spans, []string{"", "", ""})
		if err != nil {
			t.Fatal(err)
		}
		var got []int32
		for _, in := range mod.funcs[0].instrs {
			if in.Op == tc.op {
				got = append(got, in.E)
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
}

// TestFreshLists runs lists that escape from where a consumer would
// recycle them (walrus, __getitem__/__add__/__radd__/__setitem__ keeping
// them, a yield or an exception between producer and consumer, a
// comprehension storing into a slice) and lists recycled and reused in a
// loop; output as CPython 3.11 prints it.
func TestFreshLists(t *testing.T) {
	for i, p := range []struct{ src, want string }{{freshSrc, freshWant}, {freshSrc2, freshWant2}} {
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
