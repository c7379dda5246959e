package stencilgen

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/copypatch/copypatch/relocs"
	"github.com/copypatch/copypatch/stencil"
	"github.com/copypatch/copypatch/templates"
)

// Template is one uop's C source.
type Template struct {
	Name   string // uop name: the file name without .c (a variant's: see expandVariants)
	Path   string
	Source []byte
	// Defines are the -D flags of a variant (NAME=value), empty otherwise.
	Defines []string
}

// Inputs are everything the objects depend on besides Clang and flags.
type Inputs struct {
	Dir       string
	Templates []Template // sorted by name
	// Headers are every .h in Dir, and copypatch.h (the fixed ABI header)
	// when Dir has none: that one has an empty Path and is written to
	// IncludeDir for Clang. Sorted by name.
	Headers []Template
	// IncludeDir holds the headers stencilgen provides; set by Compile.
	IncludeDir string
}

// abiHeader is the name of the header that carries the fixed ABI.
const abiHeader = "copypatch"

var abiVersionRe = regexp.MustCompile(`(?m)^#define CP_ABI_VERSION (\d+)\s*$`)

// checkABIHeader insists that a copypatch.h speaks this module's ABI
// version, so a template directory with an old copy fails at build time.
func checkABIHeader(h Template) error {
	m := abiVersionRe.FindSubmatch(h.Source)
	if m == nil {
		return fmt.Errorf("%s: no #define CP_ABI_VERSION line", h.Path)
	}
	if v, _ := strconv.Atoi(string(m[1])); v != stencil.ABIVersion {
		return fmt.Errorf("%s: CP_ABI_VERSION %d, but this stencilgen builds version %d: delete the copy (stencilgen provides copypatch.h) or update it", h.Path, v, stencil.ABIVersion)
	}
	return nil
}

// LoadInputs reads every template and header in dir.
func LoadInputs(dir string) (*Inputs, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading templates: %w", err)
	}
	in := &Inputs{Dir: dir}
	for _, e := range entries {
		name := e.Name()
		ext := filepath.Ext(name)
		if e.IsDir() || (ext != ".c" && ext != ".h") {
			continue
		}
		path := filepath.Join(dir, name)
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		t := Template{Name: strings.TrimSuffix(name, ext), Path: path, Source: src}
		if ext == ".c" {
			if err := checkUopName(t.Name); err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			vs, err := expandVariants(t)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			in.Templates = append(in.Templates, vs...)
		} else {
			in.Headers = append(in.Headers, t)
		}
	}
	if len(in.Templates) == 0 {
		return nil, fmt.Errorf("no templates (*.c) in %s", dir)
	}
	own := false
	for _, h := range in.Headers {
		if h.Name == abiHeader {
			own = true
			if err := checkABIHeader(h); err != nil {
				return nil, err
			}
		}
	}
	if !own {
		src, err := templates.Sources.ReadFile(abiHeader + ".h")
		if err != nil {
			return nil, fmt.Errorf("BUG: the embedded %s.h: %v", abiHeader, err)
		}
		in.Headers = append(in.Headers, Template{Name: abiHeader, Source: src})
		sort.Slice(in.Headers, func(i, j int) bool { return in.Headers[i].Name < in.Headers[j].Name })
	}
	sort.Slice(in.Templates, func(i, j int) bool { return in.Templates[i].Name < in.Templates[j].Name })
	sort.Slice(in.Headers, func(i, j int) bool { return in.Headers[i].Name < in.Headers[j].Name })
	return in, nil
}

// checkUopName insists on snake_case names, which become Go identifiers.
func checkUopName(name string) error {
	if name == "" || name[0] < 'a' || name[0] > 'z' {
		return fmt.Errorf("template name %q must start with a lower-case letter", name)
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return fmt.Errorf("template name %q must be snake_case (a-z, 0-9, _)", name)
		}
	}
	if strings.Contains(name, "__") {
		return fmt.Errorf("template name %q has a double underscore (it separates a variant's values)", name)
	}
	return nil
}

// expandVariants returns t itself, or its variants when it has a
// //cp:variants line (stencil.Variants).
func expandVariants(t Template) ([]Template, error) {
	vs, err := stencil.Variants(t.Name, t.Source)
	if err != nil {
		return nil, err
	}
	out := make([]Template, len(vs))
	for i, v := range vs {
		out[i] = Template{Name: v.Name, Path: t.Path, Source: t.Source, Defines: v.Defines}
	}
	return out, nil
}

// digest hashes the parts into a hex string.
func digest(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:", len(p))
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// headerBytes is every header, names and contents, in a stable order.
func (in *Inputs) headerBytes() []byte {
	var b bytes.Buffer
	for _, h := range in.Headers {
		fmt.Fprintf(&b, "%s\x00%d\x00", h.Name, len(h.Source))
		b.Write(h.Source)
	}
	return b.Bytes()
}

// Digest identifies all inputs of a target's tables: Clang's version, flags, templates
// and headers. It heads every generated file.
func (in *Inputs) Digest(c *Clang, t Target) string {
	parts := [][]byte{[]byte(cacheVersion), []byte(c.Version), []byte(strings.Join(t.Flags(), " ")), in.headerBytes()}
	for _, tm := range in.Templates {
		parts = append(parts, []byte(tm.Name), tm.Source)
		if tm.Defines != nil {
			parts = append(parts, []byte(strings.Join(tm.Defines, " ")))
		}
	}
	return digest(parts...)
}

// cacheVersion changes when the way objects are built changes.
const cacheVersion = "copypatch-stencilgen-objects-v1"

// Object is one compiled template.
type Object struct {
	Target   Target
	Template Template
	Path     string // the cached object file
	Cached   bool   // found in the cache, not compiled
}

// Compiler builds objects with a Clang, caching them by content hash.
type Compiler struct {
	Clang    *Clang
	CacheDir string
	Jobs     int
	// Progress, if set, is called after each object is ready.
	Progress func(done, total int, obj *Object)
}

// DefaultCacheDir is where objects are cached unless told otherwise.
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "copypatch", "stencilgen")
}

