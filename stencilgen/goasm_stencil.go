package stencilgen

import (
	"encoding/binary"
	"fmt"
	"sort"
	"strings"

	"golang.org/x/arch/arm64/arm64asm"
	"golang.org/x/arch/x86/x86asm"

	"github.com/copypatch/copypatch/relocs"
)

// How the Go assembler's relocations become holes. A hole symbol (_JIT_*)
// stands for an 8-byte variable that holds the hole's value, so a template
// reads an operand as MOVQ _JIT_OPERAND0(SB), AX (amd64) or
// MOVD _JIT_OPERAND0(SB), R0 (arm64): a load through a GOT slot, which is
// what Clang's code does with -fpic, and the patcher treats it the same
// (relaxing it to an immediate where the value fits). A jump to a hole
// symbol is a jump to the value's address.
//
//	amd64  R_PCREL on a RIP-relative load/ALU op   → X86GOTLoad, GOT slot
//	       R_CALL or R_PCREL on jmp rel32           → X86PCRel32
//	arm64  R_ARM64_PCREL_LDST64 (ADRP + LDR Xt)     → A64GOTPage21 + A64GOTLoad12, GOT slot
//	       R_CALLARM64 on B                         → A64Branch26
//
// References to a data symbol of the same file (avo's ConstData, GLOBL)
// copy that symbol into the stencil's data:
//
//	amd64  R_PCREL                                  → X86PCRel32 to the data
//	arm64  R_ADDRARM64, R_ARM64_PCREL_LDST8…64      → A64Page21 + A64PageOff12 to the data
//
// Go's addend convention differs from ELF's: its PC-relative relocations
// are relative to the end of the field (S + A - (P + size)), so an x86
// hole's addend is Go's minus 4.
//
// Anything else (a CALL, the address of a hole, a reference to a Go symbol)
// fails the build with the template, the symbol and the relocation named.

// asmStencils turns every function of a listing into a stencil, named
// after the function without its package ("pkg.int_add" → "int_add"). It
// also returns each stencil as read, before the passes, for verify.
func asmStencils(t Target, file string, syms []*asmSymbol) (final, raw []relocs.Stencil, err error) {
	data := map[string]*asmSymbol{}
	for _, s := range syms {
		if s.Type != "STEXT" {
			data[s.Name] = s
		}
	}
	for _, s := range syms {
		if s.Type != "STEXT" {
			continue
		}
		name := s.Name
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name = name[i+1:]
		}
		if err := checkUopName(name); err != nil {
			return nil, nil, &ObjectError{Target: t.Name(), Template: file, Err: err}
		}
		st, err := asmStencil(t, name, s, data)
		if err != nil {
			return nil, nil, err
		}
		r := st
		r.Code = append([]byte(nil), st.Code...)
		r.Holes = append([]relocs.Hole(nil), st.Holes...)
		for _, pass := range GoAsmPasses {
			if err := pass(t, &st); err != nil {
				return nil, nil, &ObjectError{Target: t.Name(), Template: name, Err: err}
			}
		}
		final = append(final, st)
		raw = append(raw, r)
	}
	return final, raw, nil
}

// rawHoles pairs each hole of a stencil with the hole it was read as: the
// passes keep holes in order, move a folded jump's field by one byte and
// may delete the last code hole (a trailing continue).
func rawHoles(final, raw relocs.Stencil) ([]relocs.Hole, error) {
	var out []relocs.Hole
	j := 0
	for _, h := range final.Holes {
		for j < len(raw.Holes) && raw.Holes[j].Section != h.Section {
			j++ // a deleted trailing code hole
		}
		if j == len(raw.Holes) || raw.Holes[j].Value != h.Value || raw.Holes[j].Section != h.Section {
			return nil, fmt.Errorf("BUG: %s: the passes reordered holes", final.Name)
		}
		out = append(out, raw.Holes[j])
		j++
	}
	return out, nil
}

