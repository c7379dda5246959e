package elfparse

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/copypatch/copypatch/objfile/objfiletest"
)

type wantReloc struct {
	off    uint64
	typ    string
	sym    string
	addend int64
}

// The expectations are read off `llvm-objdump-19 -dr` and
// `llvm-readobj-19 -r` of the testdata objects, not off this package.
var holesTests = []struct {
	file    string
	machine elf.Machine
	relocs  []wantReloc // of .text
}{
	{
		file:    "holes-clang19-x86_64-linux.o",
		machine: elf.EM_X86_64,
		relocs: []wantReloc{
			{0x03, "R_X86_64_REX_GOTPCRELX", "_JIT_OPERAND0", -4},
			{0x12, "R_X86_64_PC32", ".LCPI0_0", -4},
			{0x1f, "R_X86_64_REX_GOTPCRELX", "_JIT_OPERAND1", -4},
			{0x2b, "R_X86_64_PC32", "scale", -4},
			{0x41, "R_X86_64_PC32", "helper_table", 0x24},
			{0x4d, "R_X86_64_PC32", ".bss", 0x34},
			{0x57, "R_X86_64_PLT32", "_JIT_CONTINUE", -4},
		},
	},
	{
		file:    "holes-clang19-aarch64-linux.o",
		machine: elf.EM_AARCH64,
		relocs: []wantReloc{
			{0x00, "R_AARCH64_ADR_GOT_PAGE", "_JIT_OPERAND0", 0},
			{0x04, "R_AARCH64_ADR_PREL_PG_HI21", ".rodata.cst8", 0},
			{0x08, "R_AARCH64_LD64_GOT_LO12_NC", "_JIT_OPERAND0", 0},
			{0x0c, "R_AARCH64_LDST64_ABS_LO12_NC", ".rodata.cst8", 0},
			{0x10, "R_AARCH64_ADR_GOT_PAGE", "_JIT_OPERAND1", 0},
			{0x18, "R_AARCH64_LD64_GOT_LO12_NC", "_JIT_OPERAND1", 0},
			{0x1c, "R_AARCH64_ADR_PREL_PG_HI21", ".rodata.cst32", 0},
			{0x20, "R_AARCH64_ADD_ABS_LO12_NC", ".rodata.cst32", 0},
			{0x30, "R_AARCH64_ADR_PREL_PG_HI21", "helper_table", 0},
			{0x34, "R_AARCH64_ADD_ABS_LO12_NC", "helper_table", 0},
			{0x44, "R_AARCH64_ADR_PREL_PG_HI21", ".bss", 0x38},
			{0x48, "R_AARCH64_ADD_ABS_LO12_NC", ".bss", 0x38},
			{0x54, "R_AARCH64_JUMP26", "_JIT_CONTINUE", 0},
		},
	},
}

