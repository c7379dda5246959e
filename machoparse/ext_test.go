package machoparse

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestReadobj cross-checks every relocation Parse reports against
// `llvm-readobj-19 -r --expand-relocs` on the testdata objects. readobj
// lists ARM64_RELOC_ADDEND records on their own; they are folded into the
// next record here as Parse folds them.
func TestReadobj(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping llvm-readobj cross-check in -short mode")
	}
	if _, err := exec.LookPath("llvm-readobj-19"); err != nil {
		t.Skip("llvm-readobj-19 not installed:", err)
	}
	objs, err := filepath.Glob("testdata/*.o")
	if err != nil || len(objs) == 0 {
		t.Fatalf("no testdata objects: %v", err)
	}
	for _, obj := range objs {
		t.Run(filepath.Base(obj), func(t *testing.T) {
			out, err := exec.Command("llvm-readobj-19", "-r", "--expand-relocs", obj).Output()
			if err != nil {
				t.Fatalf("llvm-readobj-19: %v", err)
			}
			want, err := parseReadobj(out)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Open(obj)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range f.Sections {
				for _, r := range s.Relocs {
					got = append(got, fmtReloc(s.Name, r.Offset, r.PCRel, r.Length, f.TypeName(r.Type), int(r.Type),
						r.Extern, f.TargetName(r), r.Symbol, r.Section, r.Addend))
				}
			}
			if len(want) == 0 {
				t.Fatal("llvm-readobj-19 listed no relocations")
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("relocations differ\ngot:\n%s\nllvm-readobj-19:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func fmtReloc(sect string, off uint32, pcrel bool, length uint8, typ string, typNum int, extern bool, target string, sym, secnum int, addend int64) string {
	to := fmt.Sprintf("section %s(%d)", target, secnum)
	if extern {
		to = fmt.Sprintf("symbol %s(%d)", target, sym)
	}
	return fmt.Sprintf("%s %#x pcrel=%v len=%d %s(%d) %s addend=%d", sect, off, pcrel, length, typ, typNum, to, addend)
}

var (
	readobjSection = regexp.MustCompile(`^Section (\S+) \{$`)
	readobjField   = regexp.MustCompile(`^(Offset|PCRel|Length|Type|Symbol|Section): (.*)$`)
	readobjNamed   = regexp.MustCompile(`^(\S*) \((\d+)\)$`)
)

// parseReadobj turns llvm-readobj's expanded relocations into the lines
// TestReadobj builds from a File.
func parseReadobj(out []byte) ([]string, error) {
	var lines []string
	var sect string
	var addend int64
	fields := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if m := readobjSection.FindStringSubmatch(line); m != nil {
			sect = m[1]
			continue
		}
		if m := readobjField.FindStringSubmatch(line); m != nil {
			fields[m[1]] = m[2]
			continue
		}
		if line != "}" || len(fields) == 0 {
			continue
		}
		off, err := strconv.ParseUint(fields["Offset"], 0, 32)
		if err != nil {
			return nil, fmt.Errorf("offset: %v", err)
		}
		length, err := strconv.ParseUint(fields["Length"], 10, 8)
		if err != nil {
			return nil, fmt.Errorf("length: %v", err)
		}
		typ := readobjNamed.FindStringSubmatch(fields["Type"])
		extern := fields["Symbol"] != ""
		target := readobjNamed.FindStringSubmatch(fields["Symbol"] + fields["Section"])
		if typ == nil || target == nil {
			return nil, fmt.Errorf("cannot read relocation %v", fields)
		}
		typNum, _ := strconv.Atoi(typ[2])
		num, _ := strconv.Atoi(target[2])
		pcrel := fields["PCRel"] == "1"
		fields = map[string]string{}
		if typ[1] == "ARM64_RELOC_ADDEND" {
			// readobj prints the raw 24-bit r_symbolnum.
			addend = int64(int32(uint32(num)<<8) >> 8)
			continue
		}
		sym, secnum := 0, 0
		if extern {
			sym = num
		} else {
			secnum = num
			target[1] = "__TEXT," + target[1] // readobj omits the segment; all our targets are in __TEXT
		}
		lines = append(lines, fmtReloc(sect, uint32(off), pcrel, uint8(length), typ[1], typNum, extern, target[1], sym, secnum, addend))
		addend = 0
	}
	return lines, sc.Err()
}
