package main

import (
	"encoding/json"
	"fmt"

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
			opts, err := c.options()
			if err != nil {
				return err
			}
			res, err := stencilgen.Make(cmd.Context(), opts)
			if err != nil {
				return err
			}
			want := map[string]bool{}
			for _, a := range args {
				want[a] = true
			}
			for _, a := range args {
				found := false
				for _, tm := range res.Inputs.Templates {
					found = found || tm.Name == a
				}
				if !found {
					return fmt.Errorf("no uop named %q", a)
				}
			}
			keep := func(name string) bool { return len(want) == 0 || want[name] }
			w := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(stencilgen.InspectJSON(res.Clang.Version, res.Targets, keep))
			}
			for _, ts := range res.Targets {
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
