// Package objfiletest checks the promises every object-file parser
// (elfparse, machoparse) makes its callers, so that their tests state
// them once.
package objfiletest

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/copypatch/copypatch/objfile"
)

// ReaderAt checks that data parses through a plain io.ReaderAt (no Size
// method to lean on) and that its first cut bytes do not.
func ReaderAt[F any](t *testing.T, parse func(io.ReaderAt) (*F, error), name string, data []byte, cut int) {
	t.Helper()
	if _, err := parse(onlyReaderAt{bytes.NewReader(data)}); err != nil {
		t.Errorf("%s: %v", name, err)
	}
	if _, err := parse(onlyReaderAt{bytes.NewReader(data[:cut])}); err == nil {
		t.Errorf("%s truncated to %d bytes: no error", name, cut)
	}
}

type onlyReaderAt struct{ r *bytes.Reader }

func (o onlyReaderAt) ReadAt(p []byte, off int64) (int, error) { return o.r.ReadAt(p, off) }

// panicReader stands for a bug deep in the standard library's parser.
type panicReader struct{}

func (panicReader) ReadAt(p []byte, off int64) (int, error) { panic("boom") }

// Recover checks that a panic inside parse comes out as ErrMalformed.
func Recover[F any](t *testing.T, parse func(io.ReaderAt) (*F, error)) {
	t.Helper()
	f, err := parse(panicReader{})
	if f != nil || !errors.Is(err, objfile.ErrMalformed) {
		t.Fatalf("Parse(panicReader) = %v, %v; want ErrMalformed", f, err)
	}
	if want := "internal error: boom"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

// OpenMissing checks that opening a missing file says so.
func OpenMissing[F any](t *testing.T, open func(string) (*F, error)) {
	t.Helper()
	if _, err := open(filepath.Join("testdata", "no-such.o")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(missing) error %v, want fs.ErrNotExist", err)
	}
}
