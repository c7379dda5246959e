package interp

import (
	"cmp"
	"iter"
	"slices"

	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// knownAt is what saveAt kept of the recorder's known map: by slot, the
// slot's type plus one, 0 where the map had no entry (an entry may hold
// Unknown, which is not the same as none to the checks that compare).
type knownAt []uint8

// at is the type kept for slot s (Unknown where none), as a lookup of
// the map would give.
func (k knownAt) at(s int32) traceopt.Type {
	if s < 0 || int(s) >= len(k) || k[s] == 0 {
		return traceopt.Unknown
	}
	return traceopt.Type(k[s] - 1)
}

// get is at plus whether s had an entry.
func (k knownAt) get(s int32) (traceopt.Type, bool) {
	if s < 0 || int(s) >= len(k) || k[s] == 0 {
		return traceopt.Unknown, false
	}
	return traceopt.Type(k[s] - 1), true
}

// all yields the entries, by slot.
func (k knownAt) all() iter.Seq2[int32, traceopt.Type] {
	return func(yield func(int32, traceopt.Type) bool) {
		for s, b := range k {
			if b != 0 && !yield(int32(s), traceopt.Type(b-1)) {
				return
			}
		}
	}
}

// cvalEntry is one entry of cvalAt.
type cvalEntry struct {
	s int32
	v templates.Value
}

// cvalAt is what saveAt kept of the recorder's cval map: its entries by
// slot, in order (a few, against known's every typed slot: by slot, as
// known is, they were 24 bytes a slot of the frame).
type cvalAt []cvalEntry

// get is what a lookup of the map gave.
func (c cvalAt) get(s int32) (templates.Value, bool) {
	i, ok := slices.BinarySearchFunc(c, s, func(e cvalEntry, s int32) int { return cmp.Compare(e.s, s) })
	if !ok {
		return templates.Value{}, false
	}
	return c[i].v, true
}

// all yields the entries, by slot.
func (c cvalAt) all() iter.Seq2[int32, templates.Value] {
	return func(yield func(int32, templates.Value) bool) {
		for _, e := range c {
			if !yield(e.s, e.v) {
				return
			}
		}
	}
}

// arena hands out slices that live as long as one recording, cut from
// chunks kept for the next (recMaps): saveAt's copies of known and cval
// as fresh maps were the largest site of page faults in JIT work, since
// every byte the JIT allocates in a short run lands on a fresh page.
// (Chunks of one fixed size, not a buffer doubled: each doubling was a
// new size class, a fresh span and page for it, and sum_squares' JIT
// work took 8 more faults than with the maps.)
type arena[T any] struct {
	chunks [][]T
	cur    int // chunks[cur] is being cut; those before it are full
}

// alloc returns n zeroed elements; chunk is how many a new chunk holds
// (more if n is more), a sixteenth of it for the first: a recording that
// saves little (sum_squares: twice) takes no fresh page for it.
func (a *arena[T]) alloc(n, chunk int) []T {
	for a.cur < len(a.chunks) && cap(a.chunks[a.cur])-len(a.chunks[a.cur]) < n {
		a.cur++
	}
	if a.cur == len(a.chunks) {
		if len(a.chunks) == 0 {
			chunk /= 16
		}
		a.chunks = append(a.chunks, make([]T, 0, max(chunk, n)))
	}
	c := a.chunks[a.cur]
	l := len(c)
	a.chunks[a.cur] = c[:l+n]
	s := c[l : l+n : l+n]
	clear(s)
	return s
}

// reset frees every slice handed out: nothing reads them any more.
func (a *arena[T]) reset() {
	for i := range a.chunks[:min(a.cur+1, len(a.chunks))] {
		a.chunks[i] = a.chunks[i][:0]
	}
	a.cur = 0
}

// Chunk sizes of the arenas: a page each.
const (
	knownChunk = 4096
	cvalChunk  = 4096 / 24
)

// slotBound is one more than the largest slot in m (0 if none).
func slotBound(m map[int32]traceopt.Type) int {
	n := 0
	for s := range m {
		if s < 0 {
			panic("BUG: recorder: a negative slot in known")
		}
		n = max(n, int(s)+1)
	}
	return n
}

// saveKnown returns a knownAt of what r.known holds: prev with the
// slots in changed patched where prev is given (every other slot the
// same as when prev was made), else built from the whole map.
func (r *recorder) saveKnown(prev knownAt, changed []int32) knownAt {
	if prev == nil {
		k := knownAt(r.savedArena.alloc(slotBound(r.known), knownChunk))
		for s, ty := range r.known {
			k[s] = uint8(ty) + 1
		}
		return k
	}
	n := len(prev)
	for _, s := range changed {
		if _, ok := r.known[s]; ok {
			n = max(n, int(s)+1)
		}
	}
	k := knownAt(r.savedArena.alloc(n, knownChunk))
	copy(k, prev)
	for _, s := range changed {
		if ty, ok := r.known[s]; ok {
			k[s] = uint8(ty) + 1
		} else if int(s) < len(k) {
			k[s] = 0
		}
	}
	return k
}

// saveCval returns a cvalAt of what r.cval holds.
func (r *recorder) saveCval() cvalAt {
	c := cvalAt(r.cvalArena.alloc(len(r.cval), cvalChunk))[:0]
	for s, v := range r.cval {
		// (Insertion: cval holds a few entries.)
		i := len(c)
		c = append(c, cvalEntry{})
		for ; i > 0 && c[i-1].s > s; i-- {
			c[i] = c[i-1]
		}
		c[i] = cvalEntry{s, v}
	}
	return c
}

// checkSaved panics unless l's known and cval hold what the recorder's
// maps do (debugSaveAt).
func (r *recorder) checkSaved(l *stateAt) {
	n, m := 0, 0
	for s, ty := range l.known.all() {
		if t, ok := r.known[s]; !ok || t != ty {
			panic("BUG: recorder: a change to known that noteKnown did not see")
		}
		n++
	}
	for s, v := range l.cval.all() {
		if w, ok := r.cval[s]; !ok || w != v {
			panic("BUG: recorder: a change to cval that noteKnown did not see")
		}
		m++
	}
	if n != len(r.known) || m != len(r.cval) {
		panic("BUG: recorder: a change to known or cval that noteKnown did not see")
	}
}

// sameObjects reports whether saved holds what the objects map does.
func (r *recorder) sameObjects(saved []slotObject) bool {
	if len(saved) != len(r.objects) {
		return false
	}
	for _, o := range saved {
		if v, ok := r.objects[o.slot]; !ok || !sameVal(v, o.v) {
			return false
		}
	}
	return true
}

// saveObjects returns what the objects map holds, by slot (nil if
// nothing).
func (r *recorder) saveObjects() []slotObject {
	if len(r.objects) == 0 {
		return nil
	}
	out := make([]slotObject, 0, len(r.objects))
	for s, v := range r.objects {
		out = append(out, slotObject{s, v})
	}
	slices.SortFunc(out, func(a, b slotObject) int { return cmp.Compare(a.slot, b.slot) })
	return out
}
