package interp

import (
	"unsafe"

	"github.com/copypatch/copypatch/templates"
)

// pval is a Val in two words, for tables of many values (dict entries):
// a Val is four (tag, bits, and the object's interface), of which a
// number uses two and an object three, the bits of an object being 0 or
// its own address plus a constant.
//
//   - A number, bool or None: w is its bits, p points at tagMarks[tag].
//   - An object: w and p are its interface's words (the itab, which the Go
//     runtime never frees or moves, so a uintptr keeps it, and the data
//     pointer, which the collector sees); its bits follow from its type.
//   - tagEmpty (a deleted entry): both zero.
//
// So two pvals are equal exactly when their Vals are the same value
// (same), and p is the only word the collector scans.
type pval struct {
	w uintptr
	p unsafe.Pointer
}

// ifaceWords is the layout of an interface value.
type ifaceWords struct {
	tab  uintptr
	data unsafe.Pointer
}

// tagMarks gives each non-object tag an address of its own.
var tagMarks [tagObject]byte

// The itabs of the object types whose bits are not 0 (ObjVal).
var listTab, instTab, strTab, tupleTab = itabOf(&List{}), itabOf(&Instance{}), itabOf(&Str{}), itabOf(&Tuple{})

func itabOf(o Object) uintptr { return (*ifaceWords)(unsafe.Pointer(&o)).tab }

func pack(v Val) pval {
	if v.T == tagObject {
		w := (*ifaceWords)(unsafe.Pointer(&v.O))
		return pval{w.tab, w.data}
	}
	if v.T == tagEmpty {
		return pval{}
	}
	return pval{uintptr(v.B), unsafe.Pointer(&tagMarks[v.T])}
}

// isObj reports whether x holds an object.
func (x pval) isObj() bool {
	return uintptr(x.p)-uintptr(unsafe.Pointer(&tagMarks[0])) >= uintptr(len(tagMarks)) && x != pval{}
}

// obj is x's object (x must hold one).
func (x pval) obj() Object {
	w := ifaceWords{x.w, x.p}
	return *(*Object)(unsafe.Pointer(&w))
}

// str is x's str, or nil. (A number's bits may equal strTab.)
func (x pval) str() *Str {
	if x.w != strTab || !x.isObj() {
		return nil
	}
	return (*Str)(x.p)
}

// tuple is x's tuple, or nil.
func (x pval) tuple() *Tuple {
	if x.w != tupleTab || !x.isObj() {
		return nil
	}
	return (*Tuple)(x.p)
}

func (x pval) unpack() Val {
	if t := uintptr(x.p) - uintptr(unsafe.Pointer(&tagMarks[0])); t < uintptr(len(tagMarks)) {
		return Val{T: templates.Tag(t), B: uint64(x.w)}
	}
	if x == (pval{}) {
		return Val{}
	}
	var b uint64
	switch x.w {
	case listTab:
		b = uint64(uintptr(x.p))
	case instTab:
		b = uint64(uintptr(x.p)) + templates.InstanceBit
	case strTab:
		b = uint64(uintptr(x.p)) + templates.StrBit
	case tupleTab:
		b = uint64(uintptr(x.p)) + templates.TupleBit
	}
	return Val{T: tagObject, B: b, O: x.obj()}
}
