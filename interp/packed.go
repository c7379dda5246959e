package interp

import (
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

// Packed bool lists.
//
// sieve's flags = [True] * (limit + 1) is 2 million 16-byte slots: 32 MB,
// so every pass of its stride loop misses the cache at each store, where
// the same flags one a byte (2 MB) stay in it. A list made by [b] * n for
// a bool b, into a private local (fresh.go: a slot only its own indexing,
// slicing, stores, truth tests and + read), is packed: its elements are
// bytes in List.pk, vals and objs are nil, and its value's bits carry
// templates.PackedKind, so native list uops other than list_load_pk and
// list_store_pk take it for no list and leave.
//
// The packing stays inside the instructions that read a private local:
// a[i] of an int and a[i] = b of a bool read and write the bytes (vm.go's
// fast paths), truthy reads the length, and every other one (a slice, a
// +, a store of anything but a bool, a deletion, an index that is not an
// int or out of range) first turns the list back into slots in place
// (unpackSlot), then runs as for any list. So does anything that makes
// the list seen elsewhere (unmark). A private local's list is in no other
// object, so no other path meets a packed list.

// packMin is the shortest list worth packing: below it the slots fit
// the cache anyway.
const packMin = 1024

// repeatPacked is [b] * n (or n * [b]) for a bool b into a private local,
// packed; nil when the operands are anything else.
func (vm *VM) repeatPacked(a, b Val) (*List, error) {
	x, ok := a.O.(*List)
	if !ok || a.T != tagObject {
		if x, ok = b.O.(*List); !ok || b.T != tagObject {
			return nil, nil
		}
		a, b = b, a
	}
	if x.deque || x.objs != nil || len(x.vals) != 1 || x.vals[0].Tag != tagBool || b.T != tagInt {
		return nil, nil
	}
	n := int64(b.B)
	if n < packMin || vm.threaded() {
		return nil, nil
	}
	// As a list of slots would: the list may become one (unpackSlot).
	if err := memCheckMul(uint64(n), 32); err != nil {
		return nil, err
	}
	var pk []byte
	if sp := vm.fresh.pk; int64(cap(sp)) >= n {
		vm.fresh.pk = nil
		pk = sp[:n]
		clear(pk)
	} else {
		pk = make([]byte, n)
	}
	if x.vals[0].Bits != 0 {
		pk[0] = 1
		for k := 1; k < len(pk); k *= 2 {
			copy(pk[k:], pk[:k])
		}
	}
	return &List{pk: pk}, nil
}

// dropPacked keeps the bytes of a packed list its private local dropped
// for the next repeatPacked (one array, the largest): sieve's 2 MB of
// flags were fresh pages at every call.
func (vm *VM) dropPacked(l *List) {
	if l.pk != nil && cap(l.pk) > cap(vm.fresh.pk) {
		vm.fresh.pk = l.pk
	}
	l.pk = nil
}

// unpack turns a packed list back into slots, in place.
func (l *List) unpack(vm *VM) {
	if l.pk == nil {
		return
	}
	vals := vm.newVals(len(l.pk))
	for i, b := range l.pk {
		vals[i] = templates.Value{Tag: tagBool, Bits: uint64(b)}
	}
	l.vals, l.pk = vals, nil
}

// unpackSlot unpacks the list slot s of f holds, if packed, and gives the
// slot, and its private partner when that holds the list too, the bits
// of a list of slots.
func (vm *VM) unpackSlot(f *frame, s int32) {
	if s < 0 || int(s) >= len(f.regs) || f.regs[s].Tag != tagObject {
		return
	}
	l, ok := f.objs[s].(*List)
	if !ok || l.pk == nil {
		return
	}
	l.unpack(vm)
	bits := uint64(uintptr(unsafe.Pointer(l)))
	f.regs[s].Bits = bits
	if p := f.code.partner; int(s) < len(p) && p[s] >= 0 && f.objs[p[s]] == Object(l) {
		f.regs[p[s]].Bits = bits
	}
}

// packedLoad is a[i] of a packed list's bytes: false when i is out of
// range (the generic path raises, after unpacking).
func packedLoad(l *List, i int64) (templates.Value, bool) {
	if i < 0 {
		i += int64(len(l.pk))
	}
	if uint64(i) >= uint64(len(l.pk)) {
		return templates.Value{}, false
	}
	return templates.Value{Tag: tagBool, Bits: uint64(l.pk[i])}, true
}

// packedStore is a[i] = v into a packed list's bytes: false unless v is a
// bool and i in range.
func packedStore(l *List, i int64, v templates.Value) bool {
	if v.Tag != tagBool {
		return false
	}
	if i < 0 {
		i += int64(len(l.pk))
	}
	if uint64(i) >= uint64(len(l.pk)) {
		return false
	}
	l.pk[i] = byte(v.Bits)
	return true
}
