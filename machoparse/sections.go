package machoparse

import (
	"debug/macho"
)

// A Section is one Mach-O section with its contents.
type Section struct {
	Index  int    // 1-based Mach-O section number
	Seg    string // "__TEXT"
	Name   string // "__text", "__literal8", "__const", ...
	Addr   uint64 // address in the object's address space (section-relative relocations point here)
	Size   uint64
	Align  uint32 // log2
	Flags  uint32
	Data   []byte  // nil for zerofill
	Relocs []Reloc // in file order (Clang writes them last to first); ADDEND records folded in
}

// Section types (the low byte of Flags) whose contents are not in the
// file, from <mach-o/loader.h>.
const (
	sectionTypeMask      = 0xff
	sZerofill            = 0x1
	sGBZerofill          = 0xc
	sThreadLocalZerofill = 0x12
)

// FullName is "segment,section", as in error messages and assembler
// directives.
func (s *Section) FullName() string { return s.Seg + "," + s.Name }

// Zerofill reports whether s has no contents in the file.
func (s *Section) Zerofill() bool {
	switch s.Flags & sectionTypeMask {
	case sZerofill, sGBZerofill, sThreadLocalZerofill:
		return true
	}
	return false
}

func (f *File) readSections(mf *macho.File, size int64) error {
	f.Sections = make([]*Section, len(mf.Sections))
	for i, ms := range mf.Sections {
		s := &Section{
			Index: i + 1,
			Seg:   ms.Seg,
			Name:  ms.Name,
			Addr:  ms.Addr,
			Size:  ms.Size,
			Align: ms.Align,
			Flags: ms.Flags,
		}
		f.Sections[i] = s
		if s.Zerofill() {
			continue
		}
		// Check the extent before reading, so a huge claimed size
		// costs nothing.
		if end := uint64(ms.Offset) + ms.Size; end < ms.Size || size >= 0 && end > uint64(size) {
			return malformed(s.FullName(), -1, "section data [%#x, %#x) beyond end of file (%#x bytes)", ms.Offset, uint64(ms.Offset)+ms.Size, size)
		}
		data, err := ms.Data()
		if err != nil {
			return &FormatError{Section: s.FullName(), Off: -1, Msg: "reading section data", Kind: ErrMalformed, Err: err}
		}
		if uint64(len(data)) != ms.Size {
			return malformed(s.FullName(), -1, "section data is %d bytes, header says %d", len(data), ms.Size)
		}
		s.Data = data
	}
	return nil
}
