package interp

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
)

// sidePrograms have an outer loop around an inner loop whose body takes an
// if one way on its first iteration and the other way later: the outer
// loop's recording follows the other ways as side paths of the inner loop
// (record_side.go). Each prints what CPython prints (want), and the
// outer loop, at line outer, gets a trace.
var sidePrograms = []struct {
	name, src, want string
	outer           int
}{
	{"levenshtein", `def lev(a, b):
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        ca = a[i - 1]
        for j in range(1, len(b) + 1):
            cost = 0 if ca == b[j - 1] else 1
            best = prev[j] + 1
            if cur[j - 1] + 1 < best:
                best = cur[j - 1] + 1
            if prev[j - 1] + cost < best:
                best = prev[j - 1] + cost
            cur[j] = best
        prev = cur
    return prev[len(b)]
print(lev("kitten" * 9, "sitting" * 8), lev("acgtacgtta" * 6, "tgcatgca" * 7))
`, "29 36\n", 3},
	// The side path changes a slot's type (an int that becomes a float
	// on one path only): after the loop the type is not known, and the
	// path that changes what the loop's top relies on is not traced.
	{"types", `def f(n):
    t = 0
    x = 0
    for i in range(n):
        for j in range(20):
            if (i + j) % 3 == 0:
                y = j * 0.5
            else:
                y = j
            t += y
        x = t
    return x
print(f(50))
def g(n):
    t = 0
    for i in range(n):
        s = 0
        for j in range(30):
            if j > 10 + i % 7:
                s = s + 1.5
            else:
                s = s + 1
        t += s
    return t
print(g(60))
`, "7920.0\n2283.0\n", 0},
	// Ends of the inner loop from a side path (a break), a constant
	// bound changed on one path, and nested ifs that make many paths.
	{"paths", `def h(n):
    c = 0
    for i in range(n):
        k = 0
        for j in range(40):
            if j == i % 40:
                break
            if j % 2 == 0:
                if j % 4 == 0:
                    k += 3
                else:
                    k -= 1
            elif j % 5 == 0:
                k *= 2
            else:
                k += j
        c += k
    return c
print(h(80))
def m(xs):
    best = 0
    for row in xs:
        lo = 10 ** 6
        for v in row:
            if v < lo:
                lo = v
        best += lo
    return best
print(m([[(i * 7 + j * 13) % 29 - 5 for j in range(25)] for i in range(40)]))
`, "22440\n-195\n", 3},
}

// sideShapes are more inner loops whose ifs go both ways under an outer
// loop: side paths that overflow to big ints, raise, change a type or a
// global, sit in a loop nested in another, iterate a list, compare strs;
// with every loop hot at once (runBoth) most of them are recorded.
var sideShapes = map[string]string{
	"overflow": `def f(n):
    t = 0
    for i in range(n):
        x = 1
        for j in range(70):
            if j > i % 50:
                x = x * 3
            else:
                x = x + 1
        t += x % 1000
    return t
print(f(60))
`,
	"raise": `def f(xs):
    t = 0
    for i in range(len(xs)):
        for j in range(10):
            if j < 8:
                t += xs[i][j]
            else:
                t += xs[i][j + i % 3]
    return t
try:
    print(f([[k * 2 for k in range(12)] for _ in range(40)]))
except IndexError as e:
    print("IndexError", e)
`,
	"call": `def g(a, b):
    if a > b:
        return a - b
    return b - a
def f(n):
    t = 0
    for i in range(n):
        for j in range(30):
            if (i * j) % 7 == 1:
                t += g(i, j)
            else:
                t -= 1
    return t
print(f(50))
`,
	"nested": `def f(n):
    t = 0
    for i in range(n):
        for j in range(10):
            for k in range(10):
                if (i + j + k) % 4 == 0:
                    t += k
                else:
                    t -= 1
    return t
print(f(30))
`,
	"continue": `def f(n):
    t = 0
    for i in range(n):
        for j in range(40):
            if j % 3 == i % 3:
                continue
            t += j
            if t > 100000:
                t -= 99999
    return t
print(f(80))
`,
	"floats": `def f(n):
    t = 0.0
    for i in range(n):
        acc = 0.0
        for j in range(25):
            if j % 2 == 0:
                acc += j * 0.25
            elif j % 3 == 0:
                acc -= 1.5
            else:
                acc = acc * 1.01
        t += acc
    return t
print(f(90))
`,
	"listiter": `def f(rows):
    t = 0
    for row in rows:
        m = 0
        for v in row:
            if v > m:
                m = v
            elif v < 0:
                m -= 1
        t += m
    return t
print(f([[(i * 31 + j * 17) % 23 - 4 for j in range(30)] for i in range(50)]))
`,
	"while": `def f(n):
    t = 0
    for i in range(n):
        j = 0
        while j < 30:
            if (j ^ i) & 4:
                t += j
            else:
                t -= i
            j += 1
    return t
print(f(70))
`,
	"strs": `def f(a, b):
    t = 0
    for i in range(len(a)):
        c = a[i]
        for j in range(len(b)):
            if c == b[j]:
                t += 2
            elif b[j] == "x":
                t -= 1
            else:
                t += 1
    return t
print(f("abcxabcx" * 9, "xbcaxxab" * 7))
`,
	"typechange": `def f(n):
    t = 0
    for i in range(n):
        y = 0
        for j in range(20):
            if j == 15 and i > 40:
                y = y + 0.5
            else:
                y = y + 1
        t += y
    return t
print(f(60))
`,
	"bigacc": `def f(n):
    t = 0
    for i in range(n):
        for j in range(30):
            if j % 5 == 0:
                t += 2 ** 62
            else:
                t -= j
    return t
print(f(40))
`,
	"globalchange": `K = 3
def f(n):
    global K
    t = 0
    for i in range(n):
        for j in range(30):
            if j == 29 and i == 50:
                K = 5
            else:
                t += K
    return t
print(f(80))
`,
}

func TestSidePaths(t *testing.T) {
	if !JITAvailable() {
		t.Skip("no JIT on this platform")
	}
	for name, src := range sideShapes {
		runBoth(t, name, []byte(src))
	}
	for _, p := range sidePrograms {
		runBoth(t, p.name, []byte(p.src))
		var out, errb, debug bytes.Buffer
		RunWith(Config{JIT: JITOn, JITDebug: &debug}, "t.py", []byte(p.src), nil, &out, &errb)
		if out.String() != p.want {
			t.Errorf("%s: got %q, want %q", p.name, out.String(), p.want)
		}
		if p.outer > 0 {
			re := regexp.MustCompile(`t\.py:` + strconv.Itoa(p.outer) + `: trace compiled`)
			if !re.Match(debug.Bytes()) {
				t.Errorf("%s: the outer loop at line %d got no trace:\n%s", p.name, p.outer, debug.String())
			}
			if side := regexp.MustCompile(`t\.py:` + strconv.Itoa(p.outer) + `: side path from line \d+: \d+ uops`); !side.Match(debug.Bytes()) {
				t.Errorf("%s: the outer loop at line %d recorded no side path:\n%s", p.name, p.outer, debug.String())
			}
		}
	}
}