func asmStencil(t Target, name string, s *asmSymbol, data map[string]*asmSymbol) (relocs.Stencil, error) {
	b := newBuilder(name)
	b.st.Code = append([]byte(nil), s.Bytes...)
	if t.RArch == relocs.ARM64 {
		// The assembler pads functions to 16 bytes with zero words, which
		// are not instructions (udf #0) and which no template writes.
		for len(b.st.Code) >= 4 && binary.LittleEndian.Uint32(b.st.Code[len(b.st.Code)-4:]) == 0 {
			b.st.Code = b.st.Code[:len(b.st.Code)-4]
		}
	}
	placed := map[string]uint32{} // data symbols copied into the stencil
	for _, r := range s.Relocs {
		fail := func(format string, args ...any) error {
			return &ObjectError{Target: t.Name(), Template: name, Section: "text", Offset: uint64(r.Off),
				Symbol: r.Sym, Reloc: r.Type, Err: fmt.Errorf(format, args...)}
		}
		if r.Off+r.Siz > len(b.st.Code) {
			return relocs.Stencil{}, fail("relocation past the code")
		}
		if r.Type == "R_TLS_LE" || strings.HasPrefix(r.Sym, "runtime.morestack") {
			return relocs.Stencil{}, fail("a stack check prologue: declare the function NOSPLIT|NOFRAME with frame size $0")
		}
		value, isHole := holeSymbols[r.Sym]
		addend := r.Add
		if !isHole {
			d, ok := data[r.Sym]
			if !ok {
				if strings.HasPrefix(r.Sym, holePrefix) {
					return relocs.Stencil{}, fail("unknown hole symbol %s", r.Sym)
				}
				return relocs.Stencil{}, fail("reference to %s: templates may only name %s* holes and data symbols of their own file", r.Sym, holePrefix)
			}
			if d.Type == "STEXT" {
				return relocs.Stencil{}, fail("reference to another function: a stencil is one function")
			}
			off, ok := placed[r.Sym]
			if !ok {
				off = b.addData(d.Bytes, uint64(d.Size), 8)
				placed[r.Sym] = off
				if len(d.Relocs) > 0 {
					return relocs.Stencil{}, fail("data symbol %s has relocations of its own", r.Sym)
				}
			}
			value, addend = relocs.ValueData, int64(off)+r.Add
		}
		add := func(off int, kind relocs.Kind, addend int64) {
			h := relocs.Hole{Section: relocs.Code, Offset: uint32(off), Kind: kind, Value: value, Symbol: r.Sym, Addend: addend, GOT: -1}
			if kind.UsesGOT() {
				h.GOT = b.got(value, r.Sym)
			}
			b.st.Holes = append(b.st.Holes, h)
		}
		switch t.RArch {
		case relocs.AMD64:
			if r.Siz != 4 || (r.Type != "R_PCREL" && r.Type != "R_CALL") {
				return relocs.Stencil{}, fail("unsupported relocation")
			}
			in, start, err := x86InstAt(s, b.st.Code, r.Off)
			if err != nil {
				return relocs.Stencil{}, fail("%v", err)
			}
			switch {
			case in.Op == x86asm.JMP && start+1 == r.Off:
				if isHole && value >= relocs.ValueOperand0 {
					return relocs.Stencil{}, fail("a jump to an operand")
				}
				add(r.Off, relocs.X86PCRel32, addend-4)
			case in.Op == x86asm.CALL:
				return relocs.Stencil{}, fail("a call: stencils never call, they jump (JMP) to the next uop or an exit")
			case r.Type == "R_CALL":
				return relocs.Stencil{}, fail("%v is not a jump", in.Op)
			case !isHole:
				add(r.Off, relocs.X86PCRel32, addend-4)
			case in.Op == x86asm.LEA:
				return relocs.Stencil{}, fail("takes the address of a hole: load its value (MOVQ %s(SB), reg)", r.Sym)
			default:
				add(r.Off, relocs.X86GOTLoad, addend-4)
			}
		case relocs.ARM64:
			switch {
			case r.Type == "R_CALLARM64" && r.Siz == 4:
				if w := binary.LittleEndian.Uint32(b.st.Code[r.Off:]); w&0xFC000000 != 0x14000000 {
					return relocs.Stencil{}, fail("%#08x is not B: stencils never call, they jump (JMP) to the next uop or an exit", w)
				}
				if isHole && value >= relocs.ValueOperand0 {
					return relocs.Stencil{}, fail("a jump to an operand")
				}
				add(r.Off, relocs.A64Branch26, addend)
			case r.Siz == 8 && isHole && r.Type == "R_ARM64_PCREL_LDST64":
				if addend != 0 {
					return relocs.Stencil{}, fail("a hole read at an offset")
				}
				add(r.Off, relocs.A64GOTPage21, 0)
				add(r.Off+4, relocs.A64GOTLoad12, 0)
			case r.Siz == 8 && isHole && r.Type == "R_ADDRARM64":
				return relocs.Stencil{}, fail("takes the address of a hole: load its value (MOVD %s(SB), reg)", r.Sym)
			case r.Siz == 8 && !isHole && (r.Type == "R_ADDRARM64" || strings.HasPrefix(r.Type, "R_ARM64_PCREL_LDST")):
				add(r.Off, relocs.A64Page21, addend)
				add(r.Off+4, relocs.A64PageOff12, addend)
			default:
				return relocs.Stencil{}, fail("unsupported relocation")
			}
		default:
			return relocs.Stencil{}, fail("BUG: no Go assembler mapping for %s", t.RArch)
		}
	}
	st := b.finish()
	// Every hole must be one the patcher accepts: better a build error
	// naming the template than a trace that cannot be compiled.
	for _, h := range st.Holes {
		buf := st.Code
		if h.Section == relocs.Data {
			buf = st.Data
		}
		if _, err := relocs.NewFixup(h.Kind, buf, int(h.Offset), h.Addend); err != nil {
			return relocs.Stencil{}, &ObjectError{Target: t.Name(), Template: name, Section: h.Section.String(), Offset: uint64(h.Offset), Symbol: h.Symbol, Err: err}
		}
	}
	return st, nil
}

