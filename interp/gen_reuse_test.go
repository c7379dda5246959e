package interp

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
)

// TestOwnedMarks checks which calls the compiler marks as making a value
// only a loop reads (gen_reuse.go): a plain call straight into the
// iterator temporary of a for loop or a yield from.
func TestOwnedMarks(t *testing.T) {
	cases := []struct {
		src  string
		want int32
	}{
		{"def f(g, a):\n    for x in g(a):\n        pass\n", ownedA},
		{"def f(g, a):\n    yield from g(a)\n", ownedA},
		{"def f(g, a):\n    for x in g(a, k=1):\n        pass\n", 0},
		{"def f(g, a):\n    for x in (y := g(a)):\n        pass\n", 0},
		{"def f(g, a):\n    y = g(a)\n    for x in y:\n        pass\n", 0},
		{"def f(g, a):\n    return g(a)\n", 0},
		{"def f(g, a):\n    for x in g(*a):\n        pass\n", 0},
		{"def f(g, a):\n    yield (yield g(a))\n", 0},
		{"def f(g, a):\n    return g(x for x in a)\n", ownedArg},
		{"def f(g, a):\n    return g((x for x in a), 1)\n", 0},
		{"def f(g, a):\n    return g(x for x in a)(1)\n", 0},
		{"def f(g, a):\n    return g([x for x in a])\n", 0},
		{"def f(g, a):\n    return g(a, key=(x for x in a))\n", 0},
	}
	for _, tc := range cases {
		body, spans, err := parse(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		mod, _, err := compileModule("t.py", tc.src, body, spans, []string{"", "", "", ""})
		if err != nil {
			t.Fatal(err)
		}
		var got []int32
		for _, in := range mod.funcs[0].instrs {
			if in.Op == opCall {
				got = append(got, in.E)
			}
		}
		if len(got) > 0 && got[len(got)-1] != tc.want || len(got) == 0 && tc.want != 0 {
			t.Errorf("%q: CALL marks %v, want last %d", tc.src, got, tc.want)
		}
	}
}

// TestGeneratorReuseRecycles runs a recursive walk and checks that the
// generators its loops finished went to the pool, and that one whose
// reference the program kept did not.
func TestGeneratorReuseRecycles(t *testing.T) {
	src := `def walk(n):
    yield n
    if n > 0:
        yield from walk(n - 1)
        for x in walk(n - 1):
            yield x
kept = walk(2)
total = 0
for _ in range(3):
    for v in walk(4):
        total += v
for v in kept:
    total += v
print(total, list(kept))
`
	vm, printed := runInterpreted(t, src)
	if got, want := printed, "82 []\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
	pooled := 0
	for _, n := range vm.recycled.n {
		pooled += int(n)
	}
	if pooled == 0 {
		t.Errorf("no generator recycled")
	}
	for c := range vm.recycled.n {
		for _, g := range vm.recycled.free[c][:vm.recycled.n[c]] {
			if g.owned || g.done || g.fn != nil {
				t.Errorf("a pooled generator is not cleared: %+v", g)
			}
			for i, r := range g.own.regs[:cap(g.own.regs)] {
				if r.Tag != tagEmpty || g.own.objs[:cap(g.own.objs)][i] != nil {
					t.Fatalf("slot %d of a pooled generator is not cleared", i)
				}
			}
		}
	}
	if kept, ok := vm.mod.load(int32(vm.mod.global("kept"))).O.(*Generator); !ok || kept.fn == nil || !kept.done {
		t.Errorf("the kept generator was recycled")
	}
}

// TestGeneratorReuse runs generators whose loops end in every way (a
// break, an exception, a return value through yield from, a generator
// kept and another handed out by a function) and are made again in
// recycled ones; output as CPython 3.11 prints it.
func TestGeneratorReuse(t *testing.T) {
	out, last, status := run(t, genReuseSrc)
	if status != 0 || out != genReuseWant {
		t.Errorf("status %d, last stderr %q\ngot:\n%s\nwant:\n%s", status, last, out, genReuseWant)
	}
}

const genReuseSrc = `class Node:
    def __init__(self, v, kids=()):
        self.v = v
        self.kids = list(kids)
def pre(n):
    yield n.v
    for k in n.kids:
        yield from pre(k)
def post(n):
    for k in n.kids:
        for v in post(k):
            yield v
    yield n.v
t = Node(1, [Node(2, [Node(4), Node(5)]), Node(3, [Node(6, [Node(7)])])])
for _ in range(3):
    print(list(pre(t)), list(post(t)), sum(pre(t)))
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return n * 10
def outer(n):
    r = yield from count(n)
    s = yield from count(r // 10 + 1)
    return r + s
def drive(n):
    got = []
    x = yield from outer(n)
    got.append(x)
    return got
for n in range(4):
    res = []
    for v in drive(n):
        res.append(v)
    print(n, res)
firsts = []
for n in range(3, 6):
    for v in count(n):
        if v == 1:
            break
    firsts.append(v)
print(firsts)
saved = count(3)
def handout():
    return saved
for v in handout():
    pass
print(v, list(saved), next(saved, "done"))
def boom(n):
    yield n
    raise ValueError(n)
for n in range(2):
    try:
        for v in boom(n):
            pass
    except ValueError as e:
        print("caught", e)
def keeps(acc):
    for v in count(2):
        acc.append(v)
        yield v
acc = []
gens = []
for n in range(3):
    g = keeps(acc)
    gens.append(g)
    for v in g:
        pass
print(acc, [list(g) for g in gens])
def tryf(n):
    try:
        yield n
        yield n + 1
    finally:
        print("finally", n)
for n in range(2):
    for v in tryf(n):
        print("v", v)
def deep(n):
    if n == 0:
        yield 0
        return
    for v in deep(n - 1):
        yield v + 1
    yield from deep(n - 1)
print(sum(deep(8)), list(deep(2)))
store = []
def keep(g):
    store.append(g)
    return 0
for n in range(3):
    keep(x * n for x in range(3))
print([list(g) for g in store])
for n in range(3):
    print(sum(x * n for x in range(4)), max(x - n for x in range(3)), sorted(-x for x in range(n)),
          set(x % 2 for x in range(n + 1)), list(x for x in range(n)), tuple(x for x in "ab"),
          dict((x, n) for x in "ab"), any(x > 1 for x in range(5)), all(x < 3 for x in range(5)),
          frozenset(x for x in range(n)) == frozenset(range(n)), min(x + n for x in range(2)))
real_sum = sum
sum = iter
its = [sum(x for x in range(n)) for n in range(3)]
print([list(i) for i in its], [real_sum(x for x in range(n)) for n in range(4)])
sum = real_sum
for n in range(2):
    try:
        print(max(1 // (x - 2) for x in range(4)))
    except ZeroDivisionError as e:
        print("caught", type(e).__name__)
print(sum(sum(y for y in range(x)) for x in range(6)))
`

const genReuseWant = `[1, 2, 4, 5, 3, 6, 7] [4, 5, 2, 7, 6, 3, 1] 28
[1, 2, 4, 5, 3, 6, 7] [4, 5, 2, 7, 6, 3, 1] 28
[1, 2, 4, 5, 3, 6, 7] [4, 5, 2, 7, 6, 3, 1] 28
0 [0]
1 [0, 0, 1]
2 [0, 1, 0, 1, 2]
3 [0, 1, 2, 0, 1, 2, 3]
[1, 1, 1]
2 [] done
caught 0
caught 1
[0, 1, 0, 1, 0, 1] [[], [], []]
v 0
v 1
finally 0
v 1
v 2
finally 1
1024 [2, 1, 1, 0]
[[0, 2, 4], [0, 2, 4], [0, 2, 4]]
0 2 [] {0} [] ('a', 'b') {'a': 0, 'b': 0} True False True 0
6 1 [0] {0, 1} [0] ('a', 'b') {'a': 1, 'b': 1} True False True 1
12 0 [-1, 0] {0, 1} [0, 1] ('a', 'b') {'a': 2, 'b': 2} True False True 2
[[], [0], [0, 1]] [0, 0, 1, 3]
caught ZeroDivisionError
caught ZeroDivisionError
20
`

// runInterpreted runs src on a VM of its own with the JIT never
// triggering, and returns the VM (for its pools) and what src printed.
func runInterpreted(t *testing.T, src string) (*VM, string) {
	t.Helper()
	body, spans, err := parse(src)
	if err != nil {
		t.Fatal(err)
	}
	co, mod, err := compileModule("t.py", src, body, spans, strings.Split(src, "\n"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	out := bufio.NewWriter(&buf)
	vm := newVM(out, mod)
	vm.hot.Store(^uint32(0))
	f := vm.newFrame(co)
	vm.depth = 1
	if _, err := vm.run(f); err != nil {
		t.Fatal(err)
	}
	out.Flush()
	return vm, buf.String()
}
