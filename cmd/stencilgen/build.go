package main

import (
	"errors"
	"fmt"
	"go/token"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/copypatch/copypatch/stencilgen"
)

func buildCmd() *cobra.Command {
	var (
		c           common
		out, pkg    string
		keepObjects string
		quiet       bool
	)
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Compile the templates and write the stencil tables",
		Long: `build compiles every template for every target (in parallel, reusing cached
objects: a no-op run compiles nothing and writes nothing), turns the objects
into stencils, and writes generated/ops.go, generated/stencils_other.go and
generated/stencils_<os>_<arch>.go.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			start := time.Now()
			opts, err := c.options()
			if err != nil {
				return err
			}
			if out == "" {
				root, ok := moduleRoot()
				if !ok {
					return errors.New("outside a clone of copypatch there is no default output directory: pass --out DIR (and --package NAME)")
				}
				out = filepath.Join(root, "generated")
			}
			if pkg == "" {
				pkg = filepath.Base(out)
				if abs, err := filepath.Abs(out); err == nil {
					pkg = filepath.Base(abs)
				}
			}
			if !token.IsIdentifier(pkg) {
				return fmt.Errorf("output directory %q does not name a Go package: pass --package NAME", out)
			}
			if avo, err := c.avo(); err != nil {
				return err
			} else if avo {
				return buildAsm(cmd, c, out, pkg, quiet, start)
			}
			opts.KeepObjects = keepObjects
			opts.Progress = progress()
			res, err := stencilgen.Make(cmd.Context(), opts)
			if err != nil {
				return err
			}
			changed, err := stencilgen.WriteTables(out, pkg, res)
			if err != nil {
				return err
			}
			if quiet {
				return nil
			}
			w := cmd.ErrOrStderr()
			for _, ts := range res.Targets {
				fmt.Fprintf(w, "%-13s %3d stencils, %6d code bytes\n", ts.Target.Name(), len(ts.Stencils), ts.CodeBytes())
			}
			wrote := "nothing changed"
			if len(changed) > 0 {
				wrote = "wrote " + strings.Join(changed, ", ")
			}
			fmt.Fprintf(w, "clang %s: %d objects compiled, %d cached, in %.2fs; %s\n",
				res.Clang.Version, res.Compiled, res.Cached, time.Since(start).Seconds(), wrote)
			return nil
		},
	}
	c.register(cmd)
	cmd.Flags().StringVar(&out, "out", "", "output directory (default: the module's generated/)")
	cmd.Flags().StringVar(&pkg, "package", "", "Go package name of the output (default: the output directory's name)")
	cmd.Flags().StringVar(&keepObjects, "keep-objects", "", "also copy objects to DIR/<os>_<arch>/<uop>.o")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print nothing on success")
	return cmd
}

// buildAsm is build for the avo backend.
func buildAsm(cmd *cobra.Command, c common, out, pkg string, quiet bool, start time.Time) error {
	opts, err := c.asmOptions()
	if err != nil {
		return err
	}
	res, err := stencilgen.MakeAsm(cmd.Context(), opts)
	if err != nil {
		return err
	}
	changed, err := stencilgen.WriteAsmTables(out, pkg, res)
	if err != nil {
		return err
	}
	if quiet {
		return nil
	}
	w := cmd.ErrOrStderr()
	for _, ts := range res.Targets {
		fmt.Fprintf(w, "%-13s %3d stencils, %6d code bytes\n", ts.Target.Name(), len(ts.Stencils), ts.CodeBytes())
	}
	wrote := "nothing changed"
	if len(changed) > 0 {
		wrote = "wrote " + strings.Join(changed, ", ")
	}
	fmt.Fprintf(w, "%s asm: %d listings assembled, %d cached, in %.2fs; %s\n",
		res.Go.Version, res.Assembled, res.Cached, time.Since(start).Seconds(), wrote)
	return nil
}
