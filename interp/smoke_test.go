package interp

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// run runs src and returns stdout, the last stderr line and the status.
func run(t *testing.T, src string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	status := Run("t.py", []byte(src), &out, &errb)
	lines := strings.Split(strings.TrimRight(errb.String(), "\n"), "\n")
	return out.String(), lines[len(lines)-1], status
}

var smokeCases = []struct {
	name, src, out, lastErr string
	status                  int
}{
	{"print", `print(1, "a", 2.5, None, True, sep="-", end="!\n")`, "1-a-2.5-None-True!\n", "", 0},
	{"noargs-str", `"abc".upper(1)`, "", "TypeError: str.upper() takes no arguments (1 given)", 1},
	{"noargs-int", `(5).bit_length(2)`, "", "TypeError: int.bit_length() takes no arguments (1 given)", 1},
	{"noargs-dict", `{}.items(1)`, "", "TypeError: dict.items() takes no arguments (1 given)", 1},
	{"bigint", "print(2 ** 100, -(2 ** 64) // 3, (2 ** 64) % 7, 9223372036854775807 + 1)",
		"1267650600228229401496703205376 -6148914691236517206 2 9223372036854775808\n", "", 0},
	{"floordiv", "print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7.5 // 2, -7.5 % 2)", "-4 1 -4 -1 -4.0 0.5\n", "", 0},
	{"floatrepr", "print(0.1 + 0.2, 1e16, 1e-5, 1.0, 1e22, 123456789.0, float('inf'), -0.0)",
		"0.30000000000000004 1e+16 1e-05 1.0 1e+22 123456789.0 inf -0.0\n", "", 0},
	{"fstring", `x = 3.14159; n = 1234567; print(f"{x:.2f} {n:,} {n:>10} {x:08.3f} {x:e} {0.25:%} {'s':^5}|")`,
		"3.14 1,234,567    1234567 0003.142 3.141590e+00 25.000000%   s  |\n", "", 0},
	{"strings", `s = "hello"; print(s[1:3], s[::-1], s.upper(), s.split("l"), "-".join("ab"), s.find("l"))`,
		"el olleh HELLO ['he', '', 'o'] a-b 2\n", "", 0},
	{"lists", "xs = [3, 1, 2]; xs.append(0); xs.sort(); print(xs, xs[-1], xs[1:], len(xs), xs.pop(), xs)",
		"[0, 1, 2] 3 [1, 2, 3] 4 3 [0, 1, 2]\n", "", 0},
	{"dicts", `d = {"a": 1}; d["b"] = 2; print(d, list(d.items()), d.get("z", 0), "a" in d)`,
		"{'a': 1, 'b': 2} [('a', 1), ('b', 2)] 0 True\n", "", 0},
	{"comprehension", "print([i * i for i in range(6) if i % 2], sum(i for i in range(5)))", "[1, 9, 25] 10\n", "", 0},
	{"unpack", "a, (b, c) = 1, (2, 3); a, b = b, a; print(a, b, c)", "2 1 3\n", "", 0},
	{"chained", "print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0)", "True False True\n", "", 0},
	{"closure", "def f(n):\n    return lambda x: x + n\nprint(f(2)(3))", "5\n", "", 0},
	{"defaults", "def f(a, b=2, c=3):\n    return a + b * c\nprint(f(1), f(1, c=10), f(a=0, b=0))", "7 21 0\n", "", 0},
	{"sorted", `print(sorted(["bb", "a", "ccc"], key=len, reverse=True))`, "['ccc', 'bb', 'a']\n", "", 0},
	{"try", "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print('caught', e)\nfinally:\n    print('done')",
		"caught division by zero\ndone\n", "", 0},
	{"round", "print(round(2.5), round(3.5), round(2.675, 2), round(-0.5))", "2 4 2.67 0\n", "", 0},
	{"sumfloat", "print(sum([0.1] * 10))", "1.0\n", "", 0},
	{"pep701", `d = {"k": 1}` + "\n" + `print(f"{d["k"]} {f"{d['k']!r}"}")`, "1 1\n", "", 0},
	{"zerodiv", "print('x')\nprint(1 // 0)", "x\n", "ZeroDivisionError: division by zero", 1},
	{"nameerror", "print(y)", "", "NameError: name 'y' is not defined", 1},
	{"setcode", "def f(): pass\ndef g(): return 1\nf.__code__ = g.__code__", "", "NotImplementedError: assigning a function's __code__ is not supported in minipy", 1},
	{"typeerror", "1 + 'a'", "", "TypeError: unsupported operand type(s) for +: 'int' and 'str'", 1},
	{"index", "[1][3]", "", "IndexError: list index out of range", 1},
	{"key", "{}['k']", "", "KeyError: 'k'", 1},
	{"assert", "assert 1 > 2", "", "AssertionError", 1},
	{"unbound", "def f():\n    y = x\n    x = 1\nf()", "",
		"UnboundLocalError: cannot access local variable 'x' where it is not associated with a value", 1},
	{"recursion", "def f(n):\n    return f(n + 1)\nf(0)", "", "RecursionError: maximum recursion depth exceeded", 1},
	{"valueerror", "int('x1')", "", "ValueError: invalid literal for int() with base 10: 'x1'", 1},
	{"syntax", "if x\n    pass", "", "SyntaxError: expected ':'", 1},
	{"unterminated", "s = 'abc\n", "", "SyntaxError: unterminated string literal (detected at line 1)", 1},
	{"indent", "x = 1\n    y = 2", "", "IndentationError: unexpected indent", 1},
	{"block", "if True:\npass", "", "IndentationError: expected an indented block after 'if' statement on line 1", 1},
	{"dedent", "if True:\n    x = 1\n  y = 2", "", "IndentationError: unindent does not match any outer indentation level", 1},
	{"neverclosed", "x = (1,\n", "", "SyntaxError: '(' was never closed", 1},
	// A tokenizer error after the parser's generic complaint wins, as
	// CPython tokenizes the rest of the source (the fuzzer's "(''0" was
	// a Go panic in the check for a string's missing part).
	{"neverclosed-after-string", "(''0", "", "SyntaxError: '(' was never closed", 1},
	{"unterminated-after-error", "x = 'a' 1 'b", "", "SyntaxError: unterminated string literal (detected at line 1)", 1},
	{"unterminated-after-comma", "print('a' b 'c", "", "SyntaxError: unterminated string literal (detected at line 1)", 1},
	{"forgot-comma", "print(1 2)", "", "SyntaxError: invalid syntax. Perhaps you forgot a comma?", 1},
	{"nesting", strings.Repeat("(", 500) + strings.Repeat(")", 500), "", "SyntaxError: too many nested parentheses", 1},
}

