package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Interpreter is one column of the benchmark: a command that runs the
// Python program named by its last argument.
type Interpreter struct {
	Name    string   `json:"name"`
	Path    string   `json:"path"`
	Env     []string `json:"env,omitempty"`   // NAME=VALUE set for its runs
	Unset   []string `json:"unset,omitempty"` // variables removed for its runs
	Version string   `json:"version"`
}

// Program is one benchmark and the standard output it must print.
type Program struct {
	Name string // file name without .py
	Path string
	Want []byte
}

// Cell holds the runs of one program under one interpreter. After the first
// failure the cell stops running and Err says why.
type Cell struct {
	Interpreter string    `json:"interpreter"`
	Seconds     []float64 `json:"seconds"`     // wall time of each run
	CPUSeconds  []float64 `json:"cpu_seconds"` // user + system time of each run
	Median      float64   `json:"median_seconds,omitempty"`
	Err         string    `json:"error,omitempty"`
}

// Row is one program under every interpreter; Cells is parallel to
// Report.Interpreters.
type Row struct {
	Program string `json:"program"`
	Cells   []Cell `json:"cells"`
}

// Machine describes where the benchmark ran.
type Machine struct {
	CPU   string `json:"cpu"`
	Cores int    `json:"cores"`
	OS    string `json:"os"`
	Arch  string `json:"arch"`
}

// Report is everything one pybench run measured; it is also the JSON output.
type Report struct {
	Schema       string        `json:"schema"`
	Date         time.Time     `json:"date"`
	Machine      Machine       `json:"machine"`
	Runs         int           `json:"runs"`
	Interpreters []Interpreter `json:"interpreters"`
	Notes        []string      `json:"notes,omitempty"`
	Rows         []Row         `json:"programs"`
}

// schema names the JSON layout of Report.
const schema = "copypatch.pybench/v1"

// findPrograms lists the *.py files of dir whose names match one of the
// patterns (names or path.Match globs, with or without a directory and
// .py; none means all), each with its expected output from
// wantDir/<name>.out. Paths are absolute.
func findPrograms(dir, wantDir string, patterns []string) ([]Program, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.py"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.py programs in %s", dir)
	}
	slices.Sort(files)
	used := make([]bool, len(patterns))
	var progs []Program
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		ok, err := selected(name, patterns, used)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		want, err := os.ReadFile(filepath.Join(wantDir, name+".out"))
		if err != nil {
			return nil, fmt.Errorf("%s has no expected output (a wrong answer must not pass for a fast one): %w", name, err)
		}
		// Runs start in the program's directory, so a relative path would
		// name the wrong file there.
		abs, err := filepath.Abs(f)
		if err != nil {
			return nil, err
		}
		progs = append(progs, Program{Name: name, Path: abs, Want: want})
	}
	for i, pat := range patterns {
		if !used[i] {
			return nil, fmt.Errorf("--programs %q matches no program in %s", pat, dir)
		}
	}
	return progs, nil
}

// selected reports whether name matches any of patterns, marking in used
// each pattern that matched.
func selected(name string, patterns []string, used []bool) (bool, error) {
	if len(patterns) == 0 {
		return true, nil
	}
	hit := false
	for i, pat := range patterns {
		ok, err := path.Match(strings.TrimSuffix(filepath.Base(pat), ".py"), name)
		if err != nil {
			return false, fmt.Errorf("bad --programs pattern %q: %w", pat, err)
		}
		if ok {
			used[i] = true
			hit = true
		}
	}
	return hit, nil
}

// environ returns base without the variables named in unset or set, then
// with set appended, so set always wins.
func environ(base, set, unset []string) []string {
	drop := slices.Clone(unset)
	for _, kv := range set {
		name, _, _ := strings.Cut(kv, "=")
		drop = append(drop, name)
	}
	var env []string
	for _, kv := range base {
		name, _, _ := strings.Cut(kv, "=")
		if !slices.Contains(drop, name) {
			env = append(env, kv)
		}
	}
	return append(env, set...)
}

