package stencilgen

import (
	"debug/elf"
	"fmt"

	"github.com/copypatch/copypatch/elfparse"
	"github.com/copypatch/copypatch/relocs"
)

// placement says where an object's section lands in the stencil.
type placement struct {
	section relocs.Section
	off     uint64
}

var elfMachine = map[relocs.Arch]elf.Machine{relocs.AMD64: elf.EM_X86_64, relocs.ARM64: elf.EM_AARCH64}

// stencilFromELF builds a stencil from a relocatable ELF object.
func stencilFromELF(t Target, name string, f *elfparse.File) (relocs.Stencil, error) {
	objErr := func(sec string, off uint64, sym, reloc string, err error) error {
		return &ObjectError{Target: t.Name(), Template: name, Section: sec, Offset: off, Symbol: sym, Reloc: reloc, Err: err}
	}
	if want := elfMachine[t.RArch]; f.Machine != want {
		return relocs.Stencil{}, objErr("", 0, "", "", fmt.Errorf("object is for %v, want %v", f.Machine, want))
	}
	b := newBuilder(name)
	place := map[int]placement{}
	writable := "" // the first writable section
	for _, s := range f.Sections {
		if s == nil || s.Flags&elf.SHF_ALLOC == 0 || s.Size == 0 {
			continue
		}
		switch {
		case s.Flags&elf.SHF_WRITE != 0:
			// Refused once the holes are known: a table of code addresses
			// lands here on ELF and deserves its own message.
			if writable == "" {
				writable = s.Name
			}
			place[s.Index] = placement{relocs.Data, uint64(b.addData(s.Data, s.Size, s.Align))}
		case s.Flags&elf.SHF_EXECINSTR != 0:
			if len(b.st.Code) > 0 {
				return relocs.Stencil{}, objErr(s.Name, 0, "", "", fmt.Errorf("a second code section: a template must compile to one function"))
			}
			place[s.Index] = placement{relocs.Code, 0}
			b.st.Code = append([]byte(nil), s.Data...)
		default:
			place[s.Index] = placement{relocs.Data, uint64(b.addData(s.Data, s.Size, s.Align))}
		}
	}
	if err := checkELFEntry(f, place); err != nil {
		return relocs.Stencil{}, objErr(".text", 0, "cp_uop", "", err)
	}
	for _, s := range f.Sections {
		if s == nil {
			continue
		}
		p, loaded := place[s.Index]
		if !loaded {
			continue
		}
		for _, r := range s.Relocs {
			sym := f.Symbols[r.Symbol]
			symName := sym.Name
			if sym.Type == elf.STT_SECTION && int(sym.Section) < len(f.Sections) && f.Sections[sym.Section] != nil {
				symName = f.Sections[sym.Section].Name
			}
			typeName := f.TypeName(r.Type)
			fail := func(err error) error { return objErr(s.Name, r.Offset, symName, typeName, err) }
			kind, err := relocs.FromELF(f.Machine, r.Type)
			if err != nil {
				return relocs.Stencil{}, fail(err)
			}
			h := relocs.Hole{Section: p.section, Offset: uint32(p.off + r.Offset), Kind: kind, Symbol: symName, Addend: r.Addend, GOT: -1}
			switch sym.Section {
			case elf.SHN_UNDEF:
				if h.Value, err = holeValue(sym.Name); err != nil {
					return relocs.Stencil{}, fail(err)
				}
			case elf.SHN_ABS:
				h.Value, h.Addend = relocs.ValueZero, int64(sym.Value)+r.Addend
			default:
				tp, ok := place[int(sym.Section)]
				if !ok {
					return relocs.Stencil{}, fail(fmt.Errorf("reference to a section that is not loaded"))
				}
				h.Value = valueOfSection(tp.section)
				h.Addend = int64(tp.off+sym.Value) + r.Addend
			}
			if kind.UsesGOT() {
				if h.Value == relocs.ValueCode || h.Value == relocs.ValueData {
					return relocs.Stencil{}, fail(fmt.Errorf("GOT reference to a symbol defined in the template"))
				}
				h.GOT = b.got(h.Value, symName)
			}
			b.st.Holes = append(b.st.Holes, h)
		}
	}
	if off, ok := codeAddressInData(b.st.Holes); ok {
		return relocs.Stencil{}, objErr("data", off, "", "", errCodeTable)
	}
	if writable != "" {
		return relocs.Stencil{}, objErr(writable, 0, "", "", errWritable)
	}
	return b.finish(), nil
}

func valueOfSection(s relocs.Section) relocs.Value {
	if s == relocs.Code {
		return relocs.ValueCode
	}
	return relocs.ValueData
}

// checkELFEntry makes sure the code is the template's uop and nothing
// else: one function, cp_uop, at the start of the only code section. A
// template without it, or with another function beside it, would otherwise
// give a stencil of the wrong code that only verify would catch.
func checkELFEntry(f *elfparse.File, place map[int]placement) error {
	code := -1
	for idx, p := range place {
		if p.section == relocs.Code {
			code = idx
		}
	}
	if code < 0 {
		return fmt.Errorf("no code: a template must define its uop with CP_UOP (the function cp_uop)")
	}
	entry := false
	for _, sym := range f.Symbols {
		if sym.Type != elf.STT_FUNC || int(sym.Section) != code {
			continue
		}
		if sym.Name != "cp_uop" {
			return fmt.Errorf("function %s beside cp_uop: a template must compile to the one function CP_UOP defines (make helpers static inline)", sym.Name)
		}
		if sym.Value != 0 || sym.Bind != elf.STB_GLOBAL {
			return fmt.Errorf("cp_uop must be global and start the code section")
		}
		entry = true
	}
	if !entry {
		return fmt.Errorf("no cp_uop: a template must define its uop with CP_UOP")
	}
	return nil
}
