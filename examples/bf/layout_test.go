package bf

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

// TestStateLayout proves that state (Go) and struct bf_state
// (templates/bf.h) agree, on every target stencils are built for: a C file
// of _Static_asserts with Go's offsets must compile.
func TestStateLayout(t *testing.T) {
	clang, err := exec.LookPath("clang-19")
	if err != nil {
		t.Skip("clang-19 not found: cannot check bf.h against state")
	}
	var s state
	facts := []struct {
		c    string
		want uintptr
	}{
		{"sizeof(bf_state)", unsafe.Sizeof(s)},
		{"__builtin_offsetof(bf_state, tape)", unsafe.Offsetof(s.tape)},
		{"__builtin_offsetof(bf_state, head)", unsafe.Offsetof(s.head)},
		{"__builtin_offsetof(bf_state, size)", unsafe.Offsetof(s.size)},
		{"__builtin_offsetof(bf_state, out)", unsafe.Offsetof(s.out)},
		{"__builtin_offsetof(bf_state, out_len)", unsafe.Offsetof(s.n)},
		{"__builtin_offsetof(bf_state, out_cap)", unsafe.Offsetof(s.cap)},
		{"sizeof(bf_cell)", unsafe.Sizeof(uint16(0))},
		{"BF_EXIT_OUTPUT", exitOutput},
		{"BF_EXIT_INPUT", exitInput},
	}
	dir := t.TempDir()
	abi, err := templates.Sources.ReadFile("copypatch.h")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "copypatch.h"), abi, 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(facts []string) error {
		src := "#include \"bf.h\"\n" + strings.Join(facts, "\n") + "\n"
		if err := os.WriteFile(filepath.Join(dir, "check.c"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, target := range []string{"x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu", "x86_64-apple-darwin", "arm64-apple-darwin"} {
			out, err := exec.Command(clang, "--target="+target, "-std=gnu11", "-ffreestanding", "-fsyntax-only",
				"-I", "templates", "-I", dir, filepath.Join(dir, "check.c")).CombinedOutput()
			if err != nil {
				return fmt.Errorf("%s: %v\n%s", target, err, out)
			}
		}
		return nil
	}
	var asserts []string
	for _, f := range facts {
		asserts = append(asserts, fmt.Sprintf("_Static_assert(%s == %d, %q);", f.c, f.want, f.c))
	}
	if err := check(asserts); err != nil {
		t.Errorf("bf.h and state disagree: %v", err)
	}
	// And the check can fail.
	if err := check([]string{fmt.Sprintf("_Static_assert(%s == %d, \"x\");", facts[1].c, facts[1].want+8)}); err == nil {
		t.Error("a wrong offset passed")
	}
}
