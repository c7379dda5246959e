package bf

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"
)

// reference runs src character by character with no optimisation: the
// oracle for Compile. It gives up after steps commands (ok false) and
// reports a head leaving [0, Cells) as an error.
func reference(src string, input []byte, steps int) (out []byte, err error, ok bool) {
	match := map[int]int{}
	var open []int
	for i, c := range src {
		switch c {
		case '[':
			open = append(open, i)
		case ']':
			j := open[len(open)-1]
			open = open[:len(open)-1]
			match[i], match[j] = j, i
		}
	}
	tape := make([]uint16, Cells)
	head := 0
	for pc := 0; pc < len(src); pc++ {
		if steps--; steps < 0 {
			return out, nil, false
		}
		switch src[pc] {
		case '+':
			tape[head]++
		case '-':
			tape[head]--
		case '>', '<':
			if src[pc] == '>' {
				head++
			} else {
				head--
			}
			if head < 0 || head >= Cells {
				return out, errors.New("off the tape"), true
			}
		case '.':
			out = append(out, byte(tape[head]))
		case ',':
			if len(input) > 0 {
				tape[head] = uint16(input[0])
				input = input[1:]
			}
		case '[':
			if tape[head] == 0 {
				pc = match[pc]
			}
		case ']':
			if tape[head] != 0 {
				pc = match[pc]
			}
		}
	}
	return out, nil, true
}

// printer returns Brainfuck that prints s, building each byte from the
// last with a multiplying loop.
func printer(s string) string {
	var b strings.Builder
	cur := 0
	for i := 0; i < len(s); i++ {
		d := int(s[i]) - cur
		sign := "+"
		if d < 0 {
			sign, d = "-", -d
		}
		b.WriteString(">" + strings.Repeat("+", d/8) + "[<" + strings.Repeat(sign, 8) + ">-]<" + strings.Repeat(sign, d%8) + ".")
		cur = int(s[i])
	}
	return b.String()
}

