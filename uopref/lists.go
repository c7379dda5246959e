package uopref

import (
	"fmt"
	"sync/atomic"
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

// listHead is the head of the list v (one of m's slots) points to, read
// with atomic loads: list_load_mt and list_store_mt run while other
// threads change the list (templates/list_load_mt.c). nil, with
// ErrBadList recorded, when v is not a list.
func (m *machine) listHead(v *templates.Value) *templates.List {
	if !kindOK(*v, templates.TagObject) || v.Bits == 0 {
		if m.err == nil {
			m.err = fmt.Errorf("%w: slot holds %v with bits %#x, not a list", ErrBadList, v.Tag, v.Bits)
		}
		return nil
	}
	return (*templates.List)(*(*unsafe.Pointer)(unsafe.Pointer(&v.Bits)))
}

// headOK reports whether a list head read as one version (length n,
// elements at vals) is one, recording ErrBadList when not.
func (m *machine) headOK(l *templates.List, n int64, vals unsafe.Pointer) bool {
	if n < 0 || (n > 0 && vals == nil) {
		if m.err == nil {
			m.err = fmt.Errorf("%w: list at %p has len %d, vals %p", ErrBadList, l, n, vals)
		}
		return false
	}
	return true
}

// elemAt is the address of element i of the array at vals.
func elemAt(vals unsafe.Pointer, i int64) *templates.Value {
	return (*templates.Value)(unsafe.Add(vals, i*templates.SlotSize))
}

// listLoadMT is list_load_mt (templates/list_load_mt.c): list_load under
// the list's sequence word. It exits, the frame untouched, when seq is odd
// or moves while it reads, so the length and element array it indexes are
// of one version of the list and the element's tag and bits of one store.
func listLoadMT(m *machine) (Next, templates.ExitCode) {
	dst, lv, iv := m.slot(0), m.slot(1), m.slot(2)
	l := m.listHead(lv)
	if l == nil {
		return Exit, 0
	}
	seq := atomic.LoadUint64(&l.Seq)
	n := atomic.LoadInt64(&l.Len)
	vals := atomic.LoadPointer((*unsafe.Pointer)(unsafe.Pointer(&l.Vals)))
	i := i64(iv)
	if i < 0 {
		i += n
	}
	if seq&1 != 0 || atomic.LoadUint64(&l.Seq) != seq || !m.headOK(l, n, vals) || uint64(i) >= uint64(n) {
		return Exit, 0
	}
	e := elemAt(vals, i)
	v := templates.Value{
		Tag:  templates.Tag(atomic.LoadUint64((*uint64)(unsafe.Pointer(&e.Tag)))),
		Bits: atomic.LoadUint64(&e.Bits),
	}
	if atomic.LoadUint64(&l.Seq) != seq || !kindOK(v, templates.Tag(m.ops[3])) {
		return Exit, 0
	}
	*dst = v
	return Continue, 0
}

// listStoreMT is list_store_mt (templates/list_store_mt.c): list_store
// under the list's sequence word, taken from even to odd with a
// compare-and-swap for the one element and given back two higher. It
// exits, the list untouched, when seq is odd or the swap fails, and for
// what list_store exits for (giving seq back as it was). A dry run takes
// nothing and stores nothing.
func listStoreMT(m *machine) (Next, templates.ExitCode) {
	lv, iv, v := m.slot(0), m.slot(1), *m.slot(2)
	l := m.listHead(lv)
	if l == nil {
		return Exit, 0
	}
	seq := atomic.LoadUint64(&l.Seq)
	if seq&1 != 0 || v.Tag == templates.TagObject {
		return Exit, 0
	}
	if m.dry {
		return Continue, 0
	}
	if !atomic.CompareAndSwapUint64(&l.Seq, seq, seq+1) {
		return Exit, 0
	}
	n := l.Len
	i := i64(iv)
	if i < 0 {
		i += n
	}
	if !m.headOK(l, n, unsafe.Pointer(l.Vals)) || l.Objs != 0 || uint64(i) >= uint64(n) {
		atomic.StoreUint64(&l.Seq, seq)
		return Exit, 0
	}
	e := elemAt(unsafe.Pointer(l.Vals), i)
	atomic.StoreUint64((*uint64)(unsafe.Pointer(&e.Tag)), uint64(v.Tag))
	atomic.StoreUint64(&e.Bits, v.Bits)
	atomic.StoreUint64(&l.Seq, seq+2)
	return Continue, 0
}
