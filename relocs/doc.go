// Package relocs is the target-neutral model of a stencil's holes: where a
// hole is, how to patch it (Kind) and what goes in it (Value), together with
// the patch functions for every kind and the tables that normalise ELF and
// Mach-O relocation types onto kinds.
//
// Both build time (stencilgen, to normalise) and run time (the JIT runtime,
// to patch) use it, so it must stay free of anything either side owns:
// relocs imports only the standard library, and must not import
// stencilgen, generated, runtime or interp.
package relocs
