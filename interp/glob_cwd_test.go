package interp

import (
	"os"
	"path/filepath"
	"testing"
)

// TestGlobRecursiveInCwd checks "**/" patterns relative to the current
// directory, which a corpus program cannot chdir for (the corpus shares one
// process): "**" stands for the directory itself too, so a hidden name
// written literally, or any name, matches at the top as CPython's do.
func TestGlobRecursiveInCwd(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a/.h", "a/b/.h", ".h", "x.h", "a/y.h", ".hidden/z", "a/.h2"} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	src := `import glob
print(sorted(glob.glob('**/.h', recursive=True)))
print(sorted(glob.glob('**/*.h', recursive=True)))
print(sorted(glob.glob('**/.h*', recursive=True)))
print(sorted(glob.glob('*/.h')), sorted(glob.glob('.h')), sorted(glob.glob('**', recursive=True)))
print(sorted(glob.glob('**/.h', recursive=True, include_hidden=True)))
print(sorted(glob.glob('**/z', recursive=True)), sorted(glob.glob('**/z', recursive=True, include_hidden=True)))
`
	// CPython 3.13's output.
	want := `['.h', 'a/.h', 'a/b/.h']
['a/y.h', 'x.h']
['.h', '.hidden', 'a/.h', 'a/.h2', 'a/b/.h']
['a/.h'] ['.h'] ['a', 'a/b', 'a/y.h', 'x.h']
['.h', 'a/.h', 'a/b/.h']
[] ['.hidden/z']
`
	out, lastErr, status := run(t, src)
	if status != 0 || out != want {
		t.Errorf("got status %d, %q\n%s\nwant:\n%s", status, lastErr, out, want)
	}
}
