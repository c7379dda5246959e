package interp

import (
	"bytes"
	"testing"
)

// TestTracebackCarets: tracebacks underline the failing expression the way
// CPython 3.13+ does (Lib/traceback.py: anchors for binary operators, calls
// and subscripts; none for a statement that is the whole line, or for
// `x = f(...)` and `return name(...)`). The machine's python3 is 3.11, which
// predates the call anchors and the suppression, so these are kept here.
func TestTracebackCarets(t *testing.T) {
	cases := []struct{ name, src, stderr string }{
		{"nested calls, methods, subscripts, suppressed call lines", `class Box:
    def get(self, i):
        return [1, 2][i]
def f(b, i):
    return b.get(i)
def main():
    box = Box()
    y = f(box, 5)
main()
`, `Traceback (most recent call last):
  File "t.py", line 9, in <module>
    main()
    ~~~~^^
  File "t.py", line 8, in main
    y = f(box, 5)
  File "t.py", line 5, in f
    return b.get(i)
           ~~~~~^^^
  File "t.py", line 3, in get
    return [1, 2][i]
           ~~~~~~^^^
IndexError: list index out of range
`},
		{"binary operators and a call inside an expression", `def area(w, h):
    return w * h
total = 0
total = total + area("a", "b") * 2
`, `Traceback (most recent call last):
  File "t.py", line 4, in <module>
    total = total + area("a", "b") * 2
                    ~~~~^^^^^^^^^^
  File "t.py", line 2, in area
    return w * h
           ~~^~~
TypeError: can't multiply sequence by non-int of type 'str'
`},
		{"an error raised through yield froms that delegate straight to the innermost generator", `def deep_bad(d):
    if d == 0:
        yield "x"
        1 / 0
    else:
        yield from deep_bad(d - 1)
def mid():
    try:
        yield from deep_bad(2)
    except KeyError:
        pass
for x in mid():
    pass
`, `Traceback (most recent call last):
  File "t.py", line 12, in <module>
    for x in mid():
             ~~~^^
  File "t.py", line 9, in mid
    yield from deep_bad(2)
  File "t.py", line 6, in deep_bad
    yield from deep_bad(d - 1)
  File "t.py", line 6, in deep_bad
    yield from deep_bad(d - 1)
  File "t.py", line 4, in deep_bad
    1 / 0
    ~~^~~
ZeroDivisionError: division by zero
`},
		{"an expression over two lines", `xs = [1, 2, 3]
print(xs[0] +
      xs[9])
`, `Traceback (most recent call last):
  File "t.py", line 3, in <module>
    xs[9])
    ~~^^^
IndexError: list index out of range
`},
		{"return name(...) suppressed; NameError in an expression", `def run():
    return helper(3)
def helper(n):
    return n.bit_length() + missing
run()
`, `Traceback (most recent call last):
  File "t.py", line 5, in <module>
    run()
    ~~~^^
  File "t.py", line 2, in run
    return helper(3)
  File "t.py", line 4, in helper
    return n.bit_length() + missing
                            ^^^^^^^
NameError: name 'missing' is not defined
`},
		{"a failing attribute lookup of a method call", "x = 5\nprint(x.nope(1))\n", `Traceback (most recent call last):
  File "t.py", line 2, in <module>
    print(x.nope(1))
          ^^^^^^
AttributeError: 'int' object has no attribute 'nope'
`},
		// CPython parses the line to decide: `x = f(...)` and `return
		// f(...)` lose their carets only when they lead the line, not
		// after `def f(x):`, `elif c:` or another statement.
		{"calls on lines of one-line defs, branches and several statements", `def inner(x): return 1 / x
def outer(x): return inner(x)
def first(x):
    y = outer(x); z = 1
    return y
def second(x):
    z = 1; y = first(x)
    return y
def branch(x):
    if x == 1: return second(x)
    elif x == 2: return second(x - 2)
    else: return second(x)
class K:
    def m(self, x): r = branch(x); return r
K().m(2)
`, `Traceback (most recent call last):
  File "t.py", line 15, in <module>
    K().m(2)
    ~~~~~^^^
  File "t.py", line 14, in m
    def m(self, x): r = branch(x); return r
                        ~~~~~~^^^
  File "t.py", line 11, in branch
    elif x == 2: return second(x - 2)
                        ~~~~~~^^^^^^^
  File "t.py", line 7, in second
    z = 1; y = first(x)
               ~~~~~^^^
  File "t.py", line 4, in first
    y = outer(x); z = 1
  File "t.py", line 2, in outer
    def outer(x): return inner(x)
                         ~~~~~^^^
  File "t.py", line 1, in inner
    def inner(x): return 1 / x
                         ~~^~~
ZeroDivisionError: division by zero
`},
		{"a generator chain driven by for loops, a map and a generator expression: every frame, the loop's step underlined at its iterable", `def source(n):
    yield n
    raise ValueError("source ran dry")
def relay(n):
    yield from source(n)
def total(n):
    return sum(x * 2 for x in relay(n))
def main():
    for a, b in [(1, 2)]:
        pass
    for t in map(total, [3]):
        print(t)
main()
`, `Traceback (most recent call last):
  File "t.py", line 13, in <module>
    main()
    ~~~~^^
  File "t.py", line 11, in main
    for t in map(total, [3]):
             ~~~^^^^^^^^^^^^
  File "t.py", line 7, in total
    return sum(x * 2 for x in relay(n))
  File "t.py", line 7, in <genexpr>
    return sum(x * 2 for x in relay(n))
                              ~~~~~^^^
  File "t.py", line 5, in relay
    yield from source(n)
  File "t.py", line 3, in source
    raise ValueError("source ran dry")
ValueError: source ran dry
`},
		{"a comparison as a condition (a fused compare-and-jump)", `def f(x):
    if x < "a":
        pass
f(1)
`, `Traceback (most recent call last):
  File "t.py", line 4, in <module>
    f(1)
    ~^^^
  File "t.py", line 2, in f
    if x < "a":
       ^^^^^^^
TypeError: '<' not supported between instances of 'int' and 'str'
`},
		{"a chained comparison as a value", `def g(x):
    y = x < "a" < 3
g(1)
`, `Traceback (most recent call last):
  File "t.py", line 3, in <module>
    g(1)
    ~^^^
  File "t.py", line 2, in g
    y = x < "a" < 3
        ^^^^^^^^^^^
TypeError: '<' not supported between instances of 'int' and 'str'
`},
	}
	for _, c := range cases {
		var stdout, stderr bytes.Buffer
		if status := Run("t.py", []byte(c.src), &stdout, &stderr); status != 1 {
			t.Errorf("%s: status %d", c.name, status)
		}
		if stderr.String() != c.stderr {
			t.Errorf("%s: stderr\n%s\nwant\n%s", c.name, stderr.String(), c.stderr)
		}
	}
}

