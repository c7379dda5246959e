package interp

import "testing"

// regressPrograms are whole programs checked against the output CPython gives.
var regressPrograms = []struct{ name, src, out string }{
	{"a1", `def f(a, b=2, *rest):
    return a + b + len(rest)
print(f(1), f(1, 3), f(1, 2, 3, 4), f(b=5, a=1))
xs = [5, 3, 8, 1]
xs.sort()
print(xs, sorted(xs, reverse=True), sorted(["bb", "a", "ccc"], key=len))
print(sorted([(1, "b"), (1, "a"), (0, "z")]))
d = {}
for w in "the quick the lazy the end".split():
    d[w] = d.get(w, 0) + 1
print(d, sorted(d.items(), key=lambda kv: -kv[1]))
print([x * y for x in range(3) for y in range(3) if x != y])
print({k: v for k, v in zip("abc", range(3))})
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc"]))
print(any(x > 3 for x in [1, 5]), all([]), list(enumerate("ab", 1)))
s = "Hello"
print(s.lower(), s.center(11, "*"), s.ljust(8) + "|", s.rjust(8), s.zfill(8), s.count("l"))
print("%d items at %.2f each, %s" % (3, 1.5, "ok"), "%5d|%-5s|" % (42, "ab"))
print("{} and {:>5} and {name}".format(1, "x", name="n"))
print(f"{3.14159:.2f} {10:b} {255:x} {255:#x} {1e-7} {1e22} {-0.5:+.1f} {12345.678:,.1f}")
print(f"{'abc':*^9} {7:+d} {7: d} {0.000123:g} {1234567.0:g} {1.5:e} {100:08.2f} {-3:05d}")
print(int("ff", 16), int("  42 "), float("1e3"), str(1.0), repr(1e100), 1/3*3)
print(2**63, -2**63, 2**64 // 3, (2**64) % 1000, 7.0 // 0.5, 10 % 3.5)
t = 1, 2, 3
a, *b = t
print(a, b, t[::-1], t.index(2), t.count(3))
i = 10
while i > 0:
    i -= 3
else:
    print("done", i)
for i in range(3):
    if i == 5:
        break
else:
    print("no break")
print(abs(-3), round(3.14159, 3), round(-2.5), divmod(-7, 2), pow(2, 10, 1000))
print(chr(97), ord("z"), hex(255), bin(5), oct(8), bool([]), bool(0.0), type(1) == int)
print(isinstance(True, int), isinstance("s", (int, str)), min([3, 1, 2]), max("abc"))
print(list(reversed([1, 2, 3])), [1, 2, 3][-2:], "abc"[1:], list(range(10))[::3])
x = [1, 2, 3]
x[1:2] = [7, 8, 9]
del x[0]
print(x, x.pop(0), x, 3 in x, x.remove(9), x)
print(" a b  c ".split(), "a,b,,c".split(","), "x".join("abc"), "abc".upper().isupper())
print(1 if 0 else 2, None, True and False, not None, 5 // 2 * 2 + 5 % 2)
print(float("nan") != float("nan"), 0.1 + 0.7, 1e-4, 1e-5, 123456789012345678.0, 1.0e15, 1e16)
print(max([1, 5, 3], key=lambda v: -v), "%s" % [1, 2], str((1,)), [None, True, 1.5, "s"])
`, `3 4 5 6
[1, 3, 5, 8] [8, 5, 3, 1] ['a', 'bb', 'ccc']
[(0, 'z'), (1, 'a'), (1, 'b')]
{'the': 3, 'quick': 1, 'lazy': 1, 'end': 1} [('the', 3), ('quick', 1), ('lazy', 1), ('end', 1)]
[0, 0, 0, 2, 0, 2]
{'a': 0, 'b': 1, 'c': 2}
285 3
True True [(1, 'a'), (2, 'b')]
hello ***Hello*** Hello   |    Hello 000Hello 2
3 items at 1.50 each, ok    42|ab   |
1 and     x and n
3.14 1010 ff 0xff 1e-07 1e+22 -0.5 12,345.7
***abc*** +7  7 0.000123 1.23457e+06 1.500000e+00 00100.00 -0003
255 42 1000.0 1.0 1e+100 1.0
9223372036854775808 -9223372036854775808 6148914691236517205 616 14.0 3.0
1 [2, 3] (3, 2, 1) 1 1
done -2
no break
3 3.142 -2 (-4, 1) 24
a 122 0xff 0b101 0o10 False False True
True True 1 c
[3, 2, 1] [2, 3] bc [0, 3, 6, 9]
[8, 3] 7 [8, 3] True None [8, 3]
['a', 'b', 'c'] ['a', 'b', '', 'c'] axbxc True
2 None False True 5
True 0.7999999999999999 0.0001 1e-05 1.2345678901234568e+17 1000000000000000.0 1e+16
1 [1, 2] (1,) [None, True, 1.5, 's']
`},
	{"a2", `def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        print("caught", e)
        return None
    finally:
        print("finally")
print(safe_div(1, 2), safe_div(1, 0))
try:
    [][1]
except (KeyError, IndexError) as e:
    print("idx", e, type(e).__name__ if False else "")
try:
    raise ValueError("v")
except Exception as e:
    print(repr(e), e.args)
def outer(n):
    def inner(x):
        return x + n
    return inner(10)
print(outer(5))
def make_adder(n):
    return lambda x: x + n
add3 = make_adder(3)
print(add3(4), list(map(add3, [1, 2])), list(filter(lambda v: v % 2, range(6))))
g = 0
def inc():
    global g
    g += 1
for _ in range(5):
    inc()
print(g)
s = 0
for ch in "héllo":
    s += ord(ch)
print(s, len("héllo"), "héllo"[1], "héllo"[::-1], "héllo".upper())
d = {"b": 2, "a": 1}
print(list(d), d.pop("b"), d, d.setdefault("c", 3), d, "a" in d.keys())
d.update({"z": 26})
print(d, len(d), list(d.items())[0], {})
st = {3, 1, 2}
st.add(2)
print(len(st), 1 in st, sorted(st), st - {1}, st & {1, 5})
n = 0
while True:
    n += 1
    if n < 3:
        continue
    if n > 5:
        break
print(n)
print([i for i in range(5)][-1], (lambda: 42)(), [[1, 2], [3]][1][0])
matrix = [[i * j for j in range(3)] for i in range(3)]
print(matrix, [row[1] for row in matrix], sum(sum(r) for r in matrix))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(25), fact(20) // fact(18))
x = 10
def shadow():
    x = 5
    return x
print(shadow(), x)
a = b = 7
print(a, b)
i, (j, k) = 1, (2, 3)
print(i, j, k)
print(str(True), int("-12"), 3 * "ab", [0] * 3, (1, 2) + (3,), "a" < "b" < "c")
print(f"{x!r} {'q'!r} {x=}", f"{'nested ' + str(1)}", f"{3:{2}}|")
print(" ".join(str(v) for v in [1, 2, 3]), "-".join(map(str, range(3))))
words = ["apple", "Banana", "cherry"]
print(sorted(words, key=str.lower) if False else sorted(words, key=lambda w: w.lower()))
print(10 / 4, 10 // 4, -10 // 4, 10 % -4, 2 ** 10, 2.5 ** 2, 9 ** 0.5, 1e308 * 10)
print(0.1 * 3, 1 / 7, 100.0, 1e15 + 0.3, -1.5e-7, 2.0 ** 100)
print(round(1234.5678, -2), round(0.5), round(1.5), round(2.675, 2), round(7, -1))
`, `finally
caught division by zero
finally
0.5 None
idx list index out of range 
ValueError('v') ('v',)
15
7 [4, 5] [1, 3, 5]
5
664 5 é olléh HÉLLO
['b', 'a'] 2 {'a': 1, 'c': 3} 3 {'a': 1, 'c': 3} True
{'a': 1, 'c': 3, 'z': 26} 3 ('a', 1) {}
3 True [1, 2, 3] {2, 3} {1}
6
4 42 3
[[0, 0, 0], [0, 1, 2], [0, 2, 4]] [0, 1, 2] 9
15511210043330985984000000 380
5 10
7 7
1 2 3
True -12 ababab [0, 0, 0] (1, 2, 3) True
10 'q' x=10 nested 1  3|
1 2 3 0-1-2
['apple', 'Banana', 'cherry']
2.5 2 -3 -2 1024 6.25 3.0 inf
0.30000000000000004 0.14285714285714285 100.0 1000000000000000.2 -1.5e-07 1.2676506002282294e+30
1200.0 0 2 2.67 10
`},
	{"a3", `for i, (a, b) in enumerate(zip("xyz", [1, 2, 3])):
    print(i, a, b, end="; ")
print()
print()
pairs = [(2, "b"), (1, "a"), (2, "a")]
pairs.sort(key=lambda p: (p[0], p[1]))
print(pairs, max(pairs), min("hello"), max([1, 2], [1, 3]))
print("{:>8.3f}|{:<6d}|{:^7}|{:+}".format(3.14159, 42, "mid", 5), "{0}{1}{0}".format("a", "b"))
print("%-6s|%6.2f|%03d|%x|%%" % ("ab", 2.5, 7, 255), "%s and %r" % ("s", "s"))
s = "a,b;c d"
print(s.replace(",", " ").replace(";", " ").split(), s.partition(";"), s.rsplit(" ", 1))
print("  x ".lstrip(), "xxhixx".strip("x"), "Hello World".swapcase(), "hello world".title())
print("abc".startswith(("x", "a")), "abc".endswith("bc"), "a1".isalnum(), "12".isdigit(), " ".isspace())
print("ab" in "cabd", "z" not in "abc", "abcabc".count("bc"), "abc".index("c"), "aXbXc".split("X", 1))
nums = list(range(10))
print(nums[::-2], nums[7:2:-1], nums[-3:], nums[:-7], nums[100:], nums[2:8:3])
del nums[::2]
print(nums)
m = {"x": [1, 2], "y": [3]}
m["x"].append(9)
print(m, sum(len(v) for v in m.values()), sorted(m, reverse=True))
t = (3, 1, 2)
print(sorted(t), t < (3, 2), (1, 2) == (1, 2), [1, 2] < [1, 2, 0], tuple(sorted(t)))
x = y = []
x.append(1)
print(y, x is y, [] is [], None is not None, type(None).__name__ if False else "")
def counter():
    count = 0
    def inc():
        return count + 1
    return inc()
print(counter())
n = 255
print(f"{n:08b} {n:o} {n:X} {n:#o} {-n:x} {n:_} {1e6:,.0f} {12:c}")
print(f"{'left':<8}|{'right':>8}|{3.0:g}|{1e-10:g}|{123456789:e}|{0.1:.0%}")
print(1 / 3, 2 / 3, 10 / 3, 1e300 * 1e10, -1e300 * 1e10, 5e-324, 1.7976931348623157e308)
print(int(1e20), int(-1.5), float(10 ** 20), 10 ** 20 / 3, 2 ** 0.5, 4 ** 0.5, (-8) ** 2)
print(divmod(7.5, 2), 7.5 // 2, -7 // 2.0, 1 % 0.3, abs(-0.0), max(-0.0, 0.0))
print(bool("False"), bool(""), not [], [] == [], 0 == False, 1 == True, True + 1)
print(list(range(0)), list(range(-3)), list(range(3, 0, -1)), range(5)[2], len(range(0, 10, 3)))
a = [1, 2, 3]
b = a[:]
b.append(4)
print(a, b, a + b, a * 2, [a] * 2)
w = "mississippi"
freq = {}
for ch in w:
    freq[ch] = freq.get(ch, 0) + 1
print(freq, max(freq, key=freq.get), sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
print(str(10 ** 30), len(str(2 ** 1000)), 2 ** 1000 % 1000007, -(10 ** 25) // 7, (10 ** 25) >> 3)
print(0xFF & 0x0F, 1 << 3, 100 >> 2, ~0, -1 & 0xFF, 6 ^ 3, 2 ** 62 * 4, -(2 ** 63) - 1)
`, `0 x 1; 1 y 2; 2 z 3; 

[(1, 'a'), (2, 'a'), (2, 'b')] (2, 'b') e [1, 3]
   3.142|42    |  mid  |+5 aba
ab    |  2.50|007|ff|% s and 's'
['a', 'b', 'c', 'd'] ('a,b', ';', 'c d') ['a,b;c', 'd']
x  hi hELLO wORLD Hello World
True True True True True
True True 2 2 ['a', 'bXc']
[9, 7, 5, 3, 1] [7, 6, 5, 4, 3] [7, 8, 9] [0, 1, 2] [] [2, 5]
[1, 3, 5, 7, 9]
{'x': [1, 2, 9], 'y': [3]} 4 ['y', 'x']
[1, 2, 3] True True True (1, 2, 3)
[1] True False False 
1
11111111 377 FF 0o377 -ff 255 1,000,000 
left    |   right|3|1e-10|1.234568e+08|10%
0.3333333333333333 0.6666666666666666 3.3333333333333335 inf -inf 5e-324 1.7976931348623157e+308
100000000000000000000 -1 1e+20 3.333333333333333e+19 1.4142135623730951 2.0 64
(3.0, 1.5) 3.0 -4.0 0.10000000000000003 0.0 -0.0
True False True True True True 2
[] [] [3, 2, 1] 2 4
[1, 2, 3] [1, 2, 3, 4] [1, 2, 3, 1, 2, 3, 4] [1, 2, 3, 1, 2, 3] [[1, 2, 3], [1, 2, 3]]
{'m': 1, 'i': 4, 's': 4, 'p': 2} i [('i', 4), ('s', 4), ('p', 2), ('m', 1)]
1000000000000000000000000000000 302 783922 -1428571428571428571428572 1250000000000000000000000
15 8 25 -1 255 5 18446744073709551616 -9223372036854775809
`},
	{"a4", `from math import sqrt, pi as PI, floor
import math
x = 1 + \
    2
y = (1 +
     2)  # comment
s = r"raw\n" + 'it\'s' + "tab\t" + """tri
ple""" + '''q'''
print(x, y, s, len(s))
print(1_000, 0x_ff, 0o_17, 0b_1, 1e3, 1.5E-3, .5, 5., 1_0.0_1, 0XAB, 0B11)
print("\x41\u00e9\101", "a\
b")
print(f"{x}{{}}{y!s:>4}", f'{"q"}', rf"\d{x}", F"{PI:.3}", f"{sqrt(16)=}")
print(math.floor(3.7), floor(-3.2), math.ceil(-0.5), math.trunc(-2.7), math.fabs(-3))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0))
print(math.pow(2, 10), math.hypot(3, 4), math.atan2(1, 1), math.tan(0), math.gcd(12, 18))
print(math.factorial(20), math.isqrt(99), math.inf, -math.inf, math.isnan(math.nan), math.tau)
print(math.degrees(math.pi), math.radians(180), math.sin(math.pi / 2), math.asin(1), math.isclose(0.1 + 0.2, 0.3))
assert x == 3, "x should be 3"
z = [
    1,
    2,
]
d = {
    "k": (1,
          2),
}
print(z, d)
if x == 3: print("inline if")
for c in "ab": print(c, end="")
print()
while x > 0: x -= 1
print(x); print("semi")
def g(): return 42
print(g())
i = 0
while i < 3:
    i += 1
    if i == 2:
        continue
    print("i", i)
val = 5
res = "neg" if val < 0 else "zero" if val == 0 else "pos"
print(res, val is not None, not val == 5, -val ** 2, (-val) ** 2, 2 ** 3 ** 2)
`, `3 3 raw\nit'stab	tri
pleq 21
1000 255 15 1 1000.0 0.0015 0.5 5.0 10.01 171 3
AéA ab
3{}   3 q \d3 3.14 sqrt(16)=4.0
3 -4 0 -2 3.0
1.0 3.0 3.0 10.0 1.0
1024.0 5.0 0.7853981633974483 0.0 6
2432902008176640000 9 inf -inf True 6.283185307179586
180.0 3.141592653589793 1.0 1.5707963267948966 True
[1, 2] {'k': (1, 2)}
inline if
ab
0
semi
42
i 1
i 3
pos True False -25 25 512
`},
	{"a5", `xs = [1, 2, 3]
print(*xs)
print(*xs, sep=",")
def f(*args):
    return len(args), args
print(f(), f(1, 2), f(*xs), f(0, *xs))
a, *rest = "hello"
*init, last = [1, 2, 3]
print(a, rest, init, last, [*xs, 4], (*xs,))
d = {"a": 1}
e = {**d, "b": 2}
print(e)
`, `1 2 3
1,2,3
(0, ()) (2, (1, 2)) (3, (1, 2, 3)) (4, (0, 1, 2, 3))
h ['e', 'l', 'l', 'o'] [1, 2] 3 [1, 2, 3, 4] (1, 2, 3)
{'a': 1, 'b': 2}
`},
	{"a6", `def f(a, *args, sep="-", **kw):
    return a, args, sep, kw
print(f(1), f(1, 2, 3, sep="+", x=5), f(*[1, 2], **{"y": 1}))
def g(a, *, b, c=3):
    return a + b + c
print(g(1, b=2), g(1, b=2, c=0))
def h(x, y=2):
    return x * y
print(h(3), h(y=4, x=1))
`, `(1, (), '-', {}) (1, (2, 3), '+', {'x': 5}) (1, (2,), '-', {'y': 1})
6 3
6 4
`},
	{"a7", `def outer():
    def helper(n):
        return 1 if n <= 1 else n * helper(n - 1)
    return helper(5)
print(outer())
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = make_counter()
c(); c()
print(c())
def adders():
    fs = []
    for i in range(3):
        fs.append(lambda x: x + i)
    return [f(10) for f in fs]
print(adders())
def f(x):
    def g():
        return x * 2
    x = 5
    return g()
print(f(1))
def deep():
    a = 1
    def mid():
        def inner():
            return a + 1
        return inner()
    return mid()
print(deep())
def param_cell(v):
    return (lambda: v)()
print(param_cell(9))
`, `120
3
[12, 12, 12]
10
2
9
`},
	{"a8", `for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("fin", i)
def f():
    for i in range(3):
        try:
            try:
                return i
            finally:
                print("inner")
        finally:
            print("outer")
print(f())
try:
    try:
        raise KeyError("x")
    except ValueError:
        print("no")
    finally:
        print("cleanup")
except KeyError as e:
    print("outer caught", repr(e))
def g():
    try:
        return 1 / 0
    except ZeroDivisionError:
        raise ValueError("converted")
try:
    g()
except ValueError as e:
    print(e)
try:
    x = int("zz")
except (TypeError, ValueError) as err:
    print(type(err) is ValueError, err)
else:
    print("no error")
try:
    pass
except Exception:
    pass
else:
    print("else ran")
`, `body 0
fin 0
fin 1
fin 2
inner
outer
0
cleanup
outer caught KeyError('x')
converted
True invalid literal for int() with base 10: 'zz'
else ran
`},
	{"a9", `out = []
for i in range(5):
    if i == 1:
        continue
    if i == 4:
        break
    out.append(i)
else:
    out.append("else")
print(out)
for i in []:
    print("never")
else:
    print("empty else")
i = 0
while i < 10 and i != 7:
    i += 1
    if i % 2:
        continue
    out.append(i)
else:
    out.append(("w-else", i))
print(out)
j = 10
while j > 0 or False:
    j -= 3
    if j < 2:
        break
else:
    print("no")
print(j)
print([(a, b) for a in range(4) if a % 2 == 0 for b in "xy" if b != "x" if a > 0])
print({k: v for k, v in [(1, 2), (3, 4)] if k > 1}, {c for c in "hello"} == set("hello"))
n = 0
for a in range(3):
    for b in range(3):
        if b == 2:
            break
        n += 1
    else:
        n += 100
print(n)
k = 5
while not k == 0:
    k -= 1
print(k)
s = 0
for x in [1.5, 2.5]:
    s += x
for ch in "abc":
    s += ord(ch)
for key in {"a": 1, "b": 2}:
    s += len(key)
for t in (1, 2):
    s += t
print(s)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(2 ** 64, 2 ** 64 + 2):
    print(i)
x = 3
while x:
    x -= 1
print(x, i)
`, `[0, 2, 3]
empty else
[0, 2, 3, 2, 4, 6, ('w-else', 7)]
1
[(2, 'y')]
{3: 4} True
6
0
303.0
10 7 4 1 
18446744073709551616
18446744073709551617
0 18446744073709551617
`},
	{"c2", `def twice(f):
    def wrapper(*args):
        return f(*args) * 2
    return wrapper

@twice
def add(a, b):
    return a + b

print(add(1, 2))

class Temp:
    unit = "C"

    def __init__(self, deg):
        self._deg = deg

    @property
    def deg(self):
        return self._deg

    @deg.setter
    def deg(self, v):
        self._deg = max(v, -273)

    @staticmethod
    def zero():
        return Temp(0)

    @classmethod
    def make(cls, d):
        return cls(d)

    def __lt__(self, other):
        return self._deg < other._deg

    def __str__(self):
        return f"{self._deg}{self.unit}"

t = Temp.make(20)
t.deg = -500
print(t.deg, Temp.zero(), t, sorted([Temp(5), Temp(-1), Temp(3)])[0], min(Temp(9), Temp(4)))
print(f"{t}", str(t), [str(x) for x in [Temp(1)]])
`, `6
-273 0C -273C -1C 4C
-273C -273C ['1C']
`},
	{"g1", `def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x * 10
    return

def chain(*its):
    for it in its:
        yield from it

print(list(count_up(5)), sum(count_up(100)))
g = fib()
print([next(g) for _ in range(10)])
print(list(evens([1, 2, 3, 4])), list(chain([1, 2], "ab", count_up(2))))
for v in count_up(3):
    print("v", v)
gen = count_up(2)
print(next(gen), next(gen), next(gen, "done"))
def boom():
    yield 1
    raise ValueError("inside gen")
try:
    for x in boom():
        print("got", x)
except ValueError as e:
    print("caught", e)
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
for x in with_finally():
    print(x)
print(max(x * x for x in count_up(4)))
squares = (i * i for i in range(4))
print(list(squares))
`, `[0, 1, 2, 3, 4] 4950
[0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
[20, 40] [1, 2, 'a', 'b', 0, 1]
v 0
v 1
v 2
0 1 done
got 1
caught inside gen
1
2
gen cleanup
9
[0, 1, 4, 9]
`},
	{"r1", `def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    left = [x for x in xs if x < pivot]
    mid = [x for x in xs if x == pivot]
    right = [x for x in xs if x > pivot]
    return quicksort(left) + mid + quicksort(right)

def bsearch(xs, t):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        m = (lo + hi) // 2
        if xs[m] == t:
            return m
        elif xs[m] < t:
            lo = m + 1
        else:
            hi = m - 1
    return -1

data = [(i * 7919) % 101 for i in range(30)]
s = quicksort(data)
print(s, bsearch(s, 42), bsearch(s, 1000))

graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
def bfs(start):
    seen = {start}
    order = []
    queue = [start]
    while queue:
        node = queue.pop(0)
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order
print(bfs("a"))

memo = {}
def fibm(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fibm(n - 1) + fibm(n - 2)
    memo[n] = r
    return r
print(fibm(90), len(memo))

def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print(max(range(1, 1000), key=collatz), collatz(27))

def to_roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, sym in vals:
        while n >= v:
            out += sym
            n -= v
    return out
print([to_roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024)])

def caesar(text, k):
    res = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            res.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            res.append(ch)
    return "".join(res)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))

def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
print(matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]))

text = "the quick brown fox jumps over the lazy dog the fox"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
for word, c in top:
    print(f"{word:<6}{c:>3}")

class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amt
        self.history.append(("dep", amt))

    def withdraw(self, amt):
        if amt > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amt}")
        self.balance -= amt
        self.history.append(("wd", amt))

acct = Account("ann", 100)
acct.deposit(50)
try:
    acct.withdraw(500)
except ValueError as e:
    print("error:", e)
acct.withdraw(30)
print(acct.owner, acct.balance, acct.history)
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes, len(primes))
print("%.3f %5.1f%% %s" % (3.14159, 45.678, [1, 2]))
grid = [["." for _ in range(5)] for _ in range(3)]
grid[1][2] = "#"
print("\n".join("".join(row) for row in grid))
`, `[0, 3, 6, 9, 12, 15, 22, 25, 28, 31, 34, 37, 41, 44, 47, 50, 53, 56, 63, 66, 69, 72, 75, 78, 82, 85, 88, 91, 94, 97] -1 -1
['a', 'b', 'c', 'd', 'e', 'f']
2880067194370816120 91
871 111
['I', 'IV', 'IX', 'XIV', 'XL', 'XC', 'CD', 'MCMXCIV', 'MMXXIV']
Khoor, Zruog! Hello, World!
[[19, 22], [43, 50]]
the     3
fox     2
brown   1
error: insufficient funds: 150 < 500
ann 120 [('dep', 50), ('wd', 30)]
[2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59] 17
3.142  45.7% [1, 2]
.....
..#..
.....
`},
	{"collections", `from collections import defaultdict, Counter, deque
dd = defaultdict(list)
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    dd[w[0]].append(w)
print(dd["a"], dict(dd), len(dd), dd)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts)
c = Counter("mississippi")
print(c, c.most_common(2), c["z"], c["s"], sum(c.values()))
c.update("sss")
print(c.most_common(1), c.total())
q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
print(q, q.popleft(), q.pop(), q, len(q), list(q))
q.rotate(1)
print(q)
`, `['apple', 'avocado'] {'a': ['apple', 'avocado'], 'b': ['banana', 'blueberry'], 'c': ['cherry']} 3 defaultdict(<class 'list'>, {'a': ['apple', 'avocado'], 'b': ['banana', 'blueberry'], 'c': ['cherry']})
defaultdict(<class 'int'>, {'m': 1, 'i': 4, 's': 4, 'p': 2})
Counter({'i': 4, 's': 4, 'p': 2, 'm': 1}) [('i', 4), ('s', 4)] 0 4 11
[('s', 7)] 14
deque([1, 2, 3]) 0 4 deque([1, 2, 3]) 3 [1, 2, 3]
deque([3, 1, 2])
`},
	{"random", `import random
random.seed(42)
print([random.random() for _ in range(3)])
print([random.randint(1, 100) for _ in range(10)])
print(random.choice("abcdef"), random.randrange(10), random.randrange(5, 50, 5), random.uniform(1, 2))
xs = list(range(10))
random.shuffle(xs)
print(xs, random.sample(range(100), 5), random.getrandbits(70))
random.seed(2 ** 100 + 7)
print(random.random(), random.randint(-5, 5))
random.seed(0)
print(random.random())
inside = 0
random.seed(1)
for _ in range(10000):
    x, y = random.random(), random.random()
    if x * x + y * y <= 1:
        inside += 1
print(inside)
`, `[0.6394267984578837, 0.025010755222666936, 0.27502931836911926]
[29, 18, 95, 14, 87, 95, 70, 12, 76, 55]
a 0 10 1.2186379748036034
[2, 1, 9, 7, 4, 6, 5, 3, 0, 8] [75, 35, 0, 97, 20] 395177485221752292218
0.41604161323913513 0
0.8444218515250481
7854
`},
	{"stdlib", `import time
from functools import reduce, lru_cache
from itertools import permutations, combinations, product, chain, accumulate, count, islice
t0 = time.time()
print(reduce(lambda a, b: a * b, range(1, 10)), reduce(lambda a, b: a + b, [], 0))
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100))
print(list(permutations([1, 2, 3])), list(combinations("abcd", 2)), len(list(product(range(3), repeat=3))))
print(list(chain([1], (2, 3), "ab")), list(accumulate([1, 2, 3, 4])), list(islice(count(5, 2), 4)))
for i in count():
    if i > 3:
        break
print(i, time.time() - t0 < 5)
`, `362880 0
354224848179261915075
[(1, 2, 3), (1, 3, 2), (2, 1, 3), (2, 3, 1), (3, 1, 2), (3, 2, 1)] [('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'c'), ('b', 'd'), ('c', 'd')] 27
[1, 2, 3, 'a', 'b'] [1, 3, 6, 10] [5, 7, 9, 11]
4 True
`},
	{"exceptions", `class AppError(Exception):
    pass

class CodeError(AppError):
    def __init__(self, code, detail="none"):
        super().__init__(f"code {code}")
        self.code = code
        self.detail = detail

class Quiet(Exception):
    def __str__(self):
        return "quiet!"

try:
    raise CodeError(404, detail="missing")
except AppError as e:
    print(type(e).__name__, e, e.code, e.detail, e.args, isinstance(e, Exception), repr(e))
try:
    raise Quiet()
except Quiet as q:
    print("q:", q)
def check(x):
    if x < 0:
        raise CodeError(x)
    return x
print(check(3))
`, `CodeError code 404 404 missing ('code 404',) True CodeError('code 404')
q: quiet!
3
`},
	{"iterators", `class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

class Bag:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        for x in self.items:
            yield x * 2
    def __len__(self):
        return len(self.items)
    def __contains__(self, x):
        return x in self.items
    def __getitem__(self, i):
        return self.items[i]

print(list(Countdown(3)), [x for x in Bag([1, 2])], sum(Bag([1, 2, 3])), len(Bag([1])), 2 in Bag([2]), Bag([5, 6])[1])
c = Countdown(2)
print(next(c), next(c), next(c, "end"))
for a, b in zip(Countdown(2), Bag("xy")):
    print(a, b)
`, `[3, 2, 1] [2, 4] 12 1 True 6
2 1 end
2 xx
1 yy
`},
	{"with", `class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress

with Ctx("a") as n:
    print("body", n)
with Ctx("b", suppress=True):
    raise ValueError("hidden")
print("after b")
def f():
    with Ctx("c"), Ctx("d") as d:
        return d
print(f())
for i in range(2):
    with Ctx("loop"):
        if i == 0:
            continue
        break
try:
    with Ctx("e"):
        1 / 0
except ZeroDivisionError as e:
    print("caught", e)
`, `enter a
body A
exit a None None
enter b
exit b ValueError hidden
after b
enter c
enter d
exit d None None
exit c None None
D
enter loop
exit loop None None
enter loop
exit loop None None
enter e
exit e ZeroDivisionError division by zero
caught division by zero
`},
	{"fstrings", `d = {"k": 5, "name": "Al"}
w = 8
x = 3.14159
print(f"{d['k']} {d['name']!r:>6} {x=:.2f} {x!r} {w:{w}d}| {'{'}{'}'} {x:{w}.{2}f}")
print(f"{'nested {}'.format(1)} {[i for i in range(3)]} {1 if x > 3 else 0} {(lambda: 7)()}")
print(f"{x:10.3e}|{-x:+.1f}|{int(x):#06x}|{1e-10:.2g}|{12345.6789:_.2f}")
print(f"""{"multi"}
line {w}""")
items = [("apple", 1.5, 3), ("kiwi", 0.25, 12)]
for name, price, qty in items:
    print(f"{name:<8}|{price:>6.2f}|{qty:^5}|{price * qty:8.3f}")
counter = 0
def outer():
    def inner():
        global counter
        counter += 10
    inner()
outer()
print(counter)
a = [1, 2, 3, 4, 5, 6]
a[::2] = [0, 0, 0]
a[1:3] = []
print(a, a[-1:-4:-1], a[10:], a[-100:2])
def f(x, acc=[]):
    acc.append(x)
    return acc
f(1)
print(f(2))
`, `5   'Al' x=3.14 3.14159        8| {}     3.14
nested 1 [0, 1, 2] 1 7
 3.142e+00|-3.1|0x0003|1e-10|12_345.68
multi
line 8
apple   |  1.50|  3  |   4.500
kiwi    |  0.25| 12  |   3.000
10
[0, 4, 0, 6] [6, 0, 4] [] [0, 4]
[1, 2]
`},
	{"walrus", `data = [3, 8, 1, 9]
if (n := len(data)) > 3:
    print("long", n)
def f():
    xs = [1, 5, 2]
    i = 0
    while (v := xs[i]) < 5:
        i += 1
    return v, i, [y for x in xs if (y := x * 2) > 3], y
print(f())
total = 0
print([total := total + x for x in range(4)], total)
`, `long 4
(5, 1, [10, 4], 4)
[0, 1, 3, 6] 6
`},
	{"lazy", `def show(x):
    print("eval", x)
    return x
print(any(show(x) > 2 for x in range(10)))
print(all(show(x) < 2 for x in range(10)))
m = map(show, [1, 2])
print("made map")
print(list(m))
for i, v in enumerate(show(x) for x in "ab"):
    print(i, v)
print(list(zip((show(x) for x in range(5)), "xy")))
print(list(filter(None, [0, 1, 2, 0])), list(filter(lambda v: v > 1, range(4))))
print(list(enumerate("abc", start=5)), list(zip()), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
import itertools
print(list(zip(itertools.count(), "abc")))
print(sum(1 for _ in range(1000)), max(x % 7 for x in range(50)))
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for x in gen():
    print(x)
print("after")
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print([v for _, v in zip(range(10), fib())])
def deleg():
    yield from range(3)
    yield from (c for c in "xy")
print(list(deleg()))
m = [[1, 2], [3, 4]]
print([sum(r[k] for k in range(2)) for r in m])
print([(lambda: i)() for i in range(3)])
def f(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
print(f(m, m))
print({k: list(v for v in range(k)) for k in range(3)})
class A:
    xs = [1, 2]
    total = sum(x for x in xs)
print(A.total)
def late():
    x = 1
    g = (x + i for i in range(3))
    x = 10
    return list(g)
print(late())
g = (i for i in range(3))
print(next(g), next(g), list(g), list(g))
`, `eval 0
eval 1
eval 2
eval 3
True
eval 0
eval 1
eval 2
False
made map
eval 1
eval 2
[1, 2]
eval a
0 a
eval b
1 b
eval 0
eval 1
eval 2
[(0, 'x'), (1, 'y')]
[1, 2] [2, 3]
[(5, 'a'), (6, 'b'), (7, 'c')] [] [4, 10]
[(0, 'a'), (1, 'b'), (2, 'c')]
1000 6
1
2
cleanup
after
[0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
[0, 1, 2, 'x', 'y']
[3, 7]
[0, 1, 2]
[[7, 10], [15, 22]]
{0: [], 1: [0], 2: [0, 1]}
3
[10, 11, 12]
0 1 [2] []
`},
	{"gen-methods", `def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
g = acc()
print(next(g), g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration:
    print("stopped")
def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("closing")
h = guarded()
print(next(h))
h.close()
print("closed", list(h))
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
c = catcher()
print(next(c))
print(c.throw(ValueError("oops")))
try:
    acc().send(3)
except TypeError as e:
    print(e)
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
k = guarded()
try:
    k.throw(KeyError("k"))
except KeyError as e:
    print("threw", e)
print(list(k))
`, `0 5 15
stopped
1
closing
closed []
ready
caught oops
ready
can't send non-None value to a just-started generator
generator ignored GeneratorExit
threw 'k'
[]
`},
	{"custom-hash", `class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, P) and self.x == o.x and self.y == o.y
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P{self.x, self.y}"
s = {P(1, 2), P(1, 2), P(2, 1)}
print(len(s), P(1, 2) in s, P(3, 3) in s)
d = {P(0, 0): "origin"}
d[P(0, 0)] = "again"
print(d, d[P(0, 0)])
class Same:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __hash__(self):
        return 7
xs = {Same(1), Same(2), Same(1), Same(3)}
print(len(xs), sorted(x.v for x in xs))
xs.discard(Same(2))
print(len(xs), Same(3) in xs, Same(2) in xs, Same(1) in xs)
class NoHash:
    def __eq__(self, o):
        return True
try:
    {NoHash()}
except TypeError as e:
    print(e)
class Plain:
    pass
a = Plain()
print({a: 1}[a], {(a, 1): 2}[(a, 1)], hash(a) == hash(a), hash(P(1, 2)) == hash((1, 2)))
class Bad:
    def __hash__(self):
        return "x"
try:
    hash(Bad())
except TypeError as e:
    print(e)
class Boom:
    def __hash__(self):
        return 1 // 0
try:
    {Boom(): 1}
except ZeroDivisionError as e:
    print("zde", e)
class A: pass
class B(A): pass
class E(ValueError): pass
print(issubclass(B, A), issubclass(A, B), issubclass(B, (int, A)), issubclass(bool, int), issubclass(int, object), issubclass(B, object))
print(issubclass(E, ValueError), issubclass(E, Exception), issubclass(ValueError, E), issubclass(KeyError, LookupError), issubclass(int, str))
try:
    issubclass(3, int)
except TypeError as e:
    print(e)
`, `2 True False
{P(0, 0): 'again'} again
3 [1, 2, 3]
2 True False True
cannot use 'NoHash' as a set element (unhashable type: 'NoHash')
1 2 True True
__hash__ method should return an integer
zde division by zero
True False True True True True
True True False True False
issubclass() arg 1 must be a class
`},
	{"stdlib-mix", `import itertools
print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.repeat(1, 3)), list(itertools.takewhile(lambda x: x < 3, itertools.count())))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 5, 2, 7])), list(itertools.islice(range(20), 2, 10, 3)), list(itertools.chain("ab", [1])))
print(list(zip(itertools.repeat("x"), range(2))), list(itertools.islice("abcdef", None, 4)))
import string, random, time, functools, itertools, sys
random.seed(42)
print(random.randint(1, 100), random.random(), random.choice("abc"), random.sample(range(10), 3))
xs = list(range(10))
random.shuffle(xs)
print(xs, random.uniform(1, 2), random.randrange(0, 100, 5))
print(string.ascii_lowercase[:5], string.digits, string.punctuation[:5])
print(functools.reduce(lambda a, b: a * b, range(1, 6)), list(itertools.permutations("abc", 2))[:4])
print(list(itertools.combinations(range(4), 2)), list(itertools.product("ab", repeat=2)), list(itertools.accumulate([1, 2, 3])))
print(list(itertools.chain([1], (2, 3))), list(itertools.islice(itertools.count(), 3)), list(itertools.repeat("x", 2)))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(r) for r in zip(*matrix)], sum(map(sum, matrix)))
words = "the quick brown fox jumps over the lazy dog".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(sys.maxsize, sys.version_info[0], len(sys.argv) > 0)
s = set([3, 1, 2])
s.add(5)
s |= {7}
print(s & {1, 7}, s - {1}, s ^ {1, 9}, sorted(s), {1, 2} <= {1, 2, 3}, frozenset({1}) if False else 0)
nums = [1, 2, 3, 4, 5, 6]
evens = list(filter(lambda n: n % 2 == 0, nums))
print(evens, nums[1::2], nums[-3:], nums[:-3], nums[::-2])
a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
(p, q), r = (1, 2), 3
print(p, q, r)
i = j = 0
i += 5; j -= 2
print(i, j, i if i > j else j, not i, -i, ~i, i << 2, i >> 1, i & 3, i | 8, i ^ 1)
text = """multi
line"""
print(text, len(text), text.splitlines(), repr(text))
print("tab\there", r"raw\n", "uni\u00e9", "bytes?")
print(f"{'nested'!r:>10}|{3.14159:.2f}|{42:05d}|{-3:+}|{1000000:,.2f}|{0.25:.1%}|{'x':*^5}")
`, `['a', 'b', 'a', 'b', 'a'] [1, 1, 1] [0, 1, 2]
[5, 2, 7] [2, 5, 8] ['a', 'b', 1]
[('x', 0), ('x', 1)] ['a', 'b', 'c', 'd']
82 0.11133106816568039 c [4, 3, 8]
[7, 9, 5, 6, 0, 3, 4, 8, 1, 2] 1.2326608933907397 95
abcde 0123456789 !"#$%
120 [('a', 'b'), ('a', 'c'), ('b', 'a'), ('b', 'c')]
[(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)] [('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')] [1, 3, 6]
[1, 2, 3] [0, 1, 2] ['x', 'x']
23416728348467685
[(1, 4), (2, 5), (3, 6)] [[1, 4], [2, 5], [3, 6]] 21
[('the', 2), ('brown', 1), ('dog', 1)]
9223372036854775807 3 True
{1, 7} {2, 3, 5, 7} {2, 3, 5, 7, 9} [1, 2, 3, 5, 7] True 0
[2, 4, 6] [2, 4, 6] [4, 5, 6] [1, 2, 3] [6, 4, 2]
1 [2, 3, 4] 5
1 2 3
5 -2 5 False -5 -6 20 2 1 13 4
multi
line 10 ['multi', 'line'] 'multi\nline'
tab	here raw\n unié bytes?
  'nested'|3.14|00042|-3|1,000,000.00|25.0%|**x**
`},
	{"dunders", `class Temp:
    count = 0
    def __init__(self, c):
        self._c = c
        Temp.count += 1
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @f.setter
    def f(self, v):
        self._c = (v - 32) * 5 / 9
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def make(cls, c):
        return cls(c)
    def __str__(self):
        return f"{self._c:.1f}{self.unit()}"
    def __repr__(self):
        return f"Temp({self._c!r})"
    def __bool__(self):
        return self._c != 0
    def __len__(self):
        return 3
t = Temp.make(100)
t.f = 212
print(t, repr(t), t.f, Temp.count, str([t]), bool(Temp(0)), len(t))
if not Temp(0):
    print("zero is falsy")
class Bag:
    def __init__(self):
        self.items = [1, 2, 3]
    def __iter__(self):
        for x in self.items:
            yield x * 10
    def __contains__(self, x):
        return x in self.items
print(list(Bag()), 2 in Bag(), 20 in Bag(), sum(Bag()))
class Dyn:
    def __getattr__(self, name):
        return name.upper()
print(Dyn().hello)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __repr__(self): return f"C{self.v}"
print(sorted([Cmp(3), Cmp(1)]), max([Cmp(2), Cmp(5)]), Cmp(1) < Cmp(2), Cmp(3) >= Cmp(2))
class E:
    def __len__(self):
        return 0
class B:
    def __bool__(self):
        return 1
print(bool(E()), not E(), [x for x in [E(), 1] if x])
if E():
    print("no")
else:
    print("empty")
try:
    if B():
        pass
except TypeError as e:
    print(e)
print(any([E()]), all([E()]), list(filter(None, [E(), 2])))
`, `100.0C Temp(100.0) 212.0 1 [Temp(100.0)] False 3
zero is falsy
[10, 20, 30] True False 60
HELLO
[C1, C3] C5 True True
False True [1]
empty
__bool__ should return bool, returned int
False False [2]
`},
}

func TestRegressPrograms(t *testing.T) {
	for _, p := range regressPrograms {
		t.Run(p.name, func(t *testing.T) {
			out, last, status := run(t, p.src)
			if status != 0 || out != p.out {
				t.Errorf("status %d, last stderr %q\ngot:\n%s\nwant:\n%s", status, last, out, p.out)
			}
		})
	}
}
