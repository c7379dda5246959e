package relocs

import (
	"bytes"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestPatchCasesDisassemble checks the "# dis:" cases, forms the assembler
// will not take with a plain displacement (addr32 call, jmp+nop).
func TestPatchCasesDisassemble(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not running llvm-mc")
	}
	mc, err := exec.LookPath("llvm-mc-19")
	if err != nil {
		t.Skip("llvm-mc-19 not installed; .ci/run installs it")
	}
	n := 0
	for _, c := range readPatchCases(t) {
		if c.dis == "" {
			continue
		}
		n++
		var in strings.Builder
		for _, b := range c.after {
			in.WriteString("0x" + strconv.FormatUint(uint64(b), 16) + " ")
		}
		cmd := exec.Command(mc, "--disassemble", "-triple=x86_64")
		cmd.Stdin = strings.NewReader(in.String())
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("llvm-mc: %v\n%s", err, out)
		}
		var insts []string
		for _, l := range strings.Split(string(out), "\n") {
			if f := strings.Fields(l); len(f) > 0 && !strings.HasPrefix(f[0], ".") {
				insts = append(insts, strings.Join(f, " "))
			}
		}
		if got := strings.Join(insts, "; "); got != c.dis {
			t.Errorf("patch.txt:%d: %x disassembles to %q, the case says %q", c.line, c.after, got, c.dis)
		}
	}
	if n == 0 {
		t.Error("no # dis: cases")
	}
}

var encodingRE = regexp.MustCompile(`encoding: \[([^\]]*)\]`)

// TestPatchCasesAssemble cross-checks the hand-written expectations in
// testdata/patch.txt against LLVM's assembler: every "# asm:" instruction
// must assemble to the case's after bytes.
func TestPatchCasesAssemble(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not running llvm-mc")
	}
	mc, err := exec.LookPath("llvm-mc-19")
	if err != nil {
		t.Skip("llvm-mc-19 not installed; .ci/run installs it")
	}
	byArch := map[Arch][]patchCase{}
	for _, c := range readPatchCases(t) {
		if c.asm == "" {
			continue
		}
		if c.after == nil || c.kind.Arch() == ArchInvalid {
			t.Fatalf("patch.txt:%d: an asm comment needs a patched instruction", c.line)
		}
		byArch[c.kind.Arch()] = append(byArch[c.kind.Arch()], c)
	}
	triples := map[Arch]string{AMD64: "x86_64", ARM64: "aarch64"}
	for arch, cases := range byArch {
		var src strings.Builder
		for _, c := range cases {
			src.WriteString(c.asm + "\n")
		}
		cmd := exec.Command(mc, "-triple="+triples[arch], "--show-encoding")
		cmd.Stdin = strings.NewReader(src.String())
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("llvm-mc %v: %v\n%s", arch, err, out)
		}
		encs := encodingRE.FindAllStringSubmatch(string(out), -1)
		if len(encs) != len(cases) {
			t.Fatalf("llvm-mc %v: %d encodings for %d instructions\n%s", arch, len(encs), len(cases), out)
		}
		for i, c := range cases {
			var got []byte
			for _, b := range strings.Split(encs[i][1], ",") {
				v, err := strconv.ParseUint(strings.TrimSpace(b), 0, 8)
				if err != nil {
					t.Fatalf("llvm-mc output %q: %v", encs[i][0], err)
				}
				got = append(got, byte(v))
			}
			if !bytes.Equal(got, c.after) {
				t.Errorf("patch.txt:%d: %q assembles to %x, the case expects %x", c.line, c.asm, got, c.after)
			}
		}
		t.Logf("%v: %d expectations agree with llvm-mc", arch, len(cases))
	}
}
