package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/copypatch/copypatch/stencilgen"
)

func verifyCmd() *cobra.Command {
	var c common
	cmd := &cobra.Command{
		Use:   "verify",
		Short: "Check every hole against a real linker",
		Long: `verify links every stencil's object with ld.lld (ELF) or ld64.lld (Mach-O)
with every hole symbol defined, patches the same stencil with relocs at the
same code address and values, and proves every hole resolves to the same
value (or, for constant-pool references, to the same bytes). It exits
non-zero naming the first disagreement. With --backend avo it links the Go
assembly templates into one program per target with the Go linker instead.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
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
				reports, err := stencilgen.VerifyAsm(cmd.Context(), res)
				for _, r := range reports {
					fmt.Fprintf(cmd.OutOrStdout(), "%-13s ok: %d stencils, %d holes agree with the Go linker\n", r.Target.Name(), r.Stencils, r.Holes)
				}
				return err
			}
			opts, err := c.options()
			if err != nil {
				return err
			}
			res, err := stencilgen.Make(cmd.Context(), opts)
			if err != nil {
				return err
			}
			reports, err := stencilgen.Verify(cmd.Context(), res, c.jobs)
			for _, r := range reports {
				fmt.Fprintf(cmd.OutOrStdout(), "%-13s ok: %d stencils, %d holes agree with the linker\n", r.Target.Name(), r.Stencils, r.Holes)
			}
			return err
		},
	}
	c.register(cmd)
	return cmd
}
