// Package stencil is the contract between stencil tables and the runtime: a
// Set is one target's tables as stencilgen writes them (the stencils, the
// uop names, which uops play the roles the runtime relies on) and the ABI
// version they were built against, which the runtime checks before it uses
// them.
//
// An interpreter with its own templates gets its own Set from
// `stencilgen build` and hands it to the runtime:
//
//	cache, err := jit.NewCache(jit.Config{Stencils: mytables.Set})
//
// This repository's generated package is one such set (generated.Set).
//
// # Stability
//
// Set, Op and ABIVersion are the stable face of the tables. A change to
// what stencils and the runtime assume about each other (the entry and exit
// protocol, the fixed part of the VM state, the hole symbols) increments
// ABIVersion; tables built for another version are refused by jit.NewCache
// with an error that says to regenerate them. The contract is written out
// in templates/README.md.
//
// # Imports
//
// stencil imports only relocs (for the stencils' types), so that generated
// tables and the runtime can both depend on it while the runtime never
// imports any generated package.
package stencil
