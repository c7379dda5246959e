package elfparse

import (
	"debug/elf"
	"errors"
	"fmt"
)

// A Symbol is one entry of the symbol table.
type Symbol struct {
	Name    string
	Section elf.SectionIndex // SHN_UNDEF for externals, SHN_ABS, or a section index
	Value   uint64
	Size    uint64
	Bind    elf.SymBind
	Type    elf.SymType
}

// readSymbols fills f.Symbols and returns the section index of the symbol
// table (0 if there is none), which relocation sections must link to.
func (f *File) readSymbols(ef *elf.File) (int, error) {
	symtab := 0
	for i, s := range ef.Sections {
		if s.Type == elf.SHT_SYMTAB {
			if symtab != 0 {
				return 0, malformed(s.Name, -1, "second symbol table (first is section %d)", symtab)
			}
			symtab = i
		}
	}
	syms, err := ef.Symbols()
	if errors.Is(err, elf.ErrNoSymbols) {
		syms, err = nil, nil
	}
	if err != nil {
		return 0, &FormatError{Section: ".symtab", Off: -1, Msg: "reading symbols", Kind: ErrMalformed, Err: err}
	}
	// debug/elf drops the null symbol; put it back so that indices match
	// r_sym.
	f.Symbols = make([]Symbol, 1, len(syms)+1)
	for i, es := range syms {
		idx := i + 1
		switch sect := es.Section; {
		case sect == elf.SHN_UNDEF || sect == elf.SHN_ABS:
		case sect >= elf.SHN_LORESERVE:
			return 0, unsupported(".symtab", "symbol %d (%q) in special section %v", idx, es.Name, sect)
		case int(sect) >= len(f.Sections):
			return 0, malformed(".symtab", -1, "symbol %d (%q): section index %d out of range (%d sections)", idx, es.Name, sect, len(f.Sections))
		}
		f.Symbols = append(f.Symbols, Symbol{
			Name:    es.Name,
			Section: es.Section,
			Value:   es.Value,
			Size:    es.Size,
			Bind:    elf.ST_BIND(es.Info),
			Type:    elf.ST_TYPE(es.Info),
		})
	}
	return symtab, nil
}

// SymbolName names symbol i for messages: its name, or for an unnamed
// section symbol, its section's name.
func (f *File) SymbolName(i int) string {
	if i < 0 || i >= len(f.Symbols) {
		return fmt.Sprintf("symbol(%d)", i)
	}
	s := f.Symbols[i]
	if s.Type == elf.STT_SECTION && s.Name == "" && int(s.Section) < len(f.Sections) {
		return f.Sections[s.Section].Name
	}
	return s.Name
}
