package traceopt

import (
	"github.com/copypatch/copypatch/generated"
	"github.com/copypatch/copypatch/templates"
)

// A uop's _bits variant (bitsOnly, tables.go) writes its result's bits
// and leaves the destination's tag alone. A slot that already holds the
// tag the uop writes on every path to the uop needs only the bits: in a
// loop body, a float temporary or an int counter is written with the same
// tag every iteration.

// bitsEntry is, in bitsByOp (ztables.go, by op; ok: op has a variant),
// a uop's _bits variant and the tag the uop writes (unknownTag's width:
// tags are small). SkipKnownTags asks about every instruction.
type bitsEntry struct {
	variant generated.Op
	tag     uint8
	ok      bool
}

// unknownTag marks a slot whose tag the pass does not know.
const unknownTag = 0xff

// packedTag marks a slot that holds a packed bool list (templates.
// PackedKind: tag object, the list's address plus the kind bits): a
// list_load_pk or list_store_pk of it continued. Only Go unpacks a list,
// in a call-out (which forgets every slot here) or on an exit, and it
// rewrites the slot's bits as it does. No uop writes this tag: it is no
// tag a _bits variant could leave in place, nor a kind list_store_k has.
const packedTag = 0xfe

// tagState is the tag each slot holds in memory at one point of the trace.
type tagState []uint8

// SkipKnownTags turns every result store into a slot that already holds
// the result's tag, on every path to it, into the uop's _bits variant. The
// tags are what the frame holds in memory, so exits, which leave the frame
// as it is, stay exact: a slot's tag is only left out where writing it
// would not change it. What holds where is a forward must-analysis over the
// trace's control flow (back-edges and side paths included): a type guard
// proves its slot's tag, a result store sets its destination's, and a
// call-out forgets every slot (the interpreter may rewrite any slot there,
// giving back objects and big ints the trace kept its own way), as a
// clobber forgets its own. The same analysis picks list_store_k for the
// list stores of ints and bools (kinds.go), and list_store_pkk for the
// stores of bools into a slot a packed load or store proved packed.
func SkipKnownTags(t *Trace) {
	n := len(t.Insts)
	if n == 0 {
		return
	}
	slots := t.maxSlot() + 1
	sc := getScratch()
	defer sc.put()
	f := t.blocks(sc)
	at, reached := byteRows[uint8](sc, len(f.starts), int(slots))
	for k := range at[0] {
		at[0][k] = unknownTag
	}
	reached[0] = true
	out := make([]uint8, slots)
	steps := func(lo, hi int, row []uint8) {
		for i := lo; i < hi; i++ {
			tagsAfter(&t.Insts[i], row, row)
		}
	}
	solveForward(t, f, at, reached, out, nil, steps, meetTags, false)
	// The uops change once every row is read: a variant is its uop to
	// the dataflow, but the rows are those of the uops as they were.
	type change struct {
		i  int
		op generated.Op
	}
	var buf [64]change // (most traces change fewer: no allocation)
	changes := buf[:0]
	visitForward(t, f, at, reached, out, func(lo, hi int, before []uint8) {
		for i := lo; i < hi; i++ {
			in := &t.Insts[i]
			if op, ok := knownTagVariant(t, in, before); ok {
				changes = append(changes, change{i, op})
			}
			tagsAfter(in, before, before)
		}
	})
	for _, c := range changes {
		t.Insts[c.i].Op = c.op
	}
	for b := range f.starts {
		if reached[b] {
			continue
		}
		// (Code no path reaches: only what the constants say.)
		for i := int(f.starts[b]); i < f.end(b, n); i++ {
			specializeStore(t, &t.Insts[i], nil)
		}
	}
}

// meetTags forgets in dst each tag src does not have too.
func meetTags(dst, src []uint8) bool {
	changed := false
	for k, tag := range dst {
		if tag != unknownTag && tag != src[k] {
			dst[k] = unknownTag
			changed = true
		}
	}
	return changed
}

