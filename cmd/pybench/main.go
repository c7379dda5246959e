// Command pybench times the benchmark programs under minipy, with the JIT
// off and on, and under CPython, PyPy and any other Python given, side by
// side in one run, and prints a markdown table of median times and ratios.
//
// Usage:
//
//	pybench [--programs NAME|GLOB,...] [--runs N] [--timeout D] [PROGRAM|GLOB...]
//	        [--minipy PATH] [--python PATH] [--pypy PATH] [--interp NAME=PATH]...
//	        [--dir DIR] [--expected DIR] [--svg FILE] [--json FILE] [-q]
//
// Run from anywhere inside the module: the programs default to
// ../shared/programs/bench next to the module, and minipy is built from
// ./cmd/minipy.
package main

import (
	"bytes"
	"context"
	"debug/buildinfo"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := newCommand().ExecuteContext(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "pybench:", err)
		os.Exit(1)
	}
}

// options are pybench's flags.
type options struct {
	dir, expected string
	programs      []string
	runs          int
	timeout       time.Duration
	minipy        string
	python, pypy  string
	interps       []string
	svg, json     string
	quiet         bool
}

func newCommand() *cobra.Command {
	var o options
	cmd := &cobra.Command{
		Use:   "pybench [PROGRAM|GLOB...]",
		Short: "Time the benchmark programs under minipy (JIT off and on), CPython and PyPy",
		Long: `pybench runs every program of the benchmark directory as a whole process
under each interpreter: minipy with MINIPY_JIT=0 and with MINIPY_JIT=1 (one
binary, built from ./cmd/minipy unless --minipy is given), the machine's
CPython (the executable python3 names, not a pyenv shim), PyPy when pypy3
is on PATH, and each --interp. Every program runs --runs times under each
interpreter, the interpreters taking turns within each round so that drift
of the machine hits all alike, and every run's output is checked against
the expected output: a wrong answer or a failure is reported, not timed.

It prints a markdown table of median wall times with the JIT's speed-up
(JIT off ÷ JIT on) and each other interpreter's time ÷ minipy's with the
JIT on, and their geometric means over all programs, the numeric ones and
the others. It exits with status 1 if any run failed.`,
		Example: `  pybench
  pybench --programs fib,nbody --runs 5
  pybench 'sp*' sieve
  pybench --interp py314=$HOME/.pyenv/versions/3.14.0/bin/python3 --svg bench.svg --json bench.json`,
		Args:          cobra.ArbitraryArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.programs = append(o.programs, args...)
			return o.run(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.dir, "dir", "", "benchmark programs (default: ../shared/programs/bench next to the module)")
	f.StringVar(&o.expected, "expected", "", "expected outputs, <name>.out (default: DIR/../expected/<base of DIR>)")
	f.StringSliceVarP(&o.programs, "programs", "p", nil, "only these programs: names or globs, comma-separated or repeated")
	f.IntVarP(&o.runs, "runs", "n", 3, "runs of each program under each interpreter")
	f.DurationVar(&o.timeout, "timeout", 2*time.Minute, "limit of one run")
	f.StringVar(&o.minipy, "minipy", "", "minipy binary (default: go build ./cmd/minipy into a temporary directory)")
	f.StringVar(&o.python, "python", "", "CPython executable (default: what `python3 -c 'import sys; print(sys.executable)'` names)")
	f.StringVar(&o.pypy, "pypy", "", "PyPy executable (default: pypy3 on PATH, skipped if absent)")
	f.StringArrayVar(&o.interps, "interp", nil, "another interpreter as NAME=PATH (repeatable)")
	f.StringVar(&o.svg, "svg", "", "also write a bar chart of the times relative to minipy (JIT off) to FILE")
	f.StringVar(&o.json, "json", "", "also write the raw measurements as JSON to FILE")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no progress on standard error")
	cmd.CompletionOptions.DisableDefaultCmd = true
	return cmd
}

func (o *options) run(ctx context.Context, stdout, stderr io.Writer) error {
	if o.runs < 1 {
		return fmt.Errorf("--runs must be at least 1")
	}
	dir, err := o.programDir()
	if err != nil {
		return err
	}
	wantDir := o.expected
	if wantDir == "" {
		wantDir = filepath.Join(filepath.Dir(dir), "expected", filepath.Base(dir))
	}
	progs, err := findPrograms(dir, wantDir, o.programs)
	if err != nil {
		return err
	}
	rep := &Report{Schema: schema, Date: time.Now(), Machine: machine(), Runs: o.runs}
	interps, cleanup, err := o.interpreters(ctx, rep)
	defer cleanup()
	if err != nil {
		return err
	}
	rep.Interpreters = interps

	r := &runner{timeout: o.timeout, env: os.Environ()}
	if !o.quiet {
		r.progress = func(format string, args ...any) { fmt.Fprintf(stderr, format+"\n", args...) }
	}
	rep.Rows, err = r.bench(ctx, progs, interps, o.runs)
	if err != nil {
		return err
	}
	if err := writeTable(stdout, rep); err != nil {
		return err
	}
	if o.svg != "" {
		var buf bytes.Buffer
		if err := writeSVG(&buf, rep); err != nil {
			return err
		}
		if err := os.WriteFile(o.svg, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	if o.json != "" {
		data, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(o.json, append(data, '\n'), 0o644); err != nil {
			return err
		}
	}
	if n := failures(rep); n > 0 {
		return fmt.Errorf("%d of %d program × interpreter pairs failed (see the table)", n, len(rep.Rows)*len(interps))
	}
	return nil
}

// failures counts the cells that failed.
func failures(rep *Report) int {
	n := 0
	for _, r := range rep.Rows {
		for _, c := range r.Cells {
			if _, ok := c.median(); !ok {
				n++
			}
		}
	}
	return n
}

// programDir returns --dir, or ../shared/programs/bench next to the module.
func (o *options) programDir() (string, error) {
	if o.dir != "" {
		return o.dir, nil
	}
	root, err := moduleRoot()
	if err != nil {
		return "", fmt.Errorf("%w: pass --dir", err)
	}
	return filepath.Join(filepath.Dir(root), "shared", "programs", "bench"), nil
}

// interpreters returns the interpreters to time, in column order: minipy
// with the JIT off and on, CPython, PyPy if present, then each --interp.
// cleanup removes the minipy it built.
func (o *options) interpreters(ctx context.Context, rep *Report) (_ []Interpreter, cleanup func(), err error) {
	cleanup = func() {}
	minipy := o.minipy
	if minipy == "" {
		tmp, err := os.MkdirTemp("", "pybench")
		if err != nil {
			return nil, cleanup, err
		}
		cleanup = func() { os.RemoveAll(tmp) }
		if minipy, err = buildMinipy(ctx, tmp); err != nil {
			return nil, cleanup, err
		}
	}
	mv := minipyVersion(ctx, minipy, o.minipy == "")
	unset := []string{"PYTHON_JIT"} // minipy also honours it; only MINIPY_JIT must decide
	interps := []Interpreter{
		{Name: "minipy JIT off", Path: minipy, Env: []string{"MINIPY_JIT=0"}, Unset: unset, Version: mv},
		{Name: "minipy JIT on", Path: minipy, Env: []string{"MINIPY_JIT=1"}, Unset: unset, Version: mv},
	}

	python := o.python
	if python == "" {
		if python, err = findCPython(ctx); err != nil {
			return nil, cleanup, fmt.Errorf("finding CPython (or pass --python): %w", err)
		}
	}
	interps = append(interps, Interpreter{Name: "CPython", Path: python, Version: pythonVersion(ctx, python)})

	pypy := o.pypy
	if pypy == "" {
		pypy, _ = exec.LookPath("pypy3")
	}
	if pypy == "" {
		rep.Notes = append(rep.Notes, "PyPy skipped: no pypy3 on PATH (pass --pypy PATH).")
	} else {
		interps = append(interps, Interpreter{Name: "PyPy", Path: pypy, Version: pythonVersion(ctx, pypy)})
	}

	for _, spec := range o.interps {
		name, path, ok := strings.Cut(spec, "=")
		if !ok || name == "" || path == "" {
			return nil, cleanup, fmt.Errorf("--interp %q: want NAME=PATH", spec)
		}
		interps = append(interps, Interpreter{Name: name, Path: path, Version: pythonVersion(ctx, path)})
	}
	for i, in := range interps {
		path, err := exec.LookPath(in.Path)
		if err == nil {
			path, err = filepath.Abs(path) // runs start in the program's directory
		}
		if err != nil {
			return nil, cleanup, fmt.Errorf("%s: %w", in.Name, err)
		}
		interps[i].Path = path
	}
	return interps, cleanup, nil
}

// buildMinipy builds ./cmd/minipy of the module into dir, without cgo:
// nothing of minipy needs it, but pflag imports net, and net with cgo
// links libc dynamically. The static binary starts about 10 ms sooner a
// process on the 2-core machine (CPU time of -c pass, median of 60
// alternating runs at load ~17: 34.7 -> 25.3 ms; the dynamic loader, libc's
// thread start-up and their page faults), which is a fifth of a 0.05 s
// benchmark with the JIT on. README says to build it so.
func buildMinipy(ctx context.Context, dir string) (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", fmt.Errorf("%w: pass --minipy", err)
	}
	bin := filepath.Join(dir, "minipy")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/minipy")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/minipy: %v\n%s", err, out)
	}
	return bin, nil
}

