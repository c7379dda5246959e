package interp

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// corpusCase is one program of testdata/corpus with what CPython 3.14 gives.
type corpusCase struct {
	name    string // file/program, e.g. "ints/bigint"
	src     []byte
	out     string
	status  int
	lastErr string
	py314   bool // output is 3.14's wording; the live python3 (3.11) differs
	// files are a program of several files (parts named "prog/..."): its
	// files by path under the program's directory, src being main's.
	files map[string][]byte
	main  string // the script among files: main.py, else the first .py
}

// write puts a program of several files in dir and returns its script's path.
func (c *corpusCase) write(t testing.TB, dir string) string {
	t.Helper()
	for name, data := range c.files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, filepath.FromSlash(c.main))
}

// loadCorpus reads every txtar under testdata/corpus. A program is the
// -- name.py -- part; name.out, name.status and name.lasterr are optional
// (missing means empty output, status 0, no stderr). Parts named
// "prog/file.py" (and "prog/pkg/__init__.py" ...) are one program of
// several files, run from prog/main.py (else its first .py part), whose
// expected parts are prog.out, prog.status and prog.lasterr.
func loadCorpus(t testing.TB) []corpusCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no corpus files in testdata/corpus")
	}
	var cases []corpusCase
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		only := map[string]bool{}
		for _, line := range strings.Split(string(ar.Comment), "\n") {
			if rest, ok := strings.CutPrefix(line, "py314-only:"); ok {
				for _, n := range strings.Fields(rest) {
					only[n] = true
				}
			}
		}
		parts := map[string][]byte{}
		for _, p := range ar.Files {
			if _, dup := parts[p.Name]; dup {
				t.Fatalf("%s: duplicate part %s", f, p.Name)
			}
			parts[p.Name] = p.Data
		}
		group := strings.TrimSuffix(filepath.Base(f), ".txtar")
		multi := map[string]*corpusCase{}
		for _, p := range ar.Files {
			prog, rest, ok := strings.Cut(p.Name, "/")
			if !ok {
				continue
			}
			c := multi[prog]
			if c == nil {
				c = &corpusCase{name: group + "/" + prog, files: map[string][]byte{}, py314: only[prog]}
				multi[prog] = c
			}
			c.files[rest] = p.Data
			if rest == "main.py" || c.main == "" && strings.HasSuffix(rest, ".py") {
				c.main, c.src = rest, p.Data
			}
		}
		for _, p := range ar.Files {
			if prog, _, ok := strings.Cut(p.Name, "/"); ok {
				if c := multi[prog]; c.main == p.Name[len(prog)+1:] {
					c.out = string(parts[prog+".out"])
					if s, ok := parts[prog+".status"]; ok {
						c.status, err = strconv.Atoi(strings.TrimSpace(string(s)))
						if err != nil {
							t.Fatalf("%s: %s.status: %v", f, prog, err)
						}
					}
					c.lastErr = strings.TrimSuffix(string(parts[prog+".lasterr"]), "\n")
					cases = append(cases, *c)
				}
				continue
			}
			stem, ok := strings.CutSuffix(p.Name, ".py")
			if !ok {
				if multi[stemOf(p.Name)] != nil {
					continue
				}
				if _, has := parts[stemOf(p.Name)+".py"]; !has {
					t.Fatalf("%s: part %s has no program %s.py", f, p.Name, stemOf(p.Name))
				}
				continue
			}
			c := corpusCase{name: group + "/" + stem, src: p.Data, out: string(parts[stem+".out"]), py314: only[stem]}
			if s, ok := parts[stem+".status"]; ok {
				c.status, err = strconv.Atoi(strings.TrimSpace(string(s)))
				if err != nil {
					t.Fatalf("%s: %s.status: %v", f, stem, err)
				}
			}
			c.lastErr = strings.TrimSuffix(string(parts[stem+".lasterr"]), "\n")
			cases = append(cases, c)
		}
	}
	return cases
}

func stemOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[:i]
	}
	return name
}