// TestTracebackChains: an exception raised while another is handled shows
// that one first ("During handling ..."), raise ... from shows its cause
// ("The above exception was the direct cause ..."), from None hides the
// context, and a bare raise in an except block re-raises what it handles.
func TestTracebackChains(t *testing.T) {
	cases := []struct{ name, src, stdout, stderr string }{
		{"cause, suppressed context, bare raise, finally", `class AppError(Exception):
    pass
def load(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise AppError(f"no {k}") from e
def parse(s):
    try:
        return int(s)
    except ValueError:
        return load({}, s)
def main():
    try:
        parse("x")
    except AppError as e:
        print("caught", e, repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
    try:
        try:
            raise ValueError("inner")
        except ValueError:
            raise TypeError("outer") from None
    except TypeError as e:
        print(e.__cause__, repr(e.__context__), e.__suppress_context__)
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            raise
        except ZeroDivisionError as again:
            print("reraised", again)
    try:
        {}["q"]
    finally:
        print("cleanup")
main()
`, `caught no x KeyError('x') True True
None ValueError('inner') True
reraised division by zero
cleanup
`, `Traceback (most recent call last):
  File "t.py", line 36, in <module>
    main()
    ~~~~^^
  File "t.py", line 33, in main
    {}["q"]
    ~~^^^^^
KeyError: 'q'
`},
		{"context", `def f():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("bad value")
f()
`, "", `Traceback (most recent call last):
  File "t.py", line 3, in f
    1 / 0
    ~~^~~
ZeroDivisionError: division by zero

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "t.py", line 6, in <module>
    f()
    ~^^
  File "t.py", line 5, in f
    raise ValueError("bad value")
ValueError: bad value
`},
	}
	for _, c := range cases {
		var stdout, stderr bytes.Buffer
		if status := Run("t.py", []byte(c.src), &stdout, &stderr); status != 1 {
			t.Errorf("%s: status %d", c.name, status)
		}
		if stdout.String() != c.stdout || stderr.String() != c.stderr {
			t.Errorf("%s: stdout\n%s\nstderr\n%s\nwant\n%s\n%s", c.name, stdout.String(), stderr.String(), c.stdout, c.stderr)
		}
	}
}
