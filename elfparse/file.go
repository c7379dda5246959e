package elfparse

import (
	"debug/elf"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/copypatch/copypatch/objfile"
)

// A File is a parsed relocatable object.
type File struct {
	Machine  elf.Machine // EM_X86_64 or EM_AARCH64
	Sections []*Section  // every section, indexed by ELF section index (Sections[0] is the null section)
	Symbols  []Symbol    // the symbol table, indexed as relocations index it (Symbols[0] is the null symbol)
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

// Parse reads a relocatable object from r. Everything the File holds is
// copied out, so r is not needed afterwards. Any error is a *FormatError.
func Parse(r io.ReaderAt) (f *File, err error) {
	// debug/elf has panicked on hostile input before; it must not take
	// the caller down with it.
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, objfile.Internal(p)
		}
	}()
	ef, err := elf.NewFile(r)
	if err != nil {
		return nil, &FormatError{Off: -1, Msg: "invalid ELF file", Kind: ErrMalformed, Err: err}
	}
	if ef.Class != elf.ELFCLASS64 || ef.Data != elf.ELFDATA2LSB {
		return nil, unsupported("", "%v %v file, want ELFCLASS64 ELFDATA2LSB", ef.Class, ef.Data)
	}
	if ef.Type != elf.ET_REL {
		return nil, unsupported("", "file type %v, want ET_REL", ef.Type)
	}
	if ef.Machine != elf.EM_X86_64 && ef.Machine != elf.EM_AARCH64 {
		return nil, &FormatError{Off: -1, Msg: fmt.Sprintf("machine %v", ef.Machine), Kind: ErrUnsupportedMachine}
	}
	f = &File{Machine: ef.Machine}
	size := inputSize(r)
	if err := f.readSections(ef, size); err != nil {
		return nil, err
	}
	symtab, err := f.readSymbols(ef)
	if err != nil {
		return nil, err
	}
	if err := f.readRelocs(ef, symtab); err != nil {
		return nil, err
	}
	return f, nil
}

// TypeName names a relocation type of f's machine as debug/elf does
// ("R_X86_64_PC32", "R_AARCH64_JUMP26"); unknown numbers read
// "R_X86_64(99)".
func (f *File) TypeName(typ uint32) string {
	var s, prefix string
	switch f.Machine {
	case elf.EM_X86_64:
		s, prefix = elf.R_X86_64(typ).String(), "R_X86_64"
	case elf.EM_AARCH64:
		s, prefix = elf.R_AARCH64(typ).String(), "R_AARCH64"
	default:
		return fmt.Sprintf("reloc(%d)", typ)
	}
	// debug/elf spells unknown values as "nearest known name+N", which
	// would read as a real relocation in an error message.
	if strings.Contains(s, "+") || !strings.HasPrefix(s, prefix) {
		return fmt.Sprintf("%s(%d)", prefix, typ)
	}
	return s
}

// Section returns the first section called name, or nil.
func (f *File) Section(name string) *Section {
	for _, s := range f.Sections {
		if s.Name == name {
			return s
		}
	}
	return nil
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
