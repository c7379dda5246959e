// Package machoparse reads MH_OBJECT Mach-O files (x86-64, arm64) as Clang
// leaves them for stencilgen: sections with their bytes and relocations,
// and the symbol table, as plain data.
//
// It wraps debug/macho and checks what debug/macho leaves to its callers:
// that the object is a little-endian 64-bit MH_OBJECT for CPU_TYPE_X86_64
// or CPU_TYPE_ARM64; that no relocation is scattered; that every
// relocation lies inside its section and names a symbol or section that
// exists; that every ARM64_RELOC_ADDEND qualifies the relocation after it.
// It does not otherwise interpret relocation types: that is the job of
// package relocs and stencilgen.
//
// machoparse must not import relocs or stencilgen.
//
// # Security
//
// The inputs are object files built by our own Clang from templates/, so
// they are trusted in practice. Parsing is hardened anyway: malformed
// input yields an error (a *FormatError), never a panic; a panic inside
// debug/macho is recovered and reported as ErrMalformed. Section extents
// are checked against the input's size when the reader can tell it
// (*os.File, *bytes.Reader, *io.SectionReader); otherwise debug/macho
// reads in bounded chunks, so a lying header costs at most about the
// input's length. The package is fuzzed (FuzzParse).
package machoparse
