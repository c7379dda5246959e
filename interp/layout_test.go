package interp

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

// TestHeapLayout proves that the heads of List and Instance are what
// native code reads through templates.List and templates.Instance (cp_list
// and cp_instance, which templates' own test proves against vmstate.h):
// each mirrored field at the same offset with the same size.
func TestHeapLayout(t *testing.T) {
	var l List
	var x Instance
	for _, c := range []struct {
		name   string
		mirror any
		fields []uintptr // offsets in the interpreter's struct, in the mirror's field order
		sizes  []uintptr
	}{
		{"List", templates.List{},
			[]uintptr{unsafe.Offsetof(l.vals), unsafe.Offsetof(l.vals) + 8, unsafe.Offsetof(l.vals) + 16, unsafe.Offsetof(l.objs), unsafe.Offsetof(l.objs) + 8, unsafe.Offsetof(l.deque), unsafe.Offsetof(l.dqMax), unsafe.Offsetof(l.seq), unsafe.Offsetof(l.pk), unsafe.Offsetof(l.pk) + 8, unsafe.Offsetof(l.pk) + 16},
			[]uintptr{8, 8, 8, 8, 16, unsafe.Sizeof(l.deque), unsafe.Sizeof(l.dqMax), unsafe.Sizeof(l.seq), 8, 8, 8}},
		{"Instance", templates.Instance{},
			[]uintptr{unsafe.Offsetof(x.cls), unsafe.Offsetof(x.shape), unsafe.Offsetof(x.vals), unsafe.Offsetof(x.vals) + 8, unsafe.Offsetof(x.vals) + 16},
			[]uintptr{unsafe.Sizeof(x.cls), unsafe.Sizeof(x.shape), 8, 8, 8}},
	} {
		m := reflect.TypeOf(c.mirror)
		if m.NumField() != len(c.fields) {
			t.Fatalf("%s: templates mirror has %d fields, the test knows %d", c.name, m.NumField(), len(c.fields))
		}
		for i := range c.fields {
			f := m.Field(i)
			if f.Offset != c.fields[i] || f.Type.Size() != c.sizes[i] {
				t.Errorf("%s: templates field %s at %d (%d bytes), the interpreter's at %d (%d bytes)", c.name, f.Name, f.Offset, f.Type.Size(), c.fields[i], c.sizes[i])
			}
		}
	}
	// The slices are what their headers say: data, length, capacity.
	x.vals = make([]templates.Value, 2, 5)
	h := (*templates.Instance)(unsafe.Pointer(&x))
	if h.Vals != &x.vals[0] || h.Len != 2 || h.Cap != 5 {
		t.Errorf("Instance slots read through templates.Instance: %p %d %d, want %p 2 5", h.Vals, h.Len, h.Cap, &x.vals[0])
	}
	l.vals = make([]templates.Value, 3, 4)
	lh := (*templates.List)(unsafe.Pointer(&l))
	if lh.Vals != &l.vals[0] || lh.Len != 3 || lh.Cap != 4 || lh.Objs != 0 {
		t.Errorf("List read through templates.List: %p %d %d %d", lh.Vals, lh.Len, lh.Cap, lh.Objs)
	}
	// A packed list's bytes, and its value's kind bits.
	p := &List{pk: make([]byte, 5, 7)}
	ph := (*templates.List)(unsafe.Pointer(p))
	if ph.Packed != &p.pk[0] || ph.PackLen != 5 || ph.PackCap != 7 || ph.Len != 0 {
		t.Errorf("packed List read through templates.List: %p %d %d %d", ph.Packed, ph.PackLen, ph.PackCap, ph.Len)
	}
	if v := ObjVal(p); v.B != uint64(uintptr(unsafe.Pointer(p)))+templates.PackedKind || objectAt(v.B) != Object(p) || !holdsAt(p, v.B) {
		t.Errorf("ObjVal of a packed list: bits %#x", v.B)
	}
	// An instance's value carries its address plus the instance bit.
	if v := ObjVal(&x); v.B != uint64(uintptr(unsafe.Pointer(&x)))+templates.InstanceBit || instanceAt(v.B) != &x {
		t.Errorf("ObjVal of an instance: bits %#x", v.B)
	}
}

// TestHoldsAt checks holdsAt, which giveBack asks whether a slot's Go half
// is already the object its bits name, on every kind native code leaves
// in a slot: the same object holds, another object of the same kind or of
// another kind at the same address, or none, does not.
func TestHoldsAt(t *testing.T) {
	list, packed, inst := &List{}, &List{pk: make([]byte, 3)}, &Instance{}
	str, tup := &Str{s: "ab", kind: 1}, &Tuple{items: []Val{IntVal(1)}}
	objs := []Object{list, packed, inst, str, tup}
	for _, o := range objs {
		bits := ObjVal(o).B
		if bits == 0 {
			t.Fatalf("ObjVal(%T) has no bits", o)
		}
		for _, other := range objs {
			if got, want := holdsAt(other, bits), other == o; got != want {
				t.Errorf("holdsAt(%T %p, bits of %T %p) = %v, want %v", other, other, o, o, got, want)
			}
		}
		if holdsAt(nil, bits) {
			t.Errorf("holdsAt(nil, bits of %T) = true", o)
		}
		// Another kind's bits at the same address name another object.
		for _, kind := range []uint64{0, templates.InstanceBit, templates.StrBit, templates.TupleBit, templates.PackedKind} {
			same := bits&7 == kind || bits&7 == 0 && kind == templates.PackedKind || bits&7 == templates.PackedKind && kind == 0
			if got := holdsAt(o, bits&^7|kind); got != same {
				t.Errorf("holdsAt(%T, its address with kind %d) = %v, want %v", o, kind, got, same)
			}
		}
	}
}
