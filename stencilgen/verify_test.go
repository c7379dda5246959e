package stencilgen

import (
	"context"
	"strings"
	"testing"

	"github.com/copypatch/copypatch/relocs"
)

func needLinkers(t *testing.T) *Clang {
	t.Helper()
	c := needClang(t)
	for _, f := range []Format{ELF, MachO} {
		if _, err := findLinker(f); err != nil {
			t.Skip(err)
		}
	}
	return c
}

func TestVerifyAllTargets(t *testing.T) {
	clang := needLinkers(t)
	res, err := Make(context.Background(), Options{TemplatesDir: templatesDir(t), CacheDir: sharedCacheDir(t), Jobs: 2, Clang: clang})
	if err != nil {
		t.Fatal(err)
	}
	reports, err := Verify(context.Background(), res, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != len(Targets) {
		t.Fatalf("%d reports, want %d", len(reports), len(Targets))
	}
	for _, r := range reports {
		if r.Holes == 0 {
			t.Errorf("%s: no hole was checked", r.Target.Name())
		}
	}
}

// TestVerifyCatchesWrongPatch corrupts one hole per target and expects
// verify to name it.
func TestVerifyCatchesWrongPatch(t *testing.T) {
	clang := needLinkers(t)
	for _, tg := range Targets {
		for _, tc := range []struct {
			name    string
			corrupt func(h *relocs.Hole)
		}{
			{"addend", func(h *relocs.Hole) { h.Addend += 4 }},
			{"value", func(h *relocs.Hole) { h.Value = relocs.ValueOperand3 }},
		} {
			t.Run(tg.FileTag()+"/"+tc.name, func(t *testing.T) {
				res, err := Make(context.Background(), Options{TemplatesDir: templatesDir(t), CacheDir: sharedCacheDir(t), Jobs: 2, Clang: clang, Targets: []Target{tg}})
				if err != nil {
					t.Fatal(err)
				}
				// Corrupt the int_add stencil's operand1 hole(s) in code.
				ts := res.Targets[0]
				var victim *relocs.Stencil
				for i := range ts.Stencils {
					if ts.Stencils[i].Name == "int_add" {
						victim = &ts.Stencils[i]
					}
				}
				if victim == nil {
					t.Fatal("no int_add stencil")
				}
				hit := false
				for i := range victim.Holes {
					h := &victim.Holes[i]
					if h.Section == relocs.Code && h.Value == relocs.ValueOperand1 && (h.Kind != relocs.A64GOTLoad12 || tc.name == "value") {
						tc.corrupt(h)
						hit = true
					}
				}
				if !hit {
					t.Fatal("no operand1 code hole to corrupt")
				}
				ts.Stencils = []relocs.Stencil{*victim}
				ts.Objects = []*Object{ts.Objects[indexOf(res, "int_add")]}
				_, err = Verify(context.Background(), res, 1)
				if err == nil || !strings.Contains(err.Error(), "int_add") || !strings.Contains(err.Error(), "operand") {
					t.Errorf("Verify = %v, want an error naming int_add and the hole", err)
				}
			})
		}
	}
}

func indexOf(res *Result, name string) int {
	for i, tm := range res.Inputs.Templates {
		if tm.Name == name {
			return i
		}
	}
	return -1
}
