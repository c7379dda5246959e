package elfparse

import (
	"debug/elf"
)

// A Section is one ELF section with its contents.
type Section struct {
	Index  int
	Name   string
	Type   elf.SectionType
	Flags  elf.SectionFlag
	Size   uint64
	Align  uint64
	Data   []byte  // nil for SHT_NOBITS
	Relocs []Reloc // from the SHT_RELA section that applies to this one, in file order
}

func (f *File) readSections(ef *elf.File, size int64) error {
	f.Sections = make([]*Section, len(ef.Sections))
	for i, es := range ef.Sections {
		s := &Section{
			Index: i,
			Name:  es.Name,
			Type:  es.Type,
			Flags: es.Flags,
			Size:  es.Size,
			Align: es.Addralign,
		}
		f.Sections[i] = s
		if es.Type == elf.SHT_NOBITS || es.Type == elf.SHT_NULL {
			continue
		}
		if es.Flags&elf.SHF_COMPRESSED != 0 {
			return unsupported(es.Name, "compressed section")
		}
		// Check the extent before reading, so a huge claimed size
		// costs nothing.
		if end := es.Offset + es.Size; end < es.Offset || size >= 0 && end > uint64(size) {
			return malformed(es.Name, -1, "section data [%#x, %#x) beyond end of file (%#x bytes)", es.Offset, es.Offset+es.Size, size)
		}
		data, err := es.Data()
		if err != nil {
			return &FormatError{Section: es.Name, Off: -1, Msg: "reading section data", Kind: ErrMalformed, Err: err}
		}
		if uint64(len(data)) != es.Size {
			return malformed(es.Name, -1, "section data is %d bytes, header says %d", len(data), es.Size)
		}
		s.Data = data
	}
	return nil
}