func (c *Compiler) key(in *Inputs, t Target, tm Template) string {
	parts := [][]byte{[]byte(cacheVersion), []byte(c.Clang.Ident), []byte(strings.Join(t.Flags(), " ")),
		in.headerBytes(), []byte(tm.Name), tm.Source}
	if tm.Defines != nil {
		parts = append(parts, []byte(strings.Join(tm.Defines, " ")))
	}
	return digest(parts...)
}

// Compile builds every template for every target, in parallel, reusing
// cached objects. The result is ordered by target, then template.
func (c *Compiler) Compile(ctx context.Context, in *Inputs, targets []Target) ([]*Object, error) {
	if err := os.MkdirAll(c.CacheDir, 0o755); err != nil {
		return nil, fmt.Errorf("object cache: %w", err)
	}
	if err := in.writeProvided(c.CacheDir); err != nil {
		return nil, fmt.Errorf("object cache: %w", err)
	}
	var objs []*Object
	for _, t := range targets {
		for _, tm := range in.Templates {
			objs = append(objs, &Object{
				Target:   t,
				Template: tm,
				Path:     filepath.Join(c.CacheDir, c.key(in, t, tm)+".o"),
			})
		}
	}
	jobs := c.Jobs
	if jobs < 1 {
		jobs = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		done     int
		firstErr error
		wg       sync.WaitGroup
		work     = make(chan *Object)
	)
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for obj := range work {
				err := c.compileOne(ctx, in, obj)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
					cancel()
				}
				done++
				if err == nil && c.Progress != nil {
					c.Progress(done, len(objs), obj)
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for _, obj := range objs {
		select {
		case work <- obj:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return objs, nil
}

// writeProvided writes the headers stencilgen provides into a directory
// of the cache named by their content, and sets IncludeDir.
func (in *Inputs) writeProvided(cacheDir string) error {
	var provided []Template
	for _, h := range in.Headers {
		if h.Path == "" {
			provided = append(provided, h)
		}
	}
	if len(provided) == 0 {
		return nil
	}
	parts := make([][]byte, 0, 2*len(provided))
	for _, h := range provided {
		parts = append(parts, []byte(h.Name), h.Source)
	}
	dir := filepath.Join(cacheDir, "include-"+digest(parts...)[:16])
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, h := range provided {
		if _, err := writeIfChanged(filepath.Join(dir, h.Name+".h"), h.Source); err != nil {
			return err
		}
	}
	in.IncludeDir = dir
	return nil
}

// recompile replaces obj's cached object with a fresh one and reads it.
func (c *Compiler) recompile(ctx context.Context, in *Inputs, obj *Object) (relocs.Stencil, error) {
	if err := os.Remove(obj.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return relocs.Stencil{}, fmt.Errorf("%s: %s: cannot replace the damaged cached object: %w", obj.Target.Name(), obj.Template.Name, err)
	}
	obj.Cached = false
	if err := c.compileOne(ctx, in, obj); err != nil {
		return relocs.Stencil{}, err
	}
	return ReadObject(obj.Target, obj.Template.Name, obj.Path)
}

func (c *Compiler) compileOne(ctx context.Context, in *Inputs, obj *Object) error {
	if _, err := os.Stat(obj.Path); err == nil {
		obj.Cached = true
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// Write to a temporary name and rename, so a crash or a concurrent
	// build never leaves a truncated object under its final name.
	tmp, err := os.CreateTemp(c.CacheDir, "tmp-*.o")
	if err != nil {
		return err
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	args := append(obj.Target.Flags(), "-I", in.Dir)
	if in.IncludeDir != "" {
		args = append(args, "-I", in.IncludeDir)
	}
	for _, d := range obj.Template.Defines {
		args = append(args, "-D"+d)
	}
	args = append(args, "-o", tmp.Name(), obj.Template.Path)
	cmd := exec.CommandContext(ctx, c.Clang.Path, args...)
	// On cancellation Clang gets SIGINT, so that it removes its own
	// temporary output, and is killed only if it lingers.
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			// Clang writes its output under a temporary name and renames
			// it; a Clang interrupted before that can leave it behind.
			// Older Clangs name it <output>-XXXXXXXX.tmp, Clang 19
			// <stem>-XXXXXXXX.o.tmp.
			stem := strings.TrimSuffix(tmp.Name(), ".o")
			for _, pattern := range []string{tmp.Name() + "-*.tmp", stem + "-*.o.tmp"} {
				left, _ := filepath.Glob(pattern)
				for _, f := range left {
					os.Remove(f)
				}
			}
			return ctx.Err()
		}
		return fmt.Errorf("%s: compiling %s failed: %v\n%s", obj.Target.Name(), obj.Template.Path, err, strings.TrimSpace(stderr.String()))
	}
	return os.Rename(tmp.Name(), obj.Path)
}