func TestHoles(t *testing.T) {
	for _, tt := range holesTests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if f.Machine != tt.machine {
				t.Errorf("Machine = %v, want %v", f.Machine, tt.machine)
			}
			text := f.Section(".text")
			if text == nil {
				t.Fatal("no .text")
			}
			if f.Sections[text.Index] != text {
				t.Errorf(".text Index %d does not index Sections", text.Index)
			}
			if uint64(len(text.Data)) != text.Size || text.Type != elf.SHT_PROGBITS || text.Flags&elf.SHF_EXECINSTR == 0 {
				t.Errorf(".text: %d data bytes, Size %d, Type %v, Flags %v", len(text.Data), text.Size, text.Type, text.Flags)
			}
			var got []wantReloc
			for _, r := range text.Relocs {
				got = append(got, wantReloc{r.Offset, f.TypeName(r.Type), f.SymbolName(r.Symbol), r.Addend})
			}
			if len(got) != len(tt.relocs) {
				t.Fatalf("got %d relocations, want %d:\n%v", len(got), len(tt.relocs), got)
			}
			for i := range got {
				if got[i] != tt.relocs[i] {
					t.Errorf("reloc %d: got %+v, want %+v", i, got[i], tt.relocs[i])
				}
			}

			if s := f.Symbols[0]; s != (Symbol{}) {
				t.Errorf("Symbols[0] = %+v, want the null symbol", s)
			}
			sym := func(name string) Symbol {
				for _, s := range f.Symbols {
					if s.Name == name {
						return s
					}
				}
				t.Fatalf("no symbol %q", name)
				return Symbol{}
			}
			if s := sym("_JIT_CONTINUE"); s.Section != elf.SHN_UNDEF || s.Bind != elf.STB_GLOBAL {
				t.Errorf("_JIT_CONTINUE = %+v, want undefined global", s)
			}
			if s := sym("holes"); int(s.Section) != text.Index || s.Type != elf.STT_FUNC || s.Value != 0 || s.Size != text.Size {
				t.Errorf("holes = %+v, want a function covering .text (section %d)", s, text.Index)
			}
			if s := sym("scale"); f.Sections[s.Section].Name != ".rodata.cst32" || s.Bind != elf.STB_LOCAL || s.Size != 32 {
				t.Errorf("scale = %+v, want a 32-byte local in .rodata.cst32", s)
			}

			bss := f.Section(".bss")
			if bss == nil || bss.Type != elf.SHT_NOBITS || bss.Data != nil || bss.Size != 128 {
				t.Errorf(".bss = %+v, want 128 bytes of NOBITS without data", bss)
			}
			cst8 := f.Section(".rodata.cst8")
			if cst8 == nil || len(cst8.Data) != 8 || math.Float64frombits(binary.LittleEndian.Uint64(cst8.Data)) != 3.14159 {
				t.Errorf(".rodata.cst8 = %+v, want 3.14159", cst8)
			}
			if cst8 != nil && cst8.Align != 8 {
				t.Errorf(".rodata.cst8 Align = %d, want 8", cst8.Align)
			}
			if rela := f.Section(".rela.text"); rela == nil || rela.Type != elf.SHT_RELA || rela.Relocs != nil {
				t.Errorf(".rela.text = %+v, want a RELA section with no relocations of its own", rela)
			}
		})
	}
}

func TestTypeName(t *testing.T) {
	tests := []struct {
		m    elf.Machine
		typ  uint32
		want string
	}{
		{elf.EM_X86_64, uint32(elf.R_X86_64_PC32), "R_X86_64_PC32"},
		{elf.EM_X86_64, uint32(elf.R_X86_64_REX_GOTPCRELX), "R_X86_64_REX_GOTPCRELX"},
		{elf.EM_X86_64, 9999, "R_X86_64(9999)"},
		{elf.EM_AARCH64, uint32(elf.R_AARCH64_JUMP26), "R_AARCH64_JUMP26"},
		{elf.EM_AARCH64, 9999, "R_AARCH64(9999)"},
	}
	for _, tt := range tests {
		f := &File{Machine: tt.m}
		if got := f.TypeName(tt.typ); got != tt.want {
			t.Errorf("%v TypeName(%d) = %q, want %q", tt.m, tt.typ, got, tt.want)
		}
	}
}

func readTestdata(t testing.TB, name string) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Byte offsets of ELF64 header and section header fields.
const (
	ehType    = 0x10
	ehMachine = 0x12
	ehShoff   = 0x28
	shType    = 4
	shOffset  = 24
	shSize    = 32
	shLink    = 40
	shInfo    = 44
	shEntsize = 56
	shdrSize  = 64
	symShndx  = 6
	symSize   = 24
)

// layout locates the pieces of an object that the malformed cases patch.
type layout struct {
	rela    int64 // section header of .rela.text
	relaOff int64 // first Elf64_Rela
	symOff  int64 // first Elf64_Sym (the null symbol)
}

func locate(t *testing.T, data []byte) layout {
	ef, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	shoff := int64(binary.LittleEndian.Uint64(data[ehShoff:]))
	var l layout
	for i, s := range ef.Sections {
		switch s.Name {
		case ".rela.text":
			l.rela = shoff + int64(i)*shdrSize
			l.relaOff = int64(s.Offset)
		case ".symtab":
			l.symOff = int64(s.Offset)
		}
	}
	if l.rela == 0 || l.symOff == 0 {
		t.Fatal("no .rela.text or .symtab")
	}
	return l
}