// order is the order interpreters run in during a round: the rows of a
// Williams design (a Latin square in which every interpreter runs right
// after every other equally often), so that what a run leaves behind
// weighs on every interpreter alike. A plain rotation ran each one after
// the same neighbour every round: on the benchmark machine, minipy with
// the JIT off always ran right after PyPy and paid 0.3 s of kernel time
// faulting in the pages PyPy's exit had handed back to the hypervisor.
// The design repeats every n rounds (2n when n is odd).
func order(n, round int) []int {
	// First row 0, 1, n-1, 2, n-2, ...; row r adds r to each.
	base := make([]int, n)
	lo, hi := 1, n-1
	for j := 1; j < n; j++ {
		if j%2 == 1 {
			base[j], lo = lo, lo+1
		} else {
			base[j], hi = hi, hi-1
		}
	}
	r := round % n
	if n%2 == 1 {
		r = round % (2 * n) % n
	}
	idx := make([]int, n)
	for j := range idx {
		idx[j] = (base[j] + r) % n
	}
	if n%2 == 1 && round%(2*n) >= n {
		slices.Reverse(idx)
	}
	return idx
}

// runner runs benchmark processes.
type runner struct {
	timeout  time.Duration
	env      []string                         // the environment every run starts from
	progress func(format string, args ...any) // nil for none
}

// bench runs every program under every interpreter runs times. Within a
// program, each round runs every interpreter once, in the rotating order,
// so that drift of the machine hits all of them alike.
func (r *runner) bench(ctx context.Context, progs []Program, interps []Interpreter, runs int) ([]Row, error) {
	rows := make([]Row, len(progs))
	total, done := len(progs)*len(interps)*runs, 0
	for i, p := range progs {
		rows[i] = Row{Program: p.Name, Cells: make([]Cell, len(interps))}
		for k, in := range interps {
			rows[i].Cells[k].Interpreter = in.Name
		}
		for round := range runs {
			for _, k := range order(len(interps), round) {
				done++
				c := &rows[i].Cells[k]
				if c.Err != "" {
					continue
				}
				wall, cpu, err := r.runOnce(ctx, interps[k], p)
				if ctx.Err() != nil {
					return rows, ctx.Err()
				}
				if err != nil {
					c.Err = err.Error()
					r.report("[%d/%d] %s, %s: %v", done, total, p.Name, interps[k].Name, err)
					continue
				}
				c.Seconds = append(c.Seconds, wall)
				c.CPUSeconds = append(c.CPUSeconds, cpu)
				r.report("[%d/%d] %s, %s: %.3f s", done, total, p.Name, interps[k].Name, wall)
			}
		}
		for k := range rows[i].Cells {
			if m, ok := rows[i].Cells[k].median(); ok {
				rows[i].Cells[k].Median = m
			}
		}
	}
	return rows, nil
}

func (r *runner) report(format string, args ...any) {
	if r.progress != nil {
		r.progress(format, args...)
	}
}

// runOnce runs p under in as a whole process and returns its wall time and
// CPU time (user + system) in seconds. A timeout, a non-zero exit or an
// output other than p.Want is an error.
func (r *runner) runOnce(ctx context.Context, in Interpreter, p Program) (wall, cpu float64, err error) {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, in.Path, p.Path)
	cmd.Dir = filepath.Dir(p.Path)
	cmd.Env = environ(r.env, in.Env, in.Unset)
	var stdout bytes.Buffer
	stderr := &tailWriter{max: 4096}
	cmd.Stdout, cmd.Stderr = &stdout, stderr
	cmd.WaitDelay = time.Second
	start := time.Now()
	err = cmd.Run()
	wall = time.Since(start).Seconds()
	if cmd.ProcessState != nil {
		cpu = (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	}
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return wall, cpu, fmt.Errorf("timed out after %v", r.timeout)
	case err != nil:
		if last := lastLine(stderr.buf); last != "" {
			return wall, cpu, fmt.Errorf("%v: %s", err, last)
		}
		return wall, cpu, err
	}
	if diff := firstDiff(stdout.Bytes(), p.Want); diff != "" {
		return wall, cpu, fmt.Errorf("wrong output: %s", diff)
	}
	return wall, cpu, nil
}

// tailWriter keeps the last max bytes written to it.
type tailWriter struct {
	buf []byte
	max int
}

func (t *tailWriter) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = t.buf[len(t.buf)-t.max:]
	}
	return len(p), nil
}

// lastLine returns the last non-blank line of b, trimmed.
func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// firstDiff describes the first line where got differs from want, or
// returns "" if they are equal.
func firstDiff(got, want []byte) string {
	if bytes.Equal(got, want) {
		return ""
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; ; i++ {
		switch {
		case i >= len(g):
			return fmt.Sprintf("line %d: output ends, want %.60q", i+1, w[i])
		case i >= len(w):
			return fmt.Sprintf("line %d: got %.60q after the expected end", i+1, g[i])
		case g[i] != w[i]:
			return fmt.Sprintf("line %d: got %.60q, want %.60q", i+1, g[i], w[i])
		}
	}
}
