package traceopt

import (
	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

// Kind-specialised list loads (templates/list_load_k.c). list_load and
// list_load_bits read the kind the element must have from an operand, a
// value patched in when the trace is compiled, so the stencil tests it
// against every kind as it runs (an instance, a tuple, a list, then a
// plain tag): a dozen instructions and four branches per load before the
// one compare that matters. The variants have the kind built in.

// kindLoads are the list loads with kind variants, by the tag value of
// their variants' names (t: the variant stores the tag, b: bits only).
var kindLoads = map[generated.Op]string{
	generated.OpListLoad:     "t",
	generated.OpListLoadBits: "b",
}

// kindNames names the kinds with variants, by tag.
var kindNames = map[templates.Tag]string{
	templates.TagInt:  "int",
	templates.TagBool: "bool",
}

// initKindVariants makes a variant its uop to every other pass (after
// tags.go's init has given list_load_bits its information).
func initKindVariants() {
	for base, form := range kindLoads {
		for _, kind := range kindNames {
			op := regVariant("list_load_k", form, kind)
			opInfo[op] = opInfo[base]
			unvaried[op] = base
		}
	}
}

// SpecializeKinds puts the kind variant in place of every list load of an
// int or a bool element (operand 3 stays: the variant does not read it,
// and a VM that puts a plain load back finds it there), unless the trace
// is Shared: loads there become the forms that read under a list's
// sequence word.
func SpecializeKinds(t *Trace) {
	if t.Shared {
		return
	}
	for i := range t.Insts {
		in := &t.Insts[i]
		form, ok := kindLoads[in.Op]
		if !ok {
			continue
		}
		if kind, ok := kindNames[templates.Tag(in.Args[3])]; ok {
			in.Op = regVariant("list_load_k", form, kind)
		}
	}
}
