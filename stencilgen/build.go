package stencilgen

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/copypatch/copypatch/elfparse"
	"github.com/copypatch/copypatch/machoparse"
	"github.com/copypatch/copypatch/relocs"
)

// Options configure a build.
type Options struct {
	TemplatesDir string
	Targets      []Target // empty: all
	CacheDir     string   // empty: DefaultCacheDir()
	KeepObjects  string   // if set, copy objects to DIR/<os>_<arch>/<uop>.o
	Jobs         int
	Clang        *Clang // nil: FindClang
	Progress     func(done, total int, obj *Object)
}

// TargetStencils are one target's stencils, in template-name order.
type TargetStencils struct {
	Target   Target
	Digest   string
	Stencils []relocs.Stencil
	Objects  []*Object
}

// CodeBytes is the total size of the target's stencil code.
func (ts *TargetStencils) CodeBytes() int {
	n := 0
	for _, s := range ts.Stencils {
		n += len(s.Code)
	}
	return n
}

// Result is everything a build produced.
type Result struct {
	Clang   *Clang
	Inputs  *Inputs
	Targets []*TargetStencils
	// Compiled and Cached count objects built by Clang and found in the cache.
	Compiled, Cached int
}

// Make compiles the templates for the targets and turns the objects into
// stencils. It writes nothing but the object cache (and KeepObjects).
func Make(ctx context.Context, opts Options) (*Result, error) {
	in, err := LoadInputs(opts.TemplatesDir)
	if err != nil {
		return nil, err
	}
	clang := opts.Clang
	if clang == nil {
		if clang, err = FindClang(ctx); err != nil {
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
	comp := &Compiler{Clang: clang, CacheDir: cacheDir, Jobs: opts.Jobs, Progress: opts.Progress}
	objs, err := comp.Compile(ctx, in, targets)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err() // interrupted: not Clang's fault
		}
		// The probe says in one line what a Clang lacks for a target.
		for _, t := range targets {
			if perr := clang.CheckTarget(ctx, t, cacheDir); perr != nil {
				return nil, perr
			}
		}
		return nil, err
	}
	res := &Result{Clang: clang, Inputs: in}
	byTarget := map[string]*TargetStencils{}
	for _, t := range targets {
		ts := &TargetStencils{Target: t, Digest: in.Digest(clang, t)}
		byTarget[t.Name()] = ts
		res.Targets = append(res.Targets, ts)
	}
	for _, obj := range objs {
		st, err := ReadObject(obj.Target, obj.Template.Name, obj.Path)
		if err != nil && obj.Cached {
			// A damaged cache entry (a disk fault, an edit by hand) is
			// rebuilt rather than failing every run; an error that
			// survives a fresh compile is the template's.
			if st, err = comp.recompile(ctx, in, obj); err != nil {
				return nil, err
			}
		}
		if err != nil {
			return nil, err
		}
		if obj.Cached {
			res.Cached++
		} else {
			res.Compiled++
		}
		ts := byTarget[obj.Target.Name()]
		ts.Stencils = append(ts.Stencils, st)
		ts.Objects = append(ts.Objects, obj)
		if opts.KeepObjects != "" {
			if err := keepObject(opts.KeepObjects, obj); err != nil {
				return nil, err
			}
		}
	}
	return res, nil
}

// ReadObject parses one object and runs the passes over its stencil.
func ReadObject(t Target, name, path string) (relocs.Stencil, error) {
	var (
		st  relocs.Stencil
		err error
	)
	switch t.Format {
	case ELF:
		f, perr := elfparse.Open(path)
		if perr != nil {
			return st, &ObjectError{Target: t.Name(), Template: name, Err: fmt.Errorf("%s: %w", path, perr)}
		}
		st, err = stencilFromELF(t, name, f)
	case MachO:
		f, perr := machoparse.Open(path)
		if perr != nil {
			return st, &ObjectError{Target: t.Name(), Template: name, Err: fmt.Errorf("%s: %w", path, perr)}
		}
		st, err = stencilFromMachO(t, name, f)
	default:
		return st, fmt.Errorf("BUG: target %s has no object format", t.Name())
	}
	if err != nil {
		return st, err
	}
	for _, pass := range Passes {
		if err := pass(t, &st); err != nil {
			return st, &ObjectError{Target: t.Name(), Template: name, Err: err}
		}
	}
	return st, nil
}

func keepObject(dir string, obj *Object) error {
	dst := filepath.Join(dir, obj.Target.FileTag(), obj.Template.Name+".o")
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	src, err := os.Open(obj.Path)
	if err != nil {
		return err
	}
	defer src.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, src); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// WriteTables writes ops.go, stencils_other.go and one stencils_<os>_<arch>.go
// per built target into dir. It returns the files it changed.
func WriteTables(dir, pkg string, res *Result) ([]string, error) {
	names := make([]string, len(res.Inputs.Templates))
	for i, t := range res.Inputs.Templates {
		names[i] = t.Name
	}
	type file struct {
		name    string
		content []byte
	}
	var files []file
	ops, err := OpsFile(pkg, names)
	if err != nil {
		return nil, err
	}
	files = append(files, file{"ops.go", ops})
	other, err := OtherFile(pkg)
	if err != nil {
		return nil, err
	}
	files = append(files, file{"stencils_other.go", other})
	for _, ts := range res.Targets {
		content, err := TargetFile(pkg, ts.Target, res.Clang.Version, ts.Digest, ts.Stencils)
		if err != nil {
			return nil, err
		}
		files = append(files, file{"stencils_" + ts.Target.FileTag() + ".go", content})
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var changed []string
	for _, f := range files {
		wrote, err := writeIfChanged(filepath.Join(dir, f.name), f.content)
		if err != nil {
			return changed, err
		}
		if wrote {
			changed = append(changed, f.name)
		}
	}
	return changed, nil
}