// findCPython returns the real executable behind python3 on PATH, so that
// a pyenv shim's start-up is not timed.
func findCPython(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "python3", "-c", "import sys; print(sys.executable)").Output()
	if err != nil {
		return "", err
	}
	path := strings.TrimSpace(string(out))
	if path == "" {
		return "", errors.New("python3 names no sys.executable")
	}
	return path, nil
}

// versionScript prints a Python's implementation and version, and PyPy's
// own version.
const versionScript = `import platform, sys
v = platform.python_implementation() + " " + platform.python_version()
if hasattr(sys, "pypy_version_info"):
    v += " (PyPy %d.%d.%d)" % sys.pypy_version_info[:3]
print(v)`

// pythonVersion returns what versionScript prints under path, or the first
// line of `path --version`, or "".
func pythonVersion(ctx context.Context, path string) string {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if out, err := exec.CommandContext(ctx, path, "-c", versionScript).Output(); err == nil {
		return strings.TrimSpace(string(out))
	}
	if out, err := exec.CommandContext(ctx, path, "--version").CombinedOutput(); err == nil {
		line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
		return line
	}
	return ""
}

// minipyVersion describes a minipy binary as "minipy <commit>[+dirty]
// (<go version>)". The commit comes from the binary's VCS stamp or, when it
// has none (GOFLAGS=-buildvcs=false) and pybench built it, from git.
func minipyVersion(ctx context.Context, path string, built bool) string {
	info, err := buildinfo.ReadFile(path)
	if err != nil {
		return "minipy"
	}
	rev, dirty := "", ""
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision":
			rev = s.Value[:min(len(s.Value), 7)]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = "+dirty"
		}
	}
	if rev == "" && built {
		rev = gitDescribe(ctx)
	}
	if rev == "" {
		return "minipy (" + info.GoVersion + ")"
	}
	return fmt.Sprintf("minipy %s%s (%s)", rev, dirty, info.GoVersion)
}

