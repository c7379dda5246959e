package machoparse

import (
	"bytes"
	"debug/macho"
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
	off    uint32
	typ    string
	pcrel  bool
	length uint8
	target string // symbol name if extern, else "seg,sect"
	addend int64
}

// The expectations are read off `llvm-objdump-19 -dr` and
// `llvm-readobj-19 -r --expand-relocs` of the testdata objects, not off
// this package. Relocations are in file order, which Clang writes last
// to first.
var holesTests = []struct {
	file   string
	cpu    macho.Cpu
	align  uint32      // of __TEXT,__text
	relocs []wantReloc // of __TEXT,__text
}{
	{
		file:  "holes-clang19-x86_64-darwin.o",
		cpu:   macho.CpuAmd64,
		align: 4,
		relocs: []wantReloc{
			{0x57, "X86_64_RELOC_BRANCH", true, 2, "__JIT_CONTINUE", 0},
			{0x4d, "X86_64_RELOC_SIGNED", true, 2, "_counters", 0},
			{0x41, "X86_64_RELOC_SIGNED", true, 2, "_helper_table", 0},
			{0x2b, "X86_64_RELOC_SIGNED", true, 2, "_scale", 0},
			{0x1f, "X86_64_RELOC_GOT_LOAD", true, 2, "__JIT_OPERAND1", 0},
			{0x12, "X86_64_RELOC_SIGNED", true, 2, "__TEXT,__literal8", 0},
			{0x03, "X86_64_RELOC_GOT_LOAD", true, 2, "__JIT_OPERAND0", 0},
		},
	},
	{
		file:  "holes-clang19-arm64-darwin.o",
		cpu:   macho.CpuArm64,
		align: 2,
		relocs: []wantReloc{
			{0x60, "ARM64_RELOC_BRANCH26", true, 2, "__JIT_CONTINUE", 0},
			{0x58, "ARM64_RELOC_PAGEOFF12", false, 2, "_counters", 0x38},
			{0x54, "ARM64_RELOC_PAGE21", true, 2, "_counters", 0x38},
			{0x4c, "ARM64_RELOC_PAGEOFF12", false, 2, "_helper_table", 0},
			{0x48, "ARM64_RELOC_PAGE21", true, 2, "_helper_table", 0},
			{0x38, "ARM64_RELOC_PAGEOFF12", false, 2, "_scale", 0},
			{0x34, "ARM64_RELOC_PAGE21", true, 2, "_scale", 0},
			{0x28, "ARM64_RELOC_GOT_LOAD_PAGEOFF12", false, 2, "__JIT_OPERAND1", 0},
			{0x24, "ARM64_RELOC_GOT_LOAD_PAGE21", true, 2, "__JIT_OPERAND1", 0},
			{0x04, "ARM64_RELOC_GOT_LOAD_PAGEOFF12", false, 2, "__JIT_OPERAND0", 0},
			{0x00, "ARM64_RELOC_GOT_LOAD_PAGE21", true, 2, "__JIT_OPERAND0", 0},
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
			if f.Cpu != tt.cpu {
				t.Errorf("Cpu = %v, want %v", f.Cpu, tt.cpu)
			}
			text := f.Section("__TEXT", "__text")
			if text == nil {
				t.Fatal("no __TEXT,__text")
			}
			if f.SectionByNumber(text.Index) != text || text.Index != 1 {
				t.Errorf("__text Index %d, want 1", text.Index)
			}
			if uint64(len(text.Data)) != text.Size || text.Align != tt.align || text.Addr != 0 {
				t.Errorf("__text: %d data bytes, Size %d, Align %d, Addr %#x", len(text.Data), text.Size, text.Align, text.Addr)
			}
			var got []wantReloc
			for _, r := range text.Relocs {
				got = append(got, wantReloc{r.Offset, f.TypeName(r.Type), r.PCRel, r.Length, f.TargetName(r), r.Addend})
			}
			if len(got) != len(tt.relocs) {
				t.Fatalf("got %d relocations, want %d:\n%v", len(got), len(tt.relocs), got)
			}
			for i := range got {
				if got[i] != tt.relocs[i] {
					t.Errorf("reloc %d: got %+v, want %+v", i, got[i], tt.relocs[i])
				}
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
			if s := sym("__JIT_CONTINUE"); !s.Undefined() || s.Sect != 0 {
				t.Errorf("__JIT_CONTINUE = %+v, want undefined", s)
			}
			if s := sym("_holes"); !s.Defined() || int(s.Sect) != text.Index || s.Value != 0 {
				t.Errorf("_holes = %+v, want defined at __text+0", s)
			}
			konst := f.Section("__TEXT", "__const")
			if s := sym("_scale"); konst == nil || !s.Defined() || int(s.Sect) != konst.Index || s.Value != konst.Addr {
				t.Errorf("_scale = %+v, want defined at the start of __const %+v", s, konst)
			}
			if konst != nil && (len(konst.Data) != 32 || math.Float64frombits(binary.LittleEndian.Uint64(konst.Data[24:])) != 3.75) {
				t.Errorf("__const data = %x, want the scale table", konst.Data)
			}
			bss := f.Section("__DATA", "__bss")
			if bss == nil || !bss.Zerofill() || bss.Data != nil || bss.Size != 128 {
				t.Errorf("__bss = %+v, want 128 bytes of zerofill without data", bss)
			}
			if s := sym("_counters"); bss == nil || int(s.Sect) != bss.Index {
				t.Errorf("_counters = %+v, want it in __bss", s)
			}
			if tt.cpu == macho.CpuAmd64 {
				lit := f.Section("__TEXT", "__literal8")
				if lit == nil || len(lit.Data) != 8 || math.Float64frombits(binary.LittleEndian.Uint64(lit.Data)) != 3.14159 {
					t.Errorf("__literal8 = %+v, want 3.14159", lit)
				}
			}
		})
	}
}

