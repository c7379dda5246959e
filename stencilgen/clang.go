package stencilgen

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// MinClangMajor is the oldest Clang that builds correct stencils: it is the
// first release with preserve_none on AArch64 (x86-64 got it in 18; Debian 12's
// clang-16 rejects the attribute outright). README.md records how this was found.
const MinClangMajor = 19

// newestClangMajor bounds the search for versioned Clang names.
const newestClangMajor = 30

// installHint tells a user what to install, on the platforms we know.
const installHint = `install Clang 19 or newer, e.g. on Debian/Ubuntu:
    apt-get install -y clang-19 lld-19 llvm-19
or set $CLANG to a clang binary (19 or newer)`

// ErrNoClang is returned when no usable Clang is found.
var ErrNoClang = errors.New("no usable clang found")

// Clang is a located, checked Clang.
type Clang struct {
	Path    string // absolute path
	Version string // "19.1.7", from --version
	Major   int
	Ident   string // the full first line of --version: part of the cache key
}

var clangVersionRE = regexp.MustCompile(`clang version (\d+)\.(\d+)\.(\d+)`)

// FindClang locates Clang: $CLANG if set, then versioned names newest first
// (clang-30 … clang-19), then plain clang. Older Clangs found on the way are
// reported in the error so the user knows why they were refused.
func FindClang(ctx context.Context) (*Clang, error) {
	if env := os.Getenv("CLANG"); env != "" {
		c, err := probeClang(ctx, env)
		if err != nil {
			return nil, fmt.Errorf("$CLANG=%s: %w\n%s", env, err, installHint)
		}
		return c, nil
	}
	var refused []string
	// Versions below the minimum are tried too, so the error can say which
	// Clang was found and why it was refused.
	var names []string
	for v := newestClangMajor; v >= 13; v-- {
		names = append(names, "clang-"+strconv.Itoa(v))
	}
	names = append(names, "clang")
	for _, name := range names {
		path, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		c, err := probeClang(ctx, path)
		if err != nil {
			refused = append(refused, fmt.Sprintf("%s: %v", path, err))
			continue
		}
		return c, nil
	}
	if len(refused) > 0 {
		return nil, fmt.Errorf("%w (refused: %s)\n%s", ErrNoClang, strings.Join(refused, "; "), installHint)
	}
	return nil, fmt.Errorf("%w on $PATH\n%s", ErrNoClang, installHint)
}

// probeClang checks that path is a Clang of at least MinClangMajor.
func probeClang(ctx context.Context, path string) (*Clang, error) {
	abs, err := exec.LookPath(path)
	if err != nil {
		return nil, err
	}
	if a, err := filepath.Abs(abs); err == nil {
		abs = a
	}
	out, err := exec.CommandContext(ctx, abs, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("running --version: %v", err)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	m := clangVersionRE.FindStringSubmatch(first)
	if m == nil {
		return nil, fmt.Errorf("not clang: %q", first)
	}
	major, _ := strconv.Atoi(m[1])
	c := &Clang{Path: abs, Version: m[1] + "." + m[2] + "." + m[3], Major: major, Ident: strings.TrimSpace(first)}
	if major < MinClangMajor {
		return nil, fmt.Errorf("clang %s is too old: stencils need clang %d or newer (preserve_none on every target)", c.Version, MinClangMajor)
	}
	return c, nil
}

// probeSource is the smallest template: a preserve_none function that
// musttail-jumps to a hole. Every target must compile it.
const probeSource = `
__attribute__((preserve_none)) unsigned long long _JIT_CONTINUE(void *, void *);
__attribute__((preserve_none)) unsigned long long probe(void *a, void *b) {
	__attribute__((musttail)) return _JIT_CONTINUE(a, b);
}
`

// CheckTarget compiles a probe for t, so a Clang that lacks a feature on one
// target fails up front with one clear message rather than once per template.
func (c *Clang) CheckTarget(ctx context.Context, t Target, dir string) error {
	src := filepath.Join(dir, "probe-"+t.FileTag()+".c")
	obj := strings.TrimSuffix(src, ".c") + ".o"
	if err := os.WriteFile(src, []byte(probeSource), 0o644); err != nil {
		return err
	}
	defer os.Remove(src)
	defer os.Remove(obj)
	args := append(t.Flags(), "-o", obj, src)
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, c.Path, args...)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("clang %s cannot build stencils for %s: %v\n%s", c.Version, t.Name(), err, strings.TrimSpace(stderr.String()))
	}
	return nil
}
