package interp

import (
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
)

// Tests for issue 9: bad input and faults end in CPython's error, never a
// Go crash. Programs whose output python3 can check live in
// testdata/corpus/faults.txtar.

// TestDeepNestingUncaught checks the RecursionError that CPython 3.14
// raises when nested containers exhaust its C stack: the text names the
// stack used, so only its shape is fixed.
func TestDeepNestingUncaught(t *testing.T) {
	build := "x = []\ny = []\nt = ()\nfor i in range(100000):\n    x = [x]\n    y = [y]\n    t = (t,)\nprint('before')\n"
	for _, c := range []struct{ expr, where string }{
		{"x == y", " in comparison"},
		{"x < y", " in comparison"},
		{"x in [y]", " in comparison"},
		{"repr(x)", " while getting the repr of an object"},
		{"x", " while getting the repr of an object"},
		{"hash(t)", ""},
	} {
		t.Run(c.expr, func(t *testing.T) {
			var out, errb bytes.Buffer
			status := Run("t.py", []byte(build+"print("+c.expr+")\n"), &out, &errb)
			want := regexp.MustCompile(`^RecursionError: Stack overflow \(used \d+ kB\)` + regexp.QuoteMeta(c.where) + `$`)
			if last := lastLine(errb.String()); status != 1 || out.String() != "before\n" || !want.MatchString(last) {
				t.Errorf("got status %d, out %q, last line %q; want 1, %q, %s", status, out.String(), last, "before\n", want)
			}
		})
	}
}

// TestReprThroughInstances checks that a container met again inside an
// instance's __repr__ prints as [...] (CPython keeps one list of the
// containers being printed per thread), and that a __repr__ recursing
// without a container between is a plain RecursionError.
func TestReprThroughInstances(t *testing.T) {
	src := `class A:
    def __init__(self):
        self.items = [self, {1: self}]
    def __repr__(self):
        return "A" + repr(self.items)
print([A()])
class B:
    def __repr__(self):
        return repr(self)
try:
    repr(B())
except RecursionError as e:
    print(e)
`
	out, last, status := run(t, src)
	want := "[A[A[...], {1: A[...]}]]\nmaximum recursion depth exceeded\n"
	if out != want || status != 0 {
		t.Errorf("got (%q, %q, %d), want %q", out, last, status, want)
	}
	if strings.Contains(out, "internal error") {
		t.Error(out)
	}
}

// TestMemoryErrorUnderLimit runs programs that grow without bound in a
// child process under an address-space limit (ulimit -v): each must end in
// MemoryError with its output flushed and status 1, or catch it, never in
// the Go runtime's fatal "out of memory".
func TestMemoryErrorUnderLimit(t *testing.T) {
	if src := os.Getenv("INTERP_MEMORY_CHILD"); src != "" {
		os.Exit(Run("grow.py", []byte(src), os.Stdout, os.Stderr))
	}
	if runtime.GOOS != "linux" {
		t.Skip("ulimit -v is checked on Linux")
	}
	if testing.Short() {
		t.Skip("-short: fills 2 GB")
	}
	// Its children run one at a time, beside the package's other
	// parallel tests (their memory is their own).
	t.Parallel()
	for _, c := range []struct{ name, src, out, lastErr string }{
		{"append", "print('start')\nx = []\nwhile True:\n    x.append(1)\n", "start\n", "MemoryError"},
		{"nested", "print('start')\nx = []\ni = 0\nwhile True:\n    x.append([i, i, i])\n    i += 1\n", "start\n", "MemoryError"},
		{"dict", "print('start')\nd = {}\ni = 0\nwhile True:\n    d[i] = i\n    i += 1\n", "start\n", "MemoryError"},
		{"string", "print('start')\ns = 'x'\nwhile True:\n    s = s + s\n", "start\n", "MemoryError"},
		{"comprehension", "print('start')\nx = [i * i for i in range(10**10)]\n", "start\n", "MemoryError"},
		{"bytes", "import struct\nfor f in [lambda: b'x'.center(10**13), lambda: b'1'.zfill(10**13), lambda: b'\\t'.expandtabs(2**31 - 1), lambda: struct.pack('9999999999999x'), lambda: bytearray(10**13), lambda: b'ab' * 10**13]:\n    try:\n        f()\n    except MemoryError:\n        print('MemoryError')\n", strings.Repeat("MemoryError\n", 6), ""},
		{"caught", "x = []\ntry:\n    while True:\n        x.append([0] * 1000)\nexcept MemoryError:\n    n = len(x)\n    x = None\n    print('caught', n > 1000)\n", "caught True\n", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command("bash", "-c", `ulimit -v 2500000 && exec "$0" -test.run='^TestMemoryErrorUnderLimit$'`, os.Args[0])
			cmd.Env = append(os.Environ(), "INTERP_MEMORY_CHILD="+c.src)
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			status := 0
			if err := cmd.Run(); err != nil {
				ee, ok := err.(*exec.ExitError)
				if !ok {
					t.Fatal(err)
				}
				status = ee.ExitCode()
			}
			wantStatus := 0
			if c.lastErr != "" {
				wantStatus = 1
			}
			if out.String() != c.out || status != wantStatus || lastLine(errb.String()) != c.lastErr {
				t.Errorf("got out %q, status %d, stderr %q\nwant out %q, status %d, last line %q",
					out.String(), status, truncate(errb.String(), 600), c.out, wantStatus, c.lastErr)
			}
		})
	}
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

