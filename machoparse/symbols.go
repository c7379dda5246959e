package machoparse

import (
	"debug/macho"
)

// A Symbol is one nlist_64 entry of the symbol table.
type Symbol struct {
	Name  string
	Type  uint8 // n_type
	Sect  uint8 // n_sect (0 = NO_SECT)
	Desc  uint16
	Value uint64
}

// n_type bits, from <mach-o/nlist.h>.
const (
	nStab = 0xe0 // debugging entry if any bit is set
	nType = 0x0e // mask for the type bits
	nSect = 0x0e // defined in section n_sect
	nUndf = 0x00 // undefined
)

// Defined reports whether s is defined in a section of the object.
func (s Symbol) Defined() bool { return s.Type&nStab == 0 && s.Type&nType == nSect }

// Undefined reports whether s is an external the object refers to.
func (s Symbol) Undefined() bool { return s.Type&nStab == 0 && s.Type&nType == nUndf }

func (f *File) readSymbols(mf *macho.File) error {
	if mf.Symtab == nil {
		return nil
	}
	f.Symbols = make([]Symbol, len(mf.Symtab.Syms))
	for i, ms := range mf.Symtab.Syms {
		s := Symbol{Name: ms.Name, Type: ms.Type, Sect: ms.Sect, Desc: ms.Desc, Value: ms.Value}
		if s.Defined() && (s.Sect == 0 || int(s.Sect) > len(f.Sections)) {
			return malformed("", -1, "symbol %d (%q): section number %d out of range (%d sections)", i, s.Name, s.Sect, len(f.Sections))
		}
		f.Symbols[i] = s
	}
	return nil
}
