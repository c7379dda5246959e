package interp

import "unsafe"

// Strs made here carry their text in the same allocation as the Str
// (CPython's str is one object too): a concatenation or a case change
// allocates once, where a Go string and a Str around it are two. Each
// type is a Str followed by room for the bytes, sized so the whole is one
// of Go's small size classes; the Str comes first, so a *Str to it is
// what native code and type switches expect. The text is written once,
// before the str is seen by anyone, and never changed.
type (
	str8 struct {
		Str
		b [8]byte
	}
	str24 struct {
		Str
		b [24]byte
	}
	str40 struct {
		Str
		b [40]byte
	}
	str72 struct {
		Str
		b [72]byte
	}
)

// newStrBuf is a str of n bytes to fill: write buf, then call seal.
func newStrBuf(n int) (*Str, []byte) {
	switch {
	case n <= 8:
		x := new(str8)
		return &x.Str, x.b[:n]
	case n <= 24:
		x := new(str24)
		return &x.Str, x.b[:n]
	case n <= 40:
		x := new(str40)
		return &x.Str, x.b[:n]
	case n <= 72:
		x := new(str72)
		return &x.Str, x.b[:n]
	}
	return new(Str), make([]byte, n)
}

// seal makes buf (from newStrBuf, filled) s's text; kind is its kind
// when known (strKind), else 0.
func (s *Str) seal(buf []byte, kind int8) Val {
	if len(buf) > 0 {
		s.s = unsafe.String(unsafe.SliceData(buf), len(buf))
	}
	if kind == 0 {
		kind = strKind(s.s)
	}
	s.kind = kind
	return Val{T: tagObject, B: strBits(s), O: s}
}

// concatStr is x + y in one allocation; its kind follows from theirs.
func concatStr(x, y *Str) Val {
	// An empty operand gives the other back, as CPython's concatenation.
	if y.s == "" {
		return ObjVal(x)
	}
	if x.s == "" {
		return ObjVal(y)
	}
	n := len(x.s) + len(y.s)
	s, buf := newStrBuf(n)
	copy(buf[copy(buf, x.s):], y.s)
	var kind int8 // unknown unless both are known
	if x.kind == 1 && y.kind == 1 {
		kind = 1
	} else if x.kind == 2 || y.kind == 2 {
		kind = 2
	}
	return s.seal(buf, kind)
}
