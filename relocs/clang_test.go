package relocs

import (
	"debug/elf"
	"debug/macho"
	"encoding/binary"
	"fmt"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// clangFlags is a copy of the flags stencilgen builds templates with (see
// stencilgen/target.go); this test only needs the same code generation.
var clangFlags = []string{"-O3", "-std=gnu11", "-fpic", "-ffreestanding", "-fno-builtin", "-fno-math-errno",
	"-fno-stack-protector", "-fno-jump-tables", "-fno-asynchronous-unwind-tables",
	"-fno-unwind-tables", "-fomit-frame-pointer", "-fno-strict-aliasing", "-w", "-c"}

// TestClangTemplates compiles the repository's templates for every target
// and proves that each relocation Clang leaves maps onto a Kind whose
// instruction Patch accepts (Check): the shapes in patch.txt are the shapes
// real stencils have.
func TestClangTemplates(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not running clang")
	}
	clang, err := exec.LookPath("clang-19")
	if err != nil {
		t.Skip("clang-19 not installed; .ci/run installs it")
	}
	srcs, _ := filepath.Glob("../templates/*.c")
	srcs = append(srcs, "testdata/shapes.c")
	targets := []struct {
		triple string
		flags  []string
	}{
		{"x86_64-unknown-linux-gnu", []string{"-mcmodel=small"}},
		{"aarch64-unknown-linux-gnu", []string{"-ffixed-x28", "-ffixed-x18"}},
		{"x86_64-apple-darwin", []string{"-mcmodel=small"}},
		{"arm64-apple-darwin", []string{"-ffixed-x28", "-ffixed-x18"}},
	}
	dir := t.TempDir()
	for _, tg := range targets {
		seen := map[string]int{}
		compiled := 0
		for _, src := range srcs {
			obj := filepath.Join(dir, tg.triple+"-"+strings.TrimSuffix(filepath.Base(src), ".c")+".o")
			args := append(append([]string{"--target=" + tg.triple}, clangFlags...), tg.flags...)
			if strings.HasPrefix(src, "testdata") {
				args = append(args, "-fno-plt") // calls through the GOT: call/jmp *slot(%rip)
			}
			args = append(args, "-o", obj, src)
			if out, err := exec.Command(clang, args...).CombinedOutput(); err != nil && strings.HasPrefix(src, "testdata") {
				t.Fatalf("%s %s: %v\n%s", tg.triple, src, err, out)
			} else if err != nil {
				// Templates are others' work in progress: a template that
				// does not compile is not a relocs failure.
				t.Logf("%s %s: does not compile: %v\n%s", tg.triple, src, err, out)
				continue
			}
			compiled++
			var err error
			if strings.Contains(tg.triple, "apple") {
				err = checkMachO(obj, seen)
			} else {
				err = checkELF(obj, seen)
			}
			if err != nil {
				t.Errorf("%s %s: %v", tg.triple, filepath.Base(src), err)
			}
		}
		var forms []string
		for f, n := range seen {
			forms = append(forms, fmt.Sprintf("%s×%d", f, n))
		}
		sort.Strings(forms)
		t.Logf("%s: %d templates; %s", tg.triple, compiled, strings.Join(forms, " "))
	}
}

func checkELF(path string, seen map[string]int) error {
	f, err := elf.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, rs := range f.Sections {
		if rs.Type != elf.SHT_RELA || int(rs.Info) >= len(f.Sections) {
			continue
		}
		target := f.Sections[rs.Info]
		if target.Flags&elf.SHF_ALLOC == 0 {
			continue
		}
		data, err := target.Data()
		if err != nil {
			return err
		}
		rela, err := rs.Data()
		if err != nil {
			return err
		}
		for i := 0; i+24 <= len(rela); i += 24 {
			off := binary.LittleEndian.Uint64(rela[i:])
			typ := uint32(binary.LittleEndian.Uint64(rela[i+8:]))
			addend := int64(binary.LittleEndian.Uint64(rela[i+16:]))
			k, err := FromELF(f.Machine, typ)
			if err != nil {
				return fmt.Errorf("%s+%#x: %v", target.Name, off, err)
			}
			if err := Check(k, data, int(off), addend); err != nil {
				return fmt.Errorf("%s+%#x: %v", target.Name, off, err)
			}
			seen[k.String()+"/"+refForm(k, data, int(off), addend)]++
		}
	}
	return nil
}

func checkMachO(path string, seen map[string]int) error {
	f, err := macho.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, s := range f.Sections {
		if s.Seg == "__DWARF" || s.Seg == "__LD" {
			continue
		}
		data, err := s.Data()
		if err != nil {
			return err
		}
		var addend int64
		for _, r := range s.Relocs {
			if f.Cpu == macho.CpuArm64 && macho.RelocTypeARM64(r.Type) == macho.ARM64_RELOC_ADDEND {
				addend = int64(int32(r.Value<<8) >> 8) // 24-bit signed, applies to the next record
				continue
			}
			k, err := FromMachO(f.Cpu, r.Type)
			if err != nil {
				return fmt.Errorf("%s+%#x: %v", s.Name, r.Addr, err)
			}
			if err := Check(k, data, int(r.Addr), addend); err != nil {
				return fmt.Errorf("%s+%#x: %v", s.Name, r.Addr, err)
			}
			seen[k.String()+"/"+refForm(k, data, int(r.Addr), addend)]++
			addend = 0
		}
	}
	return nil
}

func refForm(k Kind, code []byte, off int, addend int64) string {
	r, err := Resolve(k, code, off, 0, addend)
	if err != nil {
		return "?"
	}
	if r.Indirect {
		return r.Form.String() + "*"
	}
	return r.Form.String()
}
