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
// they are trusted in practice. Parsing is hardened anyway: malformed
// input yields an error (a *FormatError), never a panic; a panic inside
// debug/elf is recovered and reported as ErrMalformed. Section extents
// are checked against the input's size when the reader can tell it
// (*os.File, *bytes.Reader, *io.SectionReader); otherwise debug/elf
// reads in bounded chunks, so a lying header costs at most about the
// input's length. The package is fuzzed (FuzzParse).
package elfparse
