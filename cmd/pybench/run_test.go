package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestOrder(t *testing.T) {
	tests := []struct {
		n, round int
		want     []int
	}{
		{4, 0, []int{0, 1, 3, 2}},
		{4, 1, []int{1, 2, 0, 3}},
		{4, 5, []int{1, 2, 0, 3}},
		{3, 0, []int{0, 1, 2}},
		{3, 3, []int{2, 1, 0}},
		{2, 1, []int{1, 0}},
		{1, 7, []int{0}},
	}
	for _, tt := range tests {
		if got := order(tt.n, tt.round); !slices.Equal(got, tt.want) {
			t.Errorf("order(%d, %d) = %v, want %v", tt.n, tt.round, got, tt.want)
		}
	}
	// Over one period each round is a permutation, every interpreter runs
	// first equally often, and every interpreter runs right after every
	// other equally often.
	for n := 2; n <= 6; n++ {
		period := n
		if n%2 == 1 {
			period = 2 * n
		}
		firsts := map[int]int{}
		pairs := map[[2]int]int{}
		for round := range period {
			o := order(n, round)
			if s := slices.Sorted(slices.Values(o)); !slices.Equal(s, seq(n)) {
				t.Fatalf("order(%d, %d) = %v is not a permutation", n, round, o)
			}
			firsts[o[0]]++
			for j := 1; j < n; j++ {
				pairs[[2]int{o[j-1], o[j]}]++
			}
		}
		for k := range n {
			if firsts[k] != period/n {
				t.Errorf("n=%d: interpreter %d first %d times in %d rounds, want %d", n, k, firsts[k], period, period/n)
			}
			for m := range n {
				if k != m && pairs[[2]int{k, m}] != period/n {
					t.Errorf("n=%d: %d runs right after %d %d times in %d rounds, want %d", n, m, k, pairs[[2]int{k, m}], period, period/n)
				}
			}
		}
	}
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func TestEnviron(t *testing.T) {
	tests := []struct {
		base, set, unset []string
		want             []string
	}{
		{[]string{"A=1", "B=2"}, nil, nil, []string{"A=1", "B=2"}},
		{[]string{"A=1", "MINIPY_JIT=1"}, []string{"MINIPY_JIT=0"}, nil, []string{"A=1", "MINIPY_JIT=0"}},
		{[]string{"PYTHON_JIT=1", "A=1"}, []string{"MINIPY_JIT=1"}, []string{"PYTHON_JIT"}, []string{"A=1", "MINIPY_JIT=1"}},
		{[]string{"PYTHON_JITTER=1"}, nil, []string{"PYTHON_JIT"}, []string{"PYTHON_JITTER=1"}},
	}
	for _, tt := range tests {
		if got := environ(tt.base, tt.set, tt.unset); !slices.Equal(got, tt.want) {
			t.Errorf("environ(%v, %v, %v) = %v, want %v", tt.base, tt.set, tt.unset, got, tt.want)
		}
	}
}

func TestFindPrograms(t *testing.T) {
	dir := t.TempDir()
	progs, want := filepath.Join(dir, "bench"), filepath.Join(dir, "expected", "bench")
	for _, d := range []string{progs, want} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"fib", "fannkuch", "nbody", "sieve"} {
		write(t, filepath.Join(progs, name+".py"), "print(1)\n")
		if name != "sieve" {
			write(t, filepath.Join(want, name+".out"), name+"\n")
		}
	}
	write(t, filepath.Join(progs, "notes.txt"), "")

	tests := []struct {
		patterns []string
		want     string // names, or the error's start
	}{
		{[]string{"f*"}, "fannkuch fib"},
		{[]string{"nbody.py", "fib"}, "fib nbody"},
		{[]string{"some/dir/nbody.py"}, "nbody"},
		{[]string{"f*", "fib"}, "fannkuch fib"},
		{[]string{"mandelbrot"}, `error: --programs "mandelbrot" matches no program`},
		{[]string{"["}, `error: bad --programs pattern "["`},
		{nil, "error: sieve has no expected output"},
		{[]string{"sieve"}, "error: sieve has no expected output"},
	}
	for _, tt := range tests {
		ps, err := findPrograms(progs, want, tt.patterns)
		var got string
		if err != nil {
			got = "error: " + err.Error()
		} else {
			var names []string
			for _, p := range ps {
				names = append(names, p.Name)
				if string(p.Want) != p.Name+"\n" || p.Path != filepath.Join(progs, p.Name+".py") {
					t.Errorf("program %+v: wrong path or expected output", p)
				}
			}
			got = strings.Join(names, " ")
		}
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("findPrograms(%q) = %s, want %s", tt.patterns, got, tt.want)
		}
	}
}

