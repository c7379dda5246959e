package interp

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// program is one file of testdata/programs/{lang,bench} with the CPython 3.14
// output kept beside it in testdata/programs/expected (a copy of
// shared/programs: the project keeps its own expectations).
type program struct {
	name    string // e.g. "bench/fib"
	path    string
	out     string
	status  int
	lastErr string
}

func loadPrograms(t testing.TB, dir string) []program {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "programs", dir, "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no programs in testdata/programs/%s", dir)
	}
	var ps []program
	for _, f := range files {
		stem := strings.TrimSuffix(filepath.Base(f), ".py")
		exp := filepath.Join("testdata", "programs", "expected", dir, stem)
		out, err := os.ReadFile(exp + ".out")
		if err != nil {
			t.Fatalf("%s: no expected output: %v", f, err)
		}
		p := program{name: dir + "/" + stem, path: f, out: string(out)}
		if s, err := os.ReadFile(exp + ".status"); err == nil {
			if p.status, err = strconv.Atoi(strings.TrimSpace(string(s))); err != nil {
				t.Fatalf("%s.status: %v", exp, err)
			}
		}
		if s, err := os.ReadFile(exp + ".lasterr"); err == nil {
			p.lastErr = strings.TrimSuffix(string(s), "\n")
		}
		ps = append(ps, p)
	}
	return ps
}

func runPrograms(t *testing.T, dir string) {
	for _, p := range loadPrograms(t, dir) {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(p.path)
			if err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			status := Run(p.path, src, &out, &errb)
			checkRun(t, out.String(), errb.String(), status, p.out, p.lastErr, p.status)
		})
	}
}

func TestLangPrograms(t *testing.T) { runPrograms(t, "lang") }

// TestBenchPrograms checks the benchmark checksums, so a fast wrong answer
// can't pass for a fast one.
func TestBenchPrograms(t *testing.T) { runPrograms(t, "bench") }
