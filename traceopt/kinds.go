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

// kindKey names a kind variant: the uop it stands for (list_load,
// list_load_bits, list_store) and its kind's tag.
type kindKey struct {
	base generated.Op
	tag  templates.Tag
}

// kindVariants are the kind variants by what they stand for, found
// without building their names as the passes run.
var kindVariants = map[kindKey]generated.Op{}

// initKindVariants makes a variant its uop to every other pass (after
// tags.go's init has given list_load_bits its information).
func initKindVariants() {
	for base, form := range kindLoads {
		for tag, kind := range kindNames {
			op := regVariant("list_load_k", form, kind)
			opInfo[op] = opInfo[base]
			unvaried[op] = base
			kindVariants[kindKey{base, tag}] = op
		}
	}
	for tag, kind := range kindNames {
		op := regVariant("list_store_k", kind)
		opInfo[op] = opInfo[generated.OpListStore]
		unvaried[op] = generated.OpListStore
		kindVariants[kindKey{generated.OpListStore, tag}] = op
	}
}

// specializeStore puts list_store_k (templates/list_store_k.c) in place
// of in, a list_store, when the value it stores is an int or a bool on
// every path to it: before says what each slot's tag is in memory there
// (SkipKnownTags' analysis), and a constant slot keeps the tag it has. The
// plain store loads the value's tag, tests it against the object tag and
// stores it; the variant stores its kind's tag as an immediate: fannkuch's
// swaps and sieve's `flags[m] = False` store ints and bools. Shared traces
// keep list_store, which compileTrace turns into list_store_mt.
func specializeStore(t *Trace, in *Inst, before tagState) {
	if op, ok := storeKind(t, in, before); ok {
		in.Op = op
	}
}

// storeKind is the list_store_k variant specializeStore puts in place of
// in, if any.
func storeKind(t *Trace, in *Inst, before tagState) (generated.Op, bool) {
	if t.Shared || in.Op != generated.OpListStore {
		return 0, false
	}
	v := slotOf(in.Args[2])
	tag := uint8(unknownTag)
	if c, ok := t.Consts[v]; ok {
		tag = uint8(c.Tag)
	} else if before != nil && int(v) < len(before) {
		tag = before[v]
	}
	if tag == unknownTag {
		return 0, false
	}
	op, ok := kindVariants[kindKey{generated.OpListStore, templates.Tag(tag)}]
	return op, ok
}

// SpecializeKinds puts the kind variant in place of every list load of an
// int or a bool element (operand 3 stays: the variant does not read it,
// and a VM that puts a plain load back finds it there), unless the trace
// is Shared: loads there become the forms that read under a list's
// sequence word.
func SpecializeKinds(t *Trace) {
	ready()
	if t.Shared {
		return
	}
	for i := range t.Insts {
		in := &t.Insts[i]
		if in.Op != generated.OpListLoad && in.Op != generated.OpListLoadBits {
			continue
		}
		if op, ok := kindVariants[kindKey{in.Op, templates.Tag(in.Args[3])}]; ok {
			in.Op = op
		}
	}
}
