package elfparse

import (
	"errors"
	"fmt"
)

// Sentinels for errors.Is; every *FormatError wraps exactly one of them.
var (
	// ErrUnsupportedMachine: e_machine is neither EM_X86_64 nor EM_AARCH64.
	ErrUnsupportedMachine = errors.New("unsupported machine")
	// ErrUnsupported: a well-formed ELF file that is not what Clang gives
	// us here (not ELFCLASS64 little-endian, not ET_REL, SHT_REL
	// relocations, compressed sections, ...).
	ErrUnsupported = errors.New("unsupported object")
	// ErrMalformed: the file is damaged or inconsistent.
	ErrMalformed = errors.New("malformed object")
)

// A FormatError reports a bad object file. Callers add the file name.
type FormatError struct {
	Section string // section the problem is in; "" for the file as a whole
	Off     int64  // offset within Section, or within the file if Section is ""; -1 if none
	Msg     string // lower-case, no trailing period
	Kind    error  // ErrUnsupportedMachine, ErrUnsupported or ErrMalformed
	Err     error  // underlying cause (from debug/elf), if any
}

func (e *FormatError) Error() string {
	s := e.Msg
	switch {
	case e.Section != "" && e.Off >= 0:
		s = fmt.Sprintf("%s+%#x: %s", e.Section, e.Off, s)
	case e.Section != "":
		s = e.Section + ": " + s
	case e.Off >= 0:
		s = fmt.Sprintf("at byte %#x: %s", e.Off, s)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap gives both the sentinel and the cause to errors.Is and errors.As.
func (e *FormatError) Unwrap() []error {
	var errs []error
	for _, err := range []error{e.Kind, e.Err} {
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// malformed builds an ErrMalformed error about section sect at offset off.
func malformed(sect string, off int64, format string, args ...any) *FormatError {
	return &FormatError{Section: sect, Off: off, Msg: fmt.Sprintf(format, args...), Kind: ErrMalformed}
}

// unsupported builds an ErrUnsupported error about section sect.
func unsupported(sect string, format string, args ...any) *FormatError {
	return &FormatError{Section: sect, Off: -1, Msg: fmt.Sprintf(format, args...), Kind: ErrUnsupported}
}
