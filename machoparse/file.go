package machoparse

import (
	"debug/macho"
	"encoding/binary"
	"fmt"
	"io"
	"os"

	"github.com/copypatch/copypatch/objfile"
)

// A File is a parsed MH_OBJECT file.
type File struct {
	Cpu      macho.Cpu  // CpuAmd64 or CpuArm64
	Sections []*Section // indexed by n_sect-1 (Mach-O section numbers are 1-based)
	Symbols  []Symbol   // symbol table in order (relocations' symbol numbers index it)
}

// Open parses the named object file.
func Open(name string) (*File, error) {
	fd, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer fd.Close()
	return Parse(fd)
}

// Parse reads an MH_OBJECT file from r. Everything the File holds is
// copied out, so r is not needed afterwards. Any error is a *FormatError.
func Parse(r io.ReaderAt) (f *File, err error) {
	// debug/macho has panicked on hostile input before; it must not take
	// the caller down with it.
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, objfile.Internal(p)
		}
	}()
	mf, err := macho.NewFile(r)
	if err != nil {
		return nil, &FormatError{Off: -1, Msg: "invalid Mach-O file", Kind: ErrMalformed, Err: err}
	}
	if mf.Magic != macho.Magic64 || mf.ByteOrder != binary.LittleEndian {
		return nil, unsupported("", "magic %#x (%v), want 64-bit little-endian", mf.Magic, mf.ByteOrder)
	}
	if mf.Type != macho.TypeObj {
		return nil, unsupported("", "file type %v, want MH_OBJECT", mf.Type)
	}
	if mf.Cpu != macho.CpuAmd64 && mf.Cpu != macho.CpuArm64 {
		return nil, &FormatError{Off: -1, Msg: fmt.Sprintf("cpu %v", mf.Cpu), Kind: ErrUnsupportedMachine}
	}
	f = &File{Cpu: mf.Cpu}
	if err := f.readSections(mf, inputSize(r)); err != nil {
		return nil, err
	}
	if err := f.readSymbols(mf); err != nil {
		return nil, err
	}
	if err := f.readRelocs(mf); err != nil {
		return nil, err
	}
	return f, nil
}

// TypeName names a relocation type of f's CPU as debug/macho does
// ("X86_64_RELOC_GOT_LOAD", "ARM64_RELOC_PAGE21"); unknown numbers read
// "RelocTypeARM64(12)".
func (f *File) TypeName(typ uint8) string {
	switch f.Cpu {
	case macho.CpuAmd64:
		return macho.RelocTypeX86_64(typ).String()
	case macho.CpuArm64:
		return macho.RelocTypeARM64(typ).String()
	}
	return fmt.Sprintf("reloc(%d)", typ)
}

// Section returns the section seg,name, or nil.
func (f *File) Section(seg, name string) *Section {
	for _, s := range f.Sections {
		if s.Seg == seg && s.Name == name {
			return s
		}
	}
	return nil
}

// SectionByNumber returns the section with 1-based number n, or nil.
func (f *File) SectionByNumber(n int) *Section {
	if n < 1 || n > len(f.Sections) {
		return nil
	}
	return f.Sections[n-1]
}

// TargetName names what r refers to, for messages: its symbol's name, or
// for a section-relative relocation, "__TEXT,__literal8".
func (f *File) TargetName(r Reloc) string {
	if r.Extern {
		if r.Symbol >= 0 && r.Symbol < len(f.Symbols) {
			return f.Symbols[r.Symbol].Name
		}
		return fmt.Sprintf("symbol(%d)", r.Symbol)
	}
	if s := f.SectionByNumber(r.Section); s != nil {
		return s.FullName()
	}
	return fmt.Sprintf("section(%d)", r.Section)
}

// inputSize is the length of r if r can tell, else -1.
func inputSize(r io.ReaderAt) int64 {
	switch r := r.(type) {
	case interface{ Size() int64 }: // bytes.Reader, strings.Reader, io.SectionReader
		return r.Size()
	case *os.File:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	}
	return -1
}
