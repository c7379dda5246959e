package templates

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
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
// without ".c" (int_add.c is uop int_add).
func Uops() []string {
	files, err := fs.Glob(Sources, "*.c")
	if err != nil {
		// The pattern is a constant; fs.Glob only fails on a bad pattern.
		panic("BUG: templates: " + err.Error())
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(f, ".c")
	}
	sort.Strings(names)
	return names
}