// lastLine is the last non-empty line of s, without its newline.
func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// checkRun compares one run with what is expected, reporting every mismatch.
func checkRun(t *testing.T, gotOut, gotErr string, gotStatus int, wantOut, wantLastErr string, wantStatus int) {
	t.Helper()
	if gotOut != wantOut {
		t.Errorf("stdout:\ngot  %q\nwant %q", gotOut, wantOut)
	}
	if gotStatus != wantStatus {
		t.Errorf("status: got %d, want %d (stderr %q)", gotStatus, wantStatus, gotErr)
	}
	if wantStatus != 0 || wantLastErr != "" {
		if got := lastLine(gotErr); got != wantLastErr {
			t.Errorf("last stderr line: got %q, want %q", got, wantLastErr)
		}
	} else if gotErr != "" {
		t.Errorf("unexpected stderr: %q", gotErr)
	}
}

func TestCorpus(t *testing.T) {
	cases := loadCorpus(t)
	if len(cases) < 150 {
		t.Errorf("corpus has %d programs, want at least 150", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if c.files != nil {
				// In every JIT mode: the program's modules run in
				// namespaces of their own, which traces must handle.
				script := c.write(t, t.TempDir())
				for _, cfg := range []Config{{}, {JIT: JITOn}, {JIT: JITOn, JITThreshold: 1}, {JIT: JITUops, JITThreshold: 1}} {
					var out, errb bytes.Buffer
					status := RunWith(cfg, script, c.src, nil, &out, &errb)
					checkRun(t, out.String(), errb.String(), status, c.out, c.lastErr, c.status)
				}
				return
			}
			var out, errb bytes.Buffer
			status := Run(filepath.Base(c.name)+".py", c.src, &out, &errb)
			checkRun(t, out.String(), errb.String(), status, c.out, c.lastErr, c.status)
		})
	}
}

// TestCorpusAgainstCPython checks the corpus expectations against the
// python3 on the machine, so a hand edit that CPython disagrees with fails.
// Programs marked py314-only are skipped: their text is 3.14's.
func TestCorpusAgainstCPython(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not running python3")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not on PATH")
	}
	// python3 may be a shell shim (pyenv) that costs a bash start-up per
	// program: run the interpreter it names instead.
	if out, err := exec.Command(py, "-c", "import sys; print(sys.executable)").Output(); err == nil {
		if real := strings.TrimSpace(string(out)); real != "" {
			py = real
		}
	}
	dir := t.TempDir()
	for _, c := range loadCorpus(t) {
		t.Run(c.name, func(t *testing.T) {
			if c.py314 {
				t.Skip("expected output is CPython 3.14's wording")
			}
			t.Parallel()
			file := filepath.Join(dir, strings.ReplaceAll(c.name, "/", "_")+".py")
			if c.files != nil {
				file = c.write(t, filepath.Join(dir, strings.ReplaceAll(c.name, "/", "_")))
			} else if err := os.WriteFile(file, c.src, 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			cmd := exec.Command(py, file)
			if !c.needsSite() {
				// Without the site module CPython starts in a fifth of the
				// time (this machine's site also imports what its .pth
				// files name): ~40 ms of CPU saved on each of ~900 runs.
				cmd = exec.Command(py, "-S", file)
			}
			// minipy hashes strs as CPython does under PYTHONHASHSEED=0.
			cmd.Env = append(os.Environ(), "PYTHONHASHSEED=0")
			cmd.Stdout, cmd.Stderr = &out, &errb
			status := 0
			if err := cmd.Run(); err != nil {
				ee, ok := err.(*exec.ExitError)
				if !ok {
					t.Fatal(err)
				}
				status = ee.ExitCode()
			}
			gotErr := py314Wording(errb.String())
			checkRun(t, py314Wording(out.String()), gotErr, status, c.out, c.lastErr, c.status)
		})
	}
}

// needsSite reports whether the program may use what CPython's site
// module adds at start-up (the exit and quit builtins, help, the license
// texts, site itself).
func (c *corpusCase) needsSite() bool {
	srcs := [][]byte{c.src}
	for _, f := range c.files {
		srcs = append(srcs, f)
	}
	for _, src := range srcs {
		for _, w := range []string{"exit", "quit", "site", "help", "copyright", "credits", "license", "sys.path", "sys.flags", "sys.modules"} {
			if bytes.Contains(src, []byte(w)) {
				return true
			}
		}
	}
	return false
}

// py314Wording turns CPython 3.11 messages into 3.14's where only the
// wording changed (the same table as testdata/gencorpus.py).
func py314Wording(s string) string {
	return strings.NewReplacer("ZeroDivisionError: integer division or modulo by zero", "ZeroDivisionError: division by zero",
		"complex division by zero", "division by zero",
		"0.0 to a negative or complex power", "zero to a negative or complex power").Replace(s)
}