// TestFindProgramsRelative checks that a relative --dir gives absolute
// program paths: runs start in the program's directory, where the relative
// path names nothing.
func TestFindProgramsRelative(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"set", filepath.Join("expected", "set")} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(dir, "set", "p.py"), "print(1)\n")
	write(t, filepath.Join(dir, "expected", "set", "p.out"), "1\n")
	t.Chdir(dir)
	ps, err := findPrograms("set", filepath.Join("expected", "set"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || !filepath.IsAbs(ps[0].Path) {
		t.Fatalf("findPrograms of a relative directory = %+v, want one program with an absolute path", ps)
	}
	t.Chdir(filepath.Join(dir, "set"))
	if _, err := os.Stat(ps[0].Path); err != nil {
		t.Errorf("%s is not found from the program's directory: %v", ps[0].Path, err)
	}
}

func TestFirstDiff(t *testing.T) {
	tests := []struct {
		got, want, diff string
	}{
		{"a\nb\n", "a\nb\n", ""},
		{"a\nc\n", "a\nb\n", `line 2: got "c", want "b"`},
		{"a\n", "a\nb\n", `line 2: got "", want "b"`},
		{"a", "a\nb\n", `line 2: output ends, want "b"`},
		{"a\nb\nc", "a\nb\n", `line 3: got "c", want ""`},
		{"a\nb\n\nx", "a\nb\n", `line 4: got "x" after the expected end`},
	}
	for _, tt := range tests {
		if got := firstDiff([]byte(tt.got), []byte(tt.want)); got != tt.diff {
			t.Errorf("firstDiff(%q, %q) = %s, want %s", tt.got, tt.want, got, tt.diff)
		}
	}
}

func TestLastLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Traceback:\n  line 3\nNameError: x\n\n", "NameError: x"},
		{"one", "one"},
	}
	for _, tt := range tests {
		if got := lastLine([]byte(tt.in)); got != tt.want {
			t.Errorf("lastLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTailWriter(t *testing.T) {
	w := &tailWriter{max: 5}
	for _, s := range []string{"abc", "defg", "h"} {
		if n, err := w.Write([]byte(s)); n != len(s) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", s, n, err)
		}
	}
	if string(w.buf) != "defgh" {
		t.Errorf("tail = %q, want %q", w.buf, "defgh")
	}
}

// TestBench runs fake interpreters (shell scripts) to check how outcomes
// are recorded; it looks at no time.
func TestBench(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	prog := filepath.Join(dir, "prog.py")
	write(t, prog, "")
	// Each fake interpreter is sh running a script that ignores the program.
	fake := func(name, script string) Interpreter {
		path := filepath.Join(dir, name)
		write(t, path, "#!"+sh+"\n"+script+"\n")
		if err := os.Chmod(path, 0o755); err != nil {
			t.Fatal(err)
		}
		return Interpreter{Name: name, Path: path, Env: []string{"FAKE=yes"}, Unset: []string{"HOME"}}
	}
	interps := []Interpreter{
		fake("good", `echo 42`),
		fake("env", `echo "$FAKE${HOME:-}"`),
		fake("wrong", `echo 41`),
		fake("crash", `echo 42; echo "Traceback" >&2; echo "ZeroDivisionError: division by zero" >&2; exit 1`),
	}
	r := &runner{timeout: time.Minute, env: []string{"HOME=/root", "FAKE=no"}}
	progs := []Program{
		{Name: "p42", Path: prog, Want: []byte("42\n")},
		{Name: "pyes", Path: prog, Want: []byte("yes\n")},
	}
	rows, err := r.bench(context.Background(), progs, interps, 3)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range rows {
		for _, c := range row.Cells {
			got = append(got, fmt.Sprintf("%s %s: %d runs, %d cpu, %q", row.Program, c.Interpreter, len(c.Seconds), len(c.CPUSeconds), c.Err))
		}
	}
	want := []string{
		`p42 good: 3 runs, 3 cpu, ""`,
		`p42 env: 0 runs, 0 cpu, "wrong output: line 1: got \"yes\", want \"42\""`,
		`p42 wrong: 0 runs, 0 cpu, "wrong output: line 1: got \"41\", want \"42\""`,
		`p42 crash: 0 runs, 0 cpu, "exit status 1: ZeroDivisionError: division by zero"`,
		`pyes good: 0 runs, 0 cpu, "wrong output: line 1: got \"42\", want \"yes\""`,
		`pyes env: 3 runs, 3 cpu, ""`,
		`pyes wrong: 0 runs, 0 cpu, "wrong output: line 1: got \"41\", want \"yes\""`,
		`pyes crash: 0 runs, 0 cpu, "exit status 1: ZeroDivisionError: division by zero"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("bench recorded\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, row := range rows {
		for _, c := range row.Cells {
			if m, ok := c.median(); ok != (c.Median != 0) || (ok && m != c.Median) {
				t.Errorf("%s %s: Median %v, median() %v %v", row.Program, c.Interpreter, c.Median, m, ok)
			}
		}
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
