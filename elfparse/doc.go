// Package elfparse reads relocatable ELF objects (x86-64, AArch64) as Clang
// leaves them for stencilgen: sections with their bytes and RELA
// relocations, and the symbol table, as plain data.
//
// It wraps debug/elf and checks what debug/elf leaves to its callers: that
// the object is ELFCLASS64, little-endian, ET_REL, for EM_X86_64 or
// EM_AARCH64; that every relocation's offset lies inside its section and
// its symbol index inside the symbol table; that symbols name real
// sections. It does not interpret relocation types: that is the job of
// package relocs and stencilgen.
//
// elfparse must not import relocs or stencilgen.
//
// # Security
//
// The inputs are object files built by our own Clang from templates/, so
// they are trusted in practice. Parsing is hardened anyway: malformed input
// yields an error (a *FormatError), never a panic, and sizes are checked
// against the input before anything is allocated for them. The package is
// fuzzed (FuzzParse).
package elfparse
