package elfparse

import (
	"debug/elf"
	"encoding/binary"
)

// A Reloc is one RELA relocation. Its type is not interpreted here.
type Reloc struct {
	Offset uint64 // within the section it applies to; always < that section's Size
	Type   uint32 // native type number (elf.R_X86_64 or elf.R_AARCH64 value)
	Symbol int    // index into File.Symbols; always in range
	Addend int64
}

const rela64Size = 24 // sizeof(Elf64_Rela)

func (f *File) readRelocs(ef *elf.File, symtab int) error {
	hasRela := make(map[uint32]bool)
	for i, es := range ef.Sections {
		switch es.Type {
		case elf.SHT_REL:
			return unsupported(es.Name, "SHT_REL relocations (Clang emits SHT_RELA)")
		case elf.SHT_RELA:
		default:
			continue
		}
		rs := f.Sections[i]
		if symtab == 0 || int(es.Link) != symtab {
			return malformed(es.Name, -1, "relocations link section %d, not the symbol table", es.Link)
		}
		if es.Entsize != 0 && es.Entsize != rela64Size {
			return malformed(es.Name, -1, "entry size %d, want %d", es.Entsize, rela64Size)
		}
		if len(rs.Data)%rela64Size != 0 {
			return malformed(es.Name, -1, "size %d is not a multiple of %d", len(rs.Data), rela64Size)
		}
		if es.Info == 0 || int(es.Info) >= len(f.Sections) || int(es.Info) == i {
			return malformed(es.Name, -1, "applies to bad section index %d", es.Info)
		}
		t := f.Sections[es.Info]
		if hasRela[es.Info] {
			return malformed(es.Name, -1, "second relocation section for %s", t.Name)
		}
		if t.Type == elf.SHT_NOBITS || t.Type == elf.SHT_RELA || t.Type == elf.SHT_SYMTAB {
			return malformed(es.Name, -1, "relocations apply to %v section %s", t.Type, t.Name)
		}
		hasRela[es.Info] = true
		n := len(rs.Data) / rela64Size
		if n == 0 {
			continue
		}
		t.Relocs = make([]Reloc, n)
		for j := range t.Relocs {
			b := rs.Data[j*rela64Size:]
			off := binary.LittleEndian.Uint64(b)
			info := binary.LittleEndian.Uint64(b[8:])
			r := Reloc{
				Offset: off,
				Type:   elf.R_TYPE64(info),
				Symbol: int(elf.R_SYM64(info)),
				Addend: int64(binary.LittleEndian.Uint64(b[16:])),
			}
			// The width of the patched field depends on the type,
			// which relocs knows; here the field must at least start
			// inside the section.
			if r.Offset >= t.Size {
				return malformed(t.Name, int64(r.Offset), "relocation %d (%s): offset beyond section end %#x", j, f.TypeName(r.Type), t.Size)
			}
			if r.Symbol >= len(f.Symbols) {
				return malformed(t.Name, int64(r.Offset), "relocation %d (%s): symbol index %d out of range (%d symbols)", j, f.TypeName(r.Type), r.Symbol, len(f.Symbols))
			}
			t.Relocs[j] = r
		}
	}
	return nil
}
