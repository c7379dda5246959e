package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func verifyCmd() *cobra.Command {
	var c common
	cmd := &cobra.Command{
		Use:   "verify",
		Short: "Check every hole against a real linker",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return errors.New("verify: not yet implemented")
		},
	}
	c.register(cmd)
	return cmd
}
