package elfparse

import "github.com/copypatch/copypatch/objfile"

// The errors are objfile's, shared with the other object-file parser.
var (
	// ErrUnsupportedMachine: the object is for a CPU other than x86-64 or arm64.
	ErrUnsupportedMachine = objfile.ErrUnsupportedMachine
	// ErrUnsupported: a well-formed object that is not what Clang gives us
	// here (not ELFCLASS64 little-endian, not ET_REL, SHT_REL relocations, compressed sections, ...).
	ErrUnsupported = objfile.ErrUnsupported
	// ErrMalformed: the file is damaged or inconsistent.
	ErrMalformed = objfile.ErrMalformed
)

// A FormatError reports a bad object file. Callers add the file name.
type FormatError = objfile.FormatError

// malformed builds an ErrMalformed error about section sect at offset off.
func malformed(sect string, off int64, format string, args ...any) *FormatError {
	return objfile.Errorf(ErrMalformed, sect, off, format, args...)
}

// unsupported builds an ErrUnsupported error about section sect.
func unsupported(sect string, format string, args ...any) *FormatError {
	return objfile.Errorf(ErrUnsupported, sect, -1, format, args...)
}