// knownTagVariant is the op SkipKnownTags puts in place of in, given the
// tags before it, if any: list_store_k, list_store_pkk or a _bits variant
// (the last that applies).
func knownTagVariant(t *Trace, in *Inst, before tagState) (op generated.Op, ok bool) {
	if k, found := storeKind(t, in, before); found {
		op, ok = k, true
	}
	if in.Op == generated.OpListStorePk && before[slotOf(in.Args[0])] == packedTag && t.tagOf(slotOf(in.Args[2]), before) == uint8(templates.TagBool) {
		op, ok = generated.OpListStorePkk, true
	}
	if int(in.Op) >= len(bitsByOp) || !bitsByOp[in.Op].ok || in.Op == generated.OpListLoad && t.Shared {
		// (Shared traces' list loads become list_load_mt, which has no
		// _bits form.)
		return op, ok
	}
	e := &bitsByOp[in.Op]
	d, _ := in.Writes()
	if want := resultTag(in, templates.Tag(e.tag), before); want != unknownTag && before[d] == want {
		op, ok = e.variant, true
	}
	return op, ok
}

// resultTag is the tag in writes (tag, or for a move its source's), or
// unknownTag.
func resultTag(in *Inst, tag templates.Tag, before tagState) uint8 {
	switch in.Op {
	case generated.OpMove, generated.OpMoveBits:
		return before[slotOf(in.Args[1])]
	case generated.OpListLoad, generated.OpListLoadBits:
		k := templates.Tag(in.Args[3])
		if k == templates.KindInstance || k == templates.KindTuple {
			return uint8(templates.TagObject)
		}
		return uint8(k)
	}
	return uint8(tag)
}

// tagsAfter writes into out the tag state after in continues, given the
// one before (out has before's length, and may be before itself: what it
// reads of before, it reads before it writes out there).
func tagsAfter(in *Inst, before, out tagState) {
	info := Info(in.Op)
	if info == nil || info.CallOut {
		for k := range out {
			out[k] = unknownTag
		}
		return
	}
	if len(out) > 0 && &out[0] != &before[0] {
		copy(out, before)
	}
	set := func(s int32, tag uint8) { out[s] = tag }
	if info.Guard != Unknown {
		if tag := Kind(info.Guard); tag != templates.TagEmpty && tag != templates.KindInstance {
			set(slotOf(in.Args[0]), uint8(tag))
		} else if info.Guard == Instance || info.Guard == Str {
			set(slotOf(in.Args[0]), uint8(templates.TagObject))
		}
	}
	switch in.Op {
	case generated.OpListStorePk, generated.OpListStorePkk:
		set(slotOf(in.Args[0]), packedTag)
		set(slotOf(in.Args[2]), uint8(templates.TagBool)) // (it stored a bool)
	case generated.OpListLoadPkT, generated.OpListLoadPkB:
		set(slotOf(in.Args[1]), packedTag) // (before the dst: it may be the list's slot)
	}
	if d, ok := in.Writes(); ok {
		tag := uint8(unknownTag)
		if in.Op == generated.OpMove || in.Op == generated.OpMoveBits {
			tag = before[slotOf(in.Args[1])]
		} else if in.Op != OpClobber {
			switch r := resultType(in, info, nil); r {
			case Int, Float, Bool, List, None:
				tag = uint8(Kind(r))
			case Instance, Str, Tuple:
				tag = uint8(templates.TagObject)
			}
		}
		set(d, tag)
	}
}

// tagOf is the tag slot s holds before an instruction whose tag state is
// before: a constant's, or what the analysis knows (unknownTag).
func (t *Trace) tagOf(s int32, before tagState) uint8 {
	if c, ok := t.Consts[s]; ok {
		return uint8(c.Tag)
	}
	if int(s) < len(before) {
		return before[s]
	}
	return unknownTag
}
