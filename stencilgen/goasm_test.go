package stencilgen

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/relocs"
)

func avoDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../templates/avo")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func makeAvo(t *testing.T, dir string, targets ...Target) *AsmResult {
	t.Helper()
	res, err := MakeAsm(context.Background(), AsmOptions{TemplatesDir: dir, CacheDir: t.TempDir(), Targets: targets})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// A listing as go1.26's `go tool asm -S` prints it, cut down.
const sampleListing = `avo.guard_int STEXT nosplit asm size=25 args=0xffffffff80000000 locals=0x0 funcid=0x0 align=0x0
	0x0000 00000 (uops_amd64.s:80)	TEXT	avo.guard_int(SB), NOSPLIT|NOFRAME, $0
	0x0000 00000 (uops_amd64.s:80)	FUNCDATA	$5, avo.guard_int.arginfo0(SB)
	0x0000 00000 (uops_amd64.s:82)	MOVQ	_JIT_OPERAND0(SB), AX
	0x0007 00007 (uops_amd64.s:83)	CMPQ	(R13)(AX*1), $1
	0x000d 00013 (uops_amd64.s:84)	JEQ	20
	0x000f 00015 (uops_amd64.s:85)	JMP	_JIT_EXIT(SB)
	0x0014 00020 (uops_amd64.s:88)	JMP	_JIT_CONTINUE(SB)
	0x0000 48 8b 05 00 00 00 00 49 83 7c 05 00 01 74 05 e9  H......I.|...t..
	0x0010 00 00 00 00 e9 00 00 00 00                       .........
	rel 3+4 t=R_PCREL _JIT_OPERAND0+0
	rel 16+4 t=R_CALL _JIT_EXIT+0
	rel 21+4 t=R_CALL _JIT_CONTINUE+-1
avo.mask SRODATA static size=16
	0x0000 00 00 00 00 00 00 00 80                          ........
`

func TestParseListing(t *testing.T) {
	syms, err := parseListing([]byte(sampleListing))
	if err != nil {
		t.Fatal(err)
	}
	if len(syms) != 2 {
		t.Fatalf("%d symbols, want 2", len(syms))
	}
	fn, data := syms[0], syms[1]
	if fn.Name != "avo.guard_int" || fn.Type != "STEXT" || fn.Size != 25 || len(fn.Bytes) != 25 || fn.Bytes[15] != 0xe9 {
		t.Errorf("function = %+v", fn)
	}
	if len(fn.Insts) != 7 || fn.Insts[6].PC != 0x14 || !strings.HasPrefix(fn.Insts[2].Text, "MOVQ\t_JIT_OPERAND0") {
		t.Errorf("instructions = %+v", fn.Insts)
	}
	want := []asmReloc{{3, 4, "R_PCREL", "_JIT_OPERAND0", 0}, {16, 4, "R_CALL", "_JIT_EXIT", 0}, {21, 4, "R_CALL", "_JIT_CONTINUE", -1}}
	if !slices.Equal(fn.Relocs, want) {
		t.Errorf("relocs = %+v, want %+v", fn.Relocs, want)
	}
	// The zero tail the listing leaves out is there.
	if data.Type != "SRODATA" || !data.Static || !bytes.Equal(data.Bytes, append(make([]byte, 7), 0x80, 0, 0, 0, 0, 0, 0, 0, 0)) {
		t.Errorf("data = %+v", data)
	}
}

func TestParseListingErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"garbage", "hello\n", "not a symbol header"},
		{"orphan line", "\trel 0+4 t=R_PCREL x+0\n", "before the first symbol"},
		{"unknown line", "a STEXT size=4\n\tsomething new\n", "unknown line"},
		{"bytes out of order", "a STEXT size=32\n\t0x0010 00 00\n", "bytes at 0x10, want 0x0"},
		{"too many bytes", "a STEXT size=1\n\t0x0000 90 90\n", "more than its size"},
		{"reloc outside", "a STEXT size=2\n\t0x0000 90 90\n\trel 1+4 t=R_PCREL x+0\n", "outside its 2 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseListing([]byte(tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestAvoTemplatesHoles builds every target and checks each avo stencil
// has the holes its C twin has (the same operands, continuation, jump
// target and exit), on the host's Clang table, and that every target has
// the same uops.
func TestAvoTemplatesHoles(t *testing.T) {
	res := makeAvo(t, avoDir(t))
	if len(res.Targets) != len(Targets) {
		t.Fatalf("%d targets built, want %d", len(res.Targets), len(Targets))
	}
	var names []string
	for _, s := range res.Targets[0].Stencils {
		names = append(names, s.Name)
	}
	if len(names) < 15 {
		t.Errorf("only %d uops: %v", len(names), names)
	}
	for _, ts := range res.Targets {
		var got []string
		for _, s := range ts.Stencils {
			got = append(got, s.Name)
		}
		if !slices.Equal(got, names) {
			t.Errorf("%s has uops %v, want %v", ts.Target.Name(), got, names)
		}
		host := ts.Target.OS == runtime.GOOS && ts.Target.Arch == runtime.GOARCH
		for _, s := range ts.Stencils {
			if !host {
				continue
			}
			op, ok := generated.LookupOp(s.Name)
			if !ok {
				t.Errorf("%s: no such uop in generated", s.Name)
				continue
			}
			if a, c := holeValues(s), holeValues(generated.Stencils[op]); !slices.Equal(a, c) {
				t.Errorf("%s: %s: avo holes %v, Clang's %v", ts.Target.Name(), s.Name, a, c)
			}
		}
	}
}

// holeValues is the sorted set of what goes into a stencil's code holes.
func holeValues(s relocs.Stencil) []relocs.Value {
	var vs []relocs.Value
	for _, h := range s.Holes {
		if h.Section == relocs.Code && !slices.Contains(vs, h.Value) {
			vs = append(vs, h.Value)
		}
	}
	slices.Sort(vs)
	return vs
}

func TestVerifyAsmAllTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("links four programs")
	}
	res := makeAvo(t, avoDir(t))
	reports, err := VerifyAsm(context.Background(), res)
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != len(Targets) {
		t.Fatalf("%d reports, want %d", len(reports), len(Targets))
	}
	for _, r := range reports {
		if r.Holes < r.Stencils {
			t.Errorf("%s: only %d holes checked in %d stencils", r.Target.Name(), r.Holes, r.Stencils)
		}
	}
}

// TestVerifyAsmCatchesWrongHole corrupts the int_add stencil's exit hole
// (a folded jump on amd64) and an operand hole, and expects verify to name
// them.
func TestVerifyAsmCatchesWrongHole(t *testing.T) {
	if testing.Short() {
		t.Skip("links programs")
	}
	for _, name := range []string{"linux/amd64", "linux/arm64"} {
		tg, _ := LookupTarget(name)
		for _, tc := range []struct {
			name    string
			value   relocs.Value
			corrupt func(h *relocs.Hole)
		}{
			{"exit addend", relocs.ValueExit, func(h *relocs.Hole) { h.Addend += 4 }},
			{"operand value", relocs.ValueOperand1, func(h *relocs.Hole) { h.Value = relocs.ValueOperand3 }},
		} {
			t.Run(tg.FileTag()+"/"+tc.name, func(t *testing.T) {
				res := makeAvo(t, avoDir(t), tg)
				ts := res.Targets[0]
				i := slices.IndexFunc(ts.Stencils, func(s relocs.Stencil) bool { return s.Name == "int_add" })
				s := &ts.Stencils[i]
				s.Holes = slices.Clone(s.Holes)
				n := 0
				for j := range s.Holes {
					if h := &s.Holes[j]; h.Section == relocs.Code && h.Value == tc.value {
						tc.corrupt(h)
						n++
					}
				}
				if n == 0 {
					t.Fatal("no hole to corrupt")
				}
				_, err := VerifyAsm(context.Background(), res)
				if err == nil || !strings.Contains(err.Error(), "int_add") {
					t.Errorf("verify: %v, want an error naming int_add", err)
				}
			})
		}
	}
}