func newTestJIT(t testing.TB) *JIT {
	t.Helper()
	j, err := NewJIT()
	if errors.Is(err, ErrUnsupported) {
		t.Skipf("no JIT here: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// capped is an output that refuses more than a megabyte, so a program
// that prints forever fails instead of eating memory.
type capped struct{ bytes.Buffer }

var errTooMuch = errors.New("more than 1 MiB of output")

func (c *capped) Write(p []byte) (int, error) {
	if c.Len()+len(p) > 1<<20 {
		return 0, errTooMuch
	}
	return c.Buffer.Write(p)
}

// both runs p in the interpreter and natively, for ten minutes at most,
// and insists they agree; it returns the output and error. The limit only
// stops a program that never ends: on a loaded 2-core machine the
// interpreter's mandelbrot alone took more than a minute.
func both(t *testing.T, j *JIT, p *Program, input string) (string, error) {
	t.Helper()
	var o1, o2 capped
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	e1 := p.Interpret(ctx, strings.NewReader(input), &o1)
	e2 := p.Run(ctx, j, strings.NewReader(input), &o2)
	if o1.String() != o2.String() || errString(e1) != errString(e2) {
		t.Errorf("interpreter: %.200q, %v\nnative:      %.200q, %v\nprogram:\n%.2000v", o1.String(), e1, o2.String(), e2, p)
	}
	return o1.String(), e1
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestPrograms(t *testing.T) {
	j := newTestJIT(t)
	cases := []struct {
		name, src, input, want, err string
	}{
		{"hello", printer("Hello, World!\n"), "", "Hello, World!\n", ""},
		{"echo to a NUL", ",[.,]", "copy me\x00", "copy me", ""},
		{"eof leaves the cell", "+++,.", "", "\x03", ""},
		{"wraps", "-.", "", "\xff", ""},
		{"16-bit cells", "-[>+<-]>[-[-[-]]]++++++++[<++++++++>-]<+.", "", "A", ""},
		{"multiply", "+++[>+++++<-]>[<+++++>-]<[>+++<-]>[>+<-]>.", "", "\xe1", ""},
		{"nested", "++[>++[>+++<-]<-]>>+++++++++++++++++++++++++++++++++++++++++++++++++++++++.", "", "C", ""},
		{"offsets", ">>>+++<<<->>.<<.", "", "\x00\xff", ""},
		{"left of the tape", "+.<", "", "\x01", "1:3: the head moved off the tape (to cell -1; the tape is cells 0 to 65535)"},
		{"right of the tape", "+[>+]", "", "", "1:3: the head moved off the tape (to cell 65536; the tape is cells 0 to 65535)"},
		{"empty", "", "", "", ""},
		{"comments only", "no commands here", "", "", ""},
		{"long output", "++++++++[>++++++++<-]>+" + strings.Repeat(".", 10000), "", strings.Repeat("A", 10000), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := Compile(c.src)
			if err != nil {
				t.Fatal(err)
			}
			out, err := both(t, j, p, c.input)
			if out != c.want || errString(err) != c.err {
				t.Errorf("got %.200q, %v; want %.200q, %q", out, err, c.want, c.err)
			}
			if ref, rerr, ok := reference(c.src, []byte(c.input), 1e7); !ok || string(ref) != c.want || (rerr != nil) != (c.err != "") {
				t.Errorf("reference: %.200q, %v, finished %v", ref, rerr, ok)
			}
		})
	}
}

func TestSyntaxErrors(t *testing.T) {
	for src, want := range map[string]string{
		"+]":      "1:2: ']' without a matching '['",
		"\n [[]":  "2:2: '[' without a matching ']'",
		"[][][[]": "1:5: '[' without a matching ']'",
	} {
		if _, err := Compile(src); err == nil || err.Error() != want {
			t.Errorf("%q: got %v, want %q", src, err, want)
		}
	}
}

// TestCompileShapes: what the optimiser makes of the usual idioms.
func TestCompileShapes(t *testing.T) {
	for src, want := range map[string]string{
		"+++--":        "0\tadd [0] 1\n1\tend\n",
		"[-]":          "0\tset [0] 0\n1\tend\n",
		"[-]+++":       "0\tset [0] 3\n1\tend\n",
		"[->+>++<<]":   "0\tmul_add [1] 1\n1\tmul_add [2] 2\n2\tset [0] 0\n3\tend\n",
		"[+>-<]":       "0\tmul_add [1] 1\n1\tset [0] 0\n2\tend\n",
		">>+<.>>":      "0\tadd [2] 1\n1\tout [1]\n2\tmove 3\n3\tend\n",
		"+[>.<-]":      "0\tadd [0] 1\n1\tjump_if_zero -> 5\n2\tout [1]\n3\tadd [0] -1\n4\tloop -> 2\n5\tend\n",
		"[>]":          "0\tjump_if_zero -> 3\n1\tmove 1\n2\tloop -> 1\n3\tend\n",
		",[.,]":        "0\tin [0]\n1\tjump_if_zero -> 5\n2\tout [0]\n3\tin [0]\n4\tloop -> 2\n5\tend\n",
		"+>+<[->-<]>.": "0\tadd [0] 1\n1\tadd [1] 1\n2\tmul_add [1] -1\n3\tset [0] 0\n4\tout [1]\n5\tmove 1\n6\tend\n",
	} {
		p, err := Compile(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.String(); got != want {
			t.Errorf("%q:\ngot\n%swant\n%s", src, got, want)
		}
	}
}

// TestRandomPrograms compares random programs with the character-by-
// character reference, and the interpreter with native code.
func TestRandomPrograms(t *testing.T) {
	j := newTestJIT(t)
	n := 400
	if testing.Short() {
		n = 60
	}
	compared := 0
	for seed := range n {
		src := randomProgram(rand.New(rand.NewPCG(uint64(seed), 12)), 4)
		ref, rerr, ok := reference(src, []byte("input"), 200000)
		if !ok || rerr != nil {
			// It may not terminate; and folding moves can hide a head that
			// left the tape and came back between two loop boundaries, so
			// the compiled program may run on where the reference stopped.
			continue
		}
		p, err := Compile(src)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		compared++
		out, err := both(t, j, p, "input")
		if out != string(ref) || err != nil {
			t.Errorf("seed %d: %q\ngot %q, %v\nwant %q", seed, src, out, err, ref)
		}
	}
	t.Logf("%d of %d random programs ended in the reference and were compared", compared, n)
	if compared < n/4 {
		t.Errorf("only %d of %d random programs ended in the reference: the generator needs tuning", compared, n)
	}
}

func randomProgram(r *rand.Rand, depth int) string {
	var b strings.Builder
	for range 1 + r.IntN(12) {
		switch k := r.IntN(20); {
		case k < 6:
			b.WriteString(strings.Repeat("+", 1+r.IntN(5)))
		case k < 9:
			b.WriteString(strings.Repeat("-", 1+r.IntN(5)))
		case k < 12:
			b.WriteString(strings.Repeat(">", 1+r.IntN(3)))
		case k < 14:
			b.WriteString(strings.Repeat("<", 1+r.IntN(3)))
		case k < 16:
			b.WriteString(".")
		case k < 17:
			b.WriteString(",")
		case depth > 0:
			// Loops that count their cell down terminate more often.
			b.WriteString("[-" + randomProgram(r, depth-1) + "]")
		}
	}
	return b.String()
}

func TestMandelbrot(t *testing.T) {
	j := newTestJIT(t)
	names := []string{"mandelbrot_small"}
	if !testing.Short() {
		names = append(names, "mandelbrot")
	}
	for _, name := range names {
		src, err := os.ReadFile("testdata/" + name + ".b")
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile("testdata/" + name + ".out")
		if err != nil {
			t.Fatal(err)
		}
		p, err := Compile(string(src))
		if err != nil {
			t.Fatal(err)
		}
		if out, err := both(t, j, p, ""); out != string(want) || err != nil {
			t.Errorf("%s: got %v\n%s\nwant\n%s", name, err, out, want)
		}
	}
}

// TestCancel: a program that never ends stops when its context is done,
// natively too (at a safepoint exit).
func TestCancel(t *testing.T) {
	j := newTestJIT(t)
	p, err := Compile("+[>+<]")
	if err != nil {
		t.Fatal(err)
	}
	for _, jj := range []*JIT{nil, j} {
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		err := p.Run(ctx, jj, strings.NewReader(""), &bytes.Buffer{})
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("native %v: got %v, want the context's error", jj != nil, err)
		}
	}
}

// BenchmarkMandelbrot runs testdata/mandelbrot.b in the interpreter and
// natively, side by side (compile time included in native).
func BenchmarkMandelbrot(b *testing.B) {
	src, err := os.ReadFile("testdata/mandelbrot.b")
	if err != nil {
		b.Fatal(err)
	}
	p, err := Compile(string(src))
	if err != nil {
		b.Fatal(err)
	}
	j := newTestJIT(b)
	for _, m := range []struct {
		name string
		jit  *JIT
	}{{"interpreter", nil}, {"native", j}} {
		b.Run(m.name, func(b *testing.B) {
			for b.Loop() {
				if err := p.Run(context.Background(), m.jit, strings.NewReader(""), &bytes.Buffer{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
