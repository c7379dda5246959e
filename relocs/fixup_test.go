package relocs

import (
	"bytes"
	"testing"
)

// TestFixupReuse decodes every patch.txt hole once and applies it to a
// fresh copy, to a copy patched before with another value (a JIT reuses a
// Fixup and may patch over its own work) and to a short buffer.
func TestFixupReuse(t *testing.T) {
	for _, c := range readPatchCases(t) {
		if c.after == nil {
			continue
		}
		f, err := NewFixup(c.kind, c.before, c.off, c.addend)
		if err != nil {
			t.Errorf("patch.txt:%d: NewFixup: %v", c.line, err)
			continue
		}
		if f.Kind() != c.kind || f.Offset() != c.off || f.Addend() != c.addend {
			t.Errorf("patch.txt:%d: Fixup says %v+%d addend %d", c.line, f.Kind(), f.Offset(), f.Addend())
		}
		code := bytes.Clone(c.before)
		if err := f.Apply(code, c.place, c.value, c.got); err != nil || !bytes.Equal(code, c.after) {
			t.Errorf("patch.txt:%d: Apply gives %x, %v; want %x", c.line, code, err, c.after)
		}
		// Other values pick other forms (an immediate, a lea, the slot);
		// patching the case's value over them must still give after.
		for _, other := range []uint64{0, 0x7fff_ffff_0000, c.place ^ 1<<40, c.got} {
			code := bytes.Clone(c.before)
			if f.Apply(code, c.place, other, c.got) != nil {
				continue
			}
			if err := f.Apply(code, c.place, c.value, c.got); err != nil || !bytes.Equal(code, c.after) {
				t.Errorf("patch.txt:%d: Apply over value %#x gives %x, %v; want %x", c.line, other, code, err, c.after)
			}
		}
		if err := f.Apply(code[:c.off], c.place, c.value, c.got); err == nil {
			t.Errorf("patch.txt:%d: Apply to a buffer ending at the hole succeeded", c.line)
		}
	}
	var zero Fixup
	if err := zero.Apply(make([]byte, 16), 0, 0, 0); err == nil {
		t.Error("the zero Fixup applied")
	}
}