// gitDescribe returns the module checkout's commit, +dirty with uncommitted
// changes, or "".
func gitDescribe(ctx context.Context) string {
	root, err := moduleRoot()
	if err != nil {
		return ""
	}
	out, err := exec.CommandContext(ctx, "git", "-C", root, "describe", "--always", "--dirty=+dirty").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// machine describes this machine.
func machine() Machine {
	m := Machine{CPU: "unknown CPU", Cores: runtime.NumCPU(), OS: runtime.GOOS, Arch: runtime.GOARCH}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		if cpu := cpuModel(string(data)); cpu != "" {
			m.CPU = cpu
		}
	} else if out, err := exec.Command("sysctl", "-n", "machdep.cpu.brand_string").Output(); err == nil {
		m.CPU = strings.TrimSpace(string(out))
	}
	return m
}

// cpuModel returns the first model name of a /proc/cpuinfo (x86's "model
// name", or arm64's "Model" or "Hardware" when that is all there is).
func cpuModel(cpuinfo string) string {
	fallback := ""
	for line := range strings.Lines(cpuinfo) {
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		switch key {
		case "model name":
			return value
		case "Hardware", "Model":
			if fallback == "" {
				fallback = value
			}
		}
	}
	return fallback
}

// moduleRoot returns the directory of the go.mod above the working
// directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside a Go module")
		}
		dir = parent
	}
}