func TestSmoke(t *testing.T) {
	for _, c := range smokeCases {
		t.Run(c.name, func(t *testing.T) {
			out, last, status := run(t, c.src)
			if out != c.out || status != c.status || (c.lastErr != "" && last != c.lastErr) {
				t.Errorf("got (%q, %q, %d), want (%q, %q, %d)", out, last, status, c.out, c.lastErr, c.status)
			}
		})
	}
}

// TestConcurrentRuns checks that Run shares no mutable state between calls.
func TestConcurrentRuns(t *testing.T) {
	src := "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\ndef g(n):\n    for i in range(n):\n        yield fib(i)\nxs = list(g(15))\nleft = g(5)\nnext(left)\nprint(xs[-1], sum(xs))"
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out, errb bytes.Buffer
			if s := Run("t.py", []byte(src), &out, &errb); s != 0 || out.String() != "377 986\n" {
				errs <- fmt.Sprintf("status %d, out %q, err %q", s, out.String(), errb.String())
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestNoPanics feeds mangled programs to Run: every one must end with a
// status, never a Go panic.
func TestNoPanics(t *testing.T) {
	base := "def f(a, b=1):\n    return [a, b, {a: (b,)}][0] + f'{a:>3}'\nx = f(2) if 1 < 2 else -1\nfor i in range(3):\n    x += i\nprint(x)\n"
	for cut := 0; cut < len(base); cut++ {
		for _, ins := range []string{"", "(", ")", ":", "\n", " ", "'", "[", "0", "*"} {
			src := base[:cut] + ins + base[cut+1:]
			var out, errb bytes.Buffer
			s := Run("t.py", []byte(src), &out, &errb)
			if strings.Contains(errb.String(), "internal error") {
				t.Fatalf("internal error on %q: %s", src, errb.String())
			}
			if s != 0 && s != 1 {
				t.Fatalf("status %d on %q", s, src)
			}
		}
	}
}

func TestDisassemble(t *testing.T) {
	var b bytes.Buffer
	if err := Disassemble("t.py", []byte("def f(a, b):\n    return a + b\nprint(f(1, 2))"), &b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"code f:", "ADD", "RETURN", "CALL"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("listing lacks %q:\n%s", want, b.String())
		}
	}
	if err := Disassemble("t.py", []byte("if x\n"), &b); err == nil || !strings.Contains(err.Error(), "expected ':'") {
		t.Errorf("got %v, want a SyntaxError", err)
	}
}

// FuzzRun checks that no input makes Run panic or report an internal error.
func FuzzRun(f *testing.F) {
	for _, c := range smokeCases {
		f.Add(c.src)
	}
	for _, p := range regressPrograms {
		f.Add(p.src)
	}
	for _, c := range loadCorpus(f) {
		f.Add(string(c.src))
	}
	if fl := flag.Lookup("test.fuzz"); fl != nil && fl.Value.String() != "" {
		// Fuzzing: workers run side by side, so each gets 2 GB.
		setMemLimit(2 << 30)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if strings.Contains(src, "while") || strings.Contains(src, "**") || strings.Contains(src, "<<") || strings.Contains(src, "*") {
			return // may legitimately run for a long time or allocate a lot
		}
		// A program still running after a second is interrupted (and
		// again each second, in case it catches KeyboardInterrupt), so
		// that no input stalls a fuzzing worker.
		intr := make(chan os.Signal, 1)
		stop := make(chan struct{})
		go func() {
			tick := time.NewTicker(time.Second)
			defer tick.Stop()
			for {
				select {
				case <-tick.C:
					select {
					case intr <- os.Interrupt:
					default:
					}
				case <-stop:
					return
				}
			}
		}()
		var out, errb bytes.Buffer
		s := RunWith(Config{Interrupts: intr}, "f.py", []byte(src), nil, &out, &errb)
		close(stop)
		// A program may exit with a status of its own (sys.exit(5),
		// unittest.main() with no tests); above 127 only Ctrl-C's 130.
		if strings.Contains(errb.String(), "internal error") || s < 0 || (s > 127 && s != 130) {
			t.Fatalf("status %d, stderr %q", s, errb.String())
		}
	})
}