func TestMalformed(t *testing.T) {
	le := binary.LittleEndian
	tests := []struct {
		name   string
		mutate func(b []byte, l layout) []byte
		want   error
	}{
		{"empty", func(b []byte, l layout) []byte { return nil }, ErrMalformed},
		{"truncated header", func(b []byte, l layout) []byte { return b[:40] }, ErrMalformed},
		{"truncated before section headers", func(b []byte, l layout) []byte { return b[:len(b)/2] }, ErrMalformed},
		{"truncated by one", func(b []byte, l layout) []byte { return b[:len(b)-1] }, ErrMalformed},
		{"not ELF", func(b []byte, l layout) []byte { b[1] = 'X'; return b }, ErrMalformed},
		{"big-endian", func(b []byte, l layout) []byte { b[elf.EI_DATA] = byte(elf.ELFDATA2MSB); return b }, nil},
		{"32-bit", func(b []byte, l layout) []byte { b[elf.EI_CLASS] = byte(elf.ELFCLASS32); return b }, nil},
		{"wrong machine", func(b []byte, l layout) []byte { le.PutUint16(b[ehMachine:], uint16(elf.EM_RISCV)); return b }, ErrUnsupportedMachine},
		{"ET_EXEC", func(b []byte, l layout) []byte { le.PutUint16(b[ehType:], uint16(elf.ET_EXEC)); return b }, ErrUnsupported},
		{"ET_DYN", func(b []byte, l layout) []byte { le.PutUint16(b[ehType:], uint16(elf.ET_DYN)); return b }, ErrUnsupported},
		{"SHT_REL", func(b []byte, l layout) []byte { le.PutUint32(b[l.rela+shType:], uint32(elf.SHT_REL)); return b }, ErrUnsupported},
		{"rela size not multiple of 24", func(b []byte, l layout) []byte {
			le.PutUint64(b[l.rela+shSize:], le.Uint64(b[l.rela+shSize:])-1)
			return b
		}, ErrMalformed},
		{"compressed section", func(b []byte, l layout) []byte {
			flags := b[l.rela-shdrSize+8:] // .text precedes .rela.text
			le.PutUint64(flags, le.Uint64(flags)|uint64(elf.SHF_COMPRESSED))
			return b
		}, nil},
		{"rela entsize", func(b []byte, l layout) []byte { le.PutUint64(b[l.rela+shEntsize:], 16); return b }, ErrMalformed},
		{"rela beyond end of file", func(b []byte, l layout) []byte {
			le.PutUint64(b[l.rela+shSize:], 24<<40)
			return b
		}, ErrMalformed},
		{"rela offset beyond end of file", func(b []byte, l layout) []byte {
			le.PutUint64(b[l.rela+shOffset:], 1<<62)
			return b
		}, ErrMalformed},
		{"rela applies to nothing", func(b []byte, l layout) []byte { le.PutUint32(b[l.rela+shInfo:], 0); return b }, ErrMalformed},
		{"rela applies out of range", func(b []byte, l layout) []byte { le.PutUint32(b[l.rela+shInfo:], 999); return b }, ErrMalformed},
		{"rela links no symtab", func(b []byte, l layout) []byte { le.PutUint32(b[l.rela+shLink:], 2); return b }, ErrMalformed},
		{"symbol index out of range", func(b []byte, l layout) []byte {
			info := le.Uint64(b[l.relaOff+8:])
			le.PutUint64(b[l.relaOff+8:], elf.R_INFO(1000, elf.R_TYPE64(info)))
			return b
		}, ErrMalformed},
		{"reloc offset out of bounds", func(b []byte, l layout) []byte { le.PutUint64(b[l.relaOff:], 0x10000); return b }, ErrMalformed},
		{"reloc offset at section end", func(b []byte, l layout) []byte {
			ef, _ := elf.NewFile(bytes.NewReader(b))
			le.PutUint64(b[l.relaOff:], ef.Section(".text").Size)
			return b
		}, ErrMalformed},
		{"symbol section out of range", func(b []byte, l layout) []byte {
			le.PutUint16(b[l.symOff+symSize+symShndx:], 200)
			return b
		}, ErrMalformed},
		{"symbol in SHN_COMMON", func(b []byte, l layout) []byte {
			le.PutUint16(b[l.symOff+symSize+symShndx:], uint16(elf.SHN_COMMON))
			return b
		}, ErrUnsupported},
	}
	for _, obj := range holesTests {
		orig := readTestdata(t, obj.file)
		l := locate(t, orig)
		for _, tt := range tests {
			t.Run(obj.file+"/"+tt.name, func(t *testing.T) {
				data := tt.mutate(bytes.Clone(orig), l)
				f, err := Parse(bytes.NewReader(data))
				if err == nil {
					t.Fatalf("no error; got %d sections", len(f.Sections))
				}
				var fe *FormatError
				if !errors.As(err, &fe) {
					t.Errorf("error %v (%T) is not a *FormatError", err, err)
				}
				if tt.want != nil && !errors.Is(err, tt.want) {
					t.Errorf("error %q is not %q", err, tt.want)
				}
				t.Log(err)
			})
		}
	}
}

