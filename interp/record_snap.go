package interp

import (
	"cmp"
	"maps"
	"slices"
	"unsafe"
)

// snap returns the snapshot of the current instruction, making it the
// first time an exit needs it.
func (r *recorder) snap() int {
	if r.snapHere >= 0 {
		return r.snapHere
	}
	co := r.code()
	sn := r.newSnapshot()
	sn.pc, sn.line = r.pc, int(co.lines[r.pc])
	b := &r.snapBuf
	b.frames, b.clear, b.objects, b.iters = b.frames[:0], b.clear[:0], b.objects[:0], b.iters[:0]
	for _, fr := range r.frames {
		b.frames = append(b.frames, inlineFrame{code: fr.code, fn: fr.fn, base: fr.base, callPC: fr.callPC, dest: fr.dest, op: fr.op, left: fr.left, right: fr.right})
		for i := fr.code.nparams; i < fr.code.nlocals; i++ {
			if s := fr.base + int32(i); !fr.bound[s] {
				b.clear = append(b.clear, s)
			}
		}
	}
	// (len first: both are most often empty, and ranging over an empty
	// map still starts an iterator, a random number included.)
	if len(r.objects) > 0 {
		for s, v := range r.objects {
			b.objects = append(b.objects, slotObject{s, v})
		}
		slices.SortFunc(b.objects, func(a, b slotObject) int { return cmp.Compare(a.slot, b.slot) })
	}
	if len(r.iters) > 0 {
		for s, it := range r.iters {
			if !it.entry {
				b.iters = append(b.iters, iterSlot{slot: s, list: it.list, index: it.index})
			}
		}
		slices.SortFunc(b.iters, func(a, b iterSlot) int { return cmp.Compare(a.slot, b.slot) })
	}
	l := &r.snapLast
	parts := snapParts{
		frames: shareParts(&l.frames, b.frames, func(x, y inlineFrame) bool { return x == y }),
		clear:  shareParts(&l.clear, b.clear, func(x, y int32) bool { return x == y }),
		objects: shareParts(&l.objects, b.objects, func(x, y slotObject) bool {
			return x.slot == y.slot && x.v.T == y.v.T && x.v.B == y.v.B &&
				*(*ifaceWords)(unsafe.Pointer(&x.v.O)) == *(*ifaceWords)(unsafe.Pointer(&y.v.O))
		}),
		iters: shareParts(&l.iters, b.iters, func(x, y iterSlot) bool { return x == y }),
	}
	sn.snapParts = r.internParts(parts)
	if sn.wides = r.wideList(); len(sn.wides) > 0 {
		// A temporary the statement before left 128-bit is dead where
		// the interpreter resumes, as is the slot a yield there
		// receives what is sent in: no big int for either (an LCG's
		// (state * a + c) before `yield state >> 40`).
		sent := int32(-1)
		if in := &co.instrs[r.pc]; in.Op == opYield && in.A != in.B && len(r.frames) == 0 {
			sent = in.A
		}
		sn.wides = slices.DeleteFunc(sn.wides, func(w wideSlot) bool { return w.slot == sent || sn.tempDead(r.rootCode, w.slot) })
	}
	if r.lt.fn && len(r.frames) == 0 {
		sn.known = maps.Clone(r.known)
	}
	r.lt.snaps = append(r.lt.snaps, sn)
	r.snapHere = len(r.lt.snaps) - 1
	return r.snapHere
}

// snapSlab is how many snapshots newSnapshot allocates at once.
const snapSlab = 16

// newSnapshot is a zero snapshot, from a slab of them: one allocation per
// snapshot was a third of snap's cost (and most of freshSnap's).
func (r *recorder) newSnapshot() *snapshot {
	if len(r.snapSlab) == 0 {
		r.snapSlab = make([]snapshot, snapSlab)
	}
	sn := &r.snapSlab[0]
	r.snapSlab = r.snapSlab[1:]
	return sn
}

// internParts returns the parts of the snapshot made before when p's
// slices are the very ones it has (shareParts handed them out again),
// noParts when p has none, else a copy of p.
func (r *recorder) internParts(p snapParts) *snapParts {
	if p.frames == nil && p.clear == nil && p.objects == nil && p.iters == nil {
		return noParts
	}
	if q := r.partsLast; q != nil && sameSlice(q.frames, p.frames) && sameSlice(q.clear, p.clear) &&
		sameSlice(q.objects, p.objects) && sameSlice(q.iters, p.iters) {
		return q
	}
	q := new(snapParts) // (not &p: p would move to the heap on every call)
	*q = p
	r.partsLast = q
	return q
}

// sameSlice reports whether a and b are the same slice (nil for empty).
func sameSlice[E any](a, b []E) bool {
	return len(a) == len(b) && unsafe.SliceData(a) == unsafe.SliceData(b)
}

// shareParts returns *last if it holds what cur does, else a copy of cur,
// which becomes *last; nil for none.
func shareParts[E any](last *[]E, cur []E, eq func(x, y E) bool) []E {
	if len(cur) == 0 {
		return nil
	}
	if !slices.EqualFunc(*last, cur, eq) {
		*last = slices.Clone(cur)
	}
	return *last
}

// freshSnap is a new snapshot of the current instruction, for a branch.
func (r *recorder) freshSnap() int {
	c := r.newSnapshot()
	*c = *r.lt.snaps[r.snap()]
	if c.known != nil {
		c.known = maps.Clone(r.known) // (with the guards of the branch's operands)
	}
	r.lt.snaps = append(r.lt.snaps, c)
	idx := len(r.lt.snaps) - 1
	r.lt.branch[idx] = true
	return idx
}
