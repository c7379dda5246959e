package interp

import (
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

// TestDictIsNative proves that a Dict starts with templates.Dict (struct
// cp_dict of vmstate.h) and a dictSlot is templates.DictEntry
// (cp_dict_entry): dict_get_int and dict_has_int read a dict's index and
// entries, and dict_set_int writes them, through the address a slot's
// bits hold, and every way a dict becomes a value (ObjVal, a packed
// entry) gives those bits.
func TestDictIsNative(t *testing.T) {
	var d Dict
	var e dictSlot
	var n templates.Dict
	for _, f := range []struct {
		name         string
		goOff, cOff  uintptr
		goSize, size uintptr
	}{
		{"entries", unsafe.Offsetof(d.entries), unsafe.Offsetof(n.Entries), unsafe.Sizeof(d.entries), 24},
		{"index", unsafe.Offsetof(d.index), unsafe.Offsetof(n.Index), unsafe.Sizeof(d.index), 24},
		{"used", unsafe.Offsetof(d.used), unsafe.Offsetof(n.Used), unsafe.Sizeof(d.used), unsafe.Sizeof(n.Used)},
		{"filled", unsafe.Offsetof(d.filled), unsafe.Offsetof(n.Filled), unsafe.Sizeof(d.filled), unsafe.Sizeof(n.Filled)},
		{"glive", unsafe.Offsetof(d.glive), unsafe.Offsetof(n.GLive), unsafe.Sizeof(d.glive), unsafe.Sizeof(n.GLive)},
	} {
		if f.goOff != f.cOff || f.goSize != f.size {
			t.Errorf("Dict.%s at %d (%d bytes); cp_dict's at %d (%d bytes)", f.name, f.goOff, f.goSize, f.cOff, f.size)
		}
	}
	if unsafe.Sizeof(e) != unsafe.Sizeof(templates.DictEntry{}) || unsafe.Offsetof(e.k) != unsafe.Offsetof(templates.DictEntry{}.KW) || unsafe.Offsetof(e.v) != unsafe.Offsetof(templates.DictEntry{}.VW) {
		t.Fatalf("dictSlot (size %d, k %d, v %d) is not cp_dict_entry (size %d, kw %d, vw %d)", unsafe.Sizeof(e), unsafe.Offsetof(e.k), unsafe.Offsetof(e.v),
			unsafe.Sizeof(templates.DictEntry{}), unsafe.Offsetof(templates.DictEntry{}.KW), unsafe.Offsetof(templates.DictEntry{}.VW))
	}
	dict := newDict()
	for i := int64(0); i < 40; i++ {
		if err := dict.setInt(uint64(i*7), FloatVal(float64(i)/2)); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		name string
		v    Val
	}{{"ObjVal", ObjVal(dict)}, {"packed", pack(ObjVal(dict)).unpack()}} {
		if c.v.B&7 != templates.DictKind || dictAt(c.v.B) != dict || !holdsAt(dict, c.v.B) || holdsAt(&List{}, c.v.B) {
			t.Fatalf("%s: bits %#x do not point at the dict", c.name, c.v.B)
		}
		p := uintptr(c.v.B - templates.DictKind)
		n := *(**templates.Dict)(unsafe.Pointer(&p))
		entries := unsafe.Slice(n.Entries, n.Len)
		index := unsafe.Slice(n.Index, n.ILen)
		if len(entries) != len(dict.entries) || len(index) != len(dict.index) {
			t.Fatalf("%s: read natively, %d entries and %d index slots, want %d and %d", c.name, len(entries), len(index), len(dict.entries), len(dict.index))
		}
		for i, w := range dict.entries {
			if entries[i].H != w.h || entries[i].KW != w.k.w || entries[i].VP != uintptr(w.v.p) {
				t.Errorf("%s: entry %d read natively differs", c.name, i)
			}
		}
	}
}
