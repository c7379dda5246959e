// Command stencilgen builds copy-and-patch stencil tables from C uop
// templates, and inspects and verifies them.
//
// Usage:
//
//	stencilgen build   [--templates DIR] [--out DIR] [--package NAME] [--target os/arch]... [--keep-objects DIR]
//	stencilgen inspect [--target os/arch]... [--json] [UOP...]
//	stencilgen verify  [--target os/arch]...
//
// Every subcommand takes --backend avo to work on Go assembly templates
// (templates/avo) instead of C ones: they are assembled with the Go
// toolchain's assembler, so no C toolchain is needed, and verify links them
// with the Go linker.
//
// Inside a clone of copypatch, directories default to its templates/ and
// generated/ (`go generate ./generated` runs `stencilgen build`). Anywhere
// else, an installed stencilgen (go install ./cmd/stencilgen) needs nothing
// from the source tree: it works on the templates built into it, and build
// needs --out. For your own interpreter pass --templates (a directory of
// uop templates, one .c each, including copypatch.h; see templates/README.md),
// --out and --package, as examples/bf does in its //go:generate line.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/copypatch/copypatch/stencilgen"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	root := &cobra.Command{
		Use:   "stencilgen",
		Short: "Build, inspect and verify copy-and-patch stencil tables",
		Long: `stencilgen compiles every uop template (templates/*.c) with Clang for
linux/amd64, linux/arm64, darwin/amd64 and darwin/arm64, turns each object's
relocations into holes, and writes one Go table per target into generated/.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(buildCmd(), inspectCmd(), verifyCmd())
	if err := root.ExecuteContext(ctx); err != nil {
		if ctx.Err() != nil {
			// Ctrl-C: whatever was cut short says so, not why it failed,
			// and the status is a shell's for SIGINT.
			fmt.Fprintln(os.Stderr, "stencilgen: interrupted; the cache keeps only whole objects")
			os.Exit(130)
		}
		fmt.Fprintln(os.Stderr, "stencilgen:", err)
		os.Exit(1)
	}
}

// common holds the flags every subcommand shares.
type common struct {
	templates string
	targets   []string
	cacheDir  string
	jobs      int
	backend   string
	opsFrom   string
}

func (c *common) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&c.templates, "templates", "", "template directory (default: templates/, or templates/avo with --backend avo, in a clone of copypatch, else the copy built into this binary)")
	cmd.Flags().StringArrayVar(&c.targets, "target", nil, "limit to a target os/arch (repeatable; default: all four)")
	cmd.Flags().StringVar(&c.cacheDir, "cache-dir", "", "object cache (default: "+stencilgen.DefaultCacheDir()+")")
	cmd.Flags().IntVarP(&c.jobs, "jobs", "j", runtime.NumCPU(), "parallel Clang processes")
	cmd.Flags().StringVar(&c.backend, "backend", "clang", "template language: clang (C templates, *.c) or avo (Go assembly, *_amd64.s and *_arm64.s, assembled by go tool asm: no C toolchain)")
	cmd.Flags().StringVar(&c.opsFrom, "ops-from", "", "avo backend: a C template directory whose uop list the tables follow, so they index like its tables (default: the uops the .s files define)")
}

// avo reports whether the avo backend is selected.
func (c *common) avo() (bool, error) {
	switch c.backend {
	case "clang", "":
		if c.opsFrom != "" {
			return false, errors.New("--ops-from is for --backend avo")
		}
		return false, nil
	case "avo":
		return true, nil
	}
	return false, fmt.Errorf("unknown backend %q (known: clang, avo)", c.backend)
}

// asmOptions are options() for the avo backend.
func (c *common) asmOptions() (stencilgen.AsmOptions, error) {
	opts, err := c.options()
	if err != nil {
		return stencilgen.AsmOptions{}, err
	}
	dir := c.templates
	if dir == "" {
		if root, ok := moduleRoot(); ok {
			dir = filepath.Join(root, "templates", "avo")
		} else {
			cache := opts.CacheDir
			if cache == "" {
				cache = stencilgen.DefaultCacheDir()
			}
			if dir, err = stencilgen.EmbeddedAsmTemplates(cache); err != nil {
				return stencilgen.AsmOptions{}, fmt.Errorf("writing the embedded templates: %w", err)
			}
		}
	}
	return stencilgen.AsmOptions{TemplatesDir: dir, Targets: opts.Targets, CacheDir: opts.CacheDir, OpsFrom: c.opsFrom}, nil
}

func (c *common) options() (stencilgen.Options, error) {
	opts := stencilgen.Options{TemplatesDir: c.templates, CacheDir: c.cacheDir, Jobs: c.jobs}
	if opts.TemplatesDir == "" {
		if root, ok := moduleRoot(); ok {
			opts.TemplatesDir = filepath.Join(root, "templates")
		} else {
			// Outside a clone: the templates this binary was built with.
			cache := opts.CacheDir
			if cache == "" {
				cache = stencilgen.DefaultCacheDir()
			}
			dir, err := stencilgen.EmbeddedTemplates(cache)
			if err != nil {
				return opts, fmt.Errorf("writing the embedded templates: %w", err)
			}
			opts.TemplatesDir = dir
		}
	}
	for _, name := range c.targets {
		t, err := stencilgen.LookupTarget(name)
		if err != nil {
			return opts, err
		}
		opts.Targets = append(opts.Targets, t)
	}
	return opts, nil
}

// moduleRoot finds the root of a clone of copypatch (the directory whose
// go.mod declares module github.com/copypatch/copypatch), upwards from the
// working directory.
func moduleRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if mod, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil {
			return dir, modulePathRe.Match(mod)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

var modulePathRe = regexp.MustCompile(`(?m)^module\s+github\.com/copypatch/copypatch\s*$`)

// progress draws one self-erasing progress line when stderr is a terminal.
func progress() func(done, total int, obj *stencilgen.Object) {
	if fi, err := os.Stderr.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(done, total int, obj *stencilgen.Object) {
		state := "compiled"
		if obj.Cached {
			state = "cached"
		}
		fmt.Fprintf(os.Stderr, "\r\033[K[%d/%d] %s %s %s", done, total, state, obj.Target.Name(), obj.Template.Name)
		if done == total {
			fmt.Fprint(os.Stderr, "\r\033[K")
		}
	}
}
