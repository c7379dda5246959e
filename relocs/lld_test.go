package relocs

import (
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestResolveLLD links testdata/shapes.c with ld.lld at a fixed address,
// with the hole symbols defined, and resolves every hole in lld's output:
// Resolve must read lld's relaxed forms (lea, mov $imm, ALU imm, addr32
// call, jmp+nop, NOP+ADR, ADRP+ADD) back to the symbol's value. This is the
// reading half of the linker comparison; TestRoundTrip covers ours.
func TestResolveLLD(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not running clang and ld.lld")
	}
	clang, err1 := exec.LookPath("clang-19")
	lld, err2 := exec.LookPath("ld.lld-19")
	if err1 != nil || err2 != nil {
		t.Skip("clang-19 or ld.lld-19 not installed; .ci/run installs them")
	}
	// Values chosen to take different relaxations: small (mov $imm, MOVZ),
	// within reach of the code (lea, ADR, direct call), and far (GOT load).
	syms := map[string]uint64{
		"_JIT_OPERAND0": 0x1234,
		"_JIT_OPERAND1": 0x7fff12345678,
		"helper":        0x210040,
		"table":         0x300000,
		"_JIT_EXIT":     0x200800,
		"_JIT_CONTINUE": 0x201000,
	}
	// Each symbol gets its own NOBITS section, placed by the script, so the
	// symbols are not absolute (lld relaxes nothing for absolute symbols)
	// and far addresses cost no file space.
	var asm, script strings.Builder
	script.WriteString("SECTIONS {\n  .text 0x200000 : { *(.text) }\n  .got 0x220000 : { *(.got) }\n  .rodata 0x400000 : { *(.rodata*) }\n")
	names := make([]string, 0, len(syms))
	for name := range syms {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return syms[names[i]] < syms[names[j]] })
	for i, name := range names {
		fmt.Fprintf(&asm, ".section .sym%d,\"aw\",@nobits\n.globl %s\n%s:\n.zero 1\n", i, name, name)
		fmt.Fprintf(&script, "  .sym%d %#x : { *(.sym%d) }\n", i, syms[name], i)
	}
	script.WriteString("}\n")
	for _, tc := range []struct{ triple, flags string }{
		{"x86_64-unknown-linux-gnu", "-fno-plt"},
		{"aarch64-unknown-linux-gnu", "-ffixed-x28"},
	} {
		t.Run(tc.triple, func(t *testing.T) {
			dir := t.TempDir()
			obj, symObj, out := filepath.Join(dir, "shapes.o"), filepath.Join(dir, "syms.o"), filepath.Join(dir, "shapes")
			ld, s := filepath.Join(dir, "link.ld"), filepath.Join(dir, "syms.s")
			if err := errors.Join(os.WriteFile(ld, []byte(script.String()), 0o644), os.WriteFile(s, []byte(asm.String()), 0o644)); err != nil {
				t.Fatal(err)
			}
			args := append([]string{"--target=" + tc.triple}, clangFlags...)
			for _, c := range [][]string{
				append(args, tc.flags, "-o", obj, "testdata/shapes.c"),
				{"--target=" + tc.triple, "-c", "-o", symObj, s},
			} {
				if b, err := exec.Command(clang, c...).CombinedOutput(); err != nil {
					t.Fatalf("clang: %v\n%s", err, b)
				}
			}
			if b, err := exec.Command(lld, "-o", out, obj, symObj, "-T", ld, "-e", "0", "--no-pie").CombinedOutput(); err != nil {
				t.Fatalf("ld.lld: %v\n%s", err, b)
			}
			resolveLinked(t, obj, out, syms)
		})
	}
}

type objReloc struct {
	off    int
	kind   Kind
	sym    string
	addend int64
}

func resolveLinked(t *testing.T, objPath, outPath string, syms map[string]uint64) {
	obj, err := elf.Open(objPath)
	if err != nil {
		t.Fatal(err)
	}
	defer obj.Close()
	out, err := elf.Open(outPath)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	symtab, err := obj.Symbols()
	if err != nil {
		t.Fatal(err)
	}
	rela := obj.Section(".rela.text")
	text := out.Section(".text")
	if rela == nil || text == nil {
		t.Fatal("no .rela.text in the object or no .text in the output")
	}
	rb, _ := rela.Data()
	code, _ := text.Data()
	var rels []objReloc
	for i := 0; i+24 <= len(rb); i += 24 {
		info := binary.LittleEndian.Uint64(rb[i+8:])
		k, err := FromELF(obj.Machine, uint32(info))
		if err != nil {
			t.Fatal(err)
		}
		si := int(info>>32) - 1 // Symbols() drops the null symbol
		if si < 0 || si >= len(symtab) || symtab[si].Section != elf.SHN_UNDEF {
			continue // section-relative (constants): merged by lld, not comparable here
		}
		rels = append(rels, objReloc{int(binary.LittleEndian.Uint64(rb[i:])), k, symtab[si].Name, int64(binary.LittleEndian.Uint64(rb[i+16:]))})
	}
	read8 := func(addr uint64) (uint64, bool) {
		for _, s := range out.Sections {
			if s.Addr <= addr && addr+8 <= s.Addr+s.Size && s.Type == elf.SHT_PROGBITS {
				b, _ := s.Data()
				return binary.LittleEndian.Uint64(b[addr-s.Addr:]), true
			}
		}
		return 0, false
	}
	pages := map[int]Ref{} // ADRPs by register, as the code runs forward
	checked := 0
	for _, r := range rels {
		place := text.Addr + uint64(r.off)
		ref, err := Resolve(r.kind, code, r.off, place, r.addend)
		if err != nil {
			t.Errorf("%v hole for %s at %#x: %v", r.kind, r.sym, place, err)
			continue
		}
		want := syms[r.sym]
		switch {
		case ref.Form == FormADRP:
			pages[ref.Reg] = ref
			continue
		case ref.Mask == 0:
			continue // a NOP'd ADRP
		case ref.Mask == 0xFFF:
			page, ok := pages[ref.Base]
			if !ok {
				t.Errorf("%v hole for %s at %#x: no ADRP of x%d before it", r.kind, r.sym, place, ref.Base)
				continue
			}
			if ref, err = ref.WithPage(page); err != nil {
				t.Error(err)
				continue
			}
		case ref.Mask != ^uint64(0):
			continue // MOVW groups: not in shapes.c
		}
		got := ref.Value
		if ref.Indirect {
			v, ok := read8(ref.Value)
			if !ok {
				t.Errorf("%v hole for %s at %#x: %v reads outside the image", r.kind, r.sym, place, ref)
				continue
			}
			got = v
		}
		if got != want {
			t.Errorf("%v hole for %s at %#x: lld's %v denotes %#x, want %#x", r.kind, r.sym, place, ref, got, want)
		}
		checked++
		t.Logf("%-14v %-14s %v", r.kind, r.sym, ref)
	}
	if checked == 0 {
		t.Error("no hole checked")
	}
}
