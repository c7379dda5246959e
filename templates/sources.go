package templates

import (
	"embed"
	"io/fs"
	"sort"
	"strings"

	"github.com/copypatch/copypatch/stencil"
)

// Sources holds every uop template and the headers they include, exactly as
// the module was built, for stencilgen.
//
//go:embed *.c *.h
var Sources embed.FS

// AsmSources holds the avo backend's Go assembly templates (avo/*.s), so an
// installed stencilgen can build them too.
//
//go:embed avo/*.s
var AsmSources embed.FS

// Uops returns the uop names, sorted: one per template file, the file name
// without ".c" (int_add.c is uop int_add), or, for a template with a
// //cp:variants line, one per variant (float_add_r__f0_s_f1).
func Uops() []string {
	var names []string
	for _, v := range variants() {
		names = append(names, v.Name)
	}
	sort.Strings(names)
	return names
}

// Source returns the template file a uop is built from and the -D flags it
// is compiled with.
func Source(uop string) (file string, defines []string, ok bool) {
	for _, v := range variants() {
		if v.Name == uop {
			base, _ := stencil.VariantBase(uop)
			return base + ".c", v.Defines, true
		}
	}
	return "", nil, false
}

func variants() []stencil.Variant {
	files, err := fs.Glob(Sources, "*.c")
	if err != nil {
		// The pattern is a constant; fs.Glob only fails on a bad pattern.
		panic("BUG: templates: " + err.Error())
	}
	var out []stencil.Variant
	for _, f := range files {
		src, err := Sources.ReadFile(f)
		if err != nil {
			panic("BUG: templates: " + err.Error())
		}
		vs, err := stencil.Variants(strings.TrimSuffix(f, ".c"), src)
		if err != nil {
			panic("BUG: templates: " + f + ": " + err.Error())
		}
		out = append(out, vs...)
	}
	return out
}