// x86InstAt decodes the instruction holding the field at off, found from
// the listing's instruction addresses.
func x86InstAt(s *asmSymbol, code []byte, off int) (x86asm.Inst, int, error) {
	i := sort.Search(len(s.Insts), func(i int) bool { return s.Insts[i].PC > off }) - 1
	// Pseudo-instructions (TEXT, FUNCDATA) share their pc with the next
	// instruction; the last one at a pc is the real one.
	for ; i >= 0; i-- {
		start := s.Insts[i].PC
		in, err := x86asm.Decode(code[start:], 64)
		if err == nil && start+in.Len > off {
			return in, start, nil
		}
	}
	return x86asm.Inst{}, 0, fmt.Errorf("no instruction holds offset %d", off)
}

// GoAsmPasses run, in order, on every stencil the avo backend reads; they
// include the C backend's Passes.
var GoAsmPasses = []Pass{
	FoldJumpOverJump,
	RemoveTrailingContinue,
	CheckFixedRegisters,
	CheckHoles,
}

// FoldJumpOverJump turns a conditional jump over a jump to a hole (jcc +5;
// jmp hole) into one conditional jump to the hole with the condition
// negated, and a nop to keep the length (jncc hole; nop): the Go assembler
// has no conditional jump to a symbol, Clang writes the folded form. Branch
// targets after the pair stay where they are; one that lands on the jmp
// itself would be broken, so such a pair is left alone.
func FoldJumpOverJump(t Target, s *relocs.Stencil) error {
	if t.RArch != relocs.AMD64 {
		return nil
	}
	insts := Disassemble(t.RArch, s.Code)
	targets := map[int]bool{}
	for _, in := range insts {
		dec, err := x86asm.Decode(s.Code[in.Off:], 64)
		if err != nil {
			continue
		}
		if rel, ok := dec.Args[0].(x86asm.Rel); ok {
			targets[in.Off+in.Len+int(rel)] = true
		}
	}
	for hi := range s.Holes {
		h := &s.Holes[hi]
		j := int(h.Offset) - 1 // the jmp
		if h.Section != relocs.Code || h.Kind != relocs.X86PCRel32 || h.Addend != -4 || j < 2 ||
			s.Code[j] != 0xE9 || s.Code[j-2]&0xF0 != 0x70 || s.Code[j-1] != 5 || targets[j] {
			continue
		}
		// Is the jcc an instruction boundary, not the tail of another one?
		boundary := false
		for _, in := range insts {
			boundary = boundary || in.Off == j-2 && in.Len == 2
		}
		if !boundary {
			continue
		}
		cc := s.Code[j-2] & 0x0F
		field := append([]byte(nil), s.Code[j+1:j+5]...)
		s.Code[j-2], s.Code[j-1] = 0x0F, 0x80|(cc^1)
		copy(s.Code[j:], field)
		s.Code[j+4] = 0x90
		h.Offset = uint32(j)
	}
	sortHoles(s.Holes)
	return nil
}

// CheckFixedRegisters proves by disassembly that no arm64 stencil names
// x28 (g, for Go's signal handler) or x18 (the platform register): Clang
// is told so by flags, a Go assembly template must be checked.
func CheckFixedRegisters(t Target, s *relocs.Stencil) error {
	if t.RArch != relocs.ARM64 {
		return nil
	}
	for off := 0; off+4 <= len(s.Code); off += 4 {
		in, err := arm64asm.Decode(s.Code[off : off+4])
		if err != nil {
			return fmt.Errorf("code+%#x: %#08x does not decode: %v", off, binary.LittleEndian.Uint32(s.Code[off:]), err)
		}
		for _, a := range in.Args {
			if a == nil {
				break
			}
			if fixedReg(a) {
				return fmt.Errorf("code+%#x: %s uses x28 or x18, which stencils must never touch (x28 is g for Go's signal handler)", off, arm64asm.GNUSyntax(in))
			}
		}
	}
	return nil
}

func fixedReg(a arm64asm.Arg) bool {
	switch a := a.(type) {
	case arm64asm.Reg:
		return a == arm64asm.X28 || a == arm64asm.W28 || a == arm64asm.X18 || a == arm64asm.W18
	case arm64asm.RegSP:
		return a == arm64asm.RegSP(arm64asm.X28) || a == arm64asm.RegSP(arm64asm.X18)
	case arm64asm.MemImmediate:
		return a.Base == arm64asm.RegSP(arm64asm.X28) || a.Base == arm64asm.RegSP(arm64asm.X18)
	case arm64asm.MemExtend:
		return a.Base == arm64asm.RegSP(arm64asm.X28) || a.Base == arm64asm.RegSP(arm64asm.X18) ||
			a.Index == arm64asm.X28 || a.Index == arm64asm.X18 || a.Index == arm64asm.W28 || a.Index == arm64asm.W18
	}
	return false
}