// The unmutated objects parse, so TestMalformed's errors come from the
// mutations; Parse through a plain io.ReaderAt (no Size) behaves the same.
func TestParseReaderAt(t *testing.T) {
	for _, obj := range holesTests {
		data := readTestdata(t, obj.file)
		objfiletest.ReaderAt(t, Parse, obj.file, data, len(data)-1)
	}
}

func TestRecover(t *testing.T)     { objfiletest.Recover(t, Parse) }
func TestOpenMissing(t *testing.T) { objfiletest.OpenMissing(t, Open) }

func TestFormatError(t *testing.T) {
	tests := []struct {
		err  *FormatError
		want string
	}{
		{malformed(".text", 0x1c, "bad %s", "thing"), ".text+0x1c: bad thing"},
		{malformed(".rela.text", -1, "size %d", 5), ".rela.text: size 5"},
		{&FormatError{Off: 0x40, Msg: "oops", Kind: ErrMalformed}, "at byte 0x40: oops"},
		{&FormatError{Off: -1, Msg: "invalid ELF file", Kind: ErrMalformed, Err: errors.New("eof")}, "invalid ELF file: eof"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, obj := range holesTests {
		f.Add(readTestdata(f, obj.file))
	}
	f.Fuzz(checkParse)
}

// checkParse parses data and checks that Parse either fails with a
// *FormatError or returns a File that keeps its promises.
func checkParse(t *testing.T, data []byte) {
	t.Helper()
	file, err := Parse(bytes.NewReader(data))
	if err != nil {
		var fe *FormatError
		if !errors.As(err, &fe) {
			t.Errorf("error %v (%T) is not a *FormatError", err, err)
		}
		return
	}
	// What Parse promises callers.
	for i, s := range file.Sections {
		if s.Index != i {
			t.Errorf("section %d has Index %d", i, s.Index)
		}
		if s.Data != nil && uint64(len(s.Data)) != s.Size {
			t.Errorf("section %s: %d bytes, Size %d", s.Name, len(s.Data), s.Size)
		}
		for _, r := range s.Relocs {
			if r.Offset >= s.Size || r.Symbol < 0 || r.Symbol >= len(file.Symbols) {
				t.Errorf("section %s: bad reloc %+v", s.Name, r)
			}
		}
	}
	for _, sym := range file.Symbols {
		if sym.Section != elf.SHN_UNDEF && sym.Section != elf.SHN_ABS && int(sym.Section) >= len(file.Sections) {
			t.Errorf("symbol %+v: section out of range", sym)
		}
	}
}

// TestMutations is a deterministic, fast stand-in for FuzzParse: every
// run parses thousands of seeded random corruptions of the testdata
// objects, aimed at the headers and tables at either end as well as
// anywhere.
func TestMutations(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 2000
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, obj := range holesTests {
		orig := readTestdata(t, obj.file)
		for range n {
			data := bytes.Clone(orig)
			for range 1 + rng.IntN(4) {
				// Half the time, hit the headers at either end.
				i := rng.IntN(len(data))
				switch rng.IntN(4) {
				case 0:
					i = rng.IntN(256)
				case 1:
					i = len(data) - 1 - rng.IntN(min(768, len(data)))
				}
				switch rng.IntN(4) {
				case 0:
					data[i] = byte(rng.Uint32())
				case 1:
					data[i] = 0xff
				case 2:
					data[i] = 0
				case 3:
					data[i] ^= 1 << rng.IntN(8)
				}
			}
			if rng.IntN(8) == 0 {
				data = data[:rng.IntN(len(data))]
			}
			checkParse(t, data)
			if t.Failed() {
				t.Fatalf("%s mutated to %x", obj.file, data)
			}
		}
	}
}
