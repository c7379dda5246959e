package traceopt

import "testing"

// TestScratchNesting checks that scratches taken and given back in nested
// order (a pass, then compact inside it) come back to the same depth next
// time: each keeps the buffers its depth grew. A sync.Pool swapped them.
func TestScratchNesting(t *testing.T) {
	outer := getScratch()
	inner := getScratch()
	if outer == inner {
		t.Fatal("two scratches in use at once are the same")
	}
	inner.put()
	outer.put()
	for range 3 {
		a := getScratch()
		b := getScratch()
		if a != outer || b != inner {
			t.Fatalf("nested gets returned %p, %p; want %p, %p (the same depths as before)", a, b, outer, inner)
		}
		b.put()
		a.put()
	}
}
