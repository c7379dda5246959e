package stencilgen

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/copypatch/copypatch/relocs"
)

// The avo backend: uop templates in Go assembly, for amd64 generated with
// avo (templates/avo/gen), for arm64 written by hand, assembled by the Go
// toolchain's own assembler. It needs no C toolchain.
//
// A template directory for it holds .s files; a file's GOARCH comes from its
// name as in a Go package (uops_amd64.s, uops_arm64.s), and each TEXT symbol
// in it is one uop's stencil. Every target of that architecture assembles
// the file with its GOOS and GOARCH.

// GoTool is a located Go toolchain.
type GoTool struct {
	Path    string // the go command
	Version string // "go1.26.8": part of the cache key and the tables' header
	Include string // $GOROOT/pkg/include, for textflag.h
}

// FindGo locates the go command: $GO if set, else go on $PATH.
func FindGo(ctx context.Context) (*GoTool, error) {
	name := os.Getenv("GO")
	if name == "" {
		name = "go"
	}
	path, err := exec.LookPath(name)
	if err != nil {
		return nil, fmt.Errorf("the avo backend needs the go command: %w", err)
	}
	out, err := exec.CommandContext(ctx, path, "env", "GOVERSION", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("%s env: %v", path, err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "go") {
		return nil, fmt.Errorf("%s env: unexpected output %q", path, out)
	}
	return &GoTool{Path: path, Version: lines[0], Include: filepath.Join(lines[1], "pkg", "include")}, nil
}

// AsmInputs are the Go assembly templates of a directory.
type AsmInputs struct {
	Dir   string
	Files []Template // *.s, sorted by name; Name is the file name without .s
}

// LoadAsmInputs reads every .s file in dir.
func LoadAsmInputs(dir string) (*AsmInputs, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading templates: %w", err)
	}
	in := &AsmInputs{Dir: dir}
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".s" {
			continue
		}
		path := filepath.Join(dir, e.Name())
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		in.Files = append(in.Files, Template{Name: strings.TrimSuffix(e.Name(), ".s"), Path: path, Source: src})
	}
	if len(in.Files) == 0 {
		return nil, fmt.Errorf("no Go assembly templates (*.s) in %s", dir)
	}
	sort.Slice(in.Files, func(i, j int) bool { return in.Files[i].Name < in.Files[j].Name })
	return in, nil
}

// asmFileArch is the GOARCH a file name selects, as the go tool reads it
// (name_GOARCH.s or name_GOOS_GOARCH.s), or "" for none.
func asmFileArch(name string) string {
	parts := strings.Split(name, "_")
	if a := parts[len(parts)-1]; a == "amd64" || a == "arm64" {
		return a
	}
	return ""
}

// filesFor lists the files a target assembles.
func (in *AsmInputs) filesFor(t Target) []Template {
	var fs []Template
	for _, f := range in.Files {
		if asmFileArch(f.Name) == t.Arch {
			fs = append(fs, f)
		}
	}
	return fs
}

// Digest identifies all inputs of a target's avo tables: the Go version,
// the target and the files it assembles.
func (in *AsmInputs) Digest(g *GoTool, t Target) string {
	parts := [][]byte{[]byte(goasmCacheVersion), []byte(g.Version), []byte(t.Name())}
	for _, f := range in.filesFor(t) {
		parts = append(parts, []byte(f.Name), f.Source)
	}
	return digest(parts...)
}

// goasmCacheVersion changes when the way listings are made changes.
const goasmCacheVersion = "copypatch-stencilgen-goasm-v1"

// asmPackage is the package path templates are assembled in: it prefixes
// the names of their TEXT symbols ("avo.int_add"), never a hole's.
const asmPackage = "avo"

// listingPath is where the cache keeps f's listing for t.
func (g *GoTool) listingPath(cacheDir string, t Target, f Template) string {
	key := digest([]byte(goasmCacheVersion), []byte(g.Version), []byte(t.Name()), []byte(f.Name), f.Source)
	return filepath.Join(cacheDir, key+".lst")
}

// assemble runs the Go assembler on one file for a target and returns its
// -S listing, from the cache when it has it.
func (g *GoTool) assemble(ctx context.Context, cacheDir string, t Target, f Template) ([]byte, bool, error) {
	cached := g.listingPath(cacheDir, t, f)
	if out, err := os.ReadFile(cached); err == nil {
		return out, true, nil
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return nil, false, fmt.Errorf("listing cache: %w", err)
	}
	obj, err := os.CreateTemp(cacheDir, "tmp-*.o")
	if err != nil {
		return nil, false, err
	}
	obj.Close()
	defer os.Remove(obj.Name())
	cmd := exec.CommandContext(ctx, g.Path, "tool", "asm", "-p", asmPackage, "-I", g.Include, "-S", "-o", obj.Name(), f.Path)
	cmd.Env = append(os.Environ(), "GOOS="+t.OS, "GOARCH="+t.Arch)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, false, ctx.Err()
		}
		return nil, false, fmt.Errorf("%s: assembling %s failed: %v\n%s", t.Name(), f.Path, err, strings.TrimSpace(stderr.String()+stdout.String()))
	}
	tmp, err := os.CreateTemp(cacheDir, "tmp-*.lst")
	if err != nil {
		return nil, false, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(stdout.Bytes()); err != nil {
		tmp.Close()
		return nil, false, err
	}
	if err := tmp.Close(); err != nil {
		return nil, false, err
	}
	return stdout.Bytes(), false, os.Rename(tmp.Name(), cached)
}

