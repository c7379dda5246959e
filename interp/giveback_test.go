package interp

import (
	"math"
	"testing"

	"github.com/copypatch/copypatch/templates"
)

// TestGiveBackLiveSlots checks which list slots an exit gives their Go half
// back: those below liveTop (the root frame, the scratch slots and the
// inlined frames the exit finishes), every one for a function trace.
func TestGiveBackLiveSlots(t *testing.T) {
	callee := &Code{nslots: 3}
	firstWindow := int32(4) + scratchSlots // the first inlined frame's base
	lists := []int32{1, 5, firstWindow, firstWindow + 2, firstWindow + 3, firstWindow + 6}
	cases := []struct {
		name string
		fn   bool
		sn   *snapshot
		top  int32
	}{
		{"root frame", false, &snapshot{snapParts: noParts}, firstWindow},
		{"one inlined frame", false, &snapshot{snapParts: &snapParts{frames: []inlineFrame{{code: callee, base: firstWindow}}}}, firstWindow + 3},
		{"two inlined frames", false, &snapshot{snapParts: &snapParts{frames: []inlineFrame{{code: callee, base: firstWindow}, {code: callee, base: firstWindow + 3}}}}, firstWindow + 6},
		{"function trace", true, &snapshot{snapParts: noParts}, math.MaxInt32},
	}
	for _, tc := range cases {
		tr := &loopTrace{fn: tc.fn, scratchLo: 4, lists: lists}
		if got := tr.liveTop(tc.sn); got != tc.top {
			t.Errorf("%s: liveTop = %d, want %d", tc.name, got, tc.top)
			continue
		}
		vm := &VM{stack: make([]templates.Value, 256), ostack: make([]Object, 256)}
		l := &List{}
		for _, s := range lists {
			vm.stack[s] = templates.Value{Tag: tagObject, Bits: ObjVal(l).B}
		}
		vm.restoreSlots(tr, tc.sn)
		for _, s := range lists {
			if got, want := vm.ostack[s] != nil, s < tc.top; got != want {
				t.Errorf("%s: slot %d given back %v, want %v", tc.name, s, got, want)
			}
		}
	}
}
