package interp

import (
	"testing"

	"github.com/copypatch/copypatch/templates"
)

// TestStrEq checks strEq's answers: equal texts in different strs, the
// same str, and no answer (ok false) for a non-str on either side.
func TestStrEq(t *testing.T) {
	a, b, c := StrVal("ab"), StrVal("a"+string('b')), StrVal("ac")
	for _, tc := range []struct {
		x, y   Val
		eq, ok bool
	}{
		{a, b, true, true}, {a, a, true, true}, {a, c, false, true},
		{a, IntVal(1), false, false}, {NoneVal, a, false, false},
	} {
		x, y := tc.x, tc.y
		eq, ok := strEq(templates.Value{Tag: x.T, Bits: x.B}, templates.Value{Tag: y.T, Bits: y.B}, x.O, y.O)
		if eq != tc.eq || ok != tc.ok {
			t.Errorf("strEq(%v, %v) = %v, %v; want %v, %v", x, y, eq, ok, tc.eq, tc.ok)
		}
	}
}