func TestSignExtend24(t *testing.T) {
	tests := []struct {
		in   uint32
		want int64
	}{
		{0, 0},
		{0x38, 0x38},
		{0x7fffff, 1<<23 - 1},
		{0x800000, -1 << 23},
		{0xffffff, -1},
		{0xfffff8, -8},
	}
	for _, tt := range tests {
		if got := signExtend24(tt.in); got != tt.want {
			t.Errorf("signExtend24(%#x) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestTypeName(t *testing.T) {
	tests := []struct {
		cpu  macho.Cpu
		typ  uint8
		want string
	}{
		{macho.CpuAmd64, uint8(macho.X86_64_RELOC_GOT_LOAD), "X86_64_RELOC_GOT_LOAD"},
		{macho.CpuAmd64, uint8(macho.X86_64_RELOC_BRANCH), "X86_64_RELOC_BRANCH"},
		{macho.CpuArm64, uint8(macho.ARM64_RELOC_PAGE21), "ARM64_RELOC_PAGE21"},
		{macho.CpuArm64, uint8(macho.ARM64_RELOC_ADDEND), "ARM64_RELOC_ADDEND"},
		{macho.CpuArm64, 15, "RelocTypeARM64(15)"},
	}
	for _, tt := range tests {
		f := &File{Cpu: tt.cpu}
		if got := f.TypeName(tt.typ); got != tt.want {
			t.Errorf("%v TypeName(%d) = %q, want %q", tt.cpu, tt.typ, got, tt.want)
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

// Byte offsets in <mach-o/loader.h> structures.
const (
	mhCputype   = 4
	mhFiletype  = 12
	mhSize      = 32 // mach_header_64
	lcSegment64 = 0x19
	lcSymtab    = 0x2
	segNsects   = 64
	segSize     = 72 // segment_command_64
	sectSize    = 80 // section_64
	sectSizeOff = 40
	sectOffset  = 48
	sectReloff  = 56
	sectNreloc  = 60
	symtabOff   = 8
	nlistSect   = 5
)

// layout locates the pieces of an object that the malformed cases patch.
type layout struct {
	text   int // section_64 of __text
	relocs int // __text's first relocation_info
	nreloc int
	syms   int // first nlist_64
}

func locate(t *testing.T, b []byte) layout {
	le := binary.LittleEndian
	var l layout
	ncmds := int(le.Uint32(b[16:]))
	off := mhSize
	for range ncmds {
		cmd, size := le.Uint32(b[off:]), int(le.Uint32(b[off+4:]))
		switch cmd {
		case lcSegment64:
			for i := range int(le.Uint32(b[off+segNsects:])) {
				s := off + segSize + i*sectSize
				if string(bytes.TrimRight(b[s:s+16], "\x00")) == "__text" {
					l.text = s
					l.relocs = int(le.Uint32(b[s+sectReloff:]))
					l.nreloc = int(le.Uint32(b[s+sectNreloc:]))
				}
			}
		case lcSymtab:
			l.syms = int(le.Uint32(b[off+symtabOff:]))
		}
		off += size
	}
	if l.text == 0 || l.syms == 0 || l.nreloc == 0 {
		t.Fatalf("cannot find __text, its relocations or the symbols: %+v", l)
	}
	return l
}

// Fields of relocation_info's second word.
const (
	riSymbolnum = 1<<24 - 1
	riExtern    = 1 << 27
	riTypeShift = 28
)

func TestMalformed(t *testing.T) {
	le := binary.LittleEndian
	// word returns relocation j's second word; setWord stores it.
	word := func(b []byte, l layout, j int) uint32 { return le.Uint32(b[l.relocs+8*j+4:]) }
	setWord := func(b []byte, l layout, j int, w uint32) { le.PutUint32(b[l.relocs+8*j+4:], w) }
	setType := func(b []byte, l layout, j int, typ macho.RelocTypeARM64) {
		setWord(b, l, j, word(b, l, j)&^(0xf<<riTypeShift)|uint32(typ)<<riTypeShift)
	}
	type test struct {
		name   string
		mutate func(b []byte, l layout) []byte
		want   error
	}
	common := []test{
		{"empty", func(b []byte, l layout) []byte { return nil }, ErrMalformed},
		{"truncated header", func(b []byte, l layout) []byte { return b[:20] }, ErrMalformed},
		{"truncated load commands", func(b []byte, l layout) []byte { return b[:100] }, ErrMalformed},
		{"truncated half", func(b []byte, l layout) []byte { return b[:len(b)/2] }, ErrMalformed},
		{"truncated string table", func(b []byte, l layout) []byte { return b[:len(b)-1] }, ErrMalformed},
		{"bad magic", func(b []byte, l layout) []byte { b[0] = 0; return b }, ErrMalformed},
		{"32-bit magic", func(b []byte, l layout) []byte { le.PutUint32(b, macho.Magic32); return b }, nil},
		{"wrong cpu", func(b []byte, l layout) []byte { le.PutUint32(b[mhCputype:], uint32(macho.Cpu386)); return b }, ErrUnsupportedMachine},
		{"MH_EXECUTE", func(b []byte, l layout) []byte { le.PutUint32(b[mhFiletype:], uint32(macho.TypeExec)); return b }, ErrUnsupported},
		{"MH_DYLIB", func(b []byte, l layout) []byte { le.PutUint32(b[mhFiletype:], uint32(macho.TypeDylib)); return b }, ErrUnsupported},
		{"section beyond end of file", func(b []byte, l layout) []byte { le.PutUint32(b[l.text+sectOffset:], 1<<31); return b }, ErrMalformed},
		{"section size huge", func(b []byte, l layout) []byte { le.PutUint64(b[l.text+sectSizeOff:], 1<<62); return b }, ErrMalformed},
		{"nreloc huge", func(b []byte, l layout) []byte { le.PutUint32(b[l.text+sectNreloc:], 1<<28); return b }, ErrMalformed},
		{"scattered", func(b []byte, l layout) []byte {
			le.PutUint32(b[l.relocs:], le.Uint32(b[l.relocs:])|1<<31)
			return b
		}, ErrUnsupported},
		{"reloc offset out of bounds", func(b []byte, l layout) []byte { le.PutUint32(b[l.relocs:], 0x10000); return b }, ErrMalformed},
		{"reloc field crosses section end", func(b []byte, l layout) []byte {
			size := le.Uint64(b[l.text+sectSizeOff:])
			le.PutUint32(b[l.relocs:], uint32(size-2))
			return b
		}, ErrMalformed},
		{"symbol number out of range", func(b []byte, l layout) []byte {
			setWord(b, l, 0, word(b, l, 0)|riSymbolnum)
			return b
		}, ErrMalformed},
		{"section number out of range", func(b []byte, l layout) []byte {
			setWord(b, l, 0, word(b, l, 0)&^(riExtern|riSymbolnum)|99)
			return b
		}, ErrMalformed},
		{"section number zero", func(b []byte, l layout) []byte {
			setWord(b, l, 0, word(b, l, 0)&^(riExtern|riSymbolnum))
			return b
		}, ErrMalformed},
		{"symbol section out of range", func(b []byte, l layout) []byte { b[l.syms+nlistSect] = 200; return b }, ErrMalformed},
		{"symbol section zero", func(b []byte, l layout) []byte { b[l.syms+nlistSect] = 0; return b }, ErrMalformed},
	}
	// Relocation 1 of the arm64 object is the ADDEND qualifying
	// relocation 2 (PAGEOFF12 of _counters); 12 is the last.
	arm64 := []test{
		{"dangling ADDEND at end", func(b []byte, l layout) []byte {
			setType(b, l, l.nreloc-1, macho.ARM64_RELOC_ADDEND)
			setWord(b, l, l.nreloc-1, word(b, l, l.nreloc-1)&^(riExtern|1<<24))
			return b
		}, ErrMalformed},
		{"ADDEND before ADDEND", func(b []byte, l layout) []byte { setType(b, l, 2, macho.ARM64_RELOC_ADDEND); return b }, ErrMalformed},
		{"ADDEND before GOT_LOAD_PAGEOFF12", func(b []byte, l layout) []byte {
			setType(b, l, 2, macho.ARM64_RELOC_GOT_LOAD_PAGEOFF12)
			return b
		}, ErrMalformed},
		{"ADDEND at another offset", func(b []byte, l layout) []byte { le.PutUint32(b[l.relocs+8:], 0x50); return b }, ErrMalformed},
		{"ADDEND extern", func(b []byte, l layout) []byte { setWord(b, l, 1, word(b, l, 1)|riExtern); return b }, ErrMalformed},
	}
	for _, obj := range holesTests {
		orig := readTestdata(t, obj.file)
		l := locate(t, orig)
		tests := common
		if obj.cpu == macho.CpuArm64 {
			tests = append(tests[:len(tests):len(tests)], arm64...)
		}
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

// A negative ADDEND must come out sign-extended: patch the _counters
// ADDEND pair's 0x38 to -8.
func TestNegativeAddend(t *testing.T) {
	le := binary.LittleEndian
	data := readTestdata(t, "holes-clang19-arm64-darwin.o")
	l := locate(t, data)
	for _, j := range []int{1, 3} { // the two ADDEND records
		w := l.relocs + 8*j + 4
		if typ := macho.RelocTypeARM64(le.Uint32(data[w:]) >> riTypeShift); typ != macho.ARM64_RELOC_ADDEND {
			t.Fatalf("relocation %d is %v, want ARM64_RELOC_ADDEND", j, typ)
		}
		le.PutUint32(data[w:], le.Uint32(data[w:])&^riSymbolnum|0xfffff8)
	}
	f, err := Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	relocs := f.Section("__TEXT", "__text").Relocs
	for _, i := range []int{1, 2} {
		if r := relocs[i]; r.Addend != -8 || f.TargetName(r) != "_counters" {
			t.Errorf("reloc %d = %+v, want _counters with addend -8", i, r)
		}
	}
}

// Parse through a plain io.ReaderAt (no Size) behaves the same.
func TestParseReaderAt(t *testing.T) {
	for _, obj := range holesTests {
		data := readTestdata(t, obj.file)
		objfiletest.ReaderAt(t, Parse, obj.file, data, len(data)/2)
	}
}

func TestRecover(t *testing.T)     { objfiletest.Recover(t, Parse) }
func TestOpenMissing(t *testing.T) { objfiletest.OpenMissing(t, Open) }

func TestFormatError(t *testing.T) {
	tests := []struct {
		err  *FormatError
		want string
	}{
		{malformed("__TEXT,__text", 0x1c, "bad %s", "thing"), "__TEXT,__text+0x1c: bad thing"},
		{malformed("__TEXT,__text", -1, "n %d", 5), "__TEXT,__text: n 5"},
		{&FormatError{Off: 0x40, Msg: "oops", Kind: ErrMalformed}, "at byte 0x40: oops"},
		{&FormatError{Off: -1, Msg: "invalid Mach-O file", Kind: ErrMalformed, Err: errors.New("eof")}, "invalid Mach-O file: eof"},
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
		if s.Index != i+1 {
			t.Errorf("section %d has Index %d", i, s.Index)
		}
		if s.Data != nil && uint64(len(s.Data)) != s.Size {
			t.Errorf("section %s: %d bytes, Size %d", s.FullName(), len(s.Data), s.Size)
		}
		for _, r := range s.Relocs {
			if uint64(r.Offset)+1<<r.Length > s.Size {
				t.Errorf("section %s: reloc %+v out of bounds", s.FullName(), r)
			}
			if r.Extern && (r.Symbol < 0 || r.Symbol >= len(file.Symbols)) ||
				!r.Extern && file.SectionByNumber(r.Section) == nil {
				t.Errorf("section %s: reloc %+v has a bad target", s.FullName(), r)
			}
			if file.Cpu == macho.CpuArm64 && macho.RelocTypeARM64(r.Type) == macho.ARM64_RELOC_ADDEND {
				t.Errorf("section %s: ADDEND record listed: %+v", s.FullName(), r)
			}
		}
	}
	for _, sym := range file.Symbols {
		if sym.Defined() && file.SectionByNumber(int(sym.Sect)) == nil {
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
