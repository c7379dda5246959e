// Package relocs is the target-neutral model of a stencil's holes: where a
// hole is, how to patch it (Kind) and what goes in it (Value), together with
// the patch functions for every kind (Patch, with the GOT relaxations), their
// inverse (Resolve, used to compare our patching with a real linker's), and
// the tables that normalise ELF and Mach-O relocation types onto kinds
// (FromELF, FromMachO). README.md lists each kind's formula and reach.
//
// Both build time (stencilgen, to normalise) and run time (the JIT runtime,
// to patch) use it, so it must stay free of anything either side owns:
// relocs imports only the standard library, and must not import
// stencilgen, generated, runtime or interp.
//
// Patch and Resolve take the whole buffer and the hole's offset, because
// an x86 GOT relaxation rewrites the opcode bytes before the relocated
// field. Bad input (a wrong instruction, an offset outside the buffer) is an
// error, never a panic; a field that cannot reach is a *RangeError.
package relocs