// TestBadAsmTemplates checks that each kind of bad Go assembly template
// fails the build with an error naming the target, the uop and the culprit.
func TestBadAsmTemplates(t *testing.T) {
	for _, tc := range []struct {
		name, file, src string
		want            []string
	}{
		{"calls", "t_amd64.s", "TEXT ·calls(SB), NOSPLIT|NOFRAME, $0\n\tCALL _JIT_CONTINUE(SB)\n\tRET\n",
			[]string{"linux/amd64", "calls", "_JIT_CONTINUE", "never call"}},
		{"hole_address", "t_amd64.s", "TEXT ·hole_address(SB), 0, $0\n\tLEAQ _JIT_OPERAND0(SB), AX\n\tRET\n",
			[]string{"hole_address", "address of a hole"}},
		{"unknown_hole", "t_amd64.s", "TEXT ·unknown_hole(SB), 0, $0\n\tMOVQ _JIT_BOGUS(SB), AX\n\tRET\n",
			[]string{"unknown_hole", "_JIT_BOGUS", "unknown hole symbol"}},
		{"go_symbol", "t_amd64.s", "TEXT ·go_symbol(SB), 0, $0\n\tMOVQ runtime·x(SB), AX\n\tRET\n",
			[]string{"go_symbol", "runtime.x", "may only name"}},
		{"jump_to_operand", "t_amd64.s", "TEXT ·jump_to_operand(SB), 0, $0\n\tJMP _JIT_OPERAND0(SB)\n",
			[]string{"jump_to_operand", "jump to an operand"}},
		{"stack_check", "t_amd64.s", "TEXT ·stack_check(SB), 0, $4096\n\tRET\n",
			[]string{"stack_check", "NOSPLIT|NOFRAME"}},
		{"uses_g", "t_arm64.s", "TEXT ·uses_g(SB), NOSPLIT|NOFRAME, $0\n\tMOVD $1, g\n\tRET\n",
			[]string{"linux/arm64", "uses_g", "x28"}},
		{"arm64_call", "t_arm64.s", "TEXT ·arm64_call(SB), 0, $0\n\tCALL _JIT_CONTINUE(SB)\n",
			[]string{"arm64_call", "never call"}},
		{"BadName", "t_amd64.s", "TEXT ·BadName(SB), 0, $0\n\tRET\n",
			[]string{"BadName", "lower-case"}},
		{"syntax", "t_amd64.s", "TEXT ·syntax(SB), 0, $0\n\tNOTANOP AX\n",
			[]string{"linux/amd64", "t_amd64.s", "assembling"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := "#include \"textflag.h\"\n" + tc.src
			if err := os.WriteFile(filepath.Join(dir, tc.file), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			tg, _ := LookupTarget("linux/amd64")
			if strings.HasSuffix(tc.file, "_arm64.s") {
				tg, _ = LookupTarget("linux/arm64")
			}
			_, err := MakeAsm(context.Background(), AsmOptions{TemplatesDir: dir, CacheDir: t.TempDir(), Targets: []Target{tg}})
			if err == nil {
				t.Fatal("build succeeded, want an error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestFoldJumpOverJump(t *testing.T) {
	amd64, _ := LookupTarget("linux/amd64")
	exit := relocs.Hole{Section: relocs.Code, Offset: 8, Kind: relocs.X86PCRel32, Value: relocs.ValueExit, Addend: -4, GOT: -1}
	for _, tc := range []struct {
		name       string
		code, want []byte
		off        uint32
	}{
		// cmp %rax,%rcx; jno +5; jmp exit  →  jo exit; nop
		{"jno", []byte{0x48, 0x39, 0xc1, 0x90, 0x71, 0x05, 0xe9, 0, 0, 0, 0},
			[]byte{0x48, 0x39, 0xc1, 0x90, 0x0f, 0x80, 0, 0, 0, 0, 0x90}, 6},
		// je +5 → jne
		{"je", []byte{0x48, 0x39, 0xc1, 0x90, 0x74, 0x05, 0xe9, 0, 0, 0, 0},
			[]byte{0x48, 0x39, 0xc1, 0x90, 0x0f, 0x85, 0, 0, 0, 0, 0x90}, 6},
		// A jcc that skips more than the jmp is left alone.
		{"longer", []byte{0x48, 0x39, 0xc1, 0x90, 0x74, 0x06, 0xe9, 0, 0, 0, 0},
			[]byte{0x48, 0x39, 0xc1, 0x90, 0x74, 0x06, 0xe9, 0, 0, 0, 0}, 7},
		// So is a pair whose jmp another branch targets (the jb at 0).
		{"targeted", []byte{0x72, 0x04, 0x90, 0x90, 0x74, 0x05, 0xe9, 0, 0, 0, 0},
			[]byte{0x72, 0x04, 0x90, 0x90, 0x74, 0x05, 0xe9, 0, 0, 0, 0}, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := exit
			h.Offset = 7
			s := relocs.Stencil{Code: slices.Clone(tc.code), Holes: []relocs.Hole{h}}
			if err := FoldJumpOverJump(amd64, &s); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(s.Code, tc.want) || s.Holes[0].Offset != tc.off {
				t.Errorf("got % x hole at %d, want % x hole at %d", s.Code, s.Holes[0].Offset, tc.want, tc.off)
			}
		})
	}
}

// TestEmbeddedAsmTemplates: an installed stencilgen has the avo backend's
// templates too, the same as templates/avo on disk.
func TestEmbeddedAsmTemplates(t *testing.T) {
	dir, err := EmbeddedAsmTemplates(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := LoadAsmInputs(dir)
	if err != nil {
		t.Fatal(err)
	}
	onDisk, err := LoadAsmInputs(avoDir(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(embedded.Files) != len(onDisk.Files) || len(embedded.Files) == 0 {
		t.Fatalf("%d embedded files, %d on disk", len(embedded.Files), len(onDisk.Files))
	}
	for i, f := range embedded.Files {
		if f.Name != onDisk.Files[i].Name || !bytes.Equal(f.Source, onDisk.Files[i].Source) {
			t.Errorf("embedded %s differs from templates/avo/%s.s", f.Name, onDisk.Files[i].Name)
		}
	}
}