// TestNoFixedSizeLimits checks that sizes past the limits minipy once had
// (2**26 items from an iterable, 2**27 from *, 2**24 as an exponent) are
// computed as CPython computes them.
func TestNoFixedSizeLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: allocates 3 GB")
	}
	for _, c := range []struct{ src, out string }{
		{"x = list(range(70_000_000))\nprint(len(x), x[0], x[-1], x[12345678])", "70000000 0 69999999 12345678\n"},
		{"x = [0] * 140_000_000\nprint(len(x), x[-1])", "140000000 0\n"},
		{"x = 2 ** (2**24 + 1)\nprint(x.bit_length(), x % 10**9, (-2) ** (2**24 + 1) % 997)", "16777218 768195072 558\n"},
		{"x = 2 ** 10**8\nprint(x.bit_length(), x % 1000)", "100000001 376\n"},
		{"print([] * 2**62, '' * 2**62, (1,) * 0)", "[]  ()\n"},
	} {
		out, last, status := run(t, c.src)
		if out != c.out || status != 0 {
			t.Errorf("%s:\ngot (%q, %q, %d), want %q", c.src, out, last, status, c.out)
		}
	}
}

// TestMemoryErrorBeyondMachine checks that what cannot fit in any machine
// is a MemoryError at once.
func TestMemoryErrorBeyondMachine(t *testing.T) {
	for _, src := range []string{"[0] * 2**62", "'a' * 2**62", "2 ** 2**64", "(1, 2) * 2**61", "x = [1] * 2**40"} {
		out, last, status := run(t, src)
		if out != "" || status != 1 || last != "MemoryError" {
			t.Errorf("%s: got (%q, %q, %d), want MemoryError", src, out, last, status)
		}
	}
	if _, last, _ := run(t, "'ab' * 2**62"); last != "OverflowError: repeated string is too long" {
		t.Errorf("'ab' * 2**62: got %q", last)
	}
}

