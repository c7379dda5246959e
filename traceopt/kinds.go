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

// numKinds is how many kinds have variants: int and bool (kindIndex).
const numKinds = 2

// kindIndex is tag's index in kindVariants (ztables.go: by the uop a kind
// variant stands for, list_load, list_load_bits or list_store, and its
// kind), or -1 for a kind with no variants.
func kindIndex(tag templates.Tag) int {
	switch tag {
	case templates.TagInt:
		return 0
	case templates.TagBool:
		return 1
	}
	return -1
}

// kindVariant is the kind variant of base for tag, if there is one.
func kindVariant(base generated.Op, tag templates.Tag) (generated.Op, bool) {
	k := kindIndex(tag)
	if k < 0 || int(base) >= len(kindVariants) {
		return 0, false
	}
	v := kindVariants[base][k]
	return v.op, v.ok
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
	return kindVariant(generated.OpListStore, templates.Tag(tag))
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
		if in.Op != generated.OpListLoad && in.Op != generated.OpListLoadBits {
			continue
		}
		if op, ok := kindVariant(in.Op, templates.Tag(in.Args[3])); ok {
			in.Op = op
		}
	}
}
