package interp

import (
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

// TestStrHeadIsNative proves that a Str starts with templates.Str (struct
// cp_str of vmstate.h): native code reads a str's bytes, length and kind
// through the address a slot's bits hold.
func TestStrHeadIsNative(t *testing.T) {
	var s Str
	var h templates.Str
	if unsafe.Offsetof(s.s) != 0 || unsafe.Offsetof(s.kind) != unsafe.Offsetof(h.Kind) || unsafe.Sizeof(s.kind) != unsafe.Sizeof(h.Kind) {
		t.Fatalf("Str's string at %d and kind at %d (size %d); cp_str's kind at %d (size %d)",
			unsafe.Offsetof(s.s), unsafe.Offsetof(s.kind), unsafe.Sizeof(s.kind), unsafe.Offsetof(h.Kind), unsafe.Sizeof(h.Kind))
	}
	for _, c := range []struct {
		s    string
		kind uint8
	}{{"abc", templates.StrASCII}, {"", templates.StrASCII}, {"h\u00e9", 2}} {
		v := StrVal(c.s)
		v.str().ascii()
		if v.B&7 != templates.StrBit || strAt(v.B) != v.O {
			t.Fatalf("%q: bits %#x do not point at its Str", c.s, v.B)
		}
		p := uintptr(v.B - templates.StrBit)
		n := *(**templates.Str)(unsafe.Pointer(&p))
		if n.Len != int64(len(c.s)) || n.Kind != c.kind || n.Len > 0 && unsafe.String(*(**byte)(unsafe.Pointer(&n.Data)), n.Len) != c.s {
			t.Errorf("%q read natively: len %d, kind %d", c.s, n.Len, n.Kind)
		}
	}
	for c := range charBits {
		if strAt(charBits[c]) != charObjs[c] || charObjs[c].kind != templates.StrASCII {
			t.Errorf("charBits[%d] is not charObjs[%d], an ASCII str", c, c)
		}
	}
}
