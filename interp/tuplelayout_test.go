package interp

import (
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

// TestTupleIsNative proves that a Tuple starts with templates.Tuple (struct
// cp_tuple of vmstate.h) and a Val templates.Item (cp_item): native code reads a
// tuple's items, tag and bits, through the address a slot's bits hold, and
// every way a tuple becomes a value (ObjVal, a dict's packed entry) gives
// those bits.
func TestTupleIsNative(t *testing.T) {
	var v Val
	var it templates.Item
	if unsafe.Sizeof(v) != unsafe.Sizeof(it) || unsafe.Offsetof(v.T) != unsafe.Offsetof(it.Tag) || unsafe.Offsetof(v.B) != unsafe.Offsetof(it.Bits) || unsafe.Offsetof(v.O) != unsafe.Offsetof(it.Obj) {
		t.Fatalf("Val (size %d, T %d, B %d, O %d) is not cp_item (size %d, tag %d, bits %d, obj %d)",
			unsafe.Sizeof(v), unsafe.Offsetof(v.T), unsafe.Offsetof(v.B), unsafe.Offsetof(v.O),
			unsafe.Sizeof(it), unsafe.Offsetof(it.Tag), unsafe.Offsetof(it.Bits), unsafe.Offsetof(it.Obj))
	}
	var x Tuple
	if unsafe.Sizeof(x) < unsafe.Sizeof(templates.Tuple{}) || unsafe.Offsetof(x.items) != 0 || unsafe.Sizeof(x.items) != unsafe.Sizeof(templates.Tuple{}) {
		t.Fatalf("Tuple is %d bytes, items at %d (%d bytes); cp_tuple, its head, is %d bytes", unsafe.Sizeof(x), unsafe.Offsetof(x.items), unsafe.Sizeof(x.items), unsafe.Sizeof(templates.Tuple{}))
	}
	tup := &Tuple{items: []Val{IntVal(7), FloatVal(2.5), StrVal("ab"), ObjVal(&List{})}}
	for _, c := range []struct {
		name string
		v    Val
	}{{"ObjVal", ObjVal(tup)}, {"packed", pack(ObjVal(tup)).unpack()}} {
		if c.v.B&7 != templates.TupleBit || tupleAt(c.v.B) != tup || objectAt(c.v.B) != Object(tup) || !holdsAt(tup, c.v.B) {
			t.Fatalf("%s: bits %#x do not point at the tuple", c.name, c.v.B)
		}
		p := uintptr(c.v.B - templates.TupleBit)
		n := *(**templates.Tuple)(unsafe.Pointer(&p))
		if n.Len != int64(len(tup.items)) {
			t.Fatalf("%s: read natively, len %d", c.name, n.Len)
		}
		items := unsafe.Slice(n.Items, n.Len)
		for i, w := range tup.items {
			if items[i].Tag != w.T || items[i].Bits != w.B {
				t.Errorf("%s: item %d read natively as %v %#x, want %v %#x", c.name, i, items[i].Tag, items[i].Bits, w.T, w.B)
			}
		}
	}
}
