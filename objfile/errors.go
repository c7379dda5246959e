// Package objfile holds what the object-file parsers (elfparse, machoparse)
// share: the error type they report and its sentinels, so that a caller
// handles a bad ELF and a bad Mach-O object the same way.
package objfile

import (
	"errors"
	"fmt"
)

// Sentinels for errors.Is; every *FormatError wraps exactly one of them.
var (
	// ErrUnsupportedMachine: the object is for a CPU other than x86-64 or arm64.
	ErrUnsupportedMachine = errors.New("unsupported machine")
	// ErrUnsupported: a well-formed object that is not what Clang gives us
	// here (its parser's documentation says which features).
	ErrUnsupported = errors.New("unsupported object")
	// ErrMalformed: the file is damaged or inconsistent.
	ErrMalformed = errors.New("malformed object")
)

// A FormatError reports a bad object file. Callers add the file name.
type FormatError struct {
	Section string // section the problem is in, named as its format names it; "" for the file as a whole
	Off     int64  // offset within Section, or within the file if Section is ""; -1 if none
	Msg     string // lower-case, no trailing period
	Kind    error  // ErrUnsupportedMachine, ErrUnsupported or ErrMalformed
	Err     error  // underlying cause (from debug/elf or debug/macho), if any
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

// Errorf builds a FormatError of the given kind about offset off in
// section sect (off -1: no offset).
func Errorf(kind error, sect string, off int64, format string, args ...any) *FormatError {
	return &FormatError{Section: sect, Off: off, Msg: fmt.Sprintf(format, args...), Kind: kind}
}

// Internal turns a panic recovered inside a parser (a bug in it or in the
// standard library's reader) into an ErrMalformed error.
func Internal(p any) *FormatError {
	return &FormatError{Off: -1, Msg: "internal error", Kind: ErrMalformed, Err: fmt.Errorf("%v", p)}
}