// TestSourceDecoding checks that source bytes are decoded as CPython's
// tokenizer decodes them (PEP 263), with its messages for what it refuses.
func TestSourceDecoding(t *testing.T) {
	const pep = "but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"
	for _, c := range []struct {
		name, src, out, err string
	}{
		{"invalid utf-8", "print('a')\nx = \"caf\xe9\"\nprint(x)\n", "",
			"SyntaxError: Non-UTF-8 code starting with '\\xe9' in file t.py on line 2, " + pep},
		{"surrogate", "x = '\xed\xa0\x80'\n", "", "SyntaxError: Non-UTF-8 code starting with '\\xed' in file t.py on line 1, " + pep},
		{"bom", "\xef\xbb\xbfprint('bom')\n", "bom\n", ""},
		{"bom and utf-8", "\xef\xbb\xbf# coding: utf-8\nprint(2)\n", "2\n", ""},
		{"null byte", "print(1)\nx = \"a\x00b\"\n", "", "  File \"t.py\", line 2\n    x = \"a\nSyntaxError: source code cannot contain null bytes\n"},
		{"only a null byte", "\x00", "", "  File \"t.py\", line 1\n    \nSyntaxError: source code cannot contain null bytes\n"},
		{"binary", "\x7fELF\x02\x01\x01\x00\x00\x00\xff\xfe\n", "", "  File \"t.py\", line 1\n    \x7fELF\x02\x01\x01\nSyntaxError: source code cannot contain null bytes\n"},
		{"invalid before null", "print(\"\xe9\x00\")\n", "", "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file t.py on line 1, " + pep},
		{"latin-1", "# -*- coding: latin-1 -*-\nprint(\"caf\xe9\", len(\"caf\xe9\"))\n", "café 4\n", ""},
		{"latin-1 second line", "#!/usr/bin/env python3\n# vim: set fileencoding=latin-1 :\nprint(\"\xe9\")\n", "é\n", ""},
		{"latin1 spelling", "# first\n# coding=latin1\nprint(\"\xe9\")\n", "é\n", ""},
		{"second line after code", "print(1)\n# coding: latin-1\nprint(\"\xe9\")\n", "",
			"SyntaxError: Non-UTF-8 code starting with '\\xe9' in file t.py on line 3, " + pep},
		{"cp1252", "# coding: cp1252\nprint(\"\x80\x93\")\n", "€“\n", ""},
		// Declared UTF-8 is decoded token by token (CPython 3.11's words;
		// the caret under a bad byte in a string is minipy's own guess).
		{"declared utf-8, string", "# coding: utf-8\nx = \"ab\xffcd\"\n", "",
			"  File \"t.py\", line 2\n    x = \"ab\uFFFDcd\"\n           ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte\n"},
		{"declared utf-8, name", "# -*- coding: utf-8 -*-\nprint(1)\nab\xc3c = 3\n", "",
			"  File \"t.py\", line 3\n    ab\uFFFDc = 3\n      ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xc3 in position 2: invalid continuation byte\n"},
		{"declared utf-8, second line of a string", "# coding: utf-8\ns = \"\"\"ab\ncd\xffe\"\"\"\n", "",
			"  File \"t.py\", line 3\n    cd\uFFFDe\"\"\"\n      ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 5: invalid start byte\n"},
		{"declared utf-8, comment", "# coding: utf-8\n# caf\xe9\nprint(2)\n", "2\n", ""},
		{"declared utf-8, cut short", "# coding: utf-8\ns = '''x\xe2\x82'''\n", "",
			"  File \"t.py\", line 2\n    s = '''x\uFFFD'''\n            ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xe2 in position 1: unexpected end of data\n"},
		{"unknown encoding", "# coding: foo\nprint(1)\n", "", "SyntaxError: encoding problem: foo\n"},
		{"bom with latin-1", "\xef\xbb\xbf# coding: latin-1\nprint(1)\n", "", "SyntaxError: encoding problem: iso-8859-1 with BOM\n"},
		{"ascii", "# coding: ascii\nx = \"caf\xe9\"\n", "", "SyntaxError: encoding problem: ascii\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			status := Run("t.py", []byte(c.src), &out, &errb)
			want := 0
			if c.err != "" {
				want = 1
			}
			if out.String() != c.out || errb.String() != c.err || status != want {
				t.Errorf("got (%q, %q, %d), want (%q, %q, %d)", out.String(), errb.String(), status, c.out, c.err, want)
			}
		})
	}
}

// TestLongBoolChains checks that and/or chains of any length compile, as
// CPython's flat BoolOp does, in value position and as conditions, and
// that each keeps Python's short-circuit answer.
func TestLongBoolChains(t *testing.T) {
	chain := func(op, term string, n int) string {
		return strings.Repeat(term+" "+op+" ", n-1) + term
	}
	for _, c := range []struct{ src, out string }{
		{"x = " + chain("and", "1", 200_000) + "\nprint(x)", "1\n"},
		{"x = " + chain("or", "0", 200_000) + " or 'end'\nprint(x)", "end\n"},
		{"if " + chain("and", "1", 200_000) + ":\n    print('all')", "all\n"},
		{"n = 0\nwhile n < 3 and " + chain("and", "n >= 0", 100_000) + ":\n    n += 1\nprint(n)", "3\n"},
		{"if not (" + chain("or", "0", 100_000) + "):\n    print('none')", "none\n"},
		{"print(1 and 2 or 3 and 0 or 4, 0 or 0 and 1, [] or {} or None, 1 and 0 and 2)", "2 0 None 0\n"},
		{"for a in (0, 1):\n    for b in (0, 1):\n        for c in (0, 1):\n            print(a and b or c, a or b and c, (a and b and c) or -1, end=' ')", "0 0 -1 1 0 -1 0 0 -1 1 1 -1 0 1 -1 1 1 -1 1 1 -1 1 1 1 "},
	} {
		out, last, status := run(t, c.src)
		if out != c.out || status != 0 {
			t.Errorf("%.80s:\ngot (%q, %q, %d), want %q", c.src, out, last, status, c.out)
		}
	}
}

// TestHopelessAllocationDoesNotCollect: a size beyond every limit, even
// with an empty heap ('a'.zfill(10**13)), is refused at once. A forced
// collection there stops the whole process (an embedder's, a test
// binary's) for nothing.
func TestHopelessAllocationDoesNotCollect(t *testing.T) {
	memInit()
	forced := func() uint64 {
		s := []metrics.Sample{{Name: "/gc/cycles/forced:gc-cycles"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	for _, n := range []uint64{1 << 47, 1 << 46} {
		before := forced()
		if memFits(n) {
			t.Errorf("memFits(%d) = true", n)
		}
		if got := forced() - before; got != 0 {
			t.Errorf("memFits(%d) forced %d collections; want none", n, got)
		}
	}
}
