package uopref

import (
	"errors"
	"fmt"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

// ErrBadDict is returned (wrapped) when a dict uop finds a dict whose
// index or entries are not what the interpreter keeps.
var ErrBadDict = errors.New("bad dict")

// dictAsk is findInt's answer when Go must look the key up
// (templates/vmstate.h's CP_DICT_ASK).
const dictAsk = -2

// dictAt is the dict slot v holds, or nil when it holds none (the uops
// exit: they check the kind themselves).
func dictAt(v *templates.Value) *templates.Dict {
	if v.Tag != templates.TagObject || v.Bits&7 != templates.DictKind {
		return nil
	}
	p := *(*unsafe.Pointer)(unsafe.Pointer(&v.Bits))
	return (*templates.Dict)(unsafe.Add(p, -templates.DictKind))
}

// findInt is vmstate.h's cp_dict_find_int: the index of the entry of d
// whose key is the int k, -1 when d holds no key equal to it, or dictAsk.
// intMark is the tag mark of an int key.
func (m *machine) findInt(d *templates.Dict, k int64, intMark uintptr) (*templates.DictEntry, int) {
	const modulus = 1<<61 - 1
	if uint64(k)+(modulus-1) >= 2*modulus-1 || k == -1 {
		return nil, dictAsk
	}
	if d.ILen == 0 {
		return nil, -1
	}
	if d.ILen < 0 || d.ILen&(d.ILen-1) != 0 || d.Index == nil || d.Len < 0 {
		if m.err == nil {
			m.err = fmt.Errorf("%w: index of %d slots at %p, %d entries", ErrBadDict, d.ILen, d.Index, d.Len)
		}
		return nil, dictAsk
	}
	index := unsafe.Slice(d.Index, d.ILen)
	entries := unsafe.Slice(d.Entries, d.Len)
	mask := uint64(d.ILen - 1)
	tag := uint32(k) & 0x7fffffff &^ uint32(mask)
	perturb := uint64(k)
	for i, n := uint64(k)&mask, int64(0); n <= d.ILen*8; n++ {
		ix := index[i]
		if ix == 0 {
			return nil, -1
		}
		if ix > 0 && uint32(ix)&^uint32(mask) == tag {
			j := int64(uint32(ix)&uint32(mask)) - 1
			if j < 0 || j >= d.Len {
				break
			}
			if e := &entries[j]; e.H == k {
				if e.KW == uintptr(k) && e.KP == intMark {
					return e, int(j)
				}
				return nil, dictAsk
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
	if m.err == nil {
		m.err = fmt.Errorf("%w: a probe for %d found no end in %d index slots", ErrBadDict, k, d.ILen)
	}
	return nil, dictAsk
}

// dictUops are the dict uops (templates/dict_*.c); operand 3 of each is
// the address of the interpreter's tag marks, tag 0's.
func dictUops(uops map[string]uop) {
	uops["dict_get_int"] = func(m *machine) (Next, templates.ExitCode) {
		dst, dv, kv := m.slot(0), m.slot(1), m.slot(2)
		d := dictAt(dv)
		if d == nil {
			return Exit, 0
		}
		marks := uintptr(m.ops[3])
		e, i := m.findInt(d, int64(kv.Bits), marks+uintptr(templates.TagInt))
		if i < 0 {
			return Exit, 0
		}
		tag := uint64(e.VP - marks)
		if tag-1 >= uint64(templates.TagObject)-1 {
			return Exit, 0 // an object, whose Go half native code cannot write
		}
		*dst = templates.Value{Tag: templates.Tag(tag), Bits: uint64(e.VW)}
		return Continue, 0
	}
	uops["dict_get_int_list"] = func(m *machine) (Next, templates.ExitCode) {
		dst, dv, kv := m.slot(0), m.slot(1), m.slot(2)
		d := dictAt(dv)
		if d == nil {
			return Exit, 0
		}
		// Operand 3: the tag marks' address and a list entry's type word.
		consts := *(**[2]uintptr)(unsafe.Pointer(&m.ops[3]))
		e, i := m.findInt(d, int64(kv.Bits), consts[0]+uintptr(templates.TagInt))
		if i < 0 || e.VW != consts[1] {
			return Exit, 0
		}
		if l := *(**templates.List)(unsafe.Pointer(&e.VP)); l.Packed != nil {
			return Exit, 0
		}
		*dst = templates.Value{Tag: templates.TagObject, Bits: uint64(e.VP)}
		return Continue, 0
	}
	has := func(want bool) uop {
		return func(m *machine) (Next, templates.ExitCode) {
			dst, dv, kv := m.slot(0), m.slot(1), m.slot(2)
			d := dictAt(dv)
			if d == nil {
				return Exit, 0
			}
			_, i := m.findInt(d, int64(kv.Bits), uintptr(m.ops[3])+uintptr(templates.TagInt))
			if i == dictAsk {
				return Exit, 0
			}
			setBool(dst, (i >= 0) == want)
			return Continue, 0
		}
	}
	uops["dict_has_int"] = has(true)
	uops["dict_lacks_int"] = has(false)
	uops["dict_set_int"] = func(m *machine) (Next, templates.ExitCode) {
		dv, kv, v := m.slot(0), m.slot(1), m.slot(2)
		d := dictAt(dv)
		if d == nil || uint64(v.Tag)-1 >= uint64(templates.TagObject)-1 || d.GLive != 0 {
			return Exit, 0
		}
		marks := uintptr(m.ops[3])
		markOrZero := func(p uintptr) bool { return p-marks < uintptr(templates.TagObject) || p == 0 }
		k := int64(kv.Bits)
		e, i := m.findInt(d, k, marks+uintptr(templates.TagInt))
		switch {
		case i >= 0:
			if !markOrZero(e.VP) {
				return Exit, 0 // an object's value: Go overwrites it, with its write barrier
			}
		case i == -1 && d.ILen != 0 && d.Len < d.Cap && d.Filled < d.ILen*2/3:
			// Go's insertHashed and place.
			e = &unsafe.Slice(d.Entries, d.Cap)[d.Len]
			if !markOrZero(e.KP) || !markOrZero(e.VP) {
				return Exit, 0
			}
			*e = templates.DictEntry{H: k, KW: uintptr(k), KP: marks + uintptr(templates.TagInt)}
			d.Len++
			d.Used++
			d.Filled++
			index := unsafe.Slice(d.Index, d.ILen)
			mask := uint64(d.ILen - 1)
			perturb, j := uint64(k), uint64(k)&mask
			for index[j] != 0 {
				perturb >>= 5
				j = (j*5 + perturb + 1) & mask
			}
			index[j] = int32(uint32(d.Len) | uint32(k)&0x7fffffff&^uint32(mask))
		default:
			return Exit, 0
		}
		e.VW, e.VP = uintptr(v.Bits), marks+uintptr(v.Tag)
		return Continue, 0
	}
}
