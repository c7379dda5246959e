package uopref

import (
	"math"
	"testing"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

// testMarks stands for the interpreter's tag marks: a packed number's
// second word is the address of its tag's mark.
var testMarks [8]byte

// keptDicts keeps the dicts tests build alive (slots hold their address
// in bits, which the collector does not see), as keptLists does lists.
var keptDicts []*testDict

// keptConsts keeps dict_get_int_list's operand words alive likewise.
var keptConsts []*[2]uintptr

type testDict struct {
	head    templates.Dict
	entries []templates.DictEntry
	index   []int32
}

func markOf(tag templates.Tag) uintptr { return uintptr(unsafe.Pointer(&testMarks[tag])) }

// newDict builds a dict of the given int keys and values as the
// interpreter lays one out (index of 16 slots, CPython's probing), and
// returns it with the slot value that points to it. A key entry of kind
// other than int is packed with that tag's mark.
func newDict(keys []V, vals []V) V {
	d := &testDict{index: make([]int32, 16)}
	mask := uint64(len(d.index) - 1)
	for n, k := range keys {
		h := int64(k.Bits)
		e := templates.DictEntry{H: h, KW: uintptr(k.Bits), KP: markOf(k.Tag), VW: uintptr(vals[n].Bits), VP: markOf(vals[n].Tag)}
		if vals[n].Tag == templates.TagObject {
			e.VW, e.VP = 0x1234, uintptr(unsafe.Pointer(d)) // an object's interface words
		}
		d.entries = append(d.entries, e)
		perturb := uint64(h)
		i := uint64(h) & mask
		for d.index[i] != 0 {
			perturb >>= 5
			i = (i*5 + perturb + 1) & mask
		}
		d.index[i] = int32(uint32(h)&0x7fffffff&^uint32(mask)) | int32(n+1)
	}
	d.head = templates.Dict{Entries: unsafe.SliceData(d.entries), Len: int64(len(d.entries)), Cap: int64(cap(d.entries)),
		Index: unsafe.SliceData(d.index), ILen: int64(len(d.index)), ICap: int64(len(d.index))}
	keptDicts = append(keptDicts, d)
	return V{Tag: templates.TagObject, Bits: uint64(uintptr(unsafe.Pointer(&d.head))) + templates.DictKind}
}

// dictCases are TestStep's cases of the dict uops.
func dictCases() []stepCase {
	marks := uint64(markOf(0))
	none := V{Tag: templates.TagNone}
	// 3 and 19 share their first index slot; 35 collides with a float
	// key of the same hash (and bits); 5 maps to an object.
	d := newDict([]V{iv(3), iv(19), {Tag: templates.TagFloat, Bits: 35}, iv(5), iv(-7), iv(8)},
		[]V{iv(30), fv(1.5), iv(0), {Tag: templates.TagObject, Bits: 1}, bv(true), none})
	empty := newDict(nil, nil)
	keptDicts[len(keptDicts)-1].head.ILen = 0         // never held anything: no index
	list := V{Tag: templates.TagObject, Bits: 0x1000} // a list's bits: no dict
	inst := V{Tag: templates.TagObject, Bits: 0x1001}
	ops := [4]uint64{0, S, 2 * S, marks}
	var cases []stepCase
	get := func(name string, dv, k V, want V, ok bool) {
		c := stepCase{name: "dict_get_int " + name, op: "dict_get_int", ops: ops, in: []V{sentry, dv, k}}
		if ok {
			c.out = []V{want, dv, k}
		} else {
			c.next = Exit
		}
		cases = append(cases, c)
	}
	get("an int", d, iv(3), iv(30), true)
	get("a float behind a collision", d, iv(19), fv(1.5), true)
	get("a bool", d, iv(-7), bv(true), true)
	get("None", d, iv(8), none, true)
	get("an object", d, iv(5), V{}, false)
	get("a missing key", d, iv(4), V{}, false)
	get("a key of equal hash that is no int", d, iv(35), V{}, false)
	get("-1, whose hash is -2", d, iv(-1), V{}, false)
	get("a key past the hash's modulus", d, iv(math.MaxInt64), V{}, false)
	get("from an empty dict", empty, iv(3), V{}, false)
	get("from a list", list, iv(3), V{}, false)
	get("from an instance", inst, iv(3), V{}, false)
	get("from an int", iv(3), iv(3), V{}, false)
	for _, op := range []string{"dict_has_int", "dict_lacks_int"} {
		has := op == "dict_has_int"
		in := func(name string, dv, k V, found, ok bool) {
			c := stepCase{name: op + " " + name, op: op, ops: ops, in: []V{sentry, dv, k}}
			if ok {
				c.out = []V{bv(found == has), dv, k}
			} else {
				c.next = Exit
			}
			cases = append(cases, c)
		}
		in("an int", d, iv(3), true, true)
		in("an int behind a collision", d, iv(19), true, true)
		in("a key with an object", d, iv(5), true, true)
		in("a missing key", d, iv(4), false, true)
		in("in an empty dict", empty, iv(4), false, true)
		in("a key of equal hash that is no int", d, iv(35), false, false)
		in("-1", d, iv(-1), false, false)
		in("in a list", list, iv(3), false, false)
	}
	// Stores that run change the dict: those here store what the entry
	// holds (each case runs twice); TestDictSetInt checks the dict after.
	set := func(name string, dv, k, v V, ok bool) {
		c := stepCase{name: "dict_set_int " + name, op: "dict_set_int", ops: [4]uint64{0, S, 2 * S, marks}, in: []V{dv, k, v}}
		if !ok {
			c.next = Exit
		}
		cases = append(cases, c)
	}
	set("the value it holds", d, iv(3), iv(30), true)
	set("over an object", d, iv(5), iv(1), false)
	set("an object", d, iv(3), V{Tag: templates.TagObject, Bits: 0x1000}, false)
	set("by a key of equal hash that is no int", d, iv(35), iv(1), false)
	set("by -1", d, iv(-1), iv(1), false)
	set("into an empty dict", empty, iv(3), iv(1), false)
	set("into a list", list, iv(3), iv(1), false)
	set("into an instance", inst, iv(3), iv(1), false)
	// dict_get_int_list: operand 3 points at the marks' address and the
	// type word of a list entry (0x1234 here, newDict's object's).
	listConsts := &[2]uintptr{markOf(0), 0x1234}
	keptConsts = append(keptConsts, listConsts)
	lists := newDict([]V{iv(1), iv(2), iv(3), iv(4)}, []V{{Tag: templates.TagObject}, {Tag: templates.TagObject}, iv(7), {Tag: templates.TagObject}})
	ld := keptDicts[len(keptDicts)-1]
	plain, packed := &templates.List{}, &templates.List{Packed: new(uint8)}
	keptLists = append(keptLists, plain, packed)
	ld.entries[0].VP = uintptr(unsafe.Pointer(plain))
	ld.entries[1].VP = uintptr(unsafe.Pointer(packed))
	ld.entries[3].VW = 0x4321 // another type's object
	lops := [4]uint64{0, S, 2 * S, uint64(uintptr(unsafe.Pointer(listConsts)))}
	getList := func(name string, dv, k V, want uintptr) {
		c := stepCase{name: "dict_get_int_list " + name, op: "dict_get_int_list", ops: lops, in: []V{sentry, dv, k}}
		if want != 0 {
			c.out = []V{{Tag: templates.TagObject, Bits: uint64(want)}, dv, k}
		} else {
			c.next = Exit
		}
		cases = append(cases, c)
	}
	getList("a list", lists, iv(1), uintptr(unsafe.Pointer(plain)))
	getList("a packed list", lists, iv(2), 0)
	getList("an int", lists, iv(3), 0)
	getList("another object", lists, iv(4), 0)
	getList("a missing key", lists, iv(5), 0)
	getList("from a list", list, iv(1), 0)
	// int_to_float_exact: ints a float64 holds exactly, else an exit.
	for _, i := range []int64{0, -3, 1 << 53, -(1 << 53), 1<<53 - 1} {
		cases = append(cases, stepCase{name: "int_to_float_exact", op: "int_to_float_exact", ops: [4]uint64{0, S}, in: []V{sentry, iv(i)}, out: []V{fv(float64(i)), iv(i)}})
	}
	for _, i := range []int64{1<<53 + 1, -(1<<53 + 1), 1 << 60, math.MinInt64, math.MaxInt64} {
		cases = append(cases, stepCase{name: "int_to_float_exact beyond 2**53", op: "int_to_float_exact", ops: [4]uint64{0, S}, in: []V{sentry, iv(i)}, next: Exit})
	}
	return cases
}

// TestDictSetInt stores into dicts with dict_set_int's reference and
// checks them after: values overwritten, keys added while there is room
// (the index's probing as the interpreter's place), and the exits that
// leave the dict as it was (no room, an entry past the last with an
// object's words, a dict whose stores Go must see).
func TestDictSetInt(t *testing.T) {
	marks := uint64(markOf(0))
	ops := [4]uint64{0, S, 2 * S, marks}
	store := func(dv, k, v V) Next {
		frame := []V{dv, k, v}
		var st templates.State
		next, _, err := Step("dict_set_int", ops, &st, frame)
		if err != nil {
			t.Fatal(err)
		}
		if frame[0] != dv || frame[1] != k || frame[2] != v {
			t.Fatalf("the frame changed: %v", frame)
		}
		return next
	}
	dv := newDict([]V{iv(3), iv(19)}, []V{iv(30), fv(1.5)})
	td := keptDicts[len(keptDicts)-1]
	td.entries = append(make([]templates.DictEntry, 0, 8), td.entries...)
	td.head.Entries, td.head.Cap = unsafe.SliceData(td.entries), 8
	td.head.Used, td.head.Filled = 2, 2
	if store(dv, iv(19), bv(true)) != Continue || td.entries[1].VW != 1 || td.entries[1].VP != markOf(templates.TagBool) {
		t.Fatalf("overwrite: entry %+v", td.entries[1])
	}
	// 35 probes past 3 and 19 (all three start at index slot 3).
	for _, k := range []int64{35, 4, 51} {
		if store(dv, iv(k), fv(2.5)) != Continue {
			t.Fatalf("insert %d exited", k)
		}
	}
	if td.head.Len != 5 || td.head.Used != 5 || td.head.Filled != 5 {
		t.Fatalf("after 3 inserts: len %d used %d filled %d", td.head.Len, td.head.Used, td.head.Filled)
	}
	entries := unsafe.Slice(td.head.Entries, td.head.Len)
	for n, k := range []int64{3, 19, 35, 4, 51} {
		e := entries[n]
		if e.H != k || e.KW != uintptr(k) || e.KP != markOf(templates.TagInt) {
			t.Errorf("entry %d: %+v, want key %d", n, e, k)
		}
		// Found again through the index, as the interpreter's probe finds it.
		frame := []V{{}, dv, iv(k)}
		var st templates.State
		if next, _, _ := Step("dict_get_int", ops, &st, frame); next != Continue || frame[0] == (V{}) {
			t.Errorf("key %d not found after the inserts", k)
		}
	}
	// 10 of 16 index slots filled: the next insert needs Go's resize.
	td.head.Filled = 10
	if store(dv, iv(6), iv(1)) != Exit || td.head.Len != 5 {
		t.Fatal("an insert into a full index did not exit")
	}
	td.head.Filled = 5
	// An entry past the last with an object's words (a popped entry's).
	entries = unsafe.Slice(td.head.Entries, td.head.Cap)
	entries[5].VP = uintptr(unsafe.Pointer(td))
	if store(dv, iv(6), iv(1)) != Exit || td.head.Len != 5 {
		t.Fatal("an insert over an object's words did not exit")
	}
	entries[5] = templates.DictEntry{}
	td.head.GLive = 1
	if store(dv, iv(3), iv(1)) != Exit || entries[0].VW != 30 {
		t.Fatal("a store into a dict whose stores Go must see did not exit")
	}
	td.head.GLive = 0
	td.head.Cap = td.head.Len
	if store(dv, iv(6), iv(1)) != Exit {
		t.Fatal("an insert with no room in the entries did not exit")
	}
}
