package stencilgen

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copypatch/copypatch/relocs"
)

func TestOpIdent(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"int_add", "OpIntAdd"},
		{"loop", "OpLoop"},
		{"int_jump_if_lt", "OpIntJumpIfLt"},
		{"float_to_int2", "OpFloatToInt2"},
	} {
		if got := opIdent(tc.in); got != tc.want {
			t.Errorf("opIdent(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCheckUopName(t *testing.T) {
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"int_add", true}, {"a1", true}, {"Int_add", false}, {"int-add", false}, {"_x", false}, {"", false}, {"añ", false},
	} {
		if err := checkUopName(tc.name); (err == nil) != tc.ok {
			t.Errorf("checkUopName(%q) = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

func TestLookupTarget(t *testing.T) {
	for _, tg := range Targets {
		got, err := LookupTarget(tg.Name())
		if err != nil || got != tg {
			t.Errorf("LookupTarget(%q) = %v, %v", tg.Name(), got, err)
		}
	}
	if _, err := LookupTarget("windows/amd64"); err == nil || !strings.Contains(err.Error(), "linux/arm64") {
		t.Errorf("LookupTarget(windows/amd64) error = %v, want one listing the known targets", err)
	}
}

func TestRemoveTrailingContinue(t *testing.T) {
	x86 := Targets[2]
	a64 := Targets[3]
	cont := func(kind relocs.Kind, off uint32, addend int64) relocs.Hole {
		return relocs.Hole{Section: relocs.Code, Offset: off, Kind: kind, Value: relocs.ValueContinue, Addend: addend, GOT: -1}
	}
	for _, tc := range []struct {
		name      string
		target    Target
		code      []byte
		holes     []relocs.Hole
		wantCode  int
		wantHoles int
	}{
		{"x86 trailing jmp", x86, []byte{0x90, 0xe9, 0, 0, 0, 0}, []relocs.Hole{cont(relocs.X86PCRel32, 2, -4)}, 1, 0},
		{"x86 jcc is kept", x86, []byte{0x0f, 0x84, 0, 0, 0, 0}, []relocs.Hole{cont(relocs.X86PCRel32, 2, -4)}, 6, 1},
		{"x86 jmp not last", x86, []byte{0xe9, 0, 0, 0, 0, 0xc3}, []relocs.Hole{cont(relocs.X86PCRel32, 1, -4)}, 6, 1},
		{"a64 trailing b", a64, []byte{0x1f, 0x20, 0x03, 0xd5, 0, 0, 0, 0x14}, []relocs.Hole{cont(relocs.A64Branch26, 4, 0)}, 4, 0},
		{"a64 bl is kept", a64, []byte{0, 0, 0, 0x94}, []relocs.Hole{cont(relocs.A64Branch26, 0, 0)}, 4, 1},
		{"a64 exit is kept", a64, []byte{0, 0, 0, 0x14}, []relocs.Hole{{Section: relocs.Code, Kind: relocs.A64Branch26, Value: relocs.ValueExit, GOT: -1}}, 4, 1},
		{"data hole after", a64, []byte{0, 0, 0, 0x14}, []relocs.Hole{cont(relocs.A64Branch26, 0, 0), {Section: relocs.Data, Kind: relocs.Abs64, Value: relocs.ValueOperand0, GOT: -1}}, 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := relocs.Stencil{Code: tc.code, Holes: tc.holes}
			if err := RemoveTrailingContinue(tc.target, &s); err != nil {
				t.Fatal(err)
			}
			if len(s.Code) != tc.wantCode || len(s.Holes) != tc.wantHoles {
				t.Errorf("got %d code bytes and %d holes, want %d and %d", len(s.Code), len(s.Holes), tc.wantCode, tc.wantHoles)
			}
		})
	}
}

func TestCheckHoles(t *testing.T) {
	a64, x64 := Targets[3], Targets[2]
	for _, tc := range []struct {
		name   string
		target Target
		hole   relocs.Hole
		ok     bool
	}{
		{"fits", a64, relocs.Hole{Kind: relocs.A64Branch26, GOT: -1}, true},
		// A 32-bit absolute field holds a slot offset, never an address.
		{"abs32s operand", x64, relocs.Hole{Kind: relocs.X86Abs32S, Value: relocs.ValueOperand2, GOT: -1}, true},
		{"abs32s continue", x64, relocs.Hole{Kind: relocs.X86Abs32S, Value: relocs.ValueContinue, GOT: -1}, false},
		{"abs32s data", x64, relocs.Hole{Kind: relocs.X86Abs32S, Value: relocs.ValueData, GOT: -1}, false},
		{"past end", a64, relocs.Hole{Offset: 4, Kind: relocs.A64Branch26, GOT: -1}, false},
		{"wrong arch", a64, relocs.Hole{Kind: relocs.X86PCRel32, GOT: -1}, false},
		{"GOT kind without slot", a64, relocs.Hole{Kind: relocs.A64GOTLoad12, GOT: -1}, false},
		{"slot past data", a64, relocs.Hole{Kind: relocs.A64GOTLoad12, GOT: 8}, false},
		{"slot in data", a64, relocs.Hole{Kind: relocs.A64GOTLoad12, GOT: 0}, true},
	} {
		s := relocs.Stencil{Code: make([]byte, 4), Data: make([]byte, 8), Holes: []relocs.Hole{tc.hole}}
		if err := CheckHoles(tc.target, &s); (err == nil) != tc.ok {
			t.Errorf("%s: CheckHoles = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

func TestFindClangRefusesOldAndFake(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, script, want string }{
		{"old", "echo 'Debian clang version 16.0.6 (15~deb12u1)'", "too old"},
		{"fake", "echo 'gcc (Debian 12.2.0) 12.2.0'", "not clang"},
		{"broken", "exit 3", "--version"},
	} {
		path := filepath.Join(dir, tc.name)
		if err := os.WriteFile(path, []byte("#!/bin/sh\n"+tc.script+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		t.Setenv("CLANG", path)
		_, err := FindClang(context.Background())
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "apt-get install") {
			t.Errorf("%s: FindClang error = %v, want %q and an install hint", tc.name, err, tc.want)
		}
	}
}

// needClang skips a test that needs a real Clang.
func needClang(t *testing.T) *Clang {
	t.Helper()
	if testing.Short() {
		t.Skip("needs clang; skipped with -short")
	}
	c, err := FindClang(context.Background())
	if err != nil {
		t.Skipf("needs clang: %v", err)
	}
	return c
}

func templatesDir(t *testing.T) string {
	dir, err := filepath.Abs("../templates")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestMakeAllTargets(t *testing.T) {
	clang := needClang(t)
	cache, first := sharedCache(t)
	opts := Options{TemplatesDir: templatesDir(t), CacheDir: cache, Jobs: 2, Clang: clang}
	res, err := Make(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if total := len(Targets) * len(res.Inputs.Templates); res.Compiled+res.Cached != total || first && res.Cached != 0 {
		t.Errorf("first build: %d compiled, %d cached, want %d in all (first user of the cache: %v)", res.Compiled, res.Cached, total, first)
	}
	for _, ts := range res.Targets {
		if len(ts.Stencils) != len(res.Inputs.Templates) {
			t.Fatalf("%s: %d stencils for %d templates", ts.Target.Name(), len(ts.Stencils), len(res.Inputs.Templates))
		}
		for _, s := range ts.Stencils {
			if len(s.Code) == 0 {
				t.Errorf("%s %s: no code", ts.Target.Name(), s.Name)
			}
			for _, h := range s.Holes {
				if h.Value == relocs.ValueContinue && h.Section == relocs.Code && int(h.Offset)+h.Kind.Size() == len(s.Code) &&
					(ts.Target.RArch == relocs.ARM64 || s.Code[h.Offset-1] == 0xe9) {
					t.Errorf("%s %s: trailing jump to the next stencil was kept", ts.Target.Name(), s.Name)
				}
			}
		}
	}
	// A second build compiles nothing and gives identical tables.
	again, err := Make(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Compiled != 0 {
		t.Errorf("no-op build compiled %d objects", again.Compiled)
	}
	for i, ts := range res.Targets {
		a, err := TargetFile("generated", ts.Target, clang.Version, ts.Digest, ts.Stencils)
		if err != nil {
			t.Fatal(err)
		}
		b, err := TargetFile("generated", again.Targets[i].Target, clang.Version, again.Targets[i].Digest, again.Targets[i].Stencils)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: tables differ between two builds", ts.Target.Name())
		}
		if !bytes.HasPrefix(a, []byte("// Code generated by stencilgen build; DO NOT EDIT.\n")) {
			t.Errorf("%s: missing generated-code header", ts.Target.Name())
		}
	}
}

// TestBadTemplates checks that each kind of bad template fails the build
// with an error naming the target, the template, and the culprit.
func TestBadTemplates(t *testing.T) {
	clang := needClang(t)
	uopH, err := os.ReadFile(filepath.Join(templatesDir(t), "uop.h"))
	if err != nil {
		t.Fatal(err)
	}
	vmH, err := os.ReadFile(filepath.Join(templatesDir(t), "vmstate.h"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"calls_libc", `#include "uop.h"
extern double sqrt(double);
CP_UOP { CP_SLOT(0)->bits = cp_float_bits(sqrt(cp_as_float(CP_SLOT(1)->bits))); CP_CONTINUE(); }`,
			[]string{"linux/amd64", "calls_libc", "sqrt", "external symbol"}},
		{"unknown_hole", `#include "uop.h"
extern char _JIT_BOGUS[];
CP_UOP { CP_SLOT(0)->bits = (cp_u64)_JIT_BOGUS; CP_CONTINUE(); }`,
			[]string{"linux/amd64", "unknown_hole", "_JIT_BOGUS", "unknown hole symbol"}},
		{"mutable_static", `#include "uop.h"
static cp_u64 counter;
CP_UOP { counter++; CP_SLOT(0)->bits = counter; CP_CONTINUE(); }`,
			[]string{"linux/amd64", "mutable_static", "writable"}},
		{"syntax_error", `#include "uop.h"
CP_UOP { this is not C; }`,
			[]string{"linux/amd64", "syntax_error.c", "error"}},
		{"no_entry", `#include "uop.h"
cp_u64 other(cp_u64 x) { return x + 1; }`,
			[]string{"linux/amd64", "no_entry", "function other beside cp_uop"}},
		{"two_functions", `#include "uop.h"
__attribute__((noinline)) cp_u64 helper(cp_u64 x) { return x * 3; }
CP_UOP { CP_SLOT(0)->bits = helper(CP_SLOT(1)->bits); CP_CONTINUE(); }`,
			[]string{"linux/amd64", "two_functions", "function helper beside cp_uop"}},
		{"empty", `#include "uop.h"
`,
			[]string{"linux/amd64", "empty", "no code"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range map[string][]byte{"uop.h": uopH, "vmstate.h": vmH, tc.name + ".c": []byte(tc.src)} {
				if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			linux, _ := LookupTarget("linux/amd64")
			_, err := Make(context.Background(), Options{TemplatesDir: dir, CacheDir: t.TempDir(), Jobs: 1, Clang: clang, Targets: []Target{linux}})
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

func TestObjectErrorMessage(t *testing.T) {
	var oe *ObjectError
	err := error(&ObjectError{Target: "linux/arm64", Template: "x", Section: ".text", Offset: 4, Symbol: "s", Reloc: "R_AARCH64_TLSDESC_CALL", Err: errors.New("unsupported")})
	if !errors.As(err, &oe) || err.Error() != "linux/arm64: x: .text+0x4: R_AARCH64_TLSDESC_CALL against s: unsupported" {
		t.Errorf("ObjectError = %q", err)
	}
}

// TestProvidedABIHeader: a template directory without copypatch.h gets the
// module's; one with an old copy is refused.
func TestProvidedABIHeader(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "exit.c"), []byte("#include \"copypatch.h\"\nCP_UOP { CP_LEAVE(CP_EXIT_SIDE, CP_OPERAND(0)); }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := LoadInputs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Headers) != 1 || in.Headers[0].Name != "copypatch" || in.Headers[0].Path != "" {
		t.Fatalf("headers %+v, want the provided copypatch.h", in.Headers)
	}
	cache := t.TempDir()
	if err := in.writeProvided(cache); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(in.IncludeDir, "copypatch.h")); err != nil || !bytes.Equal(b, in.Headers[0].Source) {
		t.Errorf("provided header not written: %v", err)
	}
	old := bytes.Replace(in.Headers[0].Source, []byte("#define CP_ABI_VERSION "), []byte("#define CP_ABI_VERSION 9"), 1)
	if err := os.WriteFile(filepath.Join(dir, "copypatch.h"), old, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadInputs(dir); err == nil || !strings.Contains(err.Error(), "CP_ABI_VERSION 9") {
		t.Errorf("got %v, want the old copy refused", err)
	}
}

// TestEmbeddedTemplates: an installed stencilgen builds from the templates
// embedded in it, which are the module's templates/ as they are on disk.
func TestEmbeddedTemplates(t *testing.T) {
	dir, err := EmbeddedTemplates(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := LoadInputs(dir)
	if err != nil {
		t.Fatal(err)
	}
	onDisk, err := LoadInputs(templatesDir(t))
	if err != nil {
		t.Fatal(err)
	}
	c := &Clang{Version: "any"}
	for _, tg := range Targets {
		if embedded.Digest(c, tg) != onDisk.Digest(c, tg) {
			t.Errorf("%s: the embedded templates differ from templates/", tg.Name())
		}
	}
	if len(embedded.Templates) != len(onDisk.Templates) || len(embedded.Templates) == 0 {
		t.Errorf("%d embedded templates, %d on disk", len(embedded.Templates), len(onDisk.Templates))
	}
}

// TestCodeTableRefused: a computed goto's label table (addresses inside the
// template's own code, kept in data) is refused by build on every target,
// saying why, where Mach-O once accepted it and only verify objected.
func TestCodeTableRefused(t *testing.T) {
	clang := needClang(t)
	dir := t.TempDir()
	for _, h := range []string{"uop.h", "vmstate.h", "exit.c"} {
		b, err := os.ReadFile(filepath.Join(templatesDir(t), h))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, h), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src := `#include "uop.h"
CP_UOP {
    static const void *table[] = {&&a, &&b, &&c};
    goto *table[CP_SLOT(1)->bits & 3];
a:  CP_SLOT(0)->bits = 1; CP_CONTINUE();
b:  CP_SLOT(0)->bits = 2; CP_CONTINUE();
c:  CP_SLOT(0)->bits = 3; CP_CONTINUE();
}
`
	if err := os.WriteFile(filepath.Join(dir, "label_table.c"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, target := range Targets {
		t.Run(strings.ReplaceAll(target.Name(), "/", "_"), func(t *testing.T) {
			_, err := Make(context.Background(), Options{TemplatesDir: dir, CacheDir: t.TempDir(), Jobs: 2, Clang: clang, Targets: []Target{target}})
			if err == nil {
				t.Fatal("build succeeded, want an error")
			}
			for _, w := range []string{target.Name(), "label_table", "data+0x", "computed goto", "write a switch"} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}
