package relocs

import (
	"bytes"
	"testing"
)

// putFast applies f's fast path the way generated code does.
func putFast(f *Fixup, buf []byte, place, value, got uint64) bool {
	fast, off, a := f.Fast(), f.Offset(), f.Addend()
	switch fast.Form {
	case FastAbs64:
		PutAbs64(buf, off, value, a)
		return true
	case FastImm32:
		return PutImm32(buf, off, fast.Pattern, value)
	case FastRel32:
		return PutRel32(buf, off, place, value, a)
	case FastAbs32S:
		return PutAbs32S(buf, off, value, a)
	case FastA64Imm16:
		return PutA64Imm16(buf, off, fast.Pattern, place, value)
	case FastA64Branch26:
		return PutA64Branch26(buf, off, fast.Pattern, place, value+uint64(a))
	case FastA64Page:
		target := value + uint64(a)
		if f.Kind() == A64GOTPage21 {
			target = got
		}
		return PutA64Page(buf, off, fast.Pattern, place, target)
	}
	return false
}

// TestFastMatchesApply: wherever a fast path succeeds it writes what Apply
// writes, over every patch.txt hole and a spread of values, places and GOT
// slots; and it declines whenever Apply fails.
func TestFastMatchesApply(t *testing.T) {
	values := []uint64{0, 1, 0x7FFC, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF80000000, 1 << 40, ^uint64(0)}
	forms := map[FastForm]int{}
	for _, c := range readPatchCases(t) {
		f, err := NewFixup(c.kind, c.before, c.off, c.addend)
		if err != nil {
			continue
		}
		form := f.Fast().Form
		for _, v := range append(values, c.value, c.place+0x1000, c.place-0x8000000, c.place+1<<33) {
			for _, place := range []uint64{c.place, c.place + 2} {
				want := bytes.Clone(c.before)
				applyErr := f.Apply(want, place, v, c.got)
				got := bytes.Clone(c.before)
				ok := putFast(&f, got, place, v, c.got)
				switch {
				case ok && applyErr != nil:
					t.Errorf("patch.txt:%d: %v value %#x place %#x: fast path wrote %x, Apply failed: %v", c.line, form, v, place, got, applyErr)
				case ok && !bytes.Equal(got, want):
					t.Errorf("patch.txt:%d: %v value %#x place %#x: fast path wrote %x, Apply %x", c.line, form, v, place, got, want)
				case ok:
					forms[form]++
				}
			}
		}
	}
	for fm := FastAbs64; fm <= FastAbs32S; fm++ {
		if forms[fm] == 0 {
			t.Errorf("no patch.txt case took fast form %d", fm)
		}
	}
}
