package machoparse

import (
	"debug/macho"
)

// A Reloc is one relocation_info record. Its type is not interpreted here,
// except that an ARM64_RELOC_ADDEND is folded into the record it
// qualifies.
type Reloc struct {
	Offset  uint32 // r_address, within the section; the 1<<Length byte field is in bounds
	Type    uint8  // native type (macho.RelocTypeX86_64 / RelocTypeARM64 value)
	PCRel   bool
	Length  uint8 // log2 of the field size
	Extern  bool  // true: Symbol is valid; false: Section is the 1-based target section number
	Symbol  int
	Section int
	Addend  int64 // arm64: from a preceding ARM64_RELOC_ADDEND, else 0 (x86-64 addends stay in the instruction bytes)
}

// ARM64 relocation types an ARM64_RELOC_ADDEND may qualify (ld64 accepts
// it before these three).
var addendTargets = map[macho.RelocTypeARM64]bool{
	macho.ARM64_RELOC_PAGE21:    true,
	macho.ARM64_RELOC_PAGEOFF12: true,
	macho.ARM64_RELOC_BRANCH26:  true,
}

// signExtend24 reads r_symbolnum, a 24-bit field, as a signed number: the
// form ARM64_RELOC_ADDEND keeps its addend in.
func signExtend24(v uint32) int64 {
	return int64(int32(v<<8) >> 8)
}

func (f *File) readRelocs(mf *macho.File) error {
	for i, ms := range mf.Sections {
		s := f.Sections[i]
		if len(ms.Relocs) == 0 {
			continue
		}
		if s.Zerofill() {
			return malformed(s.FullName(), -1, "relocations in a zerofill section")
		}
		var (
			pending    bool // an ADDEND awaits its relocation
			addend     int64
			addendAddr uint32
		)
		s.Relocs = make([]Reloc, 0, len(ms.Relocs))
		for j, mr := range ms.Relocs {
			if mr.Scattered {
				return unsupportedAt(s.FullName(), int64(mr.Addr), "relocation %d is scattered", j)
			}
			r := Reloc{
				Offset: mr.Addr,
				Type:   mr.Type,
				PCRel:  mr.Pcrel,
				Length: mr.Len,
				Extern: mr.Extern,
			}
			name := f.TypeName(r.Type)
			if uint64(r.Offset)+1<<r.Length > s.Size {
				return malformed(s.FullName(), int64(r.Offset), "relocation %d (%s): %d-byte field beyond section end %#x", j, name, 1<<r.Length, s.Size)
			}
			if f.Cpu == macho.CpuArm64 && macho.RelocTypeARM64(r.Type) == macho.ARM64_RELOC_ADDEND {
				if pending {
					return malformed(s.FullName(), int64(addendAddr), "ARM64_RELOC_ADDEND followed by another")
				}
				if r.Extern || r.PCRel {
					return malformed(s.FullName(), int64(r.Offset), "relocation %d: ARM64_RELOC_ADDEND marked extern or pc-relative", j)
				}
				pending, addend, addendAddr = true, signExtend24(mr.Value), r.Offset
				continue
			}
			if pending {
				if !addendTargets[macho.RelocTypeARM64(r.Type)] || r.Offset != addendAddr {
					return malformed(s.FullName(), int64(addendAddr), "ARM64_RELOC_ADDEND not followed by PAGE21, PAGEOFF12 or BRANCH26 at the same offset (next is %s at %#x)", name, r.Offset)
				}
				r.Addend, pending = addend, false
			}
			if r.Extern {
				r.Symbol = int(mr.Value)
				if r.Symbol >= len(f.Symbols) {
					return malformed(s.FullName(), int64(r.Offset), "relocation %d (%s): symbol number %d out of range (%d symbols)", j, name, r.Symbol, len(f.Symbols))
				}
			} else {
				r.Section = int(mr.Value)
				if r.Section < 1 || r.Section > len(f.Sections) {
					return malformed(s.FullName(), int64(r.Offset), "relocation %d (%s): section number %d out of range (%d sections)", j, name, r.Section, len(f.Sections))
				}
			}
			s.Relocs = append(s.Relocs, r)
		}
		if pending {
			return malformed(s.FullName(), int64(addendAddr), "dangling ARM64_RELOC_ADDEND at end of relocations")
		}
	}
	return nil
}
