package interp

import (
	"testing"

	"github.com/copypatch/copypatch/templates"
	"github.com/copypatch/copypatch/traceopt"
)

// TestSaveAtArrays: the arrays saveAt keeps by slot hold what known and
// cval held at each save, whether built whole or patched from the last
// save's, including an entry holding Unknown (not the same as none) and
// entries removed; the arena reused for the next recording starts clean.
func TestSaveAtArrays(t *testing.T) {
	r := &recorder{}
	r.known = map[int32]traceopt.Type{}
	r.cval = map[int32]templates.Value{}
	set := func(s int32, ty traceopt.Type) { r.known[s] = ty; r.noteKnown(s) }
	check := func(at int, known map[int32]traceopt.Type, cval map[int32]templates.Value) {
		t.Helper()
		st := r.savedAt(at)
		if !st.saved {
			t.Fatalf("at %d: nothing saved", at)
		}
		n := 0
		for s, ty := range st.known.all() {
			if w, ok := known[s]; !ok || w != ty {
				t.Errorf("at %d: slot %d kept as %v, want %v (present %v)", at, s, ty, w, ok)
			}
			n++
		}
		if n != len(known) {
			t.Errorf("at %d: %d slots kept, want %d", at, n, len(known))
		}
		for s, ty := range known {
			if got, ok := st.known.get(s); !ok || got != ty || st.known.at(s) != ty {
				t.Errorf("at %d: get(%d) = %v, %v; want %v", at, s, got, ok, ty)
			}
		}
		n = 0
		for s, v := range st.cval.all() {
			if w, ok := cval[s]; !ok || w != v {
				t.Errorf("at %d: constant slot %d kept as %v, want %v", at, s, v, w)
			}
			n++
		}
		if n != len(cval) {
			t.Errorf("at %d: %d constants kept, want %d", at, n, len(cval))
		}
	}
	set(3, traceopt.Int)
	set(5, traceopt.Unknown)
	r.cval[3] = templates.Value{Tag: templates.TagInt, Bits: 7}
	r.saveAt(0)
	set(9, traceopt.Float) // grows the array
	r.saveAt(1)
	delete(r.known, 3) // an entry removed
	delete(r.cval, 3)
	r.noteKnown(3)
	set(5, traceopt.Bool)
	r.saveAt(2)
	r.saveAt(3) // nothing changed: the same arrays
	check(0, map[int32]traceopt.Type{3: traceopt.Int, 5: traceopt.Unknown}, map[int32]templates.Value{3: {Tag: templates.TagInt, Bits: 7}})
	check(1, map[int32]traceopt.Type{3: traceopt.Int, 5: traceopt.Unknown, 9: traceopt.Float}, map[int32]templates.Value{3: {Tag: templates.TagInt, Bits: 7}})
	check(2, map[int32]traceopt.Type{5: traceopt.Bool, 9: traceopt.Float}, map[int32]templates.Value{})
	check(3, map[int32]traceopt.Type{5: traceopt.Bool, 9: traceopt.Float}, map[int32]templates.Value{})
	if _, ok := r.savedAt(0).known.get(9); ok {
		t.Errorf("a later save changed an earlier one")
	}

	// The next recording reuses the arena: what it saves starts clean.
	r.recMaps.clear()
	r.lastAt = stateAt{}
	r.known[1] = traceopt.Float
	r.knownReplaced()
	r.saveAt(0)
	check(0, map[int32]traceopt.Type{1: traceopt.Float}, map[int32]templates.Value{})
}
