package stencilgen

import (
	"debug/macho"
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/copypatch/copypatch/machoparse"
	"github.com/copypatch/copypatch/relocs"
)

var machoCPU = map[relocs.Arch]macho.Cpu{relocs.AMD64: macho.CpuAmd64, relocs.ARM64: macho.CpuArm64}

// Mach-O n_type bits.
const (
	machoTypeMask = 0x0e
	machoUndef    = 0x00
	machoAbs      = 0x02
	machoSect     = 0x0e
)

// machoSkipped are sections that carry nothing a stencil runs or reads.
func machoSkipped(s *machoparse.Section) bool {
	return s.Seg == "__LD" || s.Seg == "__DWARF" || s.Name == "__eh_frame" || s.Name == "__compact_unwind"
}

// machoWritable are sections a linker would map writable.
func machoWritable(s *machoparse.Section) bool {
	return s.Seg == "__DATA" && s.Name != "__const"
}

const machoPureInstructions = 0x80000000 | 0x00000400 // S_ATTR_PURE_INSTRUCTIONS | S_ATTR_SOME_INSTRUCTIONS

// stencilFromMachO builds a stencil from an MH_OBJECT Mach-O file.
func stencilFromMachO(t Target, name string, f *machoparse.File) (relocs.Stencil, error) {
	objErr := func(sec string, off uint64, sym, reloc string, err error) error {
		return &ObjectError{Target: t.Name(), Template: name, Section: sec, Offset: off, Symbol: sym, Reloc: reloc, Err: err}
	}
	if want := machoCPU[t.RArch]; f.Cpu != want {
		return relocs.Stencil{}, objErr("", 0, "", "", fmt.Errorf("object is for %v, want %v", f.Cpu, want))
	}
	b := newBuilder(name)
	place := map[int]placement{}
	writable := "" // the first writable section
	for _, s := range f.Sections {
		if s == nil || s.Size == 0 || machoSkipped(s) {
			continue
		}
		secName := s.Seg + "," + s.Name
		switch {
		case machoWritable(s):
			// Refused once the holes are known: a table of code addresses
			// lands here on ELF and deserves its own message.
			if writable == "" {
				writable = secName
			}
			place[s.Index] = placement{relocs.Data, uint64(b.addData(s.Data, s.Size, 1<<s.Align))}
		case s.Flags&machoPureInstructions != 0:
			if len(b.st.Code) > 0 {
				return relocs.Stencil{}, objErr(secName, 0, "", "", fmt.Errorf("a second code section: a template must compile to one function"))
			}
			place[s.Index] = placement{relocs.Code, 0}
			b.st.Code = append([]byte(nil), s.Data...)
		default:
			place[s.Index] = placement{relocs.Data, uint64(b.addData(s.Data, s.Size, 1<<s.Align))}
		}
	}
	for _, s := range f.Sections {
		if s == nil {
			continue
		}
		p, loaded := place[s.Index]
		if !loaded {
			continue
		}
		secName := s.Seg + "," + s.Name
		buf := b.st.Code
		if p.section == relocs.Data {
			buf = b.st.Data
		}
		for _, r := range s.Relocs {
			typeName := f.TypeName(r.Type)
			off := p.off + uint64(r.Offset)
			symName := ""
			if r.Extern {
				symName = f.Symbols[r.Symbol].Name
			} else if r.Section >= 1 && r.Section <= len(f.Sections) {
				symName = f.Sections[r.Section-1].Name
			}
			fail := func(err error) error { return objErr(secName, uint64(r.Offset), symName, typeName, err) }
			kind, err := relocs.FromMachO(f.Cpu, r.Type)
			if err != nil {
				return relocs.Stencil{}, fail(err)
			}
			h, err := machoHole(t, f, place, buf, off, s.Addr+uint64(r.Offset), r, kind)
			if err != nil {
				return relocs.Stencil{}, fail(err)
			}
			h.Section, h.Offset, h.Symbol = p.section, uint32(off), strings.TrimPrefix(symName, "_")
			if !r.Extern || f.Symbols[r.Symbol].Type&machoTypeMask != machoUndef {
				h.Symbol = symName
			}
			if kind.UsesGOT() {
				if h.Value == relocs.ValueCode || h.Value == relocs.ValueData {
					return relocs.Stencil{}, fail(fmt.Errorf("GOT reference to a symbol defined in the template"))
				}
				h.GOT = b.got(h.Value, h.Symbol)
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

// x86PCBias is how many bytes follow a rel32 field in its instruction, for
// the Mach-O types that say so (X86_64_RELOC_SIGNED_1/2/4).
func x86PCBias(typ uint8) int64 {
	switch macho.RelocTypeX86_64(typ) {
	case macho.X86_64_RELOC_SIGNED_1:
		return 1
	case macho.X86_64_RELOC_SIGNED_2:
		return 2
	case macho.X86_64_RELOC_SIGNED_4:
		return 4
	}
	return 0
}

// machoHole works out a hole's value and ELF-style addend (the hole's value
// is S, its field gets S+A-P for PC-relative kinds). Mach-O keeps x86-64
// addends, and the targets of section-relative relocations, in the patched
// field itself; machoHole reads them and clears the field, so stencils carry
// no stale bytes.
//
// fieldAddr is the field's address in the object's own address space.
func machoHole(t Target, f *machoparse.File, place map[int]placement, buf []byte, off, fieldAddr uint64, r machoparse.Reloc, kind relocs.Kind) (relocs.Hole, error) {
	h := relocs.Hole{Kind: kind, GOT: -1}
	size := uint64(1) << r.Length
	if size != 4 && size != 8 || off+size > uint64(len(buf)) {
		return h, fmt.Errorf("unsupported field size %d", size)
	}
	if kind == relocs.Abs64 && size != 8 || kind != relocs.Abs64 && size != 4 {
		return h, fmt.Errorf("field size %d does not fit a %v hole", size, kind)
	}
	field := buf[off : off+size]
	var embedded int64
	// arm64 instruction fields hold encoded bits, not an addend: the addend
	// comes from ARM64_RELOC_ADDEND (folded by machoparse). Data words and
	// every x86-64 field hold the addend.
	if t.RArch == relocs.AMD64 || kind == relocs.Abs64 {
		if size == 8 {
			embedded = int64(binary.LittleEndian.Uint64(field))
		} else {
			embedded = int64(int32(binary.LittleEndian.Uint32(field)))
		}
		clear(field)
	}
	bias := int64(0) // ELF-style PC bias: the field's distance to the end of its instruction
	if r.PCRel && t.RArch == relocs.AMD64 {
		bias = 4 + x86PCBias(r.Type)
	}
	if r.Extern {
		sym := f.Symbols[r.Symbol]
		switch sym.Type & machoTypeMask {
		case machoUndef:
			v, err := holeValue(strings.TrimPrefix(sym.Name, "_"))
			if err != nil {
				return h, err
			}
			h.Value, h.Addend = v, embedded+r.Addend-bias
		case machoAbs:
			h.Value, h.Addend = relocs.ValueZero, int64(sym.Value)+embedded+r.Addend-bias
		case machoSect:
			v, base, err := machoAddress(f, place, int(sym.Sect), sym.Value)
			if err != nil {
				return h, err
			}
			h.Value, h.Addend = v, base+embedded+r.Addend-bias
		default:
			return h, fmt.Errorf("symbol of unsupported type %#x", sym.Type)
		}
		return h, nil
	}
	// Section-relative: the field holds the target's address in the
	// object's own address space (relative to the next instruction for
	// PC-relative fields).
	if t.RArch == relocs.ARM64 && kind != relocs.Abs64 {
		return h, fmt.Errorf("section-relative arm64 instruction relocation (clang emits extern ones; not supported)")
	}
	target := uint64(embedded)
	if r.PCRel {
		target = fieldAddr + uint64(bias) + uint64(embedded)
	}
	v, base, err := machoAddress(f, place, r.Section, target)
	if err != nil {
		return h, err
	}
	h.Value, h.Addend = v, base-bias
	return h, nil
}

// machoAddress turns an address in section sect (1-based) of the object into
// a stencil value and offset.
func machoAddress(f *machoparse.File, place map[int]placement, sect int, addr uint64) (relocs.Value, int64, error) {
	if sect < 1 || sect > len(f.Sections) || f.Sections[sect-1] == nil {
		return 0, 0, fmt.Errorf("section %d out of range", sect)
	}
	s := f.Sections[sect-1]
	p, ok := place[sect]
	if !ok {
		return 0, 0, fmt.Errorf("reference to section %s,%s, which is not loaded", s.Seg, s.Name)
	}
	if addr < s.Addr || addr > s.Addr+s.Size {
		return 0, 0, fmt.Errorf("address %#x outside section %s,%s", addr, s.Seg, s.Name)
	}
	return valueOfSection(p.section), int64(p.off + addr - s.Addr), nil
}
