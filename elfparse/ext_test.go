package elfparse

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
// `llvm-readobj-19 -r --expand-relocs` on the testdata objects.
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
					got = append(got, fmt.Sprintf("%s %#x %s(%d) %s(%d) %#x",
						s.Name, r.Offset, f.TypeName(r.Type), r.Type, f.SymbolName(r.Symbol), r.Symbol, uint64(r.Addend)))
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

var (
	readobjSection = regexp.MustCompile(`^Section \(\d+\) \.rela(\S+) \{$`)
	readobjField   = regexp.MustCompile(`^(Offset|Type|Symbol|Addend): (.*)$`)
	readobjNamed   = regexp.MustCompile(`^(\S*) \((\d+)\)$`)
)

// parseReadobj turns llvm-readobj's expanded relocations into the lines
// TestReadobj builds from a File.
func parseReadobj(out []byte) ([]string, error) {
	var lines []string
	var sect string
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
		off, err := strconv.ParseUint(fields["Offset"], 0, 64)
		if err != nil {
			return nil, fmt.Errorf("offset: %v", err)
		}
		addend, err := strconv.ParseUint(fields["Addend"], 0, 64)
		if err != nil {
			return nil, fmt.Errorf("addend: %v", err)
		}
		typ := readobjNamed.FindStringSubmatch(fields["Type"])
		sym := readobjNamed.FindStringSubmatch(fields["Symbol"])
		if typ == nil || sym == nil {
			return nil, fmt.Errorf("cannot read relocation %v", fields)
		}
		if sym[1] == "-" { // no symbol
			sym[1] = ""
		}
		lines = append(lines, fmt.Sprintf("%s %#x %s(%s) %s(%s) %#x", sect, off, typ[1], typ[2], sym[1], sym[2], addend))
		fields = map[string]string{}
	}
	return lines, sc.Err()
}
