package templates

import (
	"bytes"
	"debug/elf"
	"debug/macho"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// compileFlags mirror stencilgen's (stencilgen/target.go); a template that
// does not compile with them here would break every stencil table.
var compileFlags = []string{"-O3", "-std=gnu11", "-fpic", "-ffreestanding", "-fno-builtin", "-fno-math-errno", "-fno-stack-protector",
	"-fno-jump-tables", "-fno-asynchronous-unwind-tables", "-fno-unwind-tables", "-fomit-frame-pointer",
	"-fno-strict-aliasing", "-Wall", "-Werror", "-c"}

func targetFlags(target string) []string {
	if strings.HasPrefix(target, "x86_64") {
		return []string{"-mcmodel=small"}
	}
	return []string{"-ffixed-x28", "-ffixed-x18"}
}

// TestTemplatesCompile compiles every template for every target and checks
// the shape copy-and-patch needs: the only external symbols are _JIT_*
// holes, there is no writable data, and a uop that continues ends with its
// jump to _JIT_CONTINUE (the last instruction, which the runtime deletes).
func TestTemplatesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles every template for four targets: skipped with -short")
	}
	clang := findClang(t)
	dir := headerDir(t)
	for _, target := range clangTargets {
		for _, op := range Uops() {
			file, defines, _ := Source(op)
			src, err := Sources.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			cfile := filepath.Join(dir, file)
			if err := os.WriteFile(cfile, src, 0o644); err != nil {
				t.Fatal(err)
			}
			obj := filepath.Join(dir, target+"-"+op+".o")
			args := append([]string{"--target=" + target}, compileFlags...)
			args = append(args, targetFlags(target)...)
			for _, d := range defines {
				args = append(args, "-D"+d)
			}
			args = append(args, "-I", dir, cfile, "-o", obj)
			if out, err := exec.Command(clang, args...).CombinedOutput(); err != nil {
				t.Errorf("%s for %s: %v\n%s", op, target, err, out)
				continue
			}
			continues := bytes.Contains(src, []byte("CP_CONTINUE()"))
			if strings.Contains(target, "apple") {
				checkMachO(t, op+" "+target, obj)
			} else {
				checkELF(t, op+" "+target, obj, continues)
			}
		}
	}
}

func checkELF(t *testing.T, name, path string, continues bool) {
	t.Helper()
	f, err := elf.Open(path)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	syms, err := f.Symbols()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, s := range syms {
		if s.Section == elf.SHN_UNDEF && s.Name != "" && !strings.HasPrefix(s.Name, "_JIT_") {
			t.Errorf("%s: external symbol %s (only _JIT_* holes can be reached)", name, s.Name)
		}
	}
	var text *elf.Section
	for _, s := range f.Sections {
		if s.Flags&elf.SHF_ALLOC == 0 || s.Size == 0 {
			continue
		}
		switch {
		case s.Name == ".text":
			text = s
		case strings.HasPrefix(s.Name, ".rodata.cst"):
			// a constant pool: fine
		default:
			t.Errorf("%s: section %s (%d bytes): stencils carry only code and constant pools", name, s.Name, s.Size)
		}
	}
	if text == nil || !continues {
		return
	}
	// The last relocation of .text must be the jump to _JIT_CONTINUE, in the
	// last 4 bytes (rel32 of jmp, or the whole B on AArch64).
	var rela *elf.Section
	for _, s := range f.Sections {
		if s.Type == elf.SHT_RELA && s.Info == uint32(sectionIndex(f, text)) {
			rela = s
		}
	}
	if rela == nil {
		t.Errorf("%s: no relocations for .text", name)
		return
	}
	data, err := rela.Data()
	if err != nil || len(data)%24 != 0 {
		t.Fatalf("%s: bad .rela.text: %v", name, err)
	}
	var lastOff uint64
	lastSym := ""
	for i := 0; i < len(data); i += 24 {
		off := binary.LittleEndian.Uint64(data[i:])
		info := binary.LittleEndian.Uint64(data[i+8:])
		if off >= lastOff {
			lastOff, lastSym = off, syms[elf.R_SYM64(info)-1].Name
		}
	}
	if lastSym != "_JIT_CONTINUE" || lastOff != text.Size-4 {
		t.Errorf("%s: the last relocation is %s at %#x of %#x bytes; want _JIT_CONTINUE in the last instruction", name, lastSym, lastOff, text.Size)
	}
}

func sectionIndex(f *elf.File, s *elf.Section) int {
	for i, x := range f.Sections {
		if x == s {
			return i
		}
	}
	return -1
}

func checkMachO(t *testing.T, name, path string) {
	t.Helper()
	f, err := macho.Open(path)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	if f.Symtab == nil {
		t.Fatalf("%s: no symbol table", name)
	}
	for _, s := range f.Symtab.Syms {
		const nTypeMask, nUndf, nExt = 0x0e, 0x0, 0x01
		if s.Type&nTypeMask == nUndf && s.Type&nExt != 0 && !strings.HasPrefix(s.Name, "__JIT_") {
			t.Errorf("%s: external symbol %s (only _JIT_* holes can be reached)", name, s.Name)
		}
	}
	for _, s := range f.Sections {
		if s.Size == 0 {
			continue
		}
		switch s.Name {
		case "__text", "__literal4", "__literal8", "__literal16", "__const":
			if s.Name == "__const" && s.Seg != "__TEXT" {
				t.Errorf("%s: section %s,%s: stencils carry only code and constant pools", name, s.Seg, s.Name)
			}
		default:
			t.Errorf("%s: section %s,%s (%d bytes): stencils carry only code and constant pools", name, s.Seg, s.Name, s.Size)
		}
	}
}
