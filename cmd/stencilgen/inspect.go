package main

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/copypatch/copypatch/stencilgen"
)

func inspectCmd() *cobra.Command {
	var (
		c      common
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "inspect [UOP...]",
		Short: "Show stencils as disassembly with their holes marked",
		Long: `inspect builds the stencils exactly as build would (from the object cache when
it can) and prints each one's disassembly with holes marked, for every target
or the ones named by --target. With --json it prints a stable document:

  {"schema": "` + stencilgen.InspectSchema + `", "clang": "19.1.7", "stencils": [
    {"name": "int_add", "target": "linux/amd64", "code": "<hex>", "data": "<hex>",
     "data_align": 8, "holes": [{"section": "code", "offset": 3,
     "kind": "x86_got_load", "value": "operand1", "symbol": "_JIT_OPERAND1",
     "addend": -4, "got": 8}, ...]}, ...]}`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var (
				targets []*stencilgen.TargetStencils
				names   []string
				tool    string
			)
			if avo, err := c.avo(); err != nil {
				return err
			} else if avo {
				opts, err := c.asmOptions()
				if err != nil {
					return err
				}
				res, err := stencilgen.MakeAsm(cmd.Context(), opts)
				if err != nil {
					return err
				}
				targets, names, tool = res.Targets, res.Ops, res.Go.Version
			} else {
				opts, err := c.options()
				if err != nil {
					return err
				}
				res, err := stencilgen.Make(cmd.Context(), opts)
				if err != nil {
					return err
				}
				targets, tool = res.Targets, res.Clang.Version
				for _, tm := range res.Inputs.Templates {
					names = append(names, tm.Name)
				}
			}
			want := map[string]bool{}
			for _, a := range args {
				want[a] = true
			}
			for _, a := range args {
				if !slices.Contains(names, a) {
					return fmt.Errorf("no uop named %q", a)
				}
			}
			keep := func(name string) bool { return len(want) == 0 || want[name] }
			w := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(stencilgen.InspectJSON(tool, targets, keep))
			}
			for _, ts := range targets {
				for _, s := range ts.Stencils {
					if keep(s.Name) {
						stencilgen.InspectText(w, ts.Target, s)
						fmt.Fprintln(w)
					}
				}
			}
			return nil
		},
	}
	c.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (schema "+stencilgen.InspectSchema+")")
	return cmd
}