// reassemble drops f's cached listing for t and makes it again.
func (g *GoTool) reassemble(ctx context.Context, cacheDir string, t Target, f Template) ([]byte, bool, error) {
	if err := os.Remove(g.listingPath(cacheDir, t, f)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, false, fmt.Errorf("%s: %s: cannot replace the damaged cached listing: %w", t.Name(), f.Name, err)
	}
	return g.assemble(ctx, cacheDir, t, f)
}

// AsmOptions configure an avo-backend build.
type AsmOptions struct {
	TemplatesDir string
	Targets      []Target // empty: all
	CacheDir     string   // empty: DefaultCacheDir()
	Go           *GoTool  // nil: FindGo
	// OpsFrom, if set, is a C template directory whose uop names are the
	// tables' op list, so that they index like that set's (a uop it has
	// and these templates lack gets an empty stencil); otherwise the op
	// list is every uop the files define.
	OpsFrom string
}

// AsmResult is everything an avo-backend build produced.
type AsmResult struct {
	Go      *GoTool
	Inputs  *AsmInputs
	Ops     []string
	Targets []*TargetStencils // a target without files is left out
	// Assembled and Cached count listings made and found in the cache.
	Assembled, Cached int
	// raw keeps, per target name, each stencil as read before the passes,
	// for verify.
	raw map[string]map[string]relocs.Stencil
}

// MakeAsm assembles the templates for the targets and turns every function
// into a stencil. It writes nothing but the listing cache.
func MakeAsm(ctx context.Context, opts AsmOptions) (*AsmResult, error) {
	in, err := LoadAsmInputs(opts.TemplatesDir)
	if err != nil {
		return nil, err
	}
	g := opts.Go
	if g == nil {
		if g, err = FindGo(ctx); err != nil {
			return nil, err
		}
	}
	targets := opts.Targets
	if len(targets) == 0 {
		targets = Targets
	}
	cacheDir := opts.CacheDir
	if cacheDir == "" {
		cacheDir = DefaultCacheDir()
	}
	res := &AsmResult{Go: g, Inputs: in, raw: map[string]map[string]relocs.Stencil{}}
	names := map[string]bool{}
	for _, t := range targets {
		files := in.filesFor(t)
		if len(files) == 0 {
			continue
		}
		ts := &TargetStencils{Target: t, Digest: in.Digest(g, t)}
		res.raw[t.Name()] = map[string]relocs.Stencil{}
		seen := map[string]string{}
		for _, f := range files {
			out, cached, err := g.assemble(ctx, cacheDir, t, f)
			if err != nil {
				return nil, err
			}
			read := func(out []byte) ([]relocs.Stencil, []relocs.Stencil, error) {
				syms, err := parseListing(out)
				if err != nil {
					return nil, nil, fmt.Errorf("%s: %s: %w", t.Name(), f.Path, err)
				}
				return asmStencils(t, f.Name, syms)
			}
			sts, raws, err := read(out)
			if err != nil && cached {
				// A damaged cached listing is made again, as a damaged
				// object is compiled again; an error that survives that is
				// the template's.
				if out, cached, err = g.reassemble(ctx, cacheDir, t, f); err != nil {
					return nil, err
				}
				sts, raws, err = read(out)
			}
			if err != nil {
				return nil, err
			}
			if cached {
				res.Cached++
			} else {
				res.Assembled++
			}
			for i, st := range sts {
				res.raw[t.Name()][st.Name] = raws[i]
				if prev, dup := seen[st.Name]; dup {
					return nil, fmt.Errorf("%s: uop %s is defined in %s.s and in %s.s", t.Name(), st.Name, prev, f.Name)
				}
				seen[st.Name] = f.Name
				names[st.Name] = true
				ts.Stencils = append(ts.Stencils, st)
			}
		}
		sort.Slice(ts.Stencils, func(i, j int) bool { return ts.Stencils[i].Name < ts.Stencils[j].Name })
		res.Targets = append(res.Targets, ts)
	}
	if len(res.Targets) == 0 {
		return nil, fmt.Errorf("no Go assembly template in %s is for the targets asked (name files *_amd64.s or *_arm64.s)", in.Dir)
	}
	if opts.OpsFrom != "" {
		ref, err := LoadInputs(opts.OpsFrom)
		if err != nil {
			return nil, fmt.Errorf("--ops-from: %w", err)
		}
		known := map[string]bool{}
		for _, tm := range ref.Templates {
			res.Ops = append(res.Ops, tm.Name)
			known[tm.Name] = true
		}
		for n := range names {
			if !known[n] {
				return nil, fmt.Errorf("uop %s is not among the uops of %s", n, opts.OpsFrom)
			}
		}
	} else {
		for n := range names {
			res.Ops = append(res.Ops, n)
		}
		sort.Strings(res.Ops)
	}
	return res, nil
}

// CodeBytesOf is the size of the named stencil's code, or -1 without it.
func (ts *TargetStencils) CodeBytesOf(name string) int {
	for _, s := range ts.Stencils {
		if s.Name == name {
			return len(s.Code)
		}
	}
	return -1
}

// Stencil finds a stencil by uop name.
func (ts *TargetStencils) Stencil(name string) (relocs.Stencil, bool) {
	for _, s := range ts.Stencils {
		if s.Name == name {
			return s, true
		}
	}
	return relocs.Stencil{}, false
}
