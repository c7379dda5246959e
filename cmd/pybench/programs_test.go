package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// shortPrograms are the programs of the project set still run under -short:
// two of the quickest, one of objects and generators, one of slicing.
var shortPrograms = []string{"tasks", "unpack"}

// TestProjectPrograms runs every program of the project's benchmark set
// (bench/programs) under minipy with the JIT off and on, the way pybench
// does, and compares its output with bench/expected/programs.
func TestProjectPrograms(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "bench", "programs")
	wantDir := filepath.Join(root, "bench", "expected", "programs")
	progs, err := findPrograms(dir, wantDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkNoStrayOutputs(t, progs, wantDir)
	if testing.Short() {
		progs = slices.DeleteFunc(progs, func(p Program) bool { return !slices.Contains(shortPrograms, p.Name) })
		if len(progs) != len(shortPrograms) {
			t.Fatalf("-short runs %v, but the set has only %d of them", shortPrograms, len(progs))
		}
	}

	ctx := context.Background()
	minipy, err := buildMinipy(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	r := &runner{timeout: 2 * time.Minute, env: os.Environ()}
	unset := []string{"PYTHON_JIT"}
	for _, jit := range []string{"0", "1"} {
		in := Interpreter{Name: "minipy JIT=" + jit, Path: minipy, Env: []string{"MINIPY_JIT=" + jit}, Unset: unset}
		for _, p := range progs {
			t.Run(p.Name+"/jit="+jit, func(t *testing.T) {
				t.Parallel()
				if _, _, err := r.runOnce(ctx, in, p); err != nil {
					t.Errorf("%s %s: %v", in.Name, filepath.Base(p.Path), err)
				}
			})
		}
	}
}

// checkNoStrayOutputs fails for an expected output with no program, so a
// renamed or removed program does not leave a file behind.
func checkNoStrayOutputs(t *testing.T, progs []Program, wantDir string) {
	t.Helper()
	outs, err := filepath.Glob(filepath.Join(wantDir, "*.out"))
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range outs {
		name := strings.TrimSuffix(filepath.Base(out), ".out")
		if !slices.ContainsFunc(progs, func(p Program) bool { return p.Name == name }) {
			t.Errorf("%s has no program %s.py", out, name)
		}
	}
}
